// Gets the engine ready as soon as the page's <head> is parsed, while the page's own
// modules are still loading (a classic script: modules run only once all of them are
// loaded). The longest steps of a first visit are here:
//  - compiling the wasm (streaming, as it downloads);
//  - the engine's first run, about three times longer than the next ones: it compiles
//    asyncio's prelude, and V8 compiles each function of the interpreter on its first
//    call. A tiny program run here, while the modules download, does both (its output
//    is dropped; runs share nothing else), so the page's first run, a `t=` link's
//    say, starts warm.
// main.js takes the ready module from window.boucleEngine, or loads it itself when
// this gave null (no streaming compilation, or anything failed here).
'use strict';
window.boucleEngine = (function () {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.compileStreaming !== 'function') return null;
  var compiled = WebAssembly.compileStreaming(fetch('pkg/boucle_bg.wasm'));
  return import('./pkg/boucle.js').then(function (mod) {
    return compiled.then(function (m) { return mod.default({ module_or_path: m }); }).then(function () {
      try {
        mod.run_instant('boucle.py', 'import asyncio\nasync def main():\n    print(1)\n    await asyncio.sleep(0)\nasyncio.run(main())\n');
      } catch (e) { /* a broken engine: the page's first run reports it */ }
      return mod;
    });
  }).catch(function () { return null; });
})();
