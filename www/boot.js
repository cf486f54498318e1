// Starts compiling the engine as soon as the page's <head> is parsed, while the ES
// modules are still loading: compilation is the longest step of a first visit. A
// classic script (modules run only once all of them are loaded); main.js hands the
// compiled module to the engine's init, or fetches it itself if this failed.
'use strict';
window.boucleEngine = typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function'
  ? WebAssembly.compileStreaming(fetch('pkg/boucle_bg.wasm')).catch(() => null)
  : null;
