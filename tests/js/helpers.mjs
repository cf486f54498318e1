import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');

/** A trace made by the engine (tests/js/fixtures/SOURCES says how; `make fixtures`). */
export function fixture(name) {
  return JSON.parse(fs.readFileSync(path.join(here, 'fixtures', name), 'utf8'));
}

export function course(name) {
  return fs.readFileSync(path.join(REPO, 'crate', 'course', name), 'utf8');
}
