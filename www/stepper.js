// Step mode: the program runs on the virtual clock in the background (in slices, so
// the page keeps painting) and each step reveals one more loop iteration of its trace.

/** `new Stepper(wasm, file, source, maxEvents)`: `wasm` is the engine module; past
 *  `maxEvents` events the run is stopped (`tooLong`). */
export class Stepper {
  constructor(mod, file, source, maxEvents) {
    this.max = maxEvents;
    this.s = new mod.Session(file, source);
    this.all = [];
    this.pos = 0;
    this.tooLong = false;
    this.s.start(() => this.pull());
  }
  pull() {
    const fresh = JSON.parse(this.s.events_since(this.all.length));
    if (fresh.length) this.all.push(...fresh);
    if (this.all.length > this.max && !this.s.finished()) { this.tooLong = true; this.s.stop(); }
  }
  cut() {
    const done = this.s.finished();
    let first = -1;
    for (let i = this.pos; i < this.all.length; i++) {
      if (this.all[i].k !== 'iteration') continue;
      if (first < 0) { first = i; continue; }
      // the due timers fire just before the iteration that runs their callbacks
      let end = i;
      while (end - 1 > first && (this.all[end - 1].k === 'timer_fire' || (this.all[end - 1].k === 'loop' && this.all[end - 1].what === 'idle'))) end--;
      return end;
    }
    return done ? this.all.length : null;
  }
  async ready() {
    this.pull();
    while (this.cut() == null) {
      await new Promise((r) => setTimeout(r, 16));
      this.pull();
    }
  }
  step() {
    const end = this.cut() ?? this.pos;
    const chunk = this.all.slice(this.pos, end);
    this.pos = end;
    return chunk;
  }
  finished() { return this.s.finished() && this.pos >= this.all.length; }
  result() { return this.s.result(); }
  free() { try { this.s.stop(); } finally { this.s.free(); } }
}
