import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { timeOfDay } from './format.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { caseHeader, materialTable } from './cases.js';
import { queueFigures } from './queue.js';

const REFRESH_MS = 15000;
let charts = null;

/** The chart library (1 MB) only when a board is opened: the other pages load fast. */
export function echarts() {
  charts = charts || new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/console/vendor/echarts.min.js';
    script.onload = () => resolve(window.echarts);
    script.onerror = reject;
    document.head.append(script);
  });
  return charts;
}

/** The yellow and red cards, refreshed without reloading, and the figures by department as a chart; a card opens its case. */
export function boardPage(main, session, args = []) {
  if (args[0] === 'case' && args[1]) {
    boardCase(main, decodeURIComponent(args[1]));
    return null;
  }
  const cards = h('div', { id: 'cards' });
  const stamp = h('p', { class: 'muted', id: 'refreshed' });
  const chart = h('div', { id: 'chart', class: 'chart' });
  const shares = h('div', { id: 'shares', class: 'chart' });
  const waits = h('section', { id: 'queue-figures' });
  show(main, h('h2', {}, t('board.title')), stamp, cards, waits, h('h3', {}, t('board.chart')), chart, h('h3', {}, t('board.shares')), shares);
  let plot = null;
  let sharePlot = null;
  const refresh = async () => {
    try {
      const board = await api.get('/supervision/cards');
      stamp.textContent = t('board.refreshed', { time: timeOfDay() });
      show(cards, h('p', { class: 'counts' },
        h('span', { class: 'card-yellow', id: 'yellow-count' }, `${t('board.yellow')} ${board.yellow}`), ' ',
        h('span', { class: 'card-red', id: 'red-count' }, `${t('board.red')} ${board.red}`), ' ',
        h('span', {}, `${t('board.violations')} ${board.violations}`)),
      board.cards.length === 0 ? h('p', {}, t('board.none')) : table(['', '', t('item.name'), t('item.department'), ''],
        board.cards.map(c => h('tr', { class: `card-${c.color.toLowerCase()}` },
          h('td', {}, c.color === 'RED' ? t('board.red') : t('board.yellow')),
          h('td', {}, c.caseNo ? h('a', { href: `#/board/case/${encodeURIComponent(c.caseNo)}`, class: 'open-case', 'data-case': c.caseNo }, c.caseNo) : ''),
          h('td', {}, c.itemName || c.itemCode || ''), h('td', {}, c.departmentName || ''),
          h('td', {}, c.kind === 'VIOLATION' ? c.detail : c.workingDaysLeft < 0
            ? t('board.overdue', { n: -c.workingDaysLeft }) : t('board.daysLeft', { n: c.workingDaysLeft }))))));
      await queueFigures(waits);
      const stats = await api.get('/supervision/stats');
      plot = plot || (await echarts()).init(chart);
      plot.setOption({
        tooltip: {},
        legend: { data: [t('board.cases'), t('board.inTime')] },
        xAxis: { type: 'category', data: stats.departments.map(d => d.name) },
        // cases are counted: whole numbers on the axis, never 0.2 of a case; the rate always 0-100 % in fifths, labelled,
        // also before any case is decided (no data: the axis kept 0-1 and drew no labels)
        yAxis: [{ type: 'value', name: t('board.cases'), minInterval: 1 },
          { type: 'value', name: t('board.inTime'), min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }],
        series: [
          { name: t('board.cases'), type: 'bar', data: stats.departments.map(d => d.accepted) },
          { name: t('board.inTime'), type: 'line', yAxisIndex: 1,
            data: stats.departments.map(d => d.inTimeRate == null ? null : Math.round(d.inTimeRate * 1000) / 10) },
        ],
      });
      sharePlot = sharePlot || (await echarts()).init(shares);
      const percent = v => (v == null ? null : Math.round(v * 1000) / 10);
      sharePlot.setOption({
        tooltip: {},
        legend: { data: [t('board.oneVisit'), t('board.instant'), t('board.online'), t('board.zeroVisit')] },
        xAxis: { type: 'category', data: stats.departments.map(d => d.name) },
        yAxis: { type: 'value', max: 100, name: '%' },
        series: [
          { name: t('board.oneVisit'), type: 'bar', data: stats.departments.map(d => percent(d.oneVisitShare)) },
          { name: t('board.instant'), type: 'bar', data: stats.departments.map(d => percent(d.instantShare)) },
          { name: t('board.online'), type: 'bar', data: stats.departments.map(d => percent(d.onlineShare)) },
          { name: t('board.zeroVisit'), type: 'bar', data: stats.departments.map(d => percent(d.zeroVisitShare)) },
        ],
      });
    } catch (e) { fail(e); }
  };
  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => { clearInterval(timer); [plot, sharePlot].forEach(p => p && p.dispose()); };
}

/**
 * The case behind a card, as the supervisor reads it (the read is audited as any other): who applies (masked), the
 * status, the clock (accepted, deadline, days stopped and added) and the materials; deciding stays with the department.
 */
async function boardCase(main, caseNo) {
  try {
    const c = await api.get(`/cases/${encodeURIComponent(caseNo)}`);
    const clock = c.timeLimit;
    show(main, h('section', { id: 'board-case' }, h('p', {}, h('a', { href: '#/board', id: 'back-to-board' }, t('board.back'))),
      caseHeader(c),
      clock ? h('p', { id: 'case-clock' }, t('board.clock', { accepted: clock.acceptedOn, deadline: clock.deadline,
        suspended: clock.suspendedDays, extended: clock.extendedDays, extensions: clock.extensions })) : '',
      materialTable(c, false)));
  } catch (e) { fail(e); }
}
