import { h, show } from '/console/js/dom.js';
import { load, t } from '/console/js/i18n.js';
import { ApiError } from '/console/js/api.js';
import { demoMarker } from '/console/js/demo.js';
import { whenIdle } from '/console/js/idle.js';
import { EVALUATION, loadReasons, ratingForm, serviceHeader, thanks } from '/console/js/rating.js';

// The window's rating pad (评价器, /rate/): a tablet facing the citizen. It registers once and keeps its token in this
// browser; until an administrator binds it to a window it shows its six-digit pairing code; then it asks every 3 s for
// the service last finished at its window and not yet rated, and offers the rating form for it. After the thanks, or once
// nobody has touched it for ?reset= seconds (20), it goes back to its welcome. Nothing personal is ever shown, and the
// clerk's screen never learns who rated.
const main = document.getElementById('main');
const TOKEN = 'ow.padToken';
const POLL_MS = 3000;
const given = Number(new URLSearchParams(location.search).get('reset'));
const RESET_SECONDS = Number.isFinite(given) && given > 0 ? given : 20;
let reasons = [];
let view = null;
// what the screen shows: 'pairing', 'idle', 'rating' (of the service `rating`) or 'thanks'
let screen = null;
let rating = null;
let thanksTimer = null;

async function padCall(method, path, body) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  const token = localStorage.getItem(TOKEN);
  if (token) headers['X-Pad-Token'] = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let answer;
  try {
    answer = await fetch(`/api/v1${EVALUATION}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit' });
  } catch (e) {
    throw new ApiError(0, null);
  }
  const data = (answer.headers.get('Content-Type') || '').includes('json') ? await answer.json() : null;
  if (!answer.ok) throw new ApiError(answer.status, data);
  return data;
}

const key = s => (s ? `${s.caseNo}/${s.stage}` : null);

function pairing(v) {
  screen = 'pairing';
  show(main, h('section', { class: 'pairing', id: 'pad-pairing' },
    h('p', { class: 'title' }, t('pad.title')),
    h('p', { class: 'code', id: 'pairing-code', 'data-code': v.pairingCode }, v.pairingCode || ''),
    h('p', { class: 'hint' }, t('pad.pairingHint'))));
}

function idle(v) {
  screen = 'idle';
  rating = null;
  show(main, h('section', { class: 'welcome', id: 'pad-idle', 'data-window': v.windowNo },
    h('p', { class: 'window' }, t('pad.windowNo', { no: v.windowNo })),
    h('p', { class: 'hello' }, t('pad.welcome'))));
}

function rate(v) {
  screen = 'rating';
  rating = key(v.service);
  show(main, h('section', { class: 'rate', id: 'pad-rate' },
    h('p', { class: 'window' }, t('pad.windowNo', { no: v.windowNo })),
    serviceHeader(v.service),
    ratingForm(v.service, reasons, body => padCall('POST', '/pad/ratings', body), receipt => done(v, receipt), true)));
}

function done(v, receipt) {
  screen = 'thanks';
  rating = null;
  show(main, h('section', { class: 'thanks-screen' }, thanks(receipt)));
  clearTimeout(thanksTimer);
  thanksTimer = setTimeout(reset, RESET_SECONDS * 1000);
}

/** Back to the welcome (a form left half filled is cleared); the next poll offers a service still to rate. */
function reset() {
  clearTimeout(thanksTimer);
  if (screen !== 'rating' && screen !== 'thanks') return;
  if (view && view.bound) idle(view);
}

function draw(v) {
  view = v;
  if (!v.bound) {
    pairing(v);
    return;
  }
  if (screen === 'thanks') return;
  if (v.service && !v.service.rated) {
    if (screen !== 'rating' || rating !== key(v.service)) rate(v);
    return;
  }
  if (screen !== 'idle' || Number(main.querySelector('#pad-idle')?.dataset.window) !== v.windowNo) idle(v);
}

function offline(on) {
  const old = document.getElementById('pad-offline');
  if (old) old.remove();
  if (on) document.body.append(h('p', { id: 'pad-offline', class: 'offline' }, t('pad.offline')));
}

async function poll() {
  try {
    if (!localStorage.getItem(TOKEN)) {
      const registered = await padCall('POST', '/pads');
      localStorage.setItem(TOKEN, registered.token);
    }
    draw(await padCall('GET', '/pad'));
    offline(false);
  } catch (e) {
    // a pad not bound within its pairing time is forgotten (and one unbound by an administrator): it registers again
    if (e.status === 401) {
      localStorage.removeItem(TOKEN);
      screen = null;
    } else {
      offline(true);
    }
  }
  setTimeout(poll, POLL_MS);
}

load('/console').then(async () => {
  document.title = t('pad.title');
  demoMarker();
  reasons = await loadReasons();
  whenIdle(RESET_SECONDS, reset);
  poll();
});
