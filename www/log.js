// The program's output: one <li> per printed line, stamped with its loop time.
// The stamp is drawn by CSS from data-stamp (li::before), so the text of #log is
// exactly what the program printed. Lines after the moment shown are dimmed.

/**
 * Bring `list` (an <ol>/<ul>) up to date with `logs` (model.logs). Appends new lines
 * only (live runs), rebuilds when the run changed. `t` = moment shown.
 * `fmt(seconds)` formats stamps; `onPick(index)` when a line is chosen.
 */
export function renderLog(list, logs, { t = Infinity, fmt, onPick, marked = -1 }) {
  const doc = list.ownerDocument;
  const have = list.children.length;
  if (have > logs.length || (have && list.dataset.run !== String(logs.runId ?? ''))) {
    list.replaceChildren();
  }
  list.dataset.run = String(logs.runId ?? '');
  const frag = doc.createDocumentFragment();
  for (let i = list.children.length; i < logs.length; i++) {
    const l = logs[i];
    const li = doc.createElement('li');
    li.dataset.at = String(l.at);
    li.dataset.index = String(i);
    if (l.stream === 'err') li.className = 'err';
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'logline';
    b.dataset.stamp = '[' + fmt(l.at) + ']';
    b.textContent = l.text;
    b.addEventListener('click', () => onPick && onPick(i));
    li.appendChild(b);
    frag.appendChild(li);
  }
  const added = frag.childNodes.length;
  list.appendChild(frag);
  const lim = t + 1e-9;
  for (let i = 0; i < list.children.length; i++) {
    const li = list.children[i];
    const future = Number(li.dataset.at) > lim;
    li.classList.toggle('future', future);
    li.classList.toggle('marked', i === marked);
  }
  return added;
}

/** Re-stamp every line (after a language change). */
export function restamp(list, fmt) {
  for (const li of list.children) {
    const b = li.firstElementChild;
    if (b) b.dataset.stamp = '[' + fmt(Number(li.dataset.at)) + ']';
  }
}

/** Scroll the log box so that its last non-future line is visible. */
export function scrollToPresent(box, list) {
  let last = null;
  for (const li of list.children) { if (!li.classList.contains('future')) last = li; }
  if (!last) { box.scrollTop = 0; return; }
  const top = last.offsetTop;
  if (top < box.scrollTop || top + last.offsetHeight > box.scrollTop + box.clientHeight) {
    box.scrollTop = Math.max(0, top - box.clientHeight + last.offsetHeight + 8);
  }
}
