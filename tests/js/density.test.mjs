import { test } from 'node:test';
import assert from 'node:assert/strict';
import { densityOf, countsAt } from '../../www/density.js';
import { buildModel } from '../../www/trace.js';

// Three tasks spawned at 0: one finishes at once, two sleep 1 s and 2 s.
function events() {
  const ev = [];
  for (const id of [1, 2, 3]) ev.push({ at: 0, task: id, k: 'spawn', name: `Task-${id}`, coro: 'f', parent: 0 });
  for (const id of [1, 2, 3]) {
    ev.push({ at: 0, task: id, k: 'poll_start' });
    if (id === 1) { ev.push({ at: 0, task: 1, k: 'poll_end', wait: null }); ev.push({ at: 0, task: 1, k: 'complete', outcome: 'ok', detail: '' }); }
    else ev.push({ at: 0, task: id, k: 'poll_end', wait: `sleep(${id - 1})` });
  }
  for (const id of [2, 3]) {
    ev.push({ at: id - 1, task: id, k: 'wake', by: [], why: 'timer' });
    ev.push({ at: id - 1, task: id, k: 'poll_start' });
    ev.push({ at: id - 1, task: id, k: 'poll_end', wait: null });
    ev.push({ at: id - 1, task: id, k: 'complete', outcome: 'ok', detail: '' });
  }
  return ev;
}

test('the density counts the tasks waiting and done over time', () => {
  const d = densityOf(buildModel(events()), 4); // slices of 0.5 s over [0, 2]
  assert.deepEqual(countsAt(d, 0.25), [{ state: 'waiting', n: 2 }, { state: 'done', n: 1 }]);
  assert.deepEqual(countsAt(d, 1.25), [{ state: 'waiting', n: 1 }, { state: 'done', n: 2 }]);
  assert.equal(d.max, 3);
});

test('every task is counted once in every slice', () => {
  const d = densityOf(buildModel(events()), 8);
  for (let b = 0; b < d.bins; b++) {
    const total = Object.values(d.counts).reduce((n, c) => n + c[b], 0);
    assert.equal(total, 3, `slice ${b}`);
  }
});
