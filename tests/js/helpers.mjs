import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');

/** A hand-written trace from tests/js/fixtures/ (ARCHITECTURE.md format). */
export function fixture(name) {
  return JSON.parse(fs.readFileSync(path.join(here, 'fixtures', name), 'utf8'));
}

export function course(name) {
  return fs.readFileSync(path.join(REPO, 'crate', 'course', name), 'utf8');
}
