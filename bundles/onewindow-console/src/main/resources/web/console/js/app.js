import { h, show } from './dom.js';
import { load, t, switchLang } from './i18n.js';
import { api, useSession } from './api.js';
import { clerkPage, todayPage } from './clerk.js';
import { reviewPage } from './review.js';
import { boardPage } from './board.js';
import { adminPage } from './admin.js';
import { cityPage } from './city.js';
import { prereviewPage, appointmentsPage, mobilePage, bindingsPage, onlineInstalled } from './desk.js';
import { accountPage } from './account.js';
import { queuePage, queueInstalled } from './queue.js';
import { hallPage } from './hall.js';
import { evaluationPage } from './evaluation.js';
import { evaluationInstalled } from './rating.js';
import { usersPage } from './users.js';
import { auditPage } from './audit.js';
import { demoMarker } from './demo.js';

// Which roles open which page; the server checks the same roles on every API call.
const PAGES = {
  queue: { roles: ['clerk'], nav: 'nav.queue', render: queuePage, feature: 'queue' },
  clerk: { roles: ['clerk'], nav: 'nav.clerk', render: clerkPage },
  today: { roles: ['clerk'], nav: 'nav.today', render: todayPage },
  review: { roles: ['reviewer'], nav: 'nav.review', render: reviewPage },
  board: { roles: ['supervisor', 'admin'], nav: 'nav.board', render: boardPage },
  hall: { roles: ['supervisor', 'admin'], nav: 'nav.hall', render: hallPage, feature: 'queue' },
  evaluation: { roles: ['supervisor', 'admin'], nav: 'nav.evaluation', render: evaluationPage, feature: 'evaluation' },
  admin: { roles: ['admin'], nav: 'nav.admin', render: adminPage },
  users: { roles: ['security'], nav: 'nav.users', render: usersPage },
  audit: { roles: ['auditor'], nav: 'nav.audit', render: auditPage },
  city: { roles: ['supervisor', 'admin', 'security'], nav: 'nav.city', render: cityPage, hubOnly: true },
  prereview: { roles: ['clerk'], nav: 'nav.prereview', render: prereviewPage, feature: 'online' },
  appointments: { roles: ['clerk', 'supervisor', 'admin'], nav: 'nav.appointments', render: appointmentsPage, feature: 'online' },
  mobile: { roles: ['clerk'], nav: 'nav.mobile', render: mobilePage, feature: 'online' },
  bindings: { roles: ['security'], nav: 'nav.bindings', render: bindingsPage, feature: 'online' },
  account: { roles: [], nav: 'nav.account', render: accountPage },
};
// each role starts on its own page; a user of several roles on the first of these they have
const START = ['clerk', 'review', 'city', 'admin', 'board', 'users', 'audit', 'bindings', 'account'];

const main = document.getElementById('main');
const bar = document.getElementById('bar');
let session = null;
let leave = null;
let role = 'district';
// capabilities that district IT may have left out, and so pages that may be missing
const features = new Set();

function allowed(page) {
  if (!session) return false;
  // until the account has done what it must (a new password, a second factor), only its own page opens
  if (session.requirements.length) return page === 'account';
  return page === 'account' || ((!PAGES[page].hubOnly || role === 'hub') && (!PAGES[page].feature || features.has(PAGES[page].feature))
    && PAGES[page].roles.some(r => session.roles.includes(r)));
}

function route() {
  if (leave) { leave(); leave = null; }
  const name = session.requirements.length ? 'account' : (location.hash.replace(/^#\/?/, '').split('/')[0]) || START.find(allowed) || 'account';
  const page = PAGES[name];
  if (page && page.feature && !features.has(page.feature) && page.roles.some(r => session.roles.includes(r))) {
    show(main, h('p', { class: 'error', id: `${page.feature}-unavailable` }, t(`feature.${page.feature}.missing`)));
    return;
  }
  if (!page || !allowed(name)) {
    show(main, h('p', { class: 'error', id: 'forbidden' }, t('forbidden')));
    return;
  }
  document.querySelectorAll('#bar nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
  // each visit renders into a view of its own: a page still loading when the user moves on writes into a
  // detached view, never over the next page
  const view = h('div', { class: 'view' });
  show(main, view);
  leave = (name === 'account' ? accountPage(view, session, session.requirements.length ? settled : null)
    : page.render(view, session, location.hash.split('/').slice(2))) || null;
}

function navigation() {
  show(bar,
    h('strong', {}, t('app.title')),
    h('nav', {}, Object.entries(PAGES).filter(([name]) => allowed(name))
      .map(([name, page]) => h('a', { href: `#/${name}`, 'data-page': name }, t(page.nav)))),
    h('span', { class: 'user' }, session.user),
    h('button', { type: 'button', onclick: switchLang }, t('lang.switch')),
    h('button', { type: 'button', id: 'logout', onclick: logout }, t('nav.logout')));
  bar.hidden = false;
}

/** The account did what it had to: the session is read again, and the pages of its roles open. */
async function settled() {
  await start(await api.get('/session'));
}

async function logout() {
  await api.del('/session');
  useSession(null);
  location.hash = '';
  location.reload();
}

function loginForm() {
  bar.hidden = true;
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  // an account with a second factor is asked for its code once the password is right
  const code = h('input', { id: 'login-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 11 });
  const codeLabel = h('label', { hidden: true, id: 'login-code-label' }, t('login.code'), code);
  const message = h('p', { class: 'error', id: 'login-error', role: 'alert' });
  const form = h('form', { class: 'login', onsubmit: async e => {
    e.preventDefault();
    try {
      await start(await api.post('/session', { username: user.value, password: password.value, code: codeLabel.hidden ? undefined : code.value }));
    } catch (error) {
      if (error.code === 'SECOND_FACTOR_REQUIRED' || error.code === 'SECOND_FACTOR_INVALID') {
        codeLabel.hidden = false;
        message.textContent = t(error.code === 'SECOND_FACTOR_REQUIRED' ? 'login.codeNeeded' : 'login.codeWrong');
        code.value = '';
        code.focus();
        return;
      }
      message.textContent = error.code === 'TOO_MANY_ATTEMPTS' ? error.message : t('login.failed');
      password.value = '';
      code.value = '';
      codeLabel.hidden = true;
    }
  } },
  h('h1', {}, t('login.title')),
  h('label', {}, t('login.user'), user),
  h('label', {}, t('login.password'), password),
  codeLabel,
  h('button', { type: 'submit', id: 'login' }, t('login.submit')),
  message,
  h('button', { type: 'button', class: 'link', onclick: switchLang }, t('lang.switch')));
  show(main, form);
  user.focus();
}

/** The node's role, and a warning to every member of staff while the disk or the database is failing or short of space. */
async function nodeHealth() {
  let health = null;
  try { health = await api.get('/health/details'); } catch (error) { /* an account still setting itself up: its own page only */ }
  role = health ? health.role : 'district';
  const storage = health ? health.reasons.filter(r => STORAGE_REASONS.includes(r.code)) : [];
  const banner = document.getElementById('health-warning');
  if (banner) banner.remove();
  if (storage.length) {
    bar.after(h('p', { class: 'error', id: 'health-warning', role: 'alert' },
      storage.map(r => t(`health.warning.${r.code}`)).join(' ')));
  }
}
const STORAGE_REASONS = ['STORAGE_FULL', 'DATABASE_READ_ONLY', 'DISK_LOW'];

async function start(s) {
  session = s;
  useSession(s);
  features.clear();
  await nodeHealth();
  const online = ['prereview', 'appointments', 'mobile', 'bindings'].some(p => PAGES[p].roles.some(r => s.roles.includes(r)));
  if (online && await onlineInstalled()) features.add('online');
  const queue = ['queue', 'hall'].some(p => PAGES[p].roles.some(r => s.roles.includes(r)));
  if (queue && await queueInstalled()) features.add('queue');
  if (PAGES.evaluation.roles.some(r => s.roles.includes(r)) && await evaluationInstalled()) features.add('evaluation');
  navigation();
  route();
}

async function boot() {
  await load('/console');
  document.title = t('app.title');
  demoMarker();
  window.addEventListener('hashchange', () => session && route());
  let s;
  try {
    s = await api.get('/session');
  } catch (error) {
    loginForm();
    return;
  }
  await start(s);
}

boot();
