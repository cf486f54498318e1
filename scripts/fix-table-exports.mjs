#!/usr/bin/env node
// node scripts/fix-table-exports.mjs BEFORE.wasm AFTER.wasm
//
// Repairs, in place in AFTER.wasm, the table exports that Debian bookworm's binaryen
// (version 108) writes wrong: its binary writer emits index 0 for every exported table
// (binaryen issue #4711, fixed by PR #4736 in version 110). wasm-bindgen exports its
// externref table (`__wbindgen_externrefs`) next to the funcref table, so after
// `wasm-opt` the export points at the funcref table and `init()` fails in the browser
// with "WebAssembly.Table.set(): Argument 1 is invalid for table".
//
// Only the export section is wrong (the optimized code itself is fine), so each table
// export of AFTER is pointed back at the one table whose element type matches the table
// that export named in BEFORE. Anything ambiguous is an error (exit 1), never a guess.
// The result is checked with WebAssembly.validate. A no-op on a correct binaryen.

import fs from 'node:fs';

const KIND_FUNC = 0;
const KIND_TABLE = 1;
const KIND_MEMORY = 2;
const KIND_GLOBAL = 3;
const KIND_TAG = 4;
const REFTYPE_NAMES = { 0x70: 'funcref', 0x6f: 'externref' };

class Reader {
  constructor(buf, pos = 0) {
    this.buf = buf;
    this.pos = pos;
  }
  byte() {
    if (this.pos >= this.buf.length) throw new Error('unexpected end of module');
    return this.buf[this.pos++];
  }
  u32() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
      shift += 7;
      if (shift > 35) throw new Error('LEB128 too long');
    }
  }
  name() {
    const len = this.u32();
    const s = this.buf.subarray(this.pos, this.pos + len).toString('utf8');
    this.pos += len;
    return s;
  }
  limits() {
    const flags = this.u32();
    this.u32(); // min
    if (flags & 1) this.u32(); // max
  }
  reftype() {
    const t = this.byte();
    if (!(t in REFTYPE_NAMES)) throw new Error(`unsupported table element type 0x${t.toString(16)}`);
    return t;
  }
  tabletype() {
    const t = this.reftype();
    this.limits();
    return t;
  }
}

/** Table element types (imports first, as in the index space) and the exports. */
function parseModule(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const r = new Reader(buf, 8);
  const tables = [];
  const exports = [];
  while (r.pos < buf.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    if (id === 2) {
      // imports
      for (let n = r.u32(); n > 0; n--) {
        r.name();
        r.name();
        const kind = r.byte();
        if (kind === KIND_FUNC) r.u32();
        else if (kind === KIND_TABLE) tables.push(r.tabletype());
        else if (kind === KIND_MEMORY) r.limits();
        else if (kind === KIND_GLOBAL) {
          r.byte(); // value type (numeric or ref: one byte in the MVP + reference types)
          r.byte(); // mutability
        } else if (kind === KIND_TAG) {
          r.byte();
          r.u32();
        } else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 4) {
      for (let n = r.u32(); n > 0; n--) {
        if (buf[r.pos] === 0x40) throw new Error('table with an init expression: not supported');
        tables.push(r.tabletype());
      }
    } else if (id === 7) {
      for (let n = r.u32(); n > 0; n--) {
        const name = r.name();
        const kind = r.byte();
        const at = r.pos;
        const index = r.u32();
        exports.push({ name, kind, index, at, len: r.pos - at });
      }
    }
    r.pos = end;
  }
  return { tables, exports };
}

function main() {
  const [before, after] = process.argv.slice(2);
  if (!before || !after) {
    console.error('usage: node scripts/fix-table-exports.mjs BEFORE.wasm AFTER.wasm');
    process.exit(2);
  }
  const src = parseModule(fs.readFileSync(before));
  const buf = fs.readFileSync(after);
  const out = parseModule(buf);
  let fixed = 0;
  for (const ex of out.exports.filter((e) => e.kind === KIND_TABLE)) {
    const orig = src.exports.find((e) => e.name === ex.name && e.kind === KIND_TABLE);
    if (!orig) throw new Error(`table export ${ex.name} does not exist before wasm-opt`);
    const want = src.tables[orig.index];
    if (out.tables[ex.index] === want) continue;
    const candidates = out.tables.flatMap((t, i) => (t === want ? [i] : []));
    if (candidates.length !== 1) {
      throw new Error(
        `export ${ex.name}: needs a ${REFTYPE_NAMES[want]} table, found ${candidates.length} after wasm-opt`,
      );
    }
    const index = candidates[0];
    if (index >= 128 || ex.len !== 1) throw new Error(`export ${ex.name}: cannot patch index in place`);
    buf[ex.at] = index;
    console.log(
      `   fixed export ${ex.name}: table ${ex.index} -> ${index} (${REFTYPE_NAMES[want]}; binaryen < 110 bug)`,
    );
    fixed++;
  }
  if (!WebAssembly.validate(buf)) throw new Error(`${after} does not validate after the fix`);
  if (fixed) fs.writeFileSync(after, buf);
}

main();
