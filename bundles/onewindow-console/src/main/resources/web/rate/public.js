import { h, show } from '/console/js/dom.js';
import { load, t } from '/console/js/i18n.js';
import { api } from '/console/js/api.js';
import { demoMarker } from '/console/js/demo.js';
import { timeOfDay } from '/console/js/format.js';
import { EVALUATION } from '/console/js/rating.js';

// 公开评价 (/rate/public.html, no login, for the hall's TV): this month's ratings in total and by department — ratings,
// satisfaction rate, average score, bad ratings and how many of them were put right. Nothing personal, no window or clerk.
// Read again every minute; the server's month (the hall's days) is the default period.
const main = document.getElementById('main');
const REFRESH_MS = 60000;
let last = null;

export const percent = v => (v == null ? '—' : `${Math.round(v * 1000) / 10}%`);
const average = v => (v == null ? '—' : v.toFixed(2));

function draw(f, offline) {
  const x = f.total;
  const total = (id, label, value) => h('div', { class: 'total', id }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));
  show(main, h('header', {}, h('h1', {}, t('public.title')), h('span', { class: 'period', id: 'public-period' },
    t('public.period', { from: f.from, to: f.to }))),
  h('section', { class: 'totals', id: 'public-total', 'data-ratings': x.ratings },
    total('public-ratings', t('evaluation.ratings'), x.ratings),
    total('public-satisfaction', t('evaluation.satisfactionRate'), percent(x.satisfactionRate)),
    total('public-average', t('evaluation.average'), average(x.average)),
    total('public-bad', t('evaluation.bad'), x.bad),
    total('public-rectified', t('evaluation.rectificationRate'), percent(x.rectificationRate))),
  f.rows.length === 0 ? h('p', { class: 'muted', id: 'public-none' }, t('public.none')) : h('table', { id: 'public-rows' },
    h('thead', {}, h('tr', {}, [t('public.department'), t('evaluation.ratings'), t('evaluation.satisfactionRate'), t('evaluation.average'),
      t('evaluation.bad'), t('evaluation.rectificationRate')].map(c => h('th', {}, c)))),
    h('tbody', {}, f.rows.map(r => h('tr', { 'data-key': r.key },
      h('td', {}, r.label || r.key), h('td', { class: 'ratings' }, r.ratings), h('td', {}, percent(r.satisfactionRate)),
      h('td', {}, average(r.average)), h('td', {}, r.bad), h('td', {}, percent(r.rectificationRate)))))),
  h('p', { class: 'muted' }, t('public.refreshed', { time: timeOfDay() })),
  offline ? h('p', { class: 'offline', id: 'offline' }, t('display.offline')) : null);
}

async function refresh() {
  try {
    last = await api.get(`${EVALUATION}/figures?by=DEPARTMENT`);
    draw(last, false);
  } catch (e) {
    if (last) draw(last, true);
    else show(main, h('p', { class: 'offline', id: 'offline' }, t('display.offline')));
  }
}

load('/console').then(() => {
  document.title = t('public.title');
  demoMarker();
  refresh();
  setInterval(refresh, REFRESH_MS);
});
