// Pure: the page state held in the URL, ?scenario=03&lang=en&speed=2&t=1.5&code=…
// (code: the edited source, compressed by codec.js; decoded by the page, async),
// &lesson=03 (lesson.js) and &big=1 (big.js).
import { LANGS, DEFAULT_LANG } from './i18n.js';

export const SPEEDS = ['0.25', '0.5', '1', '2', '4', 'instant'];
export const DEFAULT_SPEED = '1';
export const DEFAULT_SCENARIO = '00';

/**
 * Parse the query string. `ids` lists the scenario ids the engine accepts.
 * Returns {scenario, lang, speed, t, code, lesson, big, errors:[{key, params}]} (code,
 * lesson: the raw values or null); every bad value gets
 * an error naming the accepted values and is replaced by a sensible fallback.
 */
export function parseState(search, ids) {
  const params = new URLSearchParams(search || '');
  const errors = [];
  const fallbackScenario = ids && ids.includes(DEFAULT_SCENARIO) ? DEFAULT_SCENARIO : (ids && ids[0]) || DEFAULT_SCENARIO;

  let scenario = fallbackScenario;
  if (params.has('scenario')) {
    const raw = params.get('scenario').trim();
    const id = normaliseScenario(raw, ids);
    if (id) scenario = id;
    else errors.push({ key: 'url.badScenario', params: { value: raw, accepted: acceptedScenarios(ids), fallback: fallbackScenario } });
  }

  let lang = DEFAULT_LANG;
  if (params.has('lang')) {
    const raw = params.get('lang').trim();
    const l = raw.toLowerCase();
    if (LANGS.includes(l)) lang = l;
    else errors.push({ key: 'url.badLang', params: { value: raw, accepted: LANGS.join(', ') } });
  }

  let speed = DEFAULT_SPEED;
  if (params.has('speed')) {
    const raw = params.get('speed').trim();
    const s = normaliseSpeed(raw);
    if (s) speed = s;
    else errors.push({ key: 'url.badSpeed', params: { value: raw, accepted: SPEEDS.join(', ') } });
  }

  let t = null;
  if (params.has('t')) {
    const raw = params.get('t').trim();
    const v = raw === '' ? NaN : Number(raw.replace(',', '.'));
    if (Number.isFinite(v) && v >= 0) t = v;
    else errors.push({ key: 'url.badT', params: { value: raw } });
  }
  const code = params.has('code') ? params.get('code').trim() : null;
  const lesson = params.has('lesson') ? params.get('lesson').trim() : null;
  const big = params.get('big') === '1';
  return { scenario, lang, speed, t, code, lesson, big, errors };
}

/** Serialise the state back: '?scenario=03&lang=en&speed=2&t=1.5&code=…' (t, code,
 *  lesson, big only when set). */
export function serialiseState({ scenario, lang, speed, t, code, lesson, big }) {
  const p = new URLSearchParams();
  p.set('scenario', scenario || DEFAULT_SCENARIO);
  p.set('lang', lang || DEFAULT_LANG);
  p.set('speed', speed || DEFAULT_SPEED);
  if (t != null && Number.isFinite(t)) p.set('t', String(Math.round(t * 1000) / 1000));
  if (code) p.set('code', code);
  if (lesson != null) p.set('lesson', lesson);
  if (big) p.set('big', '1');
  return '?' + p.toString();
}

/** '3' or '03' -> '03' when the engine knows it; null otherwise. */
export function normaliseScenario(raw, ids) {
  const list = ids && ids.length ? ids : null;
  if (!list) return /^\d{2}$/.test(raw) ? raw : null;
  if (list.includes(raw)) return raw;
  if (/^\d+$/.test(raw)) {
    const padded = String(Number(raw)).padStart(2, '0');
    if (list.includes(padded)) return padded;
  }
  return null;
}

/** '2', '2.0', 'x2', '×2' -> '2'; 'instant' -> 'instant'; anything else -> null. */
export function normaliseSpeed(raw) {
  const s = String(raw).trim().toLowerCase().replace(/^[x×]/, '');
  if (s === 'instant') return 'instant';
  if (s === '') return null;
  const v = Number(s.replace(',', '.'));
  if (!Number.isFinite(v)) return null;
  const hit = SPEEDS.find((x) => x !== 'instant' && Number(x) === v);
  return hit || null;
}

function acceptedScenarios(ids) {
  return (ids && ids.length ? ids : []).join(', ');
}

// The edited code is also kept in localStorage, one key per scenario.
/** localStorage key of the edited code of scenario `id`. */
export function storageKey(id) {
  return 'boucle:code:' + String(id);
}

/** Safe localStorage access (blocked storage, private modes, sandboxed frames). */
export function loadStored(storage, id) {
  try { return storage ? storage.getItem(storageKey(id)) : null; } catch (e) { return null; }
}

/** Store `code` for `id`, or forget it when `code` is null (the course version). */
export function saveStored(storage, id, code) {
  try {
    if (!storage) return;
    if (code == null) storage.removeItem(storageKey(id));
    else storage.setItem(storageKey(id), code);
  } catch (e) { /* full or blocked: the URL still holds the code */ }
}
