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
  // 差评整改: a supervisor's only (the API's role), and only where the evaluation is installed
  const supervisor = session.roles.includes('supervisor');
  const rectifications = h('section', { id: 'board-rectifications', hidden: true });
  show(main, h('h2', {}, t('board.title')), stamp, cards, waits, rectifications, h('h3', {}, t('board.chart')), chart,
    h('h3', {}, t('board.shares')), shares);
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
      if (supervisor) await openRectifications(rectifications);
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

/** Whether an error says the capability is not installed here (404 of no route) or not serving (503). */
const absent = e => (e.status === 404 && (!e.code || e.code === 'NOT_FOUND')) || e.status === 503;

/**
 * 差评整改 on the board: the open rectifications' cards counted by colour, and the yellow (due today) and red (late) ones
 * listed, nearest due day first as the API gives them, each opening its card on the 好差评 page. Hidden where the
 * evaluation is absent; a failure of its own is shown in it and leaves the rest of the board refreshing.
 */
async function openRectifications(target) {
  let list;
  try {
    list = await api.get('/evaluation/rectifications');
  } catch (e) {
    if (absent(e)) { target.hidden = true; show(target); return; }
    target.hidden = false;
    fail(e, target);
    return;
  }
  const open = list.filter(r => r.card && r.state !== 'CLOSED');
  const due = open.filter(r => r.card === 'RED' || r.card === 'YELLOW');
  target.hidden = false;
  show(target, h('h3', {}, t('evaluation.rectifications')), h('p', { class: 'counts' }, ['RED', 'YELLOW', 'GREEN'].map(c =>
    h('span', { class: `card-${c.toLowerCase()} rect-count`, 'data-card': c }, `${t(`evaluation.card.${c}`)} ${open.filter(r => r.card === c).length}`))),
  due.length === 0 ? h('p', { class: 'muted', id: 'board-rect-none' }, t('board.rect.none')) : table(['', t('kiosk.caseNo'), t('item.name'),
    t('item.department'), t('board.rect.step'), t('board.rect.due')], due.map(r => {
    const x = r.rating || {};
    return h('tr', { class: `card-${r.card.toLowerCase()}`, 'data-id': r.id, 'data-card': r.card, 'data-state': r.state, 'data-case': x.caseNo },
      h('td', {}, t(`evaluation.card.${r.card}`)),
      h('td', {}, h('a', { href: `#/evaluation/rectification/${encodeURIComponent(r.id)}`, class: 'open-rectification', 'data-id': r.id }, x.caseNo || '')),
      h('td', {}, x.itemName || ''), h('td', {}, x.departmentName || ''), h('td', { class: 'rect-step' }, t(`evaluation.state.${r.state}`)),
      h('td', { class: 'rect-due' }, r.dueOn || ''));
  })));
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
