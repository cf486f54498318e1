// The event table (text equivalent of the chart, for screen readers and for reading
// the story in order): loaded and drawn only when its <details> is opened.
import { taskName } from './trace.js';
import { DICTS } from './i18n.js';

// Its French texts come with it (not with the first visit); the English ones are in i18n-en.js.
Object.assign(DICTS.fr, {
  'why.timer': 'minuteur écoulé',
  'why.done': 'tâche attendue terminée',
  'why.gather': 'gather',
  'why.wait': 'wait',
  'why.cancel': 'annulation',
  'why.queue': 'file (Queue)',
  'why.event': 'événement (Event)',
  'why.lock': 'verrou (Lock)',
  'why.semaphore': 'sémaphore',
  'why.condition': 'condition',
  'why.soon': 'call_soon',
  'why.host': 'navigateur',
  'row.spawn': '{task} est créée et mise dans la file des prêts',
  'row.wake': '{task} est remise dans la file des prêts ({why})',
  'row.wakeBy': '{task} est réveillée par {by} ({why})',
  'row.start': '{task} démarre',
  'row.resume': '{task} reprend',
  'row.wait': '{task} rend la main et attend {what}',
  'row.done': '{task} se termine',
  'row.cancelled': '{task} est annulée',
  'row.failed': '{task} échoue : {detail}',
  'row.cancel': '{by} demande l’annulation de {task}',
  'row.waitResult': 'asyncio.wait rend la main à {task} : {done} terminée(s), {pending} en attente',
  'row.timerSet': '{task} arme un minuteur {what}, échéance {deadline}',
  'row.timerFire': 'le minuteur {what} de {task} expire',
  'row.log': '{task} affiche « {text} »',
  'row.logErr': '{task} écrit sur la sortie d’erreur « {text} »',
  'row.blocked': '{task} appelle time.sleep : la boucle est bloquée jusqu’à {until}',
  'row.loop.start': 'la boucle démarre',
  'row.loop.stop': 'la boucle s’arrête',
  'row.loop.close': 'la boucle est fermée',
  'row.loop.idle': 'la boucle n’a rien à faire : elle attend le prochain minuteur',
  'row.sentence': 't = {time} : {text}',
});

/**
 * The text equivalent of the chart: one row per meaningful event.
 * `tr(key, params)` translates (see i18n.js); `fmt(seconds)` formats a time.
 * Returns [{at, time, who, text, index}] where `text` is « t = 1,0 s : … »-ready.
 */
export function narrativeRows(events, model, tr, fmt) {
  const rows = [];
  const started = new Set();
  const who = (id) => (id === 0 ? tr('who.loop') : taskName(model, id));
  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    const name = who(ev.task);
    let text = null;
    switch (ev.k) {
      case 'spawn': text = tr('row.spawn', { task: name }); break;
      case 'wake':
        if (ev.task === 0) break;
        text = (ev.by && ev.by.length)
          ? tr('row.wakeBy', { task: name, by: ev.by.map(who).join(', '), why: tr('why.' + (ev.why || 'soon')) })
          : tr('row.wake', { task: name, why: tr('why.' + (ev.why || 'soon')) });
        break;
      case 'poll_start':
        if (ev.task === 0) break;
        text = tr(started.has(ev.task) ? 'row.resume' : 'row.start', { task: name });
        started.add(ev.task);
        break;
      case 'poll_end':
        if (ev.task === 0 || ev.wait == null) break;
        text = tr('row.wait', { task: name, what: String(ev.wait) });
        break;
      case 'complete':
        if (ev.outcome === 'cancelled') text = tr('row.cancelled', { task: name });
        else if (ev.outcome === 'failed') text = tr('row.failed', { task: name, detail: ev.detail || '' });
        else text = tr('row.done', { task: name });
        break;
      case 'cancel': text = tr('row.cancel', { task: name, by: who(ev.by) }); break;
      case 'wait_result':
        text = tr('row.waitResult', { task: name, done: String((ev.done || []).length), pending: String((ev.pending || []).length) });
        break;
      case 'timer_set': text = tr('row.timerSet', { task: name, what: String(ev.what ?? ''), deadline: fmt(ev.deadline) }); break;
      case 'timer_fire': text = tr('row.timerFire', { task: name, what: String(ev.what ?? '') }); break;
      case 'log': text = tr(ev.stream === 'err' ? 'row.logErr' : 'row.log', { task: name, text: String(ev.text ?? '') }); break;
      case 'blocked': text = tr('row.blocked', { task: name, until: fmt(ev.until) }); break;
      case 'loop':
        if (['start', 'stop', 'close', 'idle'].includes(ev.what)) text = tr('row.loop.' + ev.what);
        break;
      default: break; // line, iteration: too fine-grained for the table
    }
    if (text != null) rows.push({ at: ev.at, time: fmt(ev.at), who: name, text, index: i });
  }
  return rows;
}

/** Fill `table`'s body with the rows of `events` (at most `max`). */
export function renderTable(table, events, model, tr, fmt, max = 3000) {
  const body = table.tBodies[0];
  body.replaceChildren();
  if (!model) return;
  const frag = document.createDocumentFragment();
  for (const r of narrativeRows(events, model, tr, fmt).slice(0, max)) {
    const row = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = r.time;
    const who = document.createElement('td');
    who.textContent = r.who;
    const text = document.createElement('td');
    text.textContent = r.text;
    row.append(th, who, text);
    frag.appendChild(row);
  }
  body.appendChild(frag);
}
