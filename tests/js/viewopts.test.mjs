import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseViewOptions, VIEW_PANELS } from '../../www/viewopts.js';

const p = (q) => parseViewOptions(new URLSearchParams(q));

test('lock=1 fixes the example; view= lists the panels to show', () => {
  assert.equal(p('lock=1').lock, true);
  assert.equal(p('lock=0').lock, false);
  assert.equal(p('').lock, false);
  assert.deepEqual([...p('').view], VIEW_PANELS);
  assert.deepEqual([...p('view=code,timeline').view], ['code', 'timeline']);
  assert.deepEqual([...p('view=Output%20queues').view], ['output', 'queues']);
});

test('bad lock= and view= values are reported with the accepted ones', () => {
  assert.deepEqual(p('lock=maybe').errors, [{ key: 'opt.badLock', params: { value: 'maybe' } }]);
  const v = p('view=code,chart');
  assert.deepEqual([...v.view], ['code']);
  assert.deepEqual(v.errors, [{ key: 'opt.badView', params: { value: 'chart', accepted: 'code, output, timeline, queues' } }]);
  const none = p('view=nothing');
  assert.deepEqual([...none.view], VIEW_PANELS, 'a view with no known panel shows them all');
  assert.deepEqual(none.errors.map((e) => e.key), ['opt.badView', 'opt.emptyView']);
});
