import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { licenceNumber, validResidentId } from './idnumber.js';
import { caseHeader, materialTable, checked, scans, openDocument, statusText } from './cases.js';
import { filePicker } from './files.js';

/** The window (综合窗口): find an item, read its guide, take in a case; or, with a case number, work on it. */
export function clerkPage(main, session, args) {
  if (args[0] === 'case' && args[1]) {
    return casePage(main, decodeURIComponent(args[1]));
  }
  const query = h('input', { id: 'item-search', type: 'search', placeholder: t('clerk.search'), autofocus: true });
  const department = h('select', { id: 'department' }, h('option', { value: '' }, t('clerk.department')));
  api.get('/catalog/departments').then(list => list.forEach(d => department.append(h('option', { value: d.code }, d.name))))
    .catch(fail);
  const results = h('div', { id: 'item-results' });
  const guide = h('div', { id: 'guide' });
  const banner = h('p', { id: 'ticket-banner', class: 'instant', hidden: true });
  // from the queue page's 按此号收件: the number called at this window, with what its citizen gave at the kiosk
  let from = null;
  if (args[0] === 'ticket') {
    api.get('/queue/window/current/intake').then(x => {
      from = x;
      banner.textContent = t('clerk.fromTicket', { number: x.number });
      banner.hidden = false;
      if (x.itemCode) showGuide(x.itemCode, guide, from);
    }).catch(e => fail(e));
  }
  const search = async () => {
    try {
      const q = encodeURIComponent(query.value.trim());
      const page = await api.get(`/catalog/items?size=50&q=${q}&department=${encodeURIComponent(department.value)}`);
      show(results, h('p', {}, t('clerk.results', { n: page.total })),
        table([t('item.code'), t('item.name'), t('item.department'), t('item.timeLimit')], page.items.map(i =>
          h('tr', { class: 'pick', tabindex: 0, 'data-code': i.code, onclick: () => showGuide(i.code, guide, from),
            onkeydown: e => e.key === 'Enter' && showGuide(i.code, guide, from) },
          h('td', {}, i.code), h('td', { class: 'item-name' }, i.name), h('td', {}, i.department.name), h('td', {}, limit(i))))));
      const first = results.querySelector('tr.pick');
      if (first) first.focus();
    } catch (e) { fail(e); }
  };
  // a citizen who comes back is found above the items, so that a guide shown below never pushes the box out of sight
  show(main, banner, caseLookup(), h('section', {}, h('form', { class: 'search', onsubmit: e => { e.preventDefault(); search(); } },
    query, department, h('button', { type: 'submit', id: 'search' }, t('clerk.search.go'))), results), guide);
  query.focus();
  return null;
}

/**
 * A citizen who comes back: one box for a case number, a pickup code, an ID number, a name or a mobile. The key goes
 * in the request's body (never the address, which logs print); the answer shows ID numbers and mobiles masked.
 */
function caseLookup() {
  const box = h('input', { id: 'case-lookup', type: 'search', maxlength: 100, autocomplete: 'off', placeholder: t('lookup.placeholder') });
  const results = h('div', { id: 'lookup-results' });
  let key = '';
  const find = async page => {
    try {
      const found = await api.post('/cases/lookup', { q: key, page, size: 10 });
      const pages = Math.max(1, Math.ceil(found.total / found.size));
      const link = (label, id, to) => h('button', { type: 'button', id, disabled: to < 1 || to > pages, onclick: () => find(to) }, label);
      show(results, h('p', { id: 'lookup-total' }, t('lookup.total', { n: found.total })),
        found.items.length === 0 ? '' : table([t('lookup.caseNo'), t('item.name'), t('lookup.applicant'), t('lookup.idNumber'),
          t('lookup.phone'), t('lookup.agent'), t('case.status'), t('lookup.createdAt')], found.items.map(c => h('tr', { 'data-case': c.caseNo },
          h('td', {}, h('a', { class: 'open-case', href: `#/clerk/case/${encodeURIComponent(c.caseNo)}` }, c.caseNo)),
          h('td', {}, c.itemName), h('td', {}, c.applicant.name), h('td', { class: 'masked-id' }, c.applicant.idNumber),
          h('td', { class: 'masked-phone' }, c.applicant.phone || ''),
          h('td', {}, c.agent ? `${c.agent.name} ${c.agent.idNumber}` : ''),
          h('td', {}, statusText(c.status)), h('td', {}, c.createdAt.slice(0, 10))))),
        pages > 1 ? h('p', { class: 'pager' }, link(t('lookup.previous'), 'lookup-previous', page - 1),
          ` ${t('lookup.page', { page, pages })} `, link(t('lookup.next'), 'lookup-next', page + 1)) : '');
      // Enter opens the newest case, as the item search's first row
      const first = results.querySelector('a.open-case');
      if (first) first.focus();
    } catch (e) { fail(e, results); }
  };
  return h('section', { id: 'case-search' }, h('h2', {}, t('lookup.title')),
    h('form', { class: 'search', onsubmit: e => { e.preventDefault(); key = box.value.trim(); show(results); if (key) find(1); } },
      box, h('button', { type: 'submit', id: 'case-lookup-go' }, t('clerk.search.go'))), results);
}

function limit(item) {
  return item.timeLimitDays === 0 ? t('item.instant') : t('item.days', { n: item.timeLimitDays });
}

/** 法定时限: absent from catalogs imported before it was a field. */
function statutory(item) {
  return item.statutoryLimitDays == null ? t('item.notGiven') : t('item.days', { n: item.statutoryLimitDays });
}

async function showGuide(code, target, from) {
  try {
    const item = await api.get(`/catalog/items/${encodeURIComponent(code)}`);
    const start = h('button', { type: 'button', id: 'start-intake', onclick: () => intakeForm(item, target, from) }, t('item.start'));
    show(target, h('article', { class: 'guide' },
      h('h2', { id: 'guide-name' }, item.name),
      h('dl', {},
        h('dt', {}, t('item.code')), h('dd', {}, item.code),
        h('dt', {}, t('item.department')), h('dd', {}, item.department.name),
        h('dt', {}, t('item.statutoryLimit')), h('dd', { id: 'guide-statutory' }, statutory(item)),
        h('dt', {}, t('item.timeLimit')), h('dd', {}, limit(item)),
        h('dt', {}, t('item.fee')), h('dd', {}, Number(item.fee) === 0 ? t('item.free') : `¥${item.fee}`),
        h('dt', {}, t('item.legalBasis')), h('dd', {}, item.legalBasis),
        h('dt', {}, t('item.conditions')), h('dd', {}, item.conditions)),
      h('h3', {}, t('item.materials')),
      table([t('material.code'), t('case.material'), '', ''], item.materials.map(m => h('tr', {},
        h('td', {}, m.code), h('td', {}, m.name), h('td', {}, m.required ? t('item.required') : t('item.optional')),
        h('td', {}, m.licenceType ? t('item.licence') : '')))),
      start));
    start.focus();
  } catch (e) { fail(e); }
}

/** The intake form; {@code from}, the ticket called at this window, fills in the citizen it names. */
function intakeForm(item, target, from) {
  const id = h('input', { id: 'id-number', maxlength: 18, autocomplete: 'off', required: true });
  const idState = h('span', { id: 'id-state', 'aria-live': 'polite' });
  const name = h('input', { id: 'applicant-name', required: true, maxlength: 100 });
  const phone = h('input', { id: 'applicant-phone', maxlength: 32 });
  const covered = new Map(item.materials.map(m => [m.code, h('span', { class: 'covered', 'data-material': m.code })]));
  const boxes = h('fieldset', { id: 'materials' }, h('legend', {}, t('intake.materials')),
    item.materials.map(m => h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: m.code }), `${m.code} ${m.name}`, m.required ? ' *' : '', covered.get(m.code))));
  let asked = '';
  id.addEventListener('input', () => {
    const number = id.value.trim().toUpperCase();
    const full = number.length === 18;
    const valid = validResidentId(number);
    idState.textContent = full ? (valid ? t('intake.idValid') : t('intake.idInvalid')) : '';
    idState.className = full ? (valid ? 'ok' : 'error') : '';
    if (valid && number !== asked) {
      asked = number;
      showCoverage(item, number, covered, name);
    } else if (!valid) {
      asked = '';
      covered.forEach(span => { span.textContent = ''; });
    }
  });
  const form = h('form', { id: 'intake', onsubmit: async e => {
    e.preventDefault();
    try {
      const c = await api.post('/cases', {
        itemCode: item.code,
        applicant: { idNumber: id.value.trim(), name: name.value.trim(), phone: phone.value.trim() || undefined },
        materials: checked(boxes),
      });
      // the ticket is served for the case: its service ends with the case's acceptance. The case stands whatever the
      // queue answers; a failure is said on the case's page, once it is shown
      const tied = !from || await api.post('/queue/window/case', { caseNo: c.caseNo }).then(() => true, () => false);
      if (!tied) {
        window.addEventListener('hashchange', () => fail(t('clerk.ticketLinkFailed', { number: from.number })), { once: true });
      }
      location.hash = `#/clerk/case/${encodeURIComponent(c.caseNo)}`;
    } catch (err) { fail(err, form); }
  } },
  h('h2', {}, t('intake.title', { item: item.name })),
  item.timeLimitDays === 0 ? h('p', { id: 'instant-note', class: 'instant' }, t('instant.intake')) : '',
  h('label', {}, t('intake.idNumber'), id, idState),
  h('label', {}, t('intake.name'), name),
  h('label', {}, t('intake.phone'), phone),
  boxes,
  h('button', { type: 'submit', id: 'open-case' }, t('intake.open')));
  form.addEventListener('keydown', e => { if (e.key === 'F2') { e.preventDefault(); form.requestSubmit(); } });
  show(target, form);
  if (from && from.idNumber) {
    id.value = from.idNumber;
    id.dispatchEvent(new Event('input'));
  }
  if (from && from.mobile) phone.value = from.mobile;
  (from && from.idNumber ? name : id).focus();
}

/**
 * Marks the materials the licence library covers for this applicant (they need no paper and are
 * received when the case opens), and fills in the name from a licence if the clerk has not typed one.
 */
async function showCoverage(item, number, covered, name) {
  const types = [...new Set(item.materials.filter(m => m.licenceType).map(m => m.licenceType))];
  if (types.length === 0) return;
  try {
    const query = types.map(type => `type=${encodeURIComponent(type)}`).join('&');
    const usable = await api.get(`/licences/usable?holder=${encodeURIComponent(number)}&${query}`
      + `&purpose=${encodeURIComponent(t('intake.coveragePurpose', { item: item.code }))}`);
    item.materials.forEach(m => {
      const licence = m.licenceType && usable[m.licenceType];
      covered.get(m.code).textContent = licence ? t('intake.covered', { type: licence.typeName, no: licenceNumber(licence.number) }) : '';
    });
    const holderName = Object.values(usable).map(l => l.holderName).find(Boolean);
    if (holderName && !name.value.trim()) name.value = holderName;
  } catch (e) {
    // the library may be uninstalled: intake goes on, every material then needs paper
    if (e.status !== 404 && e.status !== 503) fail(e);
  }
}

/**
 * One case at the window: materials and where they came from, scans, and only the moves its status allows (the case's
 * {@code next}, and {@code receiving}: whether the window still takes materials), the one that applies first.
 */
function casePage(main, caseNo) {
  const path = `/cases/${encodeURIComponent(caseNo)}`;
  const render = async () => {
    try {
      const c = await api.get(path);
      // still being taken in: before acceptance, on a supplement, or while materials accepted without (容缺) are owed
      const takingIn = c.receiving && (c.status === 'DRAFT' || c.status === 'SUPPLEMENT_REQUESTED' || c.materials.some(m => m.owed));
      const receivable = takingIn && c.materials.some(m => !m.received);
      const materials = materialTable(c, receivable);
      const act = (label, id, run) => h('button', { type: 'button', id, onclick: async () => {
        try { await run(); await render(); } catch (e) { fail(e); }
      } }, label);
      const move = to => api.post(`${path}/transitions`, { to });
      const actions = [];
      if (c.next.includes('ACCEPTED')) actions.push(act(t('case.accept'), 'accept', () => move('ACCEPTED')));
      if (c.status === 'SUPPLEMENT_REQUESTED' && c.next.includes('IN_REVIEW')) {
        actions.push(act(t('case.supplementIn'), 'supplement-in', () => move('IN_REVIEW')));
      }
      if (c.next.includes('READY_FOR_PICKUP')) actions.push(act(t('case.ready'), 'ready', () => move('READY_FOR_PICKUP')));
      // the receipt and the text message say: the pickup code, or the applicant's or the agent's ID card
      const pickup = h('input', { id: 'pickup-code', maxlength: 24, autocomplete: 'off', placeholder: t('case.pickupCode'),
        onkeydown: e => { if (e.key === 'Enter') { e.preventDefault(); document.getElementById('deliver').click(); } } });
      const collector = () => {
        const typed = pickup.value.replace(/\s/g, '').toUpperCase();
        return /^\d{6}$/.test(typed) ? { pickupCode: typed } : { collectorIdNumber: typed };
      };
      const carrier = h('input', { id: 'carrier', placeholder: t('case.carrier') });
      const tracking = h('input', { id: 'tracking-no', placeholder: t('case.trackingNo') });
      if (c.next.includes('DELIVERED')) {
        actions.push(pickup, act(t('case.deliver'), 'deliver', () => api.post(`${path}/transitions`, { to: 'DELIVERED', ...collector() })),
          carrier, tracking, act(t('case.post'), 'post', () => api.post(`${path}/transitions`,
            { to: 'DELIVERED', carrier: carrier.value.trim(), trackingNo: tracking.value.trim() })));
      }
      // the papers after the moves: the one-time notice while something is missing at intake, the receipt once accepted
      if (c.status === 'DRAFT' && c.missingMaterials.length) {
        actions.push(h('button', { type: 'button', id: 'notice', onclick: () => openDocument(c.caseNo, 'notice') }, t('case.notice')));
      }
      if (c.pickupCode) actions.push(h('button', { type: 'button', id: 'receipt', onclick: () => openDocument(c.caseNo, 'receipt') }, t('case.receipt')));
      show(main, h('section', { id: 'case' }, caseHeader(c),
        c.timeLimitDays === 0 && c.status === 'ACCEPTED' ? h('p', { id: 'instant-accepted', class: 'instant' }, t('instant.accepted')) : '',
        materials,
        receivable ? h('button', { type: 'button', id: 'receive', onclick: async () => {
          try { await api.post(`${path}/received-materials`, { materials: checked(materials) }); await render(); } catch (e) { fail(e); }
        } }, t('case.receive')) : '',
        h('h3', {}, t('case.scan')), await scans(c.caseNo),
        takingIn ? upload(path, render) : '',
        c.delivery && c.delivery.method === 'WINDOW' ? h('p', { id: 'collected-by' }, c.delivery.collectedBy
          ? t('case.collectedBy', { id: c.delivery.collectedBy }) : t('case.collectedByCode')) : '',
        actions.length ? h('div', { class: 'actions' }, actions) : '',
        h('p', { class: 'muted' }, statusText(c.status))));
      // a result ready: the citizen stands at the window with the ID card or the receipt
      if (c.next.includes('DELIVERED')) pickup.focus();
    } catch (e) { fail(e); }
  };
  const keys = e => {
    if (e.key === 'F9') { e.preventDefault(); const b = document.getElementById('accept'); if (b) b.click(); }
  };
  document.addEventListener('keydown', keys);
  render();
  return () => document.removeEventListener('keydown', keys);
}

/** Scans of the materials handed in, previewed in the order chosen (the pages' order), then uploaded. */
function upload(path, render) {
  const files = h('input', { type: 'file', id: 'scan-files', multiple: true, accept: 'image/jpeg,image/png,application/pdf' });
  const previews = h('div', { class: 'scans', id: 'scan-previews' });
  files.addEventListener('change', () => show(previews, [...files.files].map((f, i) => f.type.startsWith('image/')
    ? h('figure', {}, h('img', { src: URL.createObjectURL(f), alt: f.name }), h('figcaption', {}, `${i + 1}. ${f.name}`))
    : h('figure', {}, `${i + 1}. ${f.name}`))));
  return h('div', { class: 'upload' }, h('div', { class: 'file-field' }, t('case.scan.add'), ' ', filePicker(files)), previews,
    h('button', { type: 'button', id: 'upload', onclick: async () => {
      try { if (files.files.length) { await api.upload(`${path}/materials`, files.files); await render(); } } catch (e) { fail(e); }
    } }, t('case.scan.upload')));
}

/** Today's cases at this hall, newest first; a click opens one. */
export function todayPage(main) {
  (async () => {
    try {
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      const page = await api.get(`/cases?size=200&from=${today}&to=${today}`);
      show(main, h('h2', {}, t('today.title')), page.items.length === 0 ? h('p', {}, t('today.none'))
        : table(['', t('item.name'), t('case.status')], page.items.map(c => h('tr', {},
          h('td', {}, h('a', { href: `#/clerk/case/${encodeURIComponent(c.caseNo)}` }, c.caseNo)),
          h('td', {}, c.itemName), h('td', {}, statusText(c.status))))));
    } catch (e) { fail(e); }
  })();
  return null;
}
