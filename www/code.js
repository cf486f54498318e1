// Python source view: a tiny tokenizer (pure) and a renderer that builds spans with
// textContent only (never innerHTML).

const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else ' +
  'except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '));
const BUILTINS = new Set(('print len range sum str int float list dict set tuple enumerate zip isinstance ' +
  'min max abs sorted reversed open super type object Exception RuntimeError ValueError').split(' '));

/**
 * Split Python source into lines of tokens: [[{type, text}]], type in
 * kw | builtin | str | comment | num | def | deco | op | text. Pure.
 * The concatenated texts of a line are exactly the source line.
 */
export function tokenizePython(source) {
  const lines = String(source).replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const out = [];
  let openTriple = null; // '"""' or "'''" when a triple-quoted string spans lines
  for (const line of lines) {
    const toks = [];
    let i = 0;
    let prevWord = '';
    const push = (type, text) => {
      if (!text) return;
      const last = toks[toks.length - 1];
      if (last && last.type === type && type === 'text') last.text += text;
      else toks.push({ type, text });
    };
    if (openTriple) {
      const end = line.indexOf(openTriple);
      if (end < 0) { push('str', line); out.push(toks); continue; }
      push('str', line.slice(0, end + 3));
      i = end + 3;
      openTriple = null;
    }
    while (i < line.length) {
      const c = line[i];
      if (c === '#') { push('comment', line.slice(i)); break; }
      const strStart = line.slice(i).match(/^([rRbBfFuU]{0,2})("""|'''|"|')/);
      if (strStart && (strStart[1] === '' || /^[rRbBfFuU]{1,2}$/.test(strStart[1])) && !(strStart[1] && /\w/.test(line[i - 1] || ''))) {
        const q = strStart[2];
        let j = i + strStart[0].length;
        if (q.length === 3) {
          const end = line.indexOf(q, j);
          if (end < 0) { push('str', line.slice(i)); openTriple = q; i = line.length; break; }
          j = end + 3;
        } else {
          while (j < line.length && line[j] !== q) j += line[j] === '\\' ? 2 : 1;
          j = Math.min(line.length, j + 1);
        }
        push('str', line.slice(i, j));
        i = j;
        prevWord = '';
        continue;
      }
      const word = line.slice(i).match(/^[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*/);
      if (word) {
        const w = word[0];
        let type = 'text';
        if (KEYWORDS.has(w)) type = 'kw';
        else if (prevWord === 'def' || prevWord === 'class') type = 'def';
        else if (BUILTINS.has(w)) type = 'builtin';
        push(type, w);
        prevWord = w;
        i += w.length;
        continue;
      }
      const num = line.slice(i).match(/^\d[\d_]*(\.\d*)?([eE][+-]?\d+)?/);
      if (num && !/\w/.test(line[i - 1] || '')) { push('num', num[0]); i += num[0].length; continue; }
      if (c === '@' && line.slice(0, i).trim() === '') {
        const d = line.slice(i).match(/^@[\w.]+/);
        if (d) { push('deco', d[0]); i += d[0].length; continue; }
      }
      if (/[=+\-*/%<>!:(),.[\]{}]/.test(c)) { push('op', c); i++; if (c !== '.') prevWord = ''; continue; }
      push('text', c);
      if (c !== ' ' && c !== '\t') prevWord = '';
      i++;
    }
    out.push(toks);
  }
  return out;
}

/** Render `source` into `container`: one div.line[data-line] per line. */
export function renderCode(container, source) {
  const doc = container.ownerDocument;
  const frag = doc.createDocumentFragment();
  const lines = tokenizePython(source);
  lines.forEach((toks, idx) => {
    const row = doc.createElement('div');
    row.className = 'line';
    row.dataset.line = String(idx + 1);
    const ln = doc.createElement('span');
    ln.className = 'ln';
    ln.setAttribute('aria-hidden', 'true');
    ln.textContent = String(idx + 1);
    row.appendChild(ln);
    const src = doc.createElement('span');
    src.className = 'src';
    for (const tok of toks) {
      if (tok.type === 'text') { src.appendChild(doc.createTextNode(tok.text)); continue; }
      const s = doc.createElement('span');
      s.className = 'tok-' + tok.type;
      s.textContent = tok.text;
      src.appendChild(s);
    }
    row.appendChild(src);
    frag.appendChild(row);
  });
  container.replaceChildren(frag);
}

/** Highlight line `line` (1-based; null clears). Scrolls it into view inside the box. */
export function setCurrentLine(container, line, { scroll = true } = {}) {
  const prev = container.querySelector('.line.current');
  const next = line ? container.querySelector(`.line[data-line="${Number(line)}"]`) : null;
  if (prev === next) return;
  if (prev) { prev.classList.remove('current'); prev.removeAttribute('aria-current'); }
  if (next) {
    next.classList.add('current');
    next.setAttribute('aria-current', 'step');
    if (scroll) scrollToLine(container, next);
  }
}

/** Scroll the box that holds the code (the editor's, or the container) to show `row`. */
export function scrollToLine(container, row) {
  const box = container.closest('.code-scroll') || container;
  const top = row.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  if (top < box.scrollTop || top + row.offsetHeight > box.scrollTop + box.clientHeight) {
    box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }
}

/** Give line `line` (1-based; null: none) the class `cls`, removing it elsewhere. */
export function markLine(container, line, cls) {
  for (const el of container.querySelectorAll('.line.' + cls)) el.classList.remove(cls);
  const row = line ? container.querySelector(`.line[data-line="${Number(line)}"]`) : null;
  if (row) row.classList.add(cls);
  return row;
}

