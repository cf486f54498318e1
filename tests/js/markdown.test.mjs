import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown, parseInline, renderBlocks, parseLook, safeUrl } from '../../www/markdown.js';
import { fakeDocument, elements } from './fakedom.mjs';

const render = (md, opts) => {
  const doc = fakeDocument();
  const root = doc.createElement('div');
  root.appendChild(renderBlocks(parseMarkdown(md), doc, opts));
  return root;
};
const ALLOWED = new Set(['H2', 'H3', 'H4', 'P', 'UL', 'OL', 'LI', 'PRE', 'CODE', 'STRONG', 'EM', 'A', 'BUTTON', 'SPAN']);

test('headings, paragraphs, lists and code blocks become the matching elements', () => {
  const root = render('# Titre\n\nUn paragraphe\nsur deux lignes.\n\n## Partie\n\n- un\n- deux\n  suite\n\n1. premier\n2. second\n\n```python\nprint("x")\n```\n');
  assert.deepEqual(root.childNodes.map((n) => n.tagName), ['H2', 'P', 'H3', 'UL', 'OL', 'PRE']);
  assert.equal(root.childNodes[1].textContent, 'Un paragraphe sur deux lignes.');
  assert.deepEqual(root.childNodes[3].childNodes.map((li) => li.textContent), ['un', 'deux suite']);
  assert.equal(root.childNodes[5].textContent, 'print("x")');
});

test('inline code, bold, emphasis and https links are rendered; their text stays text', () => {
  const nodes = parseInline('Voir `await` et **la boucle** ou *ceci* : [la doc](https://docs.python.org/3/library/asyncio.html).');
  assert.deepEqual(nodes.map((n) => n.type), ['text', 'code', 'text', 'strong', 'text', 'em', 'text', 'link', 'text']);
  const root = render('Lien [doc](https://docs.python.org/fr/3/library/asyncio-task.html)');
  const a = elements(root).find((e) => e.tagName === 'A');
  assert.equal(a.getAttribute('href'), 'https://docs.python.org/fr/3/library/asyncio-task.html');
  assert.equal(a.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(a.getAttribute('target'), '_blank');
});

test('a lesson file with HTML, script and event handlers injects no element: it is shown as text', () => {
  const evil = [
    '# <script>window.pwned = 1</script>',
    '',
    'Texte <img src=x onerror="window.pwned=1"> et <b onclick=alert(1)>gras</b>.',
    '',
    '- <iframe src="https://evil.example"></iframe>',
    '',
    '[clic](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) [rel](/index.html) [proto](//evil.example/x)',
    '',
    '`<script>alert(1)</script>`',
    '',
    '```',
    '<script>alert(2)</script>',
    '```',
  ].join('\n');
  const root = render(evil);
  const els = elements(root);
  for (const e of els) assert.ok(ALLOWED.has(e.tagName), `unexpected <${e.tagName}>`);
  assert.ok(!els.some((e) => e.tagName === 'A'), 'no link survives but http(s) ones');
  for (const e of els) for (const k of e.attributes.keys()) assert.ok(!/^on/i.test(k), `event handler attribute ${k}`);
  const text = root.textContent;
  assert.match(text, /<script>window\.pwned = 1<\/script>/);
  assert.match(text, /<img src=x onerror="window\.pwned=1">/);
  assert.match(text, /<iframe src="https:\/\/evil\.example"><\/iframe>/);
  assert.match(text, /clic/);
});

test('only absolute http and https URLs are links', () => {
  assert.equal(safeUrl('https://docs.python.org/3/'), 'https://docs.python.org/3/');
  assert.equal(safeUrl('http://example.org'), 'http://example.org/');
  for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '/index.html', '//evil.example', 'vbscript:x', ' java\nscript:x']) {
    assert.equal(safeUrl(bad), null, bad);
  }
});

test('a look-here link becomes a button carrying its moment and lane', () => {
  assert.deepEqual(parseLook('#t=2.0&lane=Task-2'), { t: 2, lane: 'Task-2' });
  assert.deepEqual(parseLook('#t=1,5'), { t: 1.5, lane: null });
  assert.equal(parseLook('#t=-1'), null);
  assert.equal(parseLook('#top'), null);
  const looked = [];
  const root = render('[Regardez à 2 s](#t=2&lane=Task-2)', { onLook: (l) => looked.push(l) });
  const b = elements(root).find((e) => e.tagName === 'BUTTON');
  assert.equal(b.getAttribute('type'), 'button');
  assert.equal(b.dataset.t, '2');
  assert.equal(b.dataset.lane, 'Task-2');
  assert.match(b.textContent, /Regardez à 2 s/);
  b.click();
  assert.deepEqual(looked.map((l) => [l.t, l.lane]), [[2, 'Task-2']]);
});

test('fenced blocks with an info string can be taken over by the caller', () => {
  const root = render('```predict\n{}\n```\n\n```modern\ncode\n```\n', {
    fence: (b) => (b.info === 'predict' ? null : undefined),
  });
  assert.deepEqual(root.childNodes.map((n) => n.tagName), ['PRE']);
  assert.equal(root.textContent, 'code');
});
