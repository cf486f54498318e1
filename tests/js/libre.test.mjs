import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { libreTemplate, isTemplate } from '../../www/libre.js';
import { REPO } from './helpers.mjs';

// The templates are checked against CPython as tests/templates/mon_code_LANG.py (natively
// in tests/python_cases.rs, in the browser in tests/e2e/python-cases.test.mjs): those
// files must be exactly what the page shows.
for (const lang of ['fr', 'en']) {
  test(`the ${lang} « Mon code » template is the program checked against CPython`, () => {
    const file = path.join(REPO, 'tests', 'templates', `mon_code_${lang}.py`);
    assert.equal(libreTemplate(lang), fs.readFileSync(file, 'utf8'),
      `www/libre.js changed: copy its ${lang} template to ${path.relative(REPO, file)} and remake the .out with tests/tools/cpython_vclock.py`);
    assert.ok(fs.readFileSync(file.replace(/\.py$/, '.out'), 'utf8').length > 0);
    assert.ok(isTemplate(libreTemplate(lang)));
  });
}

test('the two templates differ (each language has its own) and an unknown language gets the French one', () => {
  assert.notEqual(libreTemplate('fr'), libreTemplate('en'));
  assert.equal(libreTemplate('de'), libreTemplate('fr'));
});
