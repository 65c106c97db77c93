import { h, show, table } from '/console/js/dom.js';
import { t } from '/console/js/i18n.js';
import { api } from '/console/js/api.js';
import { pager } from '/console/js/pager.js';
import { newestOnly } from '/console/js/newest.js';
import { filePicker } from '/console/js/files.js';
import { ONLINE, say, busy, attempt, when, fields, limitText, statutoryText, itemButtons } from './common.js';

// 网上申办: an item marked online, its guide, how the result comes back (window or post); then one
// application: files per material, pre-review, and after a return the notice and another try.
const EDITABLE = ['DRAFT', 'RETURNED'];
const WITHDRAWABLE = ['DRAFT', 'SUBMITTED', 'RETURNED', 'AWAITING_PAYMENT'];
const FILE_TYPES = 'image/jpeg,image/png,application/pdf';

export function applyPage(main, args) {
  if (args[0]) {
    applicationPage(main, args[0]);
    return;
  }
  const q = h('input', { id: 'apply-q', type: 'search', placeholder: t('online.apply.search') });
  const items = h('div', { id: 'apply-items', class: 'items' });
  const pages = h('div', { id: 'apply-pages' });
  const guide = h('section', { id: 'apply-guide', class: 'panel', hidden: true });
  const mine = h('section', { id: 'my-applications' });
  const ask = newestOnly();
  const find = (number = 1) => attempt(async () => {
    const current = ask();
    // the search knows no "online" filter: it asks for more and shows the online ones only, a page of 100 at a time
    const page = await api.get(`/public/catalog/items?size=100&page=${number}&q=${encodeURIComponent(q.value.trim())}`);
    if (!current()) return;
    const online = page.items.filter(i => i.online === true);
    show(items, online.length ? itemButtons(online, i => showGuide(i.code, guide)) : h('p', { class: 'muted' }, t('online.apply.noItems')));
    show(pages, page.total > page.size ? pager(page, find, 'apply-pager') : '');
    items.scrollTop = 0;
  });
  show(main, h('h2', {}, t('online.apply')), h('p', { class: 'muted' }, t('online.apply.hint2')),
    h('form', { class: 'search', onsubmit: e => { e.preventDefault(); find(); } },
      q, h('button', { type: 'submit', id: 'apply-find' }, t('clerk.search.go'))),
    items, pages, guide, mine);
  find();
  attempt(async () => {
    const list = await api.get(`${ONLINE}/applications`);
    show(mine, h('h3', {}, t('online.apply.mine')), list.length === 0 ? h('p', { class: 'muted' }, t('online.apply.none'))
      : table([t('kiosk.caseNo'), t('item.name'), t('case.status'), t('online.createdAt')], list.map(a => h('tr', { 'data-case': a.caseNo },
        h('td', {}, h('a', { href: `#/apply/${encodeURIComponent(a.caseNo)}`, class: 'open-application' }, a.caseNo)),
        h('td', {}, a.itemName), h('td', {}, h('span', { class: 'app-state', 'data-state': a.state }, t(`online.state.${a.state}`))),
        h('td', {}, when(a.createdAt))))));
  });
}

async function showGuide(code, target) {
  const item = await attempt(() => api.get(`/public/catalog/items/${encodeURIComponent(code)}`));
  if (!item) return;
  const name = h('input', { id: 'apply-name', maxlength: 64, autocomplete: 'name', required: true });
  const radio = (value, id, checked) => h('input', { type: 'radio', name: 'delivery', value, id, checked });
  const byWindow = radio('WINDOW', 'delivery-window', true);
  const byPost = radio('POST', 'delivery-post', false);
  const recipient = h('input', { id: 'recipient', maxlength: 64, autocomplete: 'name' });
  const phone = h('input', { id: 'phone', type: 'tel', maxlength: 11, inputmode: 'numeric', autocomplete: 'tel' });
  const address = h('input', { id: 'address', maxlength: 300, autocomplete: 'street-address', class: 'wide' });
  const post = h('fieldset', { id: 'post-fields', hidden: true }, h('legend', {}, t('online.post.legend')),
    h('label', {}, t('online.post.recipient'), recipient), h('label', {}, t('online.post.phone'), phone),
    h('label', {}, t('online.post.address'), address));
  const toggle = () => { post.hidden = !byPost.checked; };
  byWindow.addEventListener('change', toggle);
  byPost.addEventListener('change', toggle);
  const create = h('button', { type: 'submit', id: 'create-application', class: 'primary' }, t('online.apply.create'));
  const form = h('form', { id: 'new-application', onsubmit: async e => {
    e.preventDefault();
    if (!name.value.trim()) {
      say(t('online.nameRequired'), 'error');
      name.focus();
      return;
    }
    const delivery = byPost.checked
      ? { method: 'POST', recipient: recipient.value.trim(), phone: phone.value.trim(), address: address.value.trim() }
      : { method: 'WINDOW' };
    const a = await busy(create, () => api.post(`${ONLINE}/applications`, { itemCode: item.code, name: name.value.trim(), delivery }));
    if (a) location.hash = `#/apply/${encodeURIComponent(a.caseNo)}`;
  } },
  h('label', {}, t('online.apply.name'), name),
  h('fieldset', {}, h('legend', {}, t('online.delivery')),
    h('label', { class: 'check' }, byWindow, t('online.delivery.WINDOW')),
    h('label', { class: 'check' }, byPost, t('online.delivery.POST'))),
  post, create);
  show(target, h('article', { class: 'guide' },
    h('h3', { id: 'guide-name', 'data-code': item.code }, item.name),
    fields([
      [t('item.department'), item.department.name],
      [t('item.statutoryLimit'), statutoryText(item), { id: 'guide-statutory' }],
      [t('item.timeLimit'), limitText(item), { id: 'guide-promised' }],
      [t('item.fee'), Number(item.fee) === 0 ? t('item.free') : `¥${item.fee}`],
      [t('item.conditions'), item.conditions],
      [t('item.legalBasis'), item.legalBasis],
    ]),
    h('h4', {}, t('item.materials')),
    table([t('online.materialCode'), t('case.material'), '', ''], item.materials.map(m => h('tr', { 'data-material': m.code },
      h('td', {}, m.code), h('td', {}, m.name), h('td', { class: 'need' }, m.required ? t('item.required') : t('item.optional')),
      h('td', { class: 'muted' }, m.licenceType ? t('online.licenceMaybe') : ''))))),
  form);
  target.hidden = false;
  target.scrollIntoView({ block: 'start' });
  name.focus();
}

function materialState(m, redo) {
  const parts = [];
  if (m.source === 'LICENCE') parts.push(h('span', { class: 'ok from-licence' }, t('online.fromLicence')));
  else if (m.files.length) parts.push(h('span', { class: 'ok' }, t('online.uploaded', { n: m.files.length })));
  else parts.push(h('span', { class: m.required ? 'error' : 'muted' }, m.required ? t('online.missing') : t('online.notNeeded')));
  if (redo) parts.push(h('span', { class: 'error redo' }, ` ${t('online.redo')}`));
  return parts;
}

function applicationPage(main, caseNo) {
  const path = `${ONLINE}/applications/${encodeURIComponent(caseNo)}`;
  const render = a => {
    const editable = EDITABLE.includes(a.state);
    const redo = a.returned && a.returned.materials ? a.returned.materials : [];
    const names = new Map(a.materials.map(m => [m.code, m.name]));
    const rows = a.materials.map(m => {
      const files = h('ul', { class: 'files' }, m.files.map(f => h('li', {}, `${f.fileName}（${Math.max(1, Math.round(f.size / 1024))} KB）`)));
      let upload = '';
      if (editable && m.source !== 'LICENCE') {
        const input = h('input', { type: 'file', multiple: true, accept: FILE_TYPES, 'data-material': m.code, 'aria-label': m.name });
        // a file chosen is sent at once: there is nothing else to fill in for it
        input.addEventListener('change', async () => {
          if (!input.files.length) return;
          input.disabled = true;
          say(t('online.uploading'));
          const next = await busy(null, () => api.upload(`${path}/materials/${encodeURIComponent(m.code)}`, input.files));
          input.disabled = false;
          if (next) {
            render(next);
            say(t('online.uploadedOk', { material: m.name }));
          }
        });
        upload = h('div', { class: 'upload' }, t(redo.includes(m.code) ? 'online.reupload' : 'online.choose'), ' ', filePicker(input));
      }
      return h('tr', { 'data-material': m.code, 'data-required': m.required, class: redo.includes(m.code) ? 'redo' : '' },
        h('td', {}, m.code), h('td', {}, m.name), h('td', { class: 'need' }, m.required ? t('item.required') : t('item.optional')),
        h('td', { class: 'material-state', 'data-source': m.source || '' }, materialState(m, redo.includes(m.code))),
        h('td', {}, files, upload));
    });
    const actions = [];
    if (editable) {
      actions.push(h('button', { type: 'button', id: 'submit', class: 'primary', onclick: async e => {
        const next = await busy(e.currentTarget, () => api.post(`${path}/submission`));
        if (next) {
          render(next);
          say(t('online.submitted'));
        }
      } }, t(a.state === 'RETURNED' ? 'online.resubmit' : 'online.submit')));
    }
    if (a.state === 'AWAITING_PAYMENT' && a.payment) {
      // the gateway's cashier page; back from it, the order is read again (and the gateway asked)
      actions.push(h('button', { type: 'button', id: 'pay', class: 'primary', onclick: async e => {
        const order = await busy(e.currentTarget, () => api.get(`${path}/payment`));
        if (!order) return;
        if (order.payUrl) location.assign(order.payUrl);
        else attempt(async () => render(await api.get(path)));
      } }, t('online.pay', { amount: Number(a.payment.amount).toFixed(2) })));
    }
    if (WITHDRAWABLE.includes(a.state)) {
      const cell = h('span', { class: 'withdraw' });
      const ask = () => show(cell, h('button', { type: 'button', id: 'withdraw', onclick: () => show(cell, t('online.withdrawAsk'),
        h('button', { type: 'button', id: 'withdraw-confirm', onclick: async e => {
          const next = await busy(e.currentTarget, () => api.post(`${path}/withdrawal`));
          if (next) {
            render(next);
            say(t('online.withdrawn'));
          }
        } }, t('online.withdrawYes')),
        h('button', { type: 'button', class: 'link', onclick: ask }, t('online.cancelNo'))) }, t('online.withdraw')));
      ask();
      actions.push(cell);
    }
    if (a.state === 'ACCEPTED') {
      actions.push(h('a', { href: `#/cases/${encodeURIComponent(a.caseNo)}`, id: 'to-case' }, t('online.apply.toCase')));
    }
    const d = a.delivery || { method: 'WINDOW' };
    show(main, h('section', { id: 'application', 'data-case': a.caseNo },
      h('p', {}, h('a', { href: '#/apply' }, t('online.back'))),
      h('h2', { id: 'app-no' }, t('case.title', { caseNo: a.caseNo })),
      h('p', {}, `${a.itemName}（${a.itemCode}）· ${a.departmentName}`),
      h('p', {}, `${t('case.status')}：`, h('strong', { id: 'app-state', 'data-state': a.state }, t(`online.state.${a.state}`))),
      h('p', { id: 'next-step', class: 'next' }, a.nextStep),
      a.returned ? h('div', { id: 'returned', class: 'notice' },
        h('h3', {}, t('online.returned.title')),
        redo.length ? h('p', {}, t('online.returned.materials'), h('ul', {}, redo.map(code => h('li', { 'data-material': code }, names.get(code) || code)))) : '',
        a.returned.note ? h('p', { id: 'returned-note' }, t('online.returned.note', { note: a.returned.note })) : '') : '',
      a.rejectReason ? h('p', { id: 'reject-reason', class: 'error' }, t('online.rejected', { reason: a.rejectReason })) : '',
      a.payment ? h('p', { id: 'payment', 'data-status': a.payment.status }, t(`online.payment.${a.payment.status}`, {
        amount: Number(a.payment.amount).toFixed(2), orderNo: a.payment.orderNo })) : '',
      fields([
        [t('online.applicant'), `${a.applicantName}（${a.applicantId}）`],
        [t('online.delivery'), d.method === 'POST' ? t('online.delivery.to', { recipient: d.recipient, phone: d.phone, address: d.address }) : t('online.delivery.WINDOW')],
        [t('online.createdAt'), when(a.createdAt)],
        [t('online.submittedAt'), when(a.submittedAt)],
        [t('online.reviewedAt'), when(a.reviewedAt)],
      ]),
      h('h3', {}, t('item.materials')),
      editable ? h('p', { class: 'muted' }, t('online.fileTypes')) : '',
      table([t('online.materialCode'), t('case.material'), '', t('online.materialState'), t('online.files')], rows),
      h('div', { class: 'actions' }, actions)));
  };
  attempt(async () => {
    const a = await api.get(path);
    if (a.state === 'AWAITING_PAYMENT' && a.payment && a.payment.status === 'UNPAID') {
      // perhaps back from the gateway before its notification: asking the order asks the gateway
      const order = await api.get(`${path}/payment`);
      if (order.status === 'PAID') {
        render(await api.get(path));
        return;
      }
    }
    render(a);
  });
}
