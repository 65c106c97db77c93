import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';

/**
 * The node in demo mode says so on every page (console, kiosk, online hall): its catalog, users and cases
 * are for demonstration only. The public API index (GET /api/v1) tells it without a login; each page reads
 * it once, after its texts are loaded.
 */
export async function demoMarker() {
  let demo = false;
  try {
    demo = (await api.get('')).demo === true;
  } catch (e) { /* no index, no marker: the page works as before */ }
  const old = document.getElementById('demo-marker');
  if (old) old.remove();
  // the body keeps room below its last line, so that the fixed marker never covers a button
  document.body.classList.toggle('demo', demo);
  if (demo) document.body.append(h('p', { id: 'demo-marker', class: 'demo-marker', role: 'note' }, t('demo.marker')));
  return demo;
}
