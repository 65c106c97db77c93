import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { channelName } from './audit.js';

const when = iso => (iso ? dateTime(iso) : '');

/** Changing one's own password: the current one proves it is the owner; the policy is said beside the form. */
function passwordSection(account, done) {
  const current = h('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'new-own-password', type: 'password', autocomplete: 'new-password', required: true });
  const again = h('input', { id: 'new-own-password-again', type: 'password', autocomplete: 'new-password', required: true });
  const message = h('p', { id: 'password-message', role: 'status' });
  const form = h('form', { id: 'change-password', onsubmit: async e => {
    e.preventDefault();
    if (next.value !== again.value) { message.textContent = t('account.password.differ'); return; }
    try {
      await api.put('/account/password', { current: current.value, password: next.value });
      current.value = ''; next.value = ''; again.value = '';
      message.textContent = t('account.password.changed');
      await done();
    } catch (err) { message.textContent = err.message; }
  } },
  h('p', { class: 'muted' }, t('account.password.policy', account.passwordPolicy)),
  h('label', {}, t('account.password.current'), current),
  h('label', {}, t('account.password.new'), next),
  h('label', {}, t('account.password.again'), again),
  h('button', { type: 'submit', id: 'change-password-button' }, t('account.password.change')), message);
  return h('section', {}, h('h3', {}, t('account.password')),
    h('p', { class: 'muted' }, t('account.password.set', { at: when(account.passwordSetAt) })
      + (account.passwordExpiresAt ? t('account.password.expires', { at: when(account.passwordExpiresAt) }) : '')), form);
}

/** The recovery codes, shown this once: the page says to write them down. */
function recoveryCodes(codes) {
  return h('div', { id: 'recovery-codes' }, h('p', { class: 'error' }, t('account.factor.codes')),
    h('ol', {}, codes.map(c => h('li', {}, h('code', {}, c)))));
}

/** The second factor: enrol by scanning the QR code (or typing the secret) and confirming a first code. */
function factorSection(account, done) {
  const f = account.secondFactor;
  const box = h('div', { id: 'factor' });
  const code = () => h('input', { id: 'factor-code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6, required: true });
  if (f.enrolled) {
    const current = code();
    show(box, h('p', { class: 'ok', id: 'factor-state' }, t('account.factor.enrolled', { left: f.recoveryCodesLeft })),
      h('form', { id: 'renew-codes', onsubmit: async e => {
        e.preventDefault();
        try { show(box, recoveryCodes((await api.post('/account/second-factor/recovery-codes', { code: current.value })).recoveryCodes)); } catch (err) { fail(err, box); }
      } }, h('label', {}, t('account.factor.code'), current), h('button', { type: 'submit' }, t('account.factor.renew'))));
  } else {
    const start = h('button', { type: 'button', id: 'factor-start', onclick: async () => {
      try {
        const enrolment = await api.post('/account/second-factor');
        const first = code();
        show(box, h('p', {}, t('account.factor.scan')),
          h('img', { id: 'factor-qr', src: `${enrolment.qr}?t=${Date.now()}`, alt: t('account.factor.qr'), width: 240, height: 240 }),
          h('p', { class: 'muted' }, t('account.factor.secret'), ' ', h('code', { id: 'factor-secret' }, enrolment.secret)),
          h('form', { id: 'factor-confirm', onsubmit: async e => {
            e.preventDefault();
            try {
              const answer = await api.post('/account/second-factor/confirmation', { code: first.value });
              show(box, h('p', { class: 'ok', id: 'factor-state' }, t('account.factor.done')), recoveryCodes(answer.recoveryCodes),
                h('button', { type: 'button', id: 'factor-continue', onclick: done }, t('account.factor.continue')));
            } catch (err) { fail(err, box); first.value = ''; }
          } }, h('label', {}, t('account.factor.code'), first), h('button', { type: 'submit' }, t('account.factor.confirm'))));
        first.focus();
      } catch (err) { fail(err, box); }
    } }, t('account.factor.start'));
    show(box, h('p', { id: 'factor-state', class: f.required ? 'error' : 'muted' },
      t(f.required ? 'account.factor.required' : f.offeredOnly ? 'account.factor.offered' : 'account.factor.optional')), start);
  }
  return h('section', {}, h('h3', {}, t('account.factor')), box);
}

/**
 * My account: what the account must still do (a first login after the administrator set the password, an
 * expired password, a second factor to enrol), the password, the second factor, my last logins.
 * {@code onSettled} is called once nothing is required any more.
 */
export function accountPage(main, session, onSettled) {
  const render = async () => {
    try {
      const account = await api.get('/account');
      if (onSettled && account.requirements.length === 0) { onSettled(); return; }
      show(main, h('h2', {}, t('account.title', { user: account.user })),
        account.requirements.length ? h('p', { class: 'error', id: 'requirements' },
          account.requirements.map(r => t(`account.requirement.${r}`)).join(' ')) : '',
        passwordSection(account, render), factorSection(account, render),
        h('h3', {}, t('account.logins')),
        table([t('account.logins.at'), t('account.logins.event'), t('account.logins.client'), t('account.logins.channel')],
          account.recentLogins.map(l => h('tr', {}, h('td', {}, when(l.at)), h('td', {}, t(`access.event.${l.event}`)),
            h('td', {}, l.client || ''), h('td', {}, channelName(l.channel))))));
    } catch (e) { fail(e); }
  };
  render();
  return null;
}
