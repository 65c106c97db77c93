import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { licenceNumber, maskId } from './idnumber.js';

// What the window and the back office both show of a case.
export function statusText(status) {
  return t(`status.${status}`);
}

export function materialRows(c, selectable) {
  return c.materials.map(m => {
    let state = m.received ? t('case.received') : t('case.missing');
    if (m.source === 'LICENCE') state = t('case.fromLicence', { no: licenceNumber(m.licenceNo) });
    if (m.source === 'EARLIER_CASE') state = t('case.fromEarlier', { no: m.fromCaseNo });
    return h('tr', { class: m.received ? 'ok' : m.required ? 'missing' : '' },
      h('td', {}, selectable && !m.received ? h('input', { type: 'checkbox', value: m.code, 'aria-label': m.name }) : ''),
      h('td', {}, m.code), h('td', {}, m.name),
      h('td', {}, m.required ? t('item.required') : t('item.optional')),
      h('td', { class: 'material-state', 'data-code': m.code }, state));
  });
}

export function caseHeader(c) {
  return h('div', { class: 'case-head' },
    h('h2', { id: 'case-no' }, t('case.title', { caseNo: c.caseNo })),
    h('p', {}, `${c.itemName}（${c.itemCode}）· ${c.departmentName}`),
    h('p', {}, `${t('case.status')}：`, h('span', { id: 'case-status', 'data-status': c.status }, statusText(c.status)),
      c.timeLimit ? `　${t('case.deadline')}：${c.timeLimit.deadline}` : ''),
    // an instant item never reaches the back office: the window finishes it
    c.timeLimitDays === 0 ? h('p', { id: 'instant-case', class: 'instant' }, t('instant.case')) : '',
    applicant(c));
}

/** Who applies and who acts for them, ID numbers masked. */
function applicant(c) {
  const party = p => `${p.name}（${maskId(p.idNumber)}）`;
  return h('dl', { id: 'applicant', class: 'applicant' },
    h('dt', {}, t('case.applicant')), h('dd', {}, c.applicant ? party(c.applicant) : ''),
    h('dt', {}, t('case.agent')), h('dd', {}, c.agent ? party(c.agent) : t('case.noAgent')));
}

/** The case's scans in page order, each opening the full-size viewer; all read through the API. */
export async function scans(caseNo) {
  const files = (await api.get(`/cases/${encodeURIComponent(caseNo)}/materials`)).sort((a, b) => a.seq - b.seq);
  if (!files.length) return h('p', { class: 'muted' }, t('case.scan.none'));
  const urlOf = f => api.url(`/cases/${encodeURIComponent(caseNo)}/materials/${f.id}`);
  return h('div', { class: 'scans' }, files.map((f, i) => h('figure', {},
    h('button', { type: 'button', class: 'scan-open', 'data-seq': f.seq, title: t('viewer.open', { name: f.fileName }),
      // the viewer (and pdf.js behind it) loads at the first click, not with every case page
      onclick: async () => (await import('./viewer.js')).openViewer(files, i, urlOf) },
    f.contentType.startsWith('image/') ? h('img', { src: urlOf(f), alt: f.fileName }) : h('span', { class: 'pdf-tile' }, 'PDF')),
    h('figcaption', {}, `${f.seq}. ${f.fileName}`))));
}

export function materialTable(c, selectable) {
  return table(['', t('material.code'), t('case.material'), '', ''], materialRows(c, selectable));
}

export function checked(container) {
  return [...container.querySelectorAll('input[type=checkbox]:checked')].map(x => x.value);
}

export function openDocument(caseNo, kind) {
  window.open(api.url(`/cases/${encodeURIComponent(caseNo)}/${kind}`), '_blank', 'noopener');
}

export { show };
