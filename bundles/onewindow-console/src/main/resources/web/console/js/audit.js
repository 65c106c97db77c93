import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';

const EVENTS = ['LOGIN', 'LOGIN_FAILED', 'LOGIN_LOCKED', 'LOGIN_REFUSED_LOCKED', 'ACCOUNT_UNDER_ATTACK', 'CLIENT_THROTTLED',
  'SECOND_FACTOR_FAILED', 'RECOVERY_CODE_USED', 'PASSWORD_REHASHED', 'PASSWORD_CHANGED', 'PASSWORD_SET', 'USER_CREATED', 'USER_DELETED',
  'ROLES_CHANGED', 'UNLOCKED', 'SECOND_FACTOR_ENROLLED', 'SECOND_FACTOR_RESET', 'RECOVERY_CODES_RENEWED', 'SHELL_LOGIN', 'SHELL_LOGIN_FAILED'];

/** The auditor's page: the access log (logins, lock-outs, every change to an account) and the licence library's reads by holder. */
export function auditPage(main) {
  const who = h('input', { id: 'audit-user', placeholder: t('audit.user') });
  const kind = h('select', { id: 'audit-event' }, h('option', { value: '' }, t('audit.allEvents')),
    EVENTS.map(e => h('option', { value: e }, t(`access.event.${e}`))));
  const events = h('div', { id: 'access-events' });
  const load = async () => {
    const query = new URLSearchParams({ size: '200' });
    if (who.value.trim()) query.set('user', who.value.trim());
    if (kind.value) query.set('event', kind.value);
    try {
      const rows = await api.get(`/access/events?${query}`);
      show(events, table([t('account.logins.at'), t('account.logins.event'), t('audit.user'), t('account.logins.client'),
        t('account.logins.channel'), t('audit.actor'), t('audit.detail')],
      rows.map(r => h('tr', { 'data-event': r.event }, h('td', {}, new Date(r.at).toLocaleString()), h('td', {}, t(`access.event.${r.event}`)),
        h('td', {}, r.user || ''), h('td', {}, r.client || ''), h('td', {}, r.channel || ''), h('td', {}, r.actor || ''), h('td', {}, r.detail || '')))));
    } catch (e) { fail(e, events); }
  };
  const holder = h('input', { id: 'licence-holder', placeholder: t('audit.holder') });
  const reads = h('div', { id: 'licence-reads' });
  const licenceForm = h('form', { onsubmit: async e => {
    e.preventDefault();
    try {
      const rows = await api.get(`/licences/access?holder=${encodeURIComponent(holder.value.trim())}`);
      show(reads, table([t('account.logins.at'), t('audit.actor'), t('audit.licence'), t('audit.purpose')], rows.map(r => h('tr', {},
        h('td', {}, new Date(r.at).toLocaleString()), h('td', {}, r.actor), h('td', {}, `${r.action} ${r.licenceType || ""} ${r.licenceNo || ""}`),
        h('td', {}, r.caseNo || r.purpose || '')))));
    } catch (err) { fail(err, reads); }
  } }, h('label', {}, t('audit.holder'), holder), h('button', { type: 'submit' }, t('audit.search')));
  show(main, h('h2', {}, t('audit.title')),
    h('h3', {}, t('audit.access')), h('form', { class: 'search', onsubmit: e => { e.preventDefault(); load(); } },
      who, kind, h('button', { type: 'submit', id: 'audit-search' }, t('audit.search'))), events,
    h('h3', {}, t('audit.licences')), licenceForm, reads);
  load();
  return null;
}
