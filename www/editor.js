// The code editor: a transparent <textarea> over the highlighted lines of code.js
// (textContent only, CSP-safe). The text edits (Tab, Shift+Tab, Enter) are pure functions.

/**
 * Tab (dedent = false) or Shift+Tab (dedent = true) on `text` with the selection
 * [start, end). Returns {from, to, insert, selStart, selEnd}: replace text[from, to)
 * by `insert`, then select [selStart, selEnd). Pure.
 */
export function indentEdit(text, start, end, dedent) {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const multi = text.slice(start, end).includes('\n');
  if (!dedent && !multi) {
    const n = 4 - ((start - lineStart) % 4);
    return { from: start, to: end, insert: ' '.repeat(n), selStart: start + n, selEnd: start + n };
  }
  const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
  let lineEnd = text.indexOf('\n', last);
  if (lineEnd < 0) lineEnd = text.length;
  const ls = text.slice(lineStart, lineEnd).split('\n');
  let first = 0;
  let total = 0;
  const out = ls.map((l, i) => {
    let d = 0;
    if (dedent) { d = -(l.match(/^( {1,4}|\t)/)?.[0].length || 0); l = l.slice(-d); }
    else if (l.trim() || ls.length === 1) { d = 4; l = '    ' + l; }
    if (i === 0) first = d;
    total += d;
    return l;
  });
  const selStart = Math.max(lineStart, start + first);
  return { from: lineStart, to: lineEnd, insert: out.join('\n'), selStart, selEnd: start === end ? selStart : Math.max(selStart, end + total) };
}

/** Enter: a new line with the current line's indentation, 4 more after a ':'. The
 *  spaces right after the caret are replaced, not added to (no doubled indent). Pure. */
export function newlineEdit(text, start, end) {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  let indent = before.match(/^[ \t]*/)[0];
  if (/:\s*(#.*)?$/.test(before)) indent += '    ';
  const to = end + text.slice(end).match(/^[ \t]*/)[0].length;
  const insert = '\n' + indent;
  return { from: start, to, insert, selStart: start + insert.length, selEnd: start + insert.length };
}

/** Backspace in a line's indentation (only spaces before the caret, no selection):
 *  back to the previous multiple of 4, one indent level. null otherwise (the
 *  browser deletes one character). Pure. */
export function backspaceEdit(text, start, end) {
  if (start !== end || start === 0) return null;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  if (!before || !/^ +$/.test(before)) return null;
  const n = before.length % 4 || 4;
  return { from: start - n, to: start, insert: '', selStart: start - n, selEnd: start - n };
}

/** Apply an edit through the browser's editing commands, so that undo keeps working. */
function apply(ta, e) {
  ta.focus();
  ta.setSelectionRange(e.from, e.to);
  let ok = false;
  try { ok = e.insert ? document.execCommand('insertText', false, e.insert) : (e.from === e.to || document.execCommand('delete')); } catch (err) { ok = false; }
  if (!ok || ta.value.slice(e.from, e.from + e.insert.length) !== e.insert) {
    ta.setRangeText(e.insert, e.from, e.to, 'end');
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }
  ta.setSelectionRange(e.selStart, e.selEnd);
}

/**
 * Wire the textarea: Tab / Shift+Tab indent and dedent (Esc then Tab leaves the editor),
 * Enter keeps the indentation, Ctrl/Cmd+Enter runs. `onInput(text)` (optional) after
 * every change.
 */
export function attachEditor(ta, { onInput, onRun, pristine = () => false }) {
  let escaped = false;
  // Tabbing through the page must not edit the course's code: on untouched code,
  // Tab moves the focus on until the student types something in the editor.
  let typed = false;
  ta.addEventListener('focus', () => { typed = false; });
  ta.addEventListener('keydown', (ev) => {
    if (ev.isComposing) return;
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); onRun(); return; }
    if (ev.key === 'Escape') { escaped = true; return; }
    if (ev.key === 'Tab' && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
      if (escaped) { escaped = false; return; } // the browser moves the focus on
      if (!typed && pristine()) return; // passing through: the browser moves the focus on
      ev.preventDefault();
      apply(ta, indentEdit(ta.value, ta.selectionStart, ta.selectionEnd, ev.shiftKey));
      return;
    }
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(ev.key)) escaped = false;
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.altKey) {
      ev.preventDefault();
      apply(ta, newlineEdit(ta.value, ta.selectionStart, ta.selectionEnd));
    }
    if (ev.key === 'Backspace' && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
      const e = backspaceEdit(ta.value, ta.selectionStart, ta.selectionEnd);
      if (e) { ev.preventDefault(); apply(ta, e); }
    }
  });
  ta.addEventListener('beforeinput', () => { typed = true; });
  ta.addEventListener('blur', () => { escaped = false; });
  ta.addEventListener('input', () => { if (onInput) onInput(ta.value); keepCaretVisible(ta); });
  ta.addEventListener('keyup', (ev) => { if (/^(Arrow|Page|Home|End)/.test(ev.key)) keepCaretVisible(ta); });
}

/** The textarea does not scroll (the box around it does): keep the caret's line in view. */
function keepCaretVisible(ta) {
  const box = ta.closest('.code-scroll');
  if (!box) return;
  const style = getComputedStyle(ta);
  const lh = parseFloat(style.lineHeight) || 20;
  const row = ta.value.slice(0, ta.selectionEnd).split('\n').length - 1;
  const top = ta.offsetTop + parseFloat(style.paddingTop) + row * lh;
  if (top < box.scrollTop) box.scrollTop = Math.max(0, top - lh);
  else if (top + lh > box.scrollTop + box.clientHeight) box.scrollTop = top + 2 * lh - box.clientHeight;
}
