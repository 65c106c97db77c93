import { h, show, table } from '/console/js/dom.js';
import { t } from '/console/js/i18n.js';
import { api } from '/console/js/api.js';
import { ONLINE, attempt, busy, say, when, fields } from './common.js';

// 账号安全: the mobile the citizen signs in with, how it was verified, and where and when the account was
// signed in to; and, before signing in, how an ID number without a verified mobile gets one.

/** Where this page runs, for the sign-in record: the hall's kiosk opens it with ?channel=kiosk. */
export function signInChannel() {
  return new URLSearchParams(location.search).get('channel') === 'kiosk' ? 'KIOSK' : 'WEB';
}

function signInRows(list) {
  return list.map(s => h('tr', { class: 'sign-in-row' },
    h('td', {}, when(s.at)), h('td', {}, t(`online.channel.${s.channel}`)), h('td', { class: 'client' }, s.client)));
}

/** The account page: binding and the last sign-ins, the newest (this one) first. */
export function accountPage(main) {
  attempt(async () => {
    const a = await api.get(`${ONLINE}/account`);
    show(main, h('section', { id: 'account' },
      h('h2', {}, t('online.account')),
      fields([
        [t('online.idNumber'), a.idNumber],
        [t('online.account.mobile'), a.mobile, { id: 'account-mobile' }],
        [t('online.account.via'), a.via ? t(`online.via.${a.via}`) : '', { id: 'account-via' }],
        [t('online.account.boundAt'), when(a.boundAt)],
      ]),
      h('h3', {}, t('online.account.signIns')),
      a.signIns.length === 0 ? h('p', { class: 'muted' }, t('online.account.none'))
        : table([t('online.history.at'), t('online.account.channel'), t('online.account.client')], signInRows(a.signIns)),
      h('p', { class: 'notice', id: 'not-me' }, t('online.account.notMe'))));
  });
}

/** On the home page: the sign-in before this one, so that a stranger's is noticed at once. */
export function lastSignIn(where) {
  attempt(async () => {
    const a = await api.get(`${ONLINE}/account`);
    const before = a.signIns[1];
    where.textContent = before ? t('online.lastSignIn', { at: when(before.at), channel: t(`online.channel.${before.channel}`), client: before.client })
      : t('online.firstSignIn');
  });
}

/**
 * The answer for an ID number with no verified mobile: how to bind one. At a window with the ID card always;
 * by real-name verification (name and a mobile registered in the citizen's name) where the hall offers it,
 * which sends the code to that mobile ({@code codeSent} takes the answer).
 */
export function unboundHelp(help, error, idNumber, codeSent) {
  const ways = (error.details || []).map(d => d.item);
  const name = h('input', { id: 'rn-name', maxlength: 64, autocomplete: 'name' });
  const mobile = h('input', { id: 'rn-mobile', type: 'tel', maxlength: 11, inputmode: 'numeric', autocomplete: 'tel' });
  const verify = h('button', { type: 'button', id: 'rn-verify', class: 'primary' }, t('online.realName.go'));
  verify.addEventListener('click', async () => {
    if (!name.value.trim()) { say(t('online.realName.nameMissing'), 'error'); name.focus(); return; }
    if (!/^1[3-9]\d{9}$/.test(mobile.value.trim())) { say(t('online.mobileInvalid'), 'error'); mobile.focus(); return; }
    const answer = await busy(verify, () => api.post(`${ONLINE}/sign-in/real-name`, { idNumber, name: name.value.trim(), mobile: mobile.value.trim() }));
    if (answer) codeSent(answer);
  });
  show(help,
    h('h2', { id: 'unbound' }, t('online.unbound.title')),
    h('p', {}, t('online.unbound.why')),
    h('ol', { class: 'ways' },
      h('li', { id: 'way-window' }, h('strong', {}, t('online.way.window')), h('br'), t('online.way.window.hint')),
      ways.includes('REAL_NAME') ? h('li', { id: 'way-real-name' }, h('strong', {}, t('online.way.realName')), h('br'), t('online.way.realName.hint'),
        h('label', {}, t('online.realName.name'), name),
        h('label', {}, t('online.realName.mobile'), mobile),
        verify) : ''));
  help.hidden = false;
}
