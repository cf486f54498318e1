// A minimal DOM for node tests of modules that build nodes with createElement and
// textContent (markdown.js): enough to render, then inspect what was built.
class Node {
  constructor(doc) { this.ownerDocument = doc; this.childNodes = []; this.parentNode = null; }
  appendChild(n) {
    if (n.isFragment) { for (const c of [...n.childNodes]) this.appendChild(c); n.childNodes = []; return n; }
    n.parentNode = this; this.childNodes.push(n); return n;
  }
  append(...ns) { for (const n of ns) this.appendChild(typeof n === 'string' ? this.ownerDocument.createTextNode(n) : n); }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }
  set textContent(v) { this.childNodes = [this.ownerDocument.createTextNode(String(v))]; }
}
class Text extends Node {
  constructor(doc, text) { super(doc); this.data = text; this.nodeName = '#text'; }
  get textContent() { return this.data; }
  set textContent(v) { this.data = String(v); }
}
class Element extends Node {
  constructor(doc, tag) {
    super(doc);
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.listeners = {};
    this.dataset = {};
    this.className = '';
  }
  setAttribute(k, v) { this.attributes.set(k, String(v)); }
  getAttribute(k) { return this.attributes.has(k) ? this.attributes.get(k) : null; }
  addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); }
  click() { for (const fn of this.listeners.click || []) fn({ preventDefault() {} }); }
  set innerHTML(v) { throw new Error('innerHTML must not be used'); }
}
class Fragment extends Node { constructor(doc) { super(doc); this.isFragment = true; } }

export function fakeDocument() {
  const doc = {
    createElement: (tag) => new Element(doc, tag),
    createTextNode: (text) => new Text(doc, text),
    createDocumentFragment: () => new Fragment(doc),
  };
  return doc;
}

/** Every element under `root` (depth first). */
export function elements(root) {
  const out = [];
  const walk = (n) => { for (const c of n.childNodes) { if (c instanceof Element) { out.push(c); walk(c); } } };
  walk(root);
  return out;
}
