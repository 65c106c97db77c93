import { h, show } from '/console/js/dom.js';
import { load, t, switchLang } from '/console/js/i18n.js';
import { api, useSession, ApiError } from '/console/js/api.js';
import { demoMarker } from '/console/js/demo.js';
import { validResidentId } from '/console/js/idnumber.js';
import { ONLINE, fail, say, clear, busy, missing } from './common.js';
import { bookingPage } from './booking.js';
import { applyPage } from './apply.js';
import { casesPage } from './cases.js';
import { accountPage, lastSignIn, unboundHelp, signInChannel } from './account.js';
import { idleSeconds, whenIdle } from '/console/js/idle.js';
import { keyboard } from '/console/js/keyboard.js';

// 网上办事: a citizen signs in with their ID number and a code sent to the mobile bound to it through
// a verified path (shown masked, never typed), then books a visit, applies online, follows their cases,
// or sees where their account was used. Everything goes through /api/v1/public/online.
const PAGES = {
  book: { nav: 'online.book', render: bookingPage },
  apply: { nav: 'online.apply', render: applyPage },
  cases: { nav: 'online.cases', render: casesPage },
  account: { nav: 'online.account', render: accountPage },
};
// the server lets a code be asked for again after this long; the button waits as long
const RESEND_SECONDS = 60;

const main = document.getElementById('main');
const bar = document.getElementById('bar');
let session = null;
let countdown = null;

function stopCountdown() {
  if (countdown) clearInterval(countdown);
  countdown = null;
}

function route() {
  stopCountdown();
  clear();
  if (!session) {
    signInForm();
    return;
  }
  const [name, ...args] = location.hash.replace(/^#\/?/, '').split('/');
  document.querySelectorAll('#bar nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
  const page = PAGES[name];
  if (!page) {
    home();
    return;
  }
  page.render(main, args.filter(Boolean).map(decodeURIComponent));
}

function navigation() {
  show(bar,
    h('a', { href: '#/', class: 'brand' }, t('online.title')),
    session ? h('nav', {}, Object.entries(PAGES).map(([name, page]) => h('a', { href: `#/${name}`, 'data-page': name }, t(page.nav)))) : h('span', { class: 'grow' }),
    session ? h('span', { id: 'who' }, t('online.who', { id: session.idNumber })) : '',
    h('button', { type: 'button', class: 'link', onclick: switchLang }, t('lang.switch')),
    session ? h('button', { type: 'button', id: 'sign-out', onclick: signOut }, t('online.signOut')) : '',
    // the kiosk's browser has no address bar: its start page is a tap away
    atKiosk() ? h('button', { type: 'button', id: 'to-kiosk', onclick: toKiosk }, t('online.toKiosk')) : '');
}

function atKiosk() {
  return signInChannel() === 'KIOSK';
}

/** Back to the kiosk's start page, signed out first: the next citizen at the kiosk must not find this one's cases. */
async function toKiosk() {
  if (session) {
    try { await api.del(`${ONLINE}/session`); } catch (e) { /* the start page comes either way; the session also runs out */ }
  }
  location.href = `/kiosk/?idle=${idleSeconds()}`;
}

async function signOut() {
  try { await api.del(`${ONLINE}/session`); } catch (e) { /* the session is forgotten here either way */ }
  signedOut();
  location.hash = '';
}

function signedOut(note) {
  session = null;
  useSession(null);
  navigation();
  route();
  if (note) say(note, 'error');
}

function home() {
  const last = h('p', { id: 'last-sign-in', class: 'muted' });
  show(main, h('h1', {}, t('online.welcome')), last, h('div', { class: 'tiles' },
    tile('book', 'online.book', 'online.book.hint'),
    tile('apply', 'online.apply', 'online.apply.hint'),
    tile('cases', 'online.cases', 'online.cases.hint'),
    tile('account', 'online.account', 'online.account.hint')));
  lastSignIn(last);
}

function tile(page, title, hint) {
  return h('a', { href: `#/${page}`, id: `tile-${page}`, class: 'tile' }, h('strong', {}, t(title)), h('span', {}, t(hint)));
}

/**
 * The ID number is the account: the code goes only to the mobile bound to it through a verified path,
 * shown masked once sent (the citizen types no mobile, so nobody binds one by typing it). An ID number
 * without one is told how to bind it: at a window with the ID card, or by real-name verification here.
 */
function signInForm() {
  const id = h('input', { id: 'idNumber', name: 'idNumber', maxlength: 18, autocomplete: 'off', spellcheck: 'false', required: true });
  const code = h('input', { id: 'code', name: 'code', maxlength: 6, inputmode: 'numeric', autocomplete: 'one-time-code', required: true });
  const sent = h('p', { id: 'code-sent', class: 'muted', 'aria-live': 'polite' });
  const help = h('section', { id: 'bind-help', class: 'notice', hidden: true });
  const send = h('button', { type: 'button', id: 'send-code' }, t('online.sendCode'));
  const submit = h('button', { type: 'submit', id: 'sign-in' }, t('online.signIn'));
  // checked here first, so that a typo does not cost one of the hour's codes
  const checkedId = () => {
    const number = id.value.trim().toUpperCase();
    if (!validResidentId(number)) { say(t('online.idInvalid'), 'error'); id.focus(); return null; }
    return number;
  };
  /** A code is on its way to {@code answer.mobile}: say where, and let the button wait before another. */
  const codeSent = answer => {
    help.hidden = true;
    sent.textContent = t(`online.codeSent.${answer.via}`, { mobile: answer.mobile });
    let left = RESEND_SECONDS;
    send.disabled = true;
    send.textContent = t('online.resend', { n: left });
    stopCountdown();
    countdown = setInterval(() => {
      left -= 1;
      if (left > 0) {
        send.textContent = t('online.resend', { n: left });
        return;
      }
      stopCountdown();
      send.disabled = false;
      send.textContent = t('online.sendCode');
    }, 1000);
    code.focus();
  };
  send.addEventListener('click', async () => {
    const number = checkedId();
    if (!number) return;
    send.disabled = true;
    clear();
    try {
      codeSent(await api.post(`${ONLINE}/sign-in/code`, { idNumber: number }));
    } catch (e) {
      send.disabled = false;
      if (e instanceof ApiError && e.code === 'MOBILE_NOT_VERIFIED') {
        sent.textContent = '';
        unboundHelp(help, e, number, codeSent);
      } else {
        fail(e);
      }
    }
  });
  const form = h('form', { class: 'sign-in', onsubmit: async e => {
    e.preventDefault();
    const number = checkedId();
    if (!number) return;
    if (!/^\d{6}$/.test(code.value.trim())) { say(t('online.codeInvalid'), 'error'); code.focus(); return; }
    const answer = await busy(submit, () => api.post(`${ONLINE}/sign-in`, { idNumber: number, code: code.value.trim(), channel: signInChannel() }));
    if (!answer) {
      code.value = '';
      return;
    }
    start(answer);
  } },
  h('h1', {}, t('online.signIn.title')),
  h('p', { class: 'muted' }, t('online.signIn.hint')),
  h('label', {}, t('online.idNumber'), id),
  h('div', { class: 'code-row' }, h('label', {}, t('online.code'), code), send),
  sent,
  help,
  submit,
  h('p', { class: 'muted small', id: 'change-mobile' }, t('online.changeMobile')),
  // the kiosk has no keyboard of its own: the ID number (X as its last digit) and the code on the screen's
  atKiosk() ? keyboard('digits', [id, code], () => form.requestSubmit()) : '');
  show(main, form);
  id.focus();
}

function start(s) {
  session = s;
  useSession(s);
  stopCountdown();
  navigation();
  // a page asked for before signing in (a bookmark, an expired session) opens now
  route();
}

/** The online feature is not installed on this appliance: its API answers 404. */
function closed() {
  show(bar, h('span', { class: 'brand' }, t('online.title')));
  show(main, h('section', { class: 'closed' }, h('h1', { id: 'closed' }, t('online.closed')), h('p', {}, t('online.closed.hint'))));
}

async function boot() {
  await load('/console');
  document.title = t('online.title');
  demoMarker();
  try {
    session = await api.get(`${ONLINE}/session`);
    useSession(session);
  } catch (e) {
    if (missing(e)) {
      closed();
      return;
    }
    session = null;
    if (e.status !== 401) fail(e);
  }
  window.addEventListener('hashchange', route);
  window.addEventListener('ow:signed-out', () => signedOut(t('online.expired')));
  navigation();
  route();
  if (atKiosk()) whenIdle(idleSeconds(), toKiosk);
}

boot();
