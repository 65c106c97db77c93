import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { licenceNumber } from './idnumber.js';
import { dayField, readDay } from './day.js';

const EVENTS = ['LOGIN', 'LOGIN_FAILED', 'LOGIN_LOCKED', 'LOGIN_REFUSED_LOCKED', 'ACCOUNT_UNDER_ATTACK', 'CLIENT_THROTTLED',
  'SECOND_FACTOR_FAILED', 'RECOVERY_CODE_USED', 'PASSWORD_REHASHED', 'PASSWORD_CHANGED', 'PASSWORD_SET', 'USER_CREATED', 'USER_DELETED',
  'ROLES_CHANGED', 'UNLOCKED', 'SECOND_FACTOR_ENROLLED', 'SECOND_FACTOR_RESET', 'RECOVERY_CODES_RENEWED', 'SHELL_LOGIN', 'SHELL_LOGIN_FAILED'];

/** The trail's own actions, beside the access log's events (the codes of AuditRecord.action in openapi.json). */
const ACTIONS = ['READ_CASE', 'SEARCH_APPLICANT', 'PUBLIC_STATUS', 'REUSE_MATERIAL', 'READ_CONTACTS', 'READ_SCAN', 'LICENCE_LIST',
  'LICENCE_VERIFY', 'LICENCE_CITY_VERIFY', 'LICENCE_REUSE_CHECK', 'BINDING_BOUND', 'BINDING_REVOKED', 'BINDING_READ', 'CITIZEN_SIGN_IN',
  'CONFIG_UPDATED', 'CONFIG_DELETED', 'CATALOG_IMPORT', 'LICENCE_TYPES_IMPORT', 'CATALOG_EXPORT', 'SHELL_COMMAND', 'HUB_REGISTERED',
  'DISTRICT_KEY_CREATED', 'DISTRICT_KEY_ROLLOVER', 'DISTRICT_APPROVED', 'DISTRICT_SUSPENDED', 'DISTRICT_REVOKED', 'DISTRICT_KEY_REPLACED',
  'DISTRICT_ENROLMENT_CODE', 'AUDIT_BREAK_ACCEPTED', 'AUDIT_SEARCH', 'AUDIT_EXPORT', 'AUDIT_VERIFY', 'AUDIT_PRUNED', ...EVENTS];

/** An action's name in the user's language: the access log's events keep theirs; an unknown code is shown as it is. */
function actionName(code) {
  return named(code, `audit.action.${code}`, `access.event.${code}`);
}

/** A code's name in the user's language by the first key that has one; an unknown code is shown as it is. */
function named(code, ...keys) {
  for (const key of keys) {
    const text = t(key);
    if (text !== key) return text;
  }
  return code;
}

/** The kind of what a record is about (USER, CASE, ...) in the user's language, then its key. */
const objectName = r => [r.objectKind ? named(r.objectKind, `audit.kind.${r.objectKind}`) : '', r.objectKey].filter(Boolean).join(' ');

/** How a person logged in (CONSOLE, BASIC, SHELL) in the user's language. */
export const channelName = code => (code ? named(code, `access.channel.${code}`) : '');

/**
 * The auditor's page: the one audit trail (filters by person, citizen, case, action and time, pages by sequence number,
 * CSV export, verification of the chain), and the older logs' views: the access log and the licence library's reads.
 */
export function auditPage(main) {
  show(main, h('h2', {}, t('audit.title')), trailSection(), accessSection(), licenceSection());
  return null;
}

function trailSection() {
  const field = (id, key) => h('input', { id, placeholder: t(key), 'aria-label': t(key) });
  const actor = field('trail-actor', 'audit.trail.actor');
  const citizen = field('trail-citizen', 'audit.trail.citizen');
  const caseNo = field('trail-case', 'audit.trail.case');
  const from = dayField('trail-from', t('audit.trail.from'));
  const to = dayField('trail-to', t('audit.trail.to'));
  const action = h('select', { id: 'trail-action', 'aria-label': t('audit.trail.action') }, h('option', { value: '' }, t('audit.trail.allActions')),
    ACTIONS.map(a => h('option', { value: a }, `${actionName(a)} (${a})`)));
  const rows = h('tbody', {});
  const more = h('button', { type: 'button', id: 'trail-more', hidden: true }, t('audit.trail.more'));
  const verdict = h('p', { id: 'trail-verify', role: 'status' });
  const exportLink = h('a', { id: 'trail-export', class: 'button', download: '' }, t('audit.trail.export'));
  let next = null;

  // null when a day names no day of the calendar: said in the page's language, nothing asked of the server
  const filters = () => {
    const q = new URLSearchParams();
    const put = (name, el) => { if (el.value.trim()) q.set(name, el.value.trim()); };
    put('actor', actor); put('citizen', citizen); put('case', caseNo); put('action', action);
    const problem = text => { verdict.className = 'error'; verdict.dataset.dayProblem = 'yes'; show(verdict, text); };
    const days = [['from', readDay(from, problem)], ['to', readDay(to, problem)]];
    if (days.some(([, day]) => day === null)) return null;
    if (verdict.dataset.dayProblem) { delete verdict.dataset.dayProblem; verdict.className = ''; show(verdict); }
    days.forEach(([name, day]) => { if (day) q.set(name, day); });
    return q;
  };
  const row = r => h('tr', { 'data-seq': r.seq, 'data-action': r.action, class: r.outcome === 'SUCCESS' ? '' : 'failed' },
    h('td', {}, String(r.seq)), h('td', {}, dateTime(r.at)), h('td', {}, r.actor),
    h('td', {}, r.roles || ''), h('td', {}, r.client || ''), h('td', { title: r.action }, actionName(r.action)),
    h('td', {}, objectName(r)), h('td', {}, r.caseNo || ''), h('td', {}, r.citizen || ''),
    h('td', {}, t(`audit.outcome.${r.outcome}`)), h('td', { class: 'detail' }, r.detail ? h('div', { class: 'clamp', title: r.detail }, r.detail) : ''));
  const load = async append => {
    const q = filters();
    if (q === null) return;
    const exported = new URLSearchParams(q);
    q.set('size', '50');
    if (append && next) q.set('before', String(next));
    exportLink.setAttribute('href', api.url(`/audit/export?${exported}`));
    try {
      const page = await api.get(`/audit?${q}`);
      if (!append) rows.replaceChildren();
      rows.append(...page.records.map(row));
      next = page.next ?? null;
      more.hidden = next === null;
    } catch (e) { fail(e, verdict); }
  };
  more.addEventListener('click', () => load(true));
  const verify = async () => {
    show(verdict, t('audit.trail.verifying'));
    try {
      const r = await api.get('/audit/verify');
      const first = r.breaks[0];
      verdict.className = first ? 'error' : 'ok';
      show(verdict, first
        ? t('audit.trail.broken', { seq: first.seq, kind: t(`audit.break.${first.kind}`), detail: first.detail, count: r.breaks.length })
        : t('audit.trail.intact', { checked: r.checked, from: r.anchorSeq + 1, to: r.lastSeq, millis: r.millis }));
      load(false);
    } catch (e) { fail(e, verdict); }
  };
  const form = h('form', { class: 'search', id: 'trail-form', onsubmit: e => { e.preventDefault(); load(false); } },
    actor, citizen, caseNo, action, h('label', { class: 'check' }, t('audit.trail.from'), from), h('label', { class: 'check' }, t('audit.trail.to'), to),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'trail-search' }, t('audit.search')), exportLink,
      h('button', { type: 'button', id: 'trail-verify-button', onclick: verify }, t('audit.trail.verify'))));
  load(false);
  return h('section', { id: 'audit-trail' }, h('h3', {}, t('audit.trail')), h('p', { class: 'muted' }, t('audit.trail.note')), form, verdict,
    h('div', { class: 'table-scroll' }, table([t('audit.trail.seq'), t('account.logins.at'), t('audit.actor'), t('audit.trail.roles'),
      t('account.logins.client'), t('audit.trail.action'), t('audit.trail.object'), t('audit.trail.case'), t('audit.trail.citizen'),
      t('audit.trail.outcome'), t('audit.detail')], rows)), more);
}

function accessSection() {
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
      rows.map(r => h('tr', { 'data-event': r.event }, h('td', {}, dateTime(r.at)), h('td', {}, t(`access.event.${r.event}`)),
        h('td', {}, r.user || ''), h('td', {}, r.client || ''), h('td', {}, channelName(r.channel)), h('td', {}, r.actor || ''), h('td', {}, r.detail || '')))));
    } catch (e) { fail(e, events); }
  };
  load();
  return h('section', {}, h('h3', {}, t('audit.access')), h('form', { class: 'search', onsubmit: e => { e.preventDefault(); load(); } },
    who, kind, h('button', { type: 'submit', id: 'audit-search' }, t('audit.search'))), events);
}

function licenceSection() {
  const holder = h('input', { id: 'licence-holder', placeholder: t('audit.holder') });
  const reads = h('div', { id: 'licence-reads' });
  const licenceForm = h('form', { onsubmit: async e => {
    e.preventDefault();
    try {
      const rows = await api.get(`/licences/access?holder=${encodeURIComponent(holder.value.trim())}`);
      show(reads, table([t('account.logins.at'), t('audit.actor'), t('audit.licence'), t('audit.purpose')], rows.map(r => h('tr', {},
        h('td', {}, dateTime(r.at)), h('td', {}, r.actor), h('td', {}, `${r.action} ${r.licenceType || ''} ${licenceNumber(r.licenceNo)}`),
        h('td', {}, r.caseNo || r.purpose || '')))));
    } catch (err) { fail(err, reads); }
  } }, h('label', {}, t('audit.holder'), holder), h('button', { type: 'submit' }, t('audit.search')));
  return h('section', {}, h('h3', {}, t('audit.licences')), licenceForm, reads);
}
