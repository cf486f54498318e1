// Pure: the edited code in a link (?code=, deflate-raw + base64url). No DOM; runs in
// node too (node >= 18). Loaded by the page when a link has code= or the code is edited.

/** Longest source accepted from a link, in characters (a guard against zip bombs). */
export const MAX_CODE = 100000;

/** Bytes -> base64url without padding. */
export function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) -> bytes; throws on anything else. */
export function fromBase64Url(text) {
  const s = String(text).trim();
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('not base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) { reader.cancel().catch(() => {}); throw new Error('too long'); }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Source text -> the `code=` value (deflate-raw, base64url). */
export async function encodeCode(source) {
  const bytes = new TextEncoder().encode(String(source));
  return toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw'), Infinity));
}

/** The `code=` value -> source text. Throws (a plain Error) when it is corrupt. */
export async function decodeCode(value) {
  const bytes = fromBase64Url(value);
  if (!bytes.length) throw new Error('empty');
  const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_CODE * 4);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  if (text.length > MAX_CODE) throw new Error('too long');
  return text;
}
