// Step mode: the program runs on the virtual clock in the background (in slices, so
// the page keeps painting); the page shows its trace one step at a time, forwards and
// backwards (steps.js says where each step ends and what it means).
import { stepCuts } from './steps.js';

export { stepCuts, stepQueues, stepSentence, explainCallback } from './steps.js';

/** `new Stepper(wasm, file, source, maxEvents)`: `wasm` is the engine module; past
 *  `maxEvents` events the run is stopped (`tooLong`). */
export class Stepper {
  constructor(mod, file, source, maxEvents) {
    this.max = maxEvents;
    this.s = new mod.Session(file, source);
    this.all = [];
    this.cuts = [];
    this.tooLong = false;
    this.done = false;
    this.s.start(() => this.pull());
  }
  pull() {
    if (this.done) return;
    const fresh = JSON.parse(this.s.events_since(this.all.length));
    if (fresh.length) this.all.push(...fresh);
    if (this.all.length > this.max && !this.s.finished()) { this.tooLong = true; this.s.stop(); }
    this.done = this.s.finished();
    if (this.done) { const more = JSON.parse(this.s.events_since(this.all.length)); if (more.length) this.all.push(...more); }
    this.cuts = stepCuts(this.all, this.done);
  }
  /** Resolves once step `k` is known (or the run is over without it). */
  async ready(k) {
    this.pull();
    while (this.cuts.length <= k && !this.done) {
      await new Promise((r) => setTimeout(r, 16));
      this.pull();
    }
  }
  /** Whether step k is the last one (the run is over and shows whole). */
  isLast(k) { return this.done && k >= this.cuts.length - 1; }
  result() { return this.s.result(); }
  free() { try { this.s.stop(); } finally { this.s.free(); } }
}
