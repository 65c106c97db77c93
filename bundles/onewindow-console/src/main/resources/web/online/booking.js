import { h, show, table } from '/console/js/dom.js';
import { t } from '/console/js/i18n.js';
import { api } from '/console/js/api.js';
import { pager } from '/console/js/pager.js';
import { newestOnly } from '/console/js/newest.js';
import { ONLINE, say, busy, attempt, dayText, itemButtons } from './common.js';

/**
 * 预约办事: find an item, pick a bookable day and a slot with places left, book it with a name; the
 * citizen's appointments below, each to be moved (改期) or cancelled. The server holds every slot to
 * its capacity; this page only shows what is left.
 */
export function bookingPage(main) {
  const state = { item: null, day: null, start: null, changing: null };
  const q = h('input', { id: 'item-q', type: 'search', placeholder: t('online.book.search') });
  const items = h('div', { id: 'items', class: 'items' });
  const pages = h('div', { id: 'item-pages' });
  const pick = h('section', { id: 'pick', class: 'panel', hidden: true });
  const mine = h('section', { id: 'my-appointments' });
  const name = h('input', { id: 'book-name', maxlength: 64, autocomplete: 'name' });
  const days = h('div', { id: 'days', class: 'choices' });
  const slots = h('div', { id: 'slots', class: 'choices' });
  const book = h('button', { type: 'button', id: 'book', class: 'primary', disabled: true });

  const ask = newestOnly();
  const find = (number = 1) => attempt(async () => {
    const current = ask();
    const page = await api.get(`/public/catalog/items?size=20&page=${number}&q=${encodeURIComponent(q.value.trim())}`);
    if (!current()) return;
    show(items, page.items.length ? itemButtons(page.items, choose) : h('p', { class: 'muted' }, t('online.noItems')));
    show(pages, pager(page, find, 'book-pager'));
    items.scrollTop = 0;
  });

  const pressed = (container, selector, value, key) => container.querySelectorAll(selector)
    .forEach(b => b.setAttribute('aria-pressed', String(b.dataset[key] === value)));

  const loadSlots = () => attempt(async () => {
    const list = await api.get(`${ONLINE}/appointments/slots?day=${encodeURIComponent(state.day)}&item=${encodeURIComponent(state.item.code)}`);
    show(slots, list.length === 0 ? h('p', { class: 'muted' }, t('online.noSlots')) : list.map(s => h('button', {
      type: 'button', class: s.left > 0 ? 'slot' : 'slot full', 'data-start': s.start, 'data-left': s.left, disabled: s.left <= 0,
      'aria-pressed': String(s.start === state.start), onclick: () => {
        state.start = s.start;
        pressed(slots, '.slot', s.start, 'start');
        book.disabled = false;
      } }, h('strong', {}, `${s.start}–${s.end}`), h('span', { class: 'left' }, s.left > 0 ? t('online.left', { n: s.left }) : t('online.full')))));
    if (!list.some(s => s.start === state.start && s.left > 0)) {
      state.start = null;
      book.disabled = true;
    }
  });

  const loadDays = () => attempt(async () => {
    const list = await api.get(`${ONLINE}/appointments/days`);
    show(days, list.length === 0 ? h('p', { class: 'muted' }, t('online.noDays')) : list.map(d => h('button', {
      type: 'button', class: 'day', 'data-day': d, 'aria-pressed': String(d === state.day), onclick: () => {
        state.day = d;
        state.start = null;
        book.disabled = true;
        pressed(days, '.day', d, 'day');
        loadSlots();
      } }, dayText(d))));
  });

  function choose(item) {
    state.item = item;
    state.day = null;
    state.start = null;
    book.disabled = true;
    book.textContent = state.changing ? t('online.changeConfirm') : t('online.bookGo');
    show(slots, h('p', { class: 'muted' }, t('online.pickDayFirst')));
    const banner = state.changing ? h('p', { id: 'changing', class: 'notice' },
      t('online.changing', { code: state.changing.code, day: state.changing.day, start: state.changing.start }),
      h('button', { type: 'button', id: 'change-abort', class: 'link', onclick: () => {
        state.changing = null;
        choose(state.item);
      } }, t('online.changeAbort'))) : '';
    show(pick, h('h3', { id: 'chosen-item', 'data-code': item.code }, t('online.book.item', { name: item.name })), banner,
      h('h4', {}, t('online.book.day')), days, h('h4', {}, t('online.book.slot')), slots,
      h('label', {}, t('online.book.name'), name), book);
    pick.hidden = false;
    loadDays();
    pick.scrollIntoView({ block: 'start' });
  }

  book.addEventListener('click', async () => {
    if (!name.value.trim()) {
      say(t('online.nameRequired'), 'error');
      name.focus();
      return;
    }
    const body = { itemCode: state.item.code, day: state.day, start: state.start, name: name.value.trim() };
    const moving = state.changing;
    const done = await busy(book, () => moving
      ? api.put(`${ONLINE}/appointments/${encodeURIComponent(moving.code)}`, body)
      : api.post(`${ONLINE}/appointments`, body));
    if (!done) {
      // full meanwhile, say: what is left now
      if (state.day) loadSlots();
      return;
    }
    state.changing = null;
    book.textContent = t('online.bookGo');
    say(t(moving ? 'online.moved' : 'online.booked', { code: done.code, item: done.itemName, day: done.day, start: done.start, end: done.end }));
    await Promise.all([loadSlots(), renderMine()]);
  });

  function actions(cell, a) {
    if (a.status !== 'BOOKED') return [];
    return [
      h('button', { type: 'button', class: 'change', onclick: () => {
        state.changing = a;
        name.value = a.name;
        choose({ code: a.itemCode, name: a.itemName });
      } }, t('online.change')),
      h('button', { type: 'button', class: 'cancel', onclick: () => show(cell, t('online.cancelAsk'),
        h('button', { type: 'button', class: 'cancel-confirm', onclick: async e => {
          const done = await busy(e.currentTarget, () => api.del(`${ONLINE}/appointments/${encodeURIComponent(a.code)}`));
          if (!done) return;
          if (state.changing && state.changing.code === a.code) state.changing = null;
          say(t('online.cancelled', { code: done.code }));
          await Promise.all([renderMine(), state.item && state.day ? loadSlots() : null]);
        } }, t('online.cancelYes')),
        h('button', { type: 'button', class: 'cancel-keep link', onclick: () => show(cell, actions(cell, a)) }, t('online.cancelNo'))) },
      t('online.cancel')),
    ];
  }

  const renderMine = () => attempt(async () => {
    const list = await api.get(`${ONLINE}/appointments`);
    if (!name.value && list.length) name.value = list[0].name;
    show(mine, h('h3', {}, t('online.book.mine')), list.length === 0 ? h('p', { class: 'muted', id: 'no-appointments' }, t('online.book.none'))
      : table([t('online.appt.code'), t('item.name'), t('online.appt.when'), t('case.status'), ''], list.map(a => {
        const cell = h('td', { class: 'actions-cell' });
        show(cell, actions(cell, a));
        return h('tr', { 'data-code': a.code, 'data-item': a.itemCode },
          h('td', { class: 'code' }, a.code), h('td', {}, a.itemName), h('td', { class: 'when' }, `${dayText(a.day)} ${a.start}–${a.end}`),
          h('td', {}, h('span', { class: 'appt-status', 'data-status': a.status }, t(`online.appt.${a.status}`))), cell);
      })));
  });

  show(main, h('h2', {}, t('online.book')),
    h('form', { class: 'search', onsubmit: e => { e.preventDefault(); find(); } },
      q, h('button', { type: 'submit', id: 'item-find' }, t('clerk.search.go'))),
    items, pages, pick, mine);
  find();
  renderMine();
}
