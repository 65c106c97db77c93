import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';

const KINDS = ['', 'WINDOW', 'ONLINE'];

/**
 * 差评原因 (the system administrator): the newest version of the list a citizen picks from for a bad rating, as rows to
 * change, add and remove, published as the next version. Ratings keep the version they used; an older version is never
 * changed, so nothing here edits it.
 */
export async function loadReasonLists(part) {
  const versions = await api.get('/evaluation/reasons');
  const newest = versions[0] || { version: 0, reasons: [] };
  const rows = h('tbody', {});
  const row = r => h('tr', { class: 'reason-row' },
    h('td', {}, h('input', { class: 'reason-code', value: r.code || '', maxlength: 20, size: 14, required: true,
      pattern: '[A-Z][A-Z0-9_]*', title: t('evaluation.reasons.codeHint') })),
    h('td', {}, h('input', { class: 'reason-label', value: r.label || '', maxlength: 50, size: 28, required: true })),
    h('td', {}, h('select', { class: 'reason-kind' }, KINDS.map(k => h('option', { value: k, selected: (r.kind || '') === k },
      t(`evaluation.reasons.kind.${k || 'ANY'}`))))),
    h('td', {}, h('button', { type: 'button', class: 'reason-remove', onclick: e => e.target.closest('tr').remove() },
      t('evaluation.reasons.remove'))));
  newest.reasons.forEach(r => rows.append(row(r)));
  const form = h('form', { id: 'reasons-form', onsubmit: async e => {
    e.preventDefault();
    const list = [...rows.querySelectorAll('tr')].map(tr => ({
      code: tr.querySelector('.reason-code').value.trim(),
      label: tr.querySelector('.reason-label').value.trim(),
      kind: tr.querySelector('.reason-kind').value || null,
    }));
    try {
      await api.put('/evaluation/reasons', list);
      await loadReasonLists(part);
    } catch (err) { fail(err, part); }
  } }, table([t('evaluation.reasons.code'), t('evaluation.reasons.label'), t('evaluation.reasons.kind'), ''], rows),
  h('p', { class: 'actions' },
    h('button', { type: 'button', id: 'reason-add', onclick: () => rows.append(row({})) }, t('evaluation.reasons.add')),
    h('button', { type: 'submit', id: 'reasons-publish', class: 'primary' }, t('evaluation.reasons.publish'))));
  show(part, h('h3', {}, t('evaluation.reasons')),
    h('p', { class: 'muted', id: 'reasons-version', 'data-version': newest.version }, t('evaluation.reasons.help', { version: newest.version })),
    form);
}
