// A panel's stylesheet, linked once when the panel is first shown (never on the first
// visit). Resolves when it has loaded, or failed: the panel then shows unstyled rather
// than not at all. In the offline single file (scripts/offline.mjs) every stylesheet is
// inlined already and such a <link> answers `load` without a request.

/** Links `href` (relative to the page) once; resolves when it is loaded or failed. */
export function loadCss(href) {
  if (document.querySelector(`link[data-addon="${href}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.addon = href;
    link.addEventListener('load', resolve);
    link.addEventListener('error', resolve);
    document.head.appendChild(link);
  });
}
