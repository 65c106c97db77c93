import { h, show } from '/console/js/dom.js';
import { load, t } from '/console/js/i18n.js';
import { api } from '/console/js/api.js';
import { demoMarker } from '/console/js/demo.js';
import { dateTime } from '/console/js/format.js';
import { EVALUATION, loadReasons, ratingForm, serviceHeader, thanks } from '/console/js/rating.js';

// The page of a text's one-time link (/rate/link.html#<token>), on the citizen's phone: the service the link is for and
// the rating form; a link already used says 已评价, an unknown or expired one says so. No login, nothing personal.
const main = document.getElementById('main');

async function open() {
  const token = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  if (!/^[A-Za-z0-9_-]{8,}$/.test(token)) {
    show(main, h('p', { class: 'error', id: 'link-error' }, t('link.invalid')));
    return;
  }
  let service;
  try {
    service = await api.get(`${EVALUATION}/links/${encodeURIComponent(token)}`);
  } catch (e) {
    show(main, h('p', { class: 'error', id: 'link-error', 'data-code': e.code || '' },
      e.status === 404 || e.status === 410 || e.status === 409 ? t('link.invalid') : t('rating.offline')));
    return;
  }
  if (service.rated) {
    show(main, h('h1', {}, t('link.title')), serviceHeader(service), h('p', { class: 'rated', id: 'link-rated' }, t('rating.rated')));
    return;
  }
  const reasons = await loadReasons();
  show(main, h('h1', {}, t('link.title')), serviceHeader(service),
    service.rateUntil ? h('p', { class: 'muted' }, t('link.until', { at: dateTime(service.rateUntil) })) : null,
    ratingForm(service, reasons, body => api.post(`${EVALUATION}/links/${encodeURIComponent(token)}`, body),
      receipt => show(main, h('h1', {}, t('link.title')), thanks(receipt))));
}

load('/console').then(() => {
  document.title = t('link.title');
  demoMarker();
  window.addEventListener('hashchange', open);
  open();
});
