// Gets the engine ready while the page's modules load: compiles the wasm as it
// downloads, then runs a tiny program (asyncio's prelude compiled, the interpreter's
// functions compiled by V8 on first call: the page's first run, a t= link's, is warm).
// main.js takes the module from window.boucleEngine, or loads it itself on null.
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
