// Projector mode (?big=1, the #big button): large text and thick lanes for a class
// screen. Loaded by main.js only when asked for; applies the page's S.big.
import { loadCss } from './stylesheet.js';

const ZOOM = 1.6;

/** Apply P.S.big: the `big` class (big.css), the chart drawn larger, the button, the URL. */
export async function start(P) {
  const on = !!P.S.big;
  if (on) await loadCss('big.css');
  document.documentElement.classList.toggle('big', on);
  P.gantt.setZoom(on ? ZOOM : 1);
  const btn = document.getElementById('big');
  if (btn) btn.setAttribute('aria-pressed', String(on));
  P.syncUrl();
}
