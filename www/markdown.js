// A safe Markdown subset for the lesson files (www/lessons/LANG/ID.md), written by
// teachers: parsing is pure (text -> block tree, testable in node), and rendering
// builds DOM nodes with createElement / textContent only, so nothing in a lesson file
// can become HTML: `<script>` or `<img onerror=…>` in a lesson is shown as text.
//
// Blocks: `#`, `##`, `###` headings; paragraphs (lines joined); lists (`- `, `* `,
// `1. `; a more indented line continues the item); fenced blocks (```info … ```).
// Inline: `code`, **bold**, *emphasis*, [links](https://…) (http and https only:
// anything else is left as plain text), and "look here" links to a moment of the
// timeline: [regardez](#t=2.0&lane=Task-2) (lane optional: a task name such as
// Task-2, a coroutine name, or `loop`).

/** Parse `text` into blocks: {type:'heading', level, inline} | {type:'para', inline}
 *  | {type:'list', ordered, items:[inline]} | {type:'fence', info, text}. */
export function parseMarkdown(text) {
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let para = null;
  let list = null;
  const endPara = () => { if (para) { blocks.push({ type: 'para', inline: parseInline(para.join(' ')) }); para = null; } };
  const endList = () => {
    if (list) { blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map((s) => parseInline(s)) }); list = null; }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = line.match(/^\s{0,3}(`{3,})\s*([^`]*)$/);
    if (fence) {
      endPara(); endList();
      const body = [];
      let j = i + 1;
      const close = new RegExp('^\\s{0,3}`{' + fence[1].length + ',}\\s*$');
      while (j < lines.length && !close.test(lines[j])) body.push(lines[j++]);
      blocks.push({ type: 'fence', info: fence[2].trim(), text: body.join('\n') });
      i = j; // the closing fence (or the end of the file)
      continue;
    }
    if (!line.trim()) { endPara(); endList(); continue; }
    const h = line.match(/^\s{0,3}(#{1,3})\s+(.*?)\s*#*\s*$/);
    if (h) {
      endPara(); endList();
      blocks.push({ type: 'heading', level: h[1].length, inline: parseInline(h[2]) });
      continue;
    }
    const item = line.match(/^\s{0,3}([-*]|\d{1,3}[.)])\s+(.*)$/);
    if (item) {
      endPara();
      const ordered = /\d/.test(item[1]);
      if (list && list.ordered !== ordered) endList();
      if (!list) list = { ordered, items: [] };
      list.items.push(item[2].trim());
      continue;
    }
    if (list && /^\s+\S/.test(line)) { list.items[list.items.length - 1] += ' ' + line.trim(); continue; }
    endList();
    (para || (para = [])).push(line.trim());
  }
  endPara(); endList();
  return blocks;
}

/** Parse inline text into nodes: {type:'text', text} | {type:'code', text} |
 *  {type:'strong'|'em', children} | {type:'link', href, children} |
 *  {type:'look', t, lane, children}. */
export function parseInline(src) {
  const out = [];
  let text = '';
  const flush = () => { if (text) { out.push({ type: 'text', text }); text = ''; } };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length && /[\\`*_[\]()#]/.test(src[i + 1])) { text += src[i + 1]; i += 2; continue; }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i) { flush(); out.push({ type: 'code', text: src.slice(i + 1, end) }); i = end + 1; continue; }
    }
    if (c === '*' && src[i + 1] === '*') {
      const end = src.indexOf('**', i + 2);
      if (end > i + 2) { flush(); out.push({ type: 'strong', children: parseInline(src.slice(i + 2, end)) }); i = end + 2; continue; }
    }
    if (c === '*' && src[i + 1] !== '*' && src[i + 1] !== ' ') {
      const end = src.indexOf('*', i + 1);
      if (end > i + 1 && src[end - 1] !== ' ') { flush(); out.push({ type: 'em', children: parseInline(src.slice(i + 1, end)) }); i = end + 1; continue; }
    }
    if (c === '[') {
      const link = matchLink(src, i);
      if (link) {
        flush();
        out.push(linkNode(link.label, link.href));
        i = link.end;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** `[label](href)` starting at `i`: {label, href, end} or null. Brackets may nest once. */
function matchLink(src, i) {
  let depth = 0;
  let j = i;
  for (; j < src.length; j++) {
    if (src[j] === '\\') { j++; continue; }
    if (src[j] === '[') depth++;
    else if (src[j] === ']' && --depth === 0) break;
  }
  if (j >= src.length || src[j + 1] !== '(') return null;
  const close = src.indexOf(')', j + 2);
  if (close < 0) return null;
  return { label: src.slice(i + 1, j), href: src.slice(j + 2, close).trim(), end: close + 1 };
}

function linkNode(label, href) {
  const children = parseInline(label).filter((n) => n.type !== 'link' && n.type !== 'look');
  const look = parseLook(href);
  if (look) return { type: 'look', t: look.t, lane: look.lane, children };
  const url = safeUrl(href);
  if (url) return { type: 'link', href: url, children };
  // not a link we allow (javascript:, data:, relative…): the label alone, as text
  return { type: 'strong', children, refused: true };
}

/** '#t=2.0&lane=Task-2' -> {t: 2, lane: 'Task-2'}; null for anything else. */
export function parseLook(href) {
  const m = String(href).match(/^#(t=.*)$/);
  if (!m) return null;
  const p = new URLSearchParams(m[1]);
  const t = Number(String(p.get('t')).replace(',', '.'));
  if (!Number.isFinite(t) || t < 0) return null;
  const lane = p.get('lane');
  return { t, lane: lane && lane.trim() ? lane.trim() : null };
}

/** The URL if it is an absolute http(s) URL, else null. */
export function safeUrl(href) {
  const s = String(href).trim();
  if (!/^https?:\/\//i.test(s)) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (e) { return null; }
}

/** The text of inline nodes, without markup (titles, aria labels). */
export function plainText(nodes) {
  return (nodes || []).map((n) => (n.children ? plainText(n.children) : n.text || '')).join('');
}

/**
 * Render blocks into a DocumentFragment of `doc`. Only these elements are made: h2-h4,
 * p, ul, ol, li, pre, code, strong, em, a (http/https, new tab), button (look-here);
 * every text goes through textContent / text nodes.
 * opts: {headingBase (level of `#`, default 2), onLook(look, button), fence(block, doc)
 * -> Node|null (fenced blocks with an info string the caller handles), lookTitle(look)}.
 */
export function renderBlocks(blocks, doc, opts = {}) {
  const base = opts.headingBase ?? 2;
  const frag = doc.createDocumentFragment();
  for (const b of blocks) {
    if (b.type === 'heading') {
      const h = doc.createElement('h' + Math.min(6, base + b.level - 1));
      appendInline(h, b.inline, doc, opts);
      frag.appendChild(h);
    } else if (b.type === 'para') {
      const p = doc.createElement('p');
      appendInline(p, b.inline, doc, opts);
      frag.appendChild(p);
    } else if (b.type === 'list') {
      const l = doc.createElement(b.ordered ? 'ol' : 'ul');
      for (const it of b.items) {
        const li = doc.createElement('li');
        appendInline(li, it, doc, opts);
        l.appendChild(li);
      }
      frag.appendChild(l);
    } else if (b.type === 'fence') {
      const custom = opts.fence ? opts.fence(b, doc) : undefined;
      if (custom === null) continue; // handled elsewhere (predictions)
      if (custom) { frag.appendChild(custom); continue; }
      frag.appendChild(codeBlock(b.text, doc));
    }
  }
  return frag;
}

/** <pre><code> holding `text` as text. */
export function codeBlock(text, doc) {
  const pre = doc.createElement('pre');
  pre.setAttribute('tabindex', '0'); // it may scroll: reachable by keyboard
  const code = doc.createElement('code');
  code.textContent = text;
  pre.appendChild(code);
  return pre;
}

/** Append inline nodes to `parent`. */
export function appendInline(parent, nodes, doc, opts = {}) {
  for (const n of nodes || []) {
    if (n.type === 'text') parent.appendChild(doc.createTextNode(n.text));
    else if (n.type === 'code') {
      const c = doc.createElement('code');
      c.textContent = n.text;
      parent.appendChild(c);
    } else if (n.type === 'strong' || n.type === 'em') {
      const el = doc.createElement(n.refused ? 'span' : n.type);
      appendInline(el, n.children, doc, opts);
      parent.appendChild(el);
    } else if (n.type === 'link') {
      const a = doc.createElement('a');
      a.setAttribute('href', n.href);
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener noreferrer');
      appendInline(a, n.children, doc, opts);
      parent.appendChild(a);
    } else if (n.type === 'look') {
      const b = doc.createElement('button');
      b.setAttribute('type', 'button');
      b.className = 'look';
      b.dataset.t = String(n.t);
      if (n.lane) b.dataset.lane = n.lane;
      const icon = doc.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = '◎ ';
      b.appendChild(icon);
      appendInline(b, n.children, doc, opts);
      if (opts.lookTitle) b.setAttribute('title', opts.lookTitle(n));
      if (opts.onLook) b.addEventListener('click', () => opts.onLook(n, b));
      parent.appendChild(b);
    }
  }
  return parent;
}
