import { h, show, table } from '/console/js/dom.js';
import { t } from '/console/js/i18n.js';
import { api } from '/console/js/api.js';
import { ONLINE, attempt, when, fields, say } from './common.js';
import { EVALUATION, loadReasons, ratingForm, serviceHeader, stageText } from '/console/js/rating.js';

// 我的办件: every case the citizen is the applicant of, from the window, the kiosk or online.
export function casesPage(main, args) {
  if (args[0]) {
    casePage(main, args[0]);
    return;
  }
  attempt(async () => {
    const list = await api.get(`${ONLINE}/cases`);
    show(main, h('h2', {}, t('online.cases')), list.length === 0 ? h('p', { class: 'muted', id: 'no-cases' }, t('online.cases.none'))
      : table([t('kiosk.caseNo'), t('item.name'), t('online.channel'), t('case.status'), t('case.deadline')], list.map(c => h('tr', { 'data-case': c.caseNo },
        h('td', {}, h('a', { href: `#/cases/${encodeURIComponent(c.caseNo)}`, class: 'open-case' }, c.caseNo)),
        h('td', {}, c.itemName), h('td', {}, t(`online.channel.${c.channel}`)),
        h('td', {}, h('span', { class: 'case-status', 'data-status': c.status }, t(`status.${c.status}`))),
        h('td', {}, c.deadline || '')))),
      h('section', { id: 'to-rate' }));
    if (list.length) ratables(document.getElementById('to-rate'));
  });
}

/**
 * 服务评价: the stages of the citizen's cases to rate (受理, 办结/出件), each once whatever the channel: 去评价 opens the form
 * under it, 已评价 once rated (here, at the window's pad, the kiosk or by the text's link). {@code caseNo}: that case's only.
 */
async function ratables(target, caseNo) {
  let list;
  try {
    list = await api.get(`${EVALUATION}/online`);
  } catch (e) {
    // the evaluation not installed or not answering: the cases are shown without it
    return;
  }
  const mine = caseNo ? list.filter(s => s.caseNo === caseNo) : list;
  if (!target.isConnected || mine.length === 0) return;
  const reasons = await loadReasons();
  const rated = row => {
    const cell = row.querySelector('.rate-cell');
    show(cell, h('span', { class: 'rated' }, t('rating.rated')));
  };
  show(target, h('h3', {}, t('online.rate.title')), h('p', { class: 'muted' }, t('online.rate.hint')),
    mine.map(s => {
      const slot = h('div', { class: 'rate-form-slot' });
      const row = h('div', { class: 'ratable panel', 'data-case': s.caseNo, 'data-stage': s.stage },
        h('div', { class: 'ratable-head' }, h('span', {}, h('strong', {}, s.caseNo), ` · ${stageText(s.stage)}`), h('span', { class: 'rate-cell' })),
        serviceHeader(s), slot);
      const cell = row.querySelector('.rate-cell');
      if (s.rated) rated(row);
      else {
        show(cell, h('button', { type: 'button', class: 'rate-stage primary', onclick: () => {
          show(slot, ratingForm(s, reasons, body => api.post(`${EVALUATION}/online/ratings`, body), receipt => {
            s.rated = true;
            show(slot);
            rated(row);
            say(receipt.followedUp ? `${t('rating.thanks')} ${t('rating.followedUp')}` : t('rating.thanks'));
          }));
        } }, t('rating.go')));
      }
      return row;
    }));
}

function casePage(main, caseNo) {
  attempt(async () => {
    const c = await api.get(`${ONLINE}/cases/${encodeURIComponent(caseNo)}`);
    const delivery = !c.deliveryMethod ? '' : c.deliveryMethod === 'POST'
      ? t('online.deliveredByPost', { carrier: c.carrier || '', no: c.trackingNo || '' }) : t('online.deliveredAtWindow');
    show(main, h('section', { id: 'case', 'data-case': c.caseNo },
      h('p', {}, h('a', { href: '#/cases' }, t('online.back'))),
      h('h2', { id: 'case-no' }, t('case.title', { caseNo: c.caseNo })),
      h('p', {}, `${c.itemName}（${c.itemCode}）· ${c.departmentName}`),
      h('p', {}, `${t('case.status')}：`, h('strong', { id: 'case-status', 'data-status': c.status }, t(`status.${c.status}`))),
      h('p', { id: 'next-step', class: 'next' }, c.nextStep),
      fields([
        [t('online.channel'), t(`online.channel.${c.channel}`)],
        [t('online.createdAt'), when(c.createdAt)],
        [t('online.acceptedOn'), c.acceptedOn],
        [t('case.deadline'), c.deadline, { id: 'deadline' }],
        [t('online.decidedOn'), c.decidedOn],
        [t('online.denialReason'), c.denialReason],
        [t('item.legalBasis'), c.legalBasis],
        [t('online.supplement'), c.supplementMaterials && c.supplementMaterials.length ? c.supplementMaterials.join('、') : ''],
        [t('online.delivery'), delivery],
      ]),
      h('h3', {}, t('online.history')),
      table([t('online.history.at'), t('case.status'), t('online.history.note')], (c.history || []).map(s => h('tr', {},
        h('td', {}, when(s.at)), h('td', {}, t(`status.${s.status}`)), h('td', {}, s.note || '')))),
      h('section', { id: 'to-rate' })));
    ratables(document.getElementById('to-rate'), c.caseNo);
  });
}
