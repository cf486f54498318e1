// The Python interpreter (a second wasm build, www/pkg/boucle_py.js), loaded by the
// page on its first Python run only, so that the first paint stays small.

/** Import and initialise the interpreter build; throws when it is missing or lacks
 *  PySession. `reloads` > 0 gets a fresh instance after a panic. */
export async function loadInterpreter(reloads) {
  const mod = await import(reloads ? `./pkg/boucle_py.js?r=${reloads}` : './pkg/boucle_py.js');
  if (!('PySession' in mod)) throw new Error('no PySession in pkg/boucle_py.js');
  await mod.default();
  return mod;
}

/** Step mode for a Python program: the run goes on in the background (in slices) and
 *  each step reveals one more loop iteration of its trace, as the Stepper does. */
export class PyStepper {
  constructor(mod, file, source, maxEvents) {
    this.max = maxEvents;
    this.s = new mod.PySession(file, source);
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
