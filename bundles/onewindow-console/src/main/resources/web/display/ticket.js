import { h, show } from '/console/js/dom.js';
import { load, t } from '/console/js/i18n.js';
import { api } from '/console/js/api.js';
import { demoMarker } from '/console/js/demo.js';
import { timeOfDay } from '/console/js/format.js';

// 我的排号: the page the queue's text message links to (/display/ticket.html#A023/2026-12-07). No login and nothing
// personal: the number's group, status, how many wait before it and the estimated wait, read again every 15 s. A link
// of another day says so rather than showing today's number of the same name.
const main = document.getElementById('main');
const REFRESH_MS = 15000;

async function refresh() {
  const [number, day] = decodeURIComponent(location.hash.replace(/^#\/?/, '')).split('/');
  if (!/^[A-Za-z]{1,2}\d{3,4}$/.test(number || '')) {
    show(main, h('p', { class: 'error', id: 'ticket-error' }, t('ticket.bad')));
    return;
  }
  try {
    const x = await api.get(`/public/queue/tickets/${encodeURIComponent(number)}`);
    if (day && x.day !== day) {
      show(main, h('p', { class: 'error', id: 'ticket-error' }, t('ticket.stale', { number: number.toUpperCase(), day })));
      return;
    }
    const waiting = x.ahead === 0 ? t('ticket.next') : t('ticket.ahead', { n: x.ahead, minutes: x.estimatedWaitMinutes });
    const state = x.status === 'WAITING' ? waiting
      : x.status === 'CALLED' ? t('ticket.called', { window: x.window }) : t(`ticket.status.${x.status}`);
    show(main, h('article', { class: 'slip', id: 'ticket' },
      h('p', { class: 'muted' }, t('ticket.title')),
      h('p', { class: 'number', id: 'ticket-number' }, x.number),
      h('p', { class: 'group' }, x.groupName),
      h('p', { class: x.status === 'CALLED' ? 'state called' : 'state', id: 'ticket-state', 'data-status': x.status }, state),
      h('p', { class: 'muted' }, t('ticket.refreshed', { time: timeOfDay() }))));
  } catch (e) {
    show(main, h('p', { class: 'error', id: 'ticket-error' }, e.code === 'TICKET_NOT_FOUND' ? t('ticket.notFound', { number }) : t('ticket.offline')));
  }
}

async function boot() {
  await load('/console');
  document.title = t('ticket.title');
  demoMarker();
  window.addEventListener('hashchange', refresh);
  await refresh();
  setInterval(refresh, REFRESH_MS);
}

boot();
