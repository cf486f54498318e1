// Pure: the result code a student pastes to the teacher after an exercise, e.g.
//   B1-faster-7f3a9c-OK-4e
//   │  │      │      │  └ check: 2 hex digits over everything before it (catches typos)
//   │  │      │      └ verdict: OK (every check passed) or KO
//   │  │      └ fingerprint of the student's source: FNV-1a 32-bit, top 24 bits, in hex
//   │  └ exercise: a built-in id, or x + 6 hex of the fingerprint of an ex= document
//   └ format version
// There is no secret (the page is static and open): anyone can compute a code for any
// source. What the code does give: the check digits catch a mistyped code; and with the
// student's source pasted beside it, the page recomputes the fingerprint (is this the
// source the code speaks of?) and runs the exercise's checks on that source again, so
// the verdict the teacher sees is the page's, not the student's claim. It does not prove
// who wrote the source, nor that it was the student who ran it.

const FORMAT = 'B1';

/** FNV-1a 32-bit over the UTF-8 bytes of `text` (small, synchronous, works on file://
 *  and plain http, unlike crypto.subtle). */
export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(String(text))) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The source as fingerprinted: line endings, trailing spaces and trailing blank lines
 *  do not count (they get lost or added when code is pasted around). */
export function normaliseSource(source) {
  return String(source ?? '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n').replace(/\n+$/, '');
}

/** 6 hex digits identifying a source. */
export function sourceHash(source) {
  return (fnv1a(normaliseSource(source)) >>> 8).toString(16).padStart(6, '0');
}

/** The exercise part of a code for a teacher's `ex=` document (its JSON text). */
export function documentId(json) {
  return 'x' + (fnv1a(String(json)) >>> 8).toString(16).padStart(6, '0');
}

function check(body) {
  return (fnv1a(body) & 0xff).toString(16).padStart(2, '0');
}

/** The result code of `source` for exercise `exId`, passed or not. */
export function makeResultCode(exId, source, pass) {
  const body = `${FORMAT}-${exId}-${sourceHash(source)}-${pass ? 'OK' : 'KO'}`;
  return `${body}-${check(body)}`;
}

/**
 * Read a pasted result code (spaces and case forgiven). Returns
 * {ok: true, exId, hash, pass} or {ok: false, reason: 'malformed' | 'checksum'}.
 */
export function parseResultCode(text) {
  const s = String(text ?? '').trim().replace(/\s+/g, '');
  const m = s.match(/^(B1)-([a-z0-9][a-z0-9_]*)-([0-9a-f]{6})-(OK|KO)-([0-9a-f]{2})$/i);
  if (!m) return { ok: false, reason: 'malformed' };
  const body = `${FORMAT}-${m[2].toLowerCase()}-${m[3].toLowerCase()}-${m[4].toUpperCase()}`;
  if (check(body) !== m[5].toLowerCase()) return { ok: false, reason: 'checksum' };
  return { ok: true, exId: m[2].toLowerCase(), hash: m[3].toLowerCase(), pass: m[4].toUpperCase() === 'OK' };
}

/** Whether `source` is the one a parsed code speaks of. */
export function matchesSource(parsed, source) {
  return parsed.ok && sourceHash(source) === parsed.hash;
}
