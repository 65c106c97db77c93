import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { caseHeader, materialTable, checked, scans, statusText } from './cases.js';
import { confirmDialog } from './confirm.js';

/** The department's queue, oldest deadline first, coloured by how close the deadline is. */
export function reviewPage(main, session, args) {
  if (args[0] === 'case' && args[1]) {
    reviewCase(main, decodeURIComponent(args[1]));
    return null;
  }
  (async () => {
    try {
      const page = await api.get('/review/queue?size=100');
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      show(main, h('h2', {}, t('review.title')), page.items.length === 0 ? h('p', {}, t('review.none'))
        : table([t('case.no'), t('item.name'), t('item.department'), t('case.deadline'), ''], page.items.map(c => {
          const deadline = c.timeLimit ? c.timeLimit.deadline : '';
          const colour = deadline && deadline < today ? 'red' : deadline && deadline === today ? 'yellow' : 'green';
          return h('tr', { class: `deadline-${colour}`, 'data-case': c.caseNo },
            h('td', {}, c.caseNo, c.originDistrict ? h('span', { class: 'muted' }, ` ${t('review.crossDistrict', { district: c.originDistrict })}`) : ''),
            h('td', {}, c.itemName), h('td', {}, c.departmentName || c.departmentCode), h('td', { class: 'deadline' }, deadline),
            h('td', {}, h('a', { href: `#/review/case/${encodeURIComponent(c.caseNo)}`, class: 'open-case' }, t('review.open'))));
        })));
    } catch (e) { fail(e); }
  })();
  return null;
}

async function reviewCase(main, caseNo) {
  const path = `/cases/${encodeURIComponent(caseNo)}`;
  const done = async request => {
    try { await request; await reviewCase(main, caseNo); } catch (e) { fail(e); }
  };
  // a decision is made only once the reviewer has read what it says and confirmed it (Enter), Esc leaves it undone
  const decide = async (what, send) => {
    if (await confirmDialog(t('confirm.title', { caseNo }), ...what)) done(send());
  };
  try {
    const c = await api.get(path);
    const materials = materialTable(c, c.status === 'IN_REVIEW');
    const resultDocument = h('input', { id: 'result-document', value: c.itemName });
    const licenceNo = h('input', { id: 'licence-no' });
    const reason = h('input', { id: 'deny-reason' });
    const basis = h('input', { id: 'deny-basis' });
    const days = h('input', { id: 'extend-days', type: 'number', min: 1, max: 30, value: 5 });
    const why = h('input', { id: 'extend-reason' });
    const approver = h('input', { id: 'extend-approver' });
    const forms = c.status !== 'IN_REVIEW' ? [] : [
      h('fieldset', {}, h('legend', {}, t('review.approve')),
        h('label', {}, t('review.resultDocument'), resultDocument), h('label', {}, t('review.licenceNo'), licenceNo),
        h('button', { type: 'button', id: 'approve', onclick: () => decide(
          [t('confirm.approve', { document: resultDocument.value }), licenceNo.value ? t('confirm.licenceNo', { no: licenceNo.value }) : '',
            t('confirm.final')],
          () => api.post(`${path}/decision`,
            { outcome: 'APPROVED', resultDocument: resultDocument.value, licenceNo: licenceNo.value || undefined })) }, t('review.approve'))),
      h('fieldset', {}, h('legend', {}, t('review.deny')),
        h('label', {}, t('review.reason'), reason), h('label', {}, t('review.legalBasis'), basis),
        h('button', { type: 'button', id: 'deny', onclick: () => decide(
          [t('confirm.deny', { reason: reason.value, basis: basis.value }), t('confirm.final')],
          () => api.post(`${path}/decision`, { outcome: 'DENIED', reason: reason.value, legalBasis: basis.value })) }, t('review.deny'))),
      h('button', { type: 'button', id: 'supplement', onclick: () => {
        const codes = checked(materials);
        const names = c.materials.filter(m => codes.includes(m.code)).map(m => m.name).join('、');
        decide([t('confirm.supplement', { materials: names })], () => api.post(`${path}/supplement`, { materials: codes }));
      } }, t('review.supplement')),
      h('fieldset', {}, h('legend', {}, t('review.extend')),
        h('label', {}, t('review.days'), days), h('label', {}, t('review.reason'), why), h('label', {}, t('review.approvedBy'), approver),
        h('button', { type: 'button', id: 'extend', onclick: () => decide(
          [t('confirm.extend', { days: days.value, reason: why.value, approver: approver.value })],
          () => api.post(`${path}/extension`, { days: Number(days.value), reason: why.value, approvedBy: approver.value })) },
        t('review.extend'))),
    ];
    // a case another district accepted is handed out at that district's window
    if (c.next.includes('READY_FOR_PICKUP') && !c.originDistrict) {
      // the applicant is told to come at once: asked first, as every decision
      forms.push(h('button', { type: 'button', id: 'hand-out', onclick: () => decide([t('confirm.handOut')],
        () => api.post(`${path}/transitions`, { to: 'READY_FOR_PICKUP' })) }, t('review.handOut')));
    }
    const origin = c.originDistrict ? h('p', { class: 'muted', id: 'cross-district' }, t('review.fromDistrict', { district: c.originDistrict })) : '';
    show(main, h('section', { id: 'review-case' }, caseHeader(c), origin, materials, h('h3', {}, t('case.scan')), await scans(c.caseNo),
      h('div', { class: 'decision' }, forms), h('p', { class: 'muted' }, statusText(c.status))));
  } catch (e) { fail(e); }
}
