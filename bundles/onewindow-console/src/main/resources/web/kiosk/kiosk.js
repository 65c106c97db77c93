import { h, show } from '/console/js/dom.js';
import { load, t } from '/console/js/i18n.js';
import { api } from '/console/js/api.js';
import { demoMarker } from '/console/js/demo.js';
import { pager } from '/console/js/pager.js';
import { keyboard } from '/console/js/keyboard.js';
import { newestOnly } from '/console/js/newest.js';
import { idleSeconds, whenIdle } from '/console/js/idle.js';
import { dateTime } from '/console/js/format.js';
import { EVALUATION, evaluationInstalled, loadReasons, ratingForm, serviceHeader, thanks } from '/console/js/rating.js';

// The self-service kiosk (自助服务区): no login, large touch targets, guides and a case's progress only.
const main = document.getElementById('main');

function home() {
  show(main, h('h1', {}, t('kiosk.title')), h('div', { class: 'tiles' },
    h('button', { type: 'button', id: 'guides', onclick: () => guides() }, t('kiosk.guides')),
    h('button', { type: 'button', id: 'status', onclick: status }, t('kiosk.status')),
    // the hall's queue, where it is installed: a number for a service, printed on the kiosk's ticket printer
    queueGroups.length ? h('button', { type: 'button', id: 'ticket', onclick: () => ticketGroups() }, t('kiosk.ticket')) : null,
    // 好差评, where the evaluation is installed: a case's stages rated by its number and the applicant's ID suffix
    rating ? h('button', { type: 'button', id: 'rate', onclick: () => rateLookup() }, t('kiosk.rate')) : null,
    // a signed-in citizen's cases, bookings and online applications: the online hall's pages on the same public API
    // the same idle time there: the online pages sign the citizen out and come back here
    h('a', { id: 'mine', class: 'tile', href: `/online/?channel=kiosk&idle=${idleSeconds()}#/cases` }, t('kiosk.mine'))));
  window.scrollTo(0, 0);
}

// whether the evaluation answers (its feature may be left out)
let rating = false;

// the queue's groups a citizen picks from (the priority lane is given at the desk, where staff see who needs it)
let queueGroups = [];

function ticketGroups() {
  show(main, back(), h('h2', {}, t('kiosk.pickGroup')), h('div', { class: 'tiles groups' }, queueGroups.map(g =>
    h('button', { type: 'button', class: 'group', 'data-group': g.code, onclick: () => ticketForm(g) }, `${g.prefix}  ${g.name}`))));
  window.scrollTo(0, 0);
}

function ticketForm(group) {
  const id = h('input', { id: 'ticket-id', maxlength: 18, autocomplete: 'off' });
  const mobile = h('input', { id: 'ticket-mobile', inputmode: 'numeric', maxlength: 11, autocomplete: 'off' });
  const answer = h('div', { id: 'ticket-error', 'aria-live': 'polite' });
  const form = h('form', { onsubmit: async e => {
    e.preventDefault();
    try {
      ticket(await api.post('/public/queue/tickets', { group: group.code, idNumber: id.value.trim() || undefined,
        mobile: mobile.value.trim() || undefined }));
    } catch (error) {
      const text = error.code === 'ALREADY_WAITING' ? t('kiosk.alreadyWaiting') : error.status === 429 ? t('kiosk.tooManyTickets') : error.message;
      show(answer, h('p', { class: 'error' }, text));
    }
  } }, h('h2', {}, `${group.prefix}  ${group.name}`), h('label', {}, t('kiosk.idForTicket'), id), h('label', {}, t('kiosk.mobileForTicket'), mobile),
  h('button', { type: 'submit', id: 'take-ticket', class: 'primary' }, t('kiosk.takeTicket')));
  show(main, back(ticketGroups), form, answer, keyboard('digits', [id, mobile], () => form.requestSubmit()));
}

// the ticket as the thermal printer prints it (80 mm, kiosk.css @media print): number, service, place, wait, time
function ticket(x) {
  show(main, h('article', { class: 'ticket', id: 'ticket-slip' },
    h('p', { class: 'hall' }, t('kiosk.title')),
    h('p', {}, t('kiosk.yourNumber')),
    h('p', { class: 'ticket-number', id: 'ticket-number' }, x.number),
    h('p', { class: 'ticket-group' }, x.groupName),
    h('p', { id: 'ticket-ahead' }, t('kiosk.ahead', { n: x.ahead })),
    x.ahead > 0 ? h('p', {}, t('kiosk.estimate', { minutes: x.estimatedWaitMinutes })) : null,
    h('p', { class: 'ticket-time' }, dateTime(x.takenAt)),
    h('p', { class: 'ticket-note' }, t('kiosk.ticketNote'))),
  h('div', { class: 'ticket-actions' }, h('button', { type: 'button', id: 'print-ticket', class: 'primary', onclick: () => window.print() }, t('kiosk.printTicket')),
    back()));
}

function back(to = home) {
  return h('button', { type: 'button', class: 'back', onclick: () => to() }, t('kiosk.back'));
}

// a page of 30 big buttons; the catalog answers its total, and previous / next go through the rest
const PAGE_SIZE = 30;

// the list a guide was opened from, to go back to: the search and its page
function guides(from = { q: '', page: 1 }) {
  const q = h('input', { id: 'q', type: 'search', placeholder: t('kiosk.search'), autocomplete: 'off', value: from.q });
  const list = h('div', { id: 'list' });
  const pages = h('div', { id: 'pages' });
  const ask = newestOnly();
  const find = async (number = 1) => {
    const current = ask();
    const page = await api.get(`/public/catalog/items?size=${PAGE_SIZE}&page=${number}&q=${encodeURIComponent(q.value.trim())}`);
    if (!current()) return;
    const here = { q: q.value, page: number };
    show(list, page.items.length ? page.items.map(i => h('button', { type: 'button', class: 'item', 'data-code': i.code, onclick: () => guide(i.code, here) }, i.name))
      : h('p', {}, t('kiosk.noItems')));
    // another page starts at its top, where the citizen's eyes go back to
    show(pages, pager(page, n => find(n).then(() => list.scrollIntoView({ block: 'start' })), 'kiosk-pager'));
  };
  const form = h('form', { class: 'search', onsubmit: e => { e.preventDefault(); find(); } }, q, h('button', { type: 'submit', id: 'search' }, t('clerk.search.go')));
  show(main, back(), form, keyboard('letters', [q], () => find()), list, pages);
  find(from.page);
}

async function guide(code, from) {
  const item = await api.get(`/public/catalog/items/${encodeURIComponent(code)}`);
  show(main, back(() => guides(from)), h('article', { class: 'guide' }, h('h2', {}, item.name),
    h('p', {}, `${t('item.department')}：${item.department.name}`),
    h('p', { id: 'guide-statutory' }, `${t('item.statutoryLimit')}：${item.statutoryLimitDays == null ? t('item.notGiven') : t('item.days', { n: item.statutoryLimitDays })}`),
    h('p', {}, `${t('item.timeLimit')}：${item.timeLimitDays === 0 ? t('item.instant') : t('item.days', { n: item.timeLimitDays })}`),
    h('p', { id: 'guide-fee', 'data-fee': item.fee }, `${t('item.fee')}：${Number(item.fee) === 0 ? t('kiosk.free') : t('kiosk.fee', { fee: item.fee })}`),
    h('p', {}, `${t('item.conditions')}：${item.conditions}`),
    h('h3', {}, t('item.materials')),
    h('ol', {}, item.materials.map(m => h('li', {}, `${m.name}（${m.required ? t('item.required') : t('item.optional')}）`))),
    h('p', { class: 'basis' }, `${t('item.legalBasis')}：${item.legalBasis}`)),
  h('button', { type: 'button', id: 'print', onclick: () => window.print() }, t('kiosk.print')));
}

function status() {
  const caseNo = h('input', { id: 'case-no', inputmode: 'numeric', autocomplete: 'off' });
  const suffix = h('input', { id: 'id-suffix', maxlength: 6, autocomplete: 'off' });
  const form = h('form', { onsubmit: e => query(e) });
  const answer = h('div', { id: 'answer', 'aria-live': 'polite' });
  const query = async e => {
    if (e) e.preventDefault();
    try {
      const s = await api.get(`/public/cases/${encodeURIComponent(caseNo.value.trim())}/status?idSuffix=${encodeURIComponent(suffix.value.trim())}`);
      show(answer, h('dl', {},
        h('dt', {}, t('kiosk.caseNo')), h('dd', {}, s.caseNo),
        h('dt', {}, t('item.name')), h('dd', {}, s.itemName),
        h('dt', {}, t('case.status')), h('dd', { id: 'public-status' }, t(`status.${s.status}`)),
        s.deadline ? [h('dt', {}, t('case.deadline')), h('dd', {}, s.deadline)] : []),
      s.supplementMaterials ? [h('p', {}, t('kiosk.bring')), h('ul', {}, s.supplementMaterials.map(m => h('li', {}, m)))] : []);
    } catch (error) {
      show(answer, h('p', { class: 'error', id: 'kiosk-error' }, error.status === 429 ? t('kiosk.tooMany') : t('kiosk.notFound')));
    }
    suffix.value = '';
  };
  form.append(h('label', {}, t('kiosk.caseNo'), caseNo), h('label', {}, t('kiosk.idSuffix'), suffix),
    h('button', { type: 'submit', id: 'query' }, t('kiosk.query')));
  // the answer right under the form, above the keyboard: below it, it would be out of sight
  show(main, back(), form, answer, keyboard('digits', [caseNo, suffix], () => form.requestSubmit()));
  caseNo.focus();
}

/**
 * 评价服务: the case number and the last six of the applicant's ID number on the on-screen keyboard, as the progress
 * look-up takes them (and as limited against guessing), then the case's stages, each rated once whatever the channel.
 */
function rateLookup() {
  const caseNo = h('input', { id: 'rate-case-no', inputmode: 'numeric', autocomplete: 'off' });
  const suffix = h('input', { id: 'rate-id-suffix', maxlength: 6, autocomplete: 'off' });
  const answer = h('div', { id: 'rate-answer', 'aria-live': 'polite' });
  const form = h('form', { onsubmit: async e => {
    e.preventDefault();
    const no = caseNo.value.trim();
    const six = suffix.value.trim();
    // the suffix stays with this look-up only: the field is cleared, as the progress look-up clears it
    suffix.value = '';
    try {
      const [stages, reasons] = await Promise.all([api.get(`${EVALUATION}/cases/${encodeURIComponent(no)}?idSuffix=${encodeURIComponent(six)}`),
        loadReasons()]);
      rateStages(no, six, stages, reasons);
    } catch (error) {
      show(answer, h('p', { class: 'error', id: 'rate-error' }, error.status === 429 ? t('kiosk.tooMany')
        : error.code === 'NOTHING_TO_RATE' ? t('kiosk.rate.nothing') : t('kiosk.notFound')));
    }
  } }, h('h2', {}, t('kiosk.rate')), h('p', {}, t('kiosk.rate.hint')),
  h('label', {}, t('kiosk.caseNo'), caseNo), h('label', {}, t('kiosk.idSuffix'), suffix),
  h('button', { type: 'submit', id: 'rate-query' }, t('kiosk.query')));
  show(main, back(), form, answer, keyboard('digits', [caseNo, suffix], () => form.requestSubmit()));
  caseNo.focus();
}

function rateStages(caseNo, suffix, stages, reasons) {
  const list = h('div', { id: 'rate-stages' });
  const draw = () => show(list, stages.length === 0 ? h('p', { id: 'rate-none' }, t('kiosk.rate.nothing')) : stages.map(s =>
    h('section', { class: 'stage', 'data-case': s.caseNo, 'data-stage': s.stage }, serviceHeader(s),
      s.rated ? h('p', { class: 'rated' }, t('rating.rated'))
        : h('button', { type: 'button', class: 'rate-stage primary', onclick: () => rateOne(s) }, t('rating.go')))));
  const rateOne = s => show(main, back(() => { window.scrollTo(0, 0); show(main, back(), h('h2', {}, t('kiosk.rate')), list); draw(); }),
    h('h2', {}, t('kiosk.rate')), serviceHeader(s),
    ratingForm(s, reasons, body => api.post(`${EVALUATION}/cases/${encodeURIComponent(caseNo)}/ratings?idSuffix=${encodeURIComponent(suffix)}`, body),
      receipt => {
        s.rated = true;
        show(main, thanks(receipt), stages.some(x => !x.rated)
          ? h('button', { type: 'button', id: 'rate-next', class: 'primary', onclick: () => { show(main, back(), h('h2', {}, t('kiosk.rate')), list); draw(); } }, t('kiosk.rate.next'))
          : null, back());
      }, true));
  show(main, back(), h('h2', {}, t('kiosk.rate')), list);
  draw();
  window.scrollTo(0, 0);
}

load('/console').then(async () => {
  document.title = t('kiosk.title');
  rating = await evaluationInstalled();
  try {
    queueGroups = (await api.get('/public/queue/groups')).filter(g => !g.priority);
  } catch (e) { /* no queue installed: no ticket tile */ }
  home();
  demoMarker();
  whenIdle(idleSeconds(), home);
});
