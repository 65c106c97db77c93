import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { echarts } from './board.js';
import { minutes } from './queue.js';

const list = text => text.split(/[,，、\s]+/).map(x => x.trim()).filter(Boolean);

/**
 * 排队管理 (the hall manager's page): which groups each window serves, also during the day; the queue groups (an
 * administrator's); and the day and hour reports for staffing, with charts: numbers and waits per day, and the mean
 * numbers taken per hour of each weekday (the peak hours).
 */
export function hallPage(main, session) {
  const admin = session.roles.includes('admin');
  const windowsPart = h('section', { id: 'hall-windows' });
  const groupsPart = h('section', { id: 'hall-groups' });
  const reportPart = h('section', { id: 'hall-report' });
  const daysChart = h('div', { id: 'days-chart', class: 'chart' });
  const hoursChart = h('div', { id: 'hours-chart', class: 'chart' });
  const plots = [];
  let groups = [];

  const checks = selected => h('span', { class: 'group-checks' }, groups.map(g => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: g.code, checked: selected.includes(g.code) }), g.name)));
  const picked = box => [...box.querySelectorAll('input:checked')].map(i => i.value);

  const saveWindow = async (no, box) => {
    try {
      await api.put(`/queue/windows/${no}`, { groups: picked(box) });
      await loadWindows();
    } catch (e) { fail(e, windowsPart); }
  };

  const loadWindows = async () => {
    const windows = await api.get('/queue/windows');
    const no = h('input', { id: 'new-window-no', type: 'number', min: 1, max: 999, required: true });
    const box = checks([]);
    show(windowsPart, h('h3', {}, t('hall.windows')),
      table([t('queue.window'), t('queue.groups'), t('queue.state'), ''], windows.map(w => {
        const mine = checks(w.groups);
        return h('tr', { 'data-window': w.no }, h('td', {}, t('queue.windowNo', { no: w.no })), h('td', {}, mine),
          h('td', {}, w.clerk ? t('queue.takenBy', { clerk: w.clerk }) : t(`queue.state.${w.state}`)),
          h('td', {}, h('button', { type: 'button', class: 'save-window', onclick: () => saveWindow(w.no, mine) }, t('hall.save'))));
      })),
      h('form', { class: 'inline', id: 'new-window', onsubmit: e => { e.preventDefault(); saveWindow(Number(no.value), box); } },
        h('label', {}, t('hall.newWindow'), no), box, h('button', { type: 'submit' }, t('hall.add'))));
  };

  const loadGroups = async () => {
    groups = await api.get('/public/queue/groups');
    const form = admin ? groupForm() : null;
    show(groupsPart, h('h3', {}, t('hall.groups')),
      table([t('hall.group.code'), t('hall.group.prefix'), t('queue.group'), t('hall.group.priority'), t('hall.group.departments'),
        t('hall.group.items')], groups.map(g => h('tr', { 'data-group': g.code, class: admin ? 'pick' : '', onclick: () => form && form.fill(g) },
        h('td', {}, g.code), h('td', {}, g.prefix), h('td', {}, g.name), h('td', {}, g.priority ? t('hall.yes') : ''),
        h('td', {}, g.departments.join('、')), h('td', {}, g.items.join('、'))))),
      form ? form.element : h('p', { class: 'muted' }, t('hall.groups.adminOnly')));
  };

  // an administrator adds a group or changes one (a row clicked fills the form in)
  const groupForm = () => {
    const code = h('input', { id: 'group-code', maxlength: 32, required: true });
    const prefix = h('input', { id: 'group-prefix', maxlength: 2, required: true, size: 2 });
    const name = h('input', { id: 'group-name', maxlength: 64, required: true });
    const priority = h('input', { id: 'group-priority', type: 'checkbox' });
    const departments = h('input', { id: 'group-departments', placeholder: t('hall.group.listHint') });
    const items = h('input', { id: 'group-items', placeholder: t('hall.group.listHint') });
    const element = h('form', { class: 'inline', id: 'group-form', onsubmit: async e => {
      e.preventDefault();
      try {
        await api.put(`/queue/groups/${encodeURIComponent(code.value.trim())}`, { code: code.value.trim(), prefix: prefix.value.trim(),
          name: name.value.trim(), priority: priority.checked, departments: list(departments.value), items: list(items.value) });
        await loadGroups();
        await loadWindows();
      } catch (error) { fail(error, groupsPart); }
    } }, h('label', {}, t('hall.group.code'), code), h('label', {}, t('hall.group.prefix'), prefix), h('label', {}, t('queue.group'), name),
    h('label', { class: 'check' }, priority, t('hall.group.priority')), h('label', {}, t('hall.group.departments'), departments),
    h('label', {}, t('hall.group.items'), items), h('button', { type: 'submit', id: 'group-save' }, t('hall.save')));
    const fill = g => {
      code.value = g.code; prefix.value = g.prefix; name.value = g.name; priority.checked = g.priority;
      departments.value = g.departments.join(', '); items.value = g.items.join(', ');
    };
    return { element, fill };
  };

  const from = h('input', { id: 'report-from', type: 'date' });
  const to = h('input', { id: 'report-to', type: 'date' });
  const summary = h('div', { id: 'report-days' });
  const peaks = h('p', { id: 'report-peaks' });
  const loadReport = async () => {
    try {
      const query = [from.value && `from=${from.value}`, to.value && `to=${to.value}`].filter(Boolean).join('&');
      const report = await api.get(`/queue/reports${query ? `?${query}` : ''}`);
      from.value = report.from;
      to.value = report.to;
      show(summary, report.days.length === 0 ? h('p', { class: 'muted' }, t('hall.noDays')) : table(
        [t('hall.day'), t('hall.taken'), t('queue.served'), t('queue.noShows'), t('queue.meanWait'), t('hall.longestWait'), t('queue.meanService')],
        report.days.map(d => h('tr', { 'data-day': d.day }, h('td', {}, d.day), h('td', { class: 'taken' }, d.taken), h('td', {}, d.served),
          h('td', {}, d.noShows), h('td', {}, minutes(d.averageWaitMinutes)), h('td', {}, minutes(d.longestWaitMinutes)),
          h('td', {}, minutes(d.averageServiceMinutes))))));
      const busy = report.weekdays.filter(w => w.peakHour != null);
      show(peaks, busy.length === 0 ? '' : t('hall.peaks', { list: busy.map(w => t('hall.peakOf',
        { day: t(`hall.weekday.${w.weekday}`), hour: w.peakHour, n: w.meanTakenByHour[w.peakHour] })).join('；') }));
      await draw(report);
    } catch (e) { fail(e, reportPart); }
  };

  const draw = async report => {
    const charts = await echarts();
    if (plots.length === 0) plots.push(charts.init(daysChart), charts.init(hoursChart));
    plots[0].setOption({
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: report.days.map(d => d.day.slice(5)) },
      yAxis: [{ type: 'value', name: t('hall.numbers') }, { type: 'value', name: t('hall.minutes') }],
      series: [
        { name: t('hall.taken'), type: 'bar', data: report.days.map(d => d.taken) },
        { name: t('queue.served'), type: 'bar', data: report.days.map(d => d.served) },
        { name: t('queue.meanWait'), type: 'line', yAxisIndex: 1, data: report.days.map(d => d.averageWaitMinutes) },
      ],
    }, true);
    // the hours the hall is open at all, so that the map is not mostly night
    const used = [...Array(24).keys()].filter(hr => report.weekdays.some(w => w.meanTakenByHour[hr] > 0));
    const hours = used.length ? [...Array(used[used.length - 1] - used[0] + 1).keys()].map(i => i + used[0]) : [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
    const cells = report.weekdays.flatMap((w, y) => hours.map((hr, x) => [x, y, w.meanTakenByHour[hr]]));
    plots[1].setOption({
      tooltip: {},
      xAxis: { type: 'category', data: hours.map(hr => `${hr}:00`) },
      yAxis: { type: 'category', data: report.weekdays.map(w => t(`hall.weekday.${w.weekday}`)) },
      visualMap: { min: 0, max: Math.max(1, ...cells.map(c => c[2])), calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
      grid: { bottom: 70 },
      series: [{ name: t('hall.hoursTitle'), type: 'heatmap', data: cells, label: { show: true } }],
    }, true);
  };

  show(main, h('h2', {}, t('hall.title')), windowsPart, groupsPart, reportPart);
  show(reportPart, h('h3', {}, t('hall.report')),
    h('form', { class: 'inline', id: 'report-period', onsubmit: e => { e.preventDefault(); loadReport(); } },
      h('label', {}, t('hall.from'), from), h('label', {}, t('hall.to'), to), h('button', { type: 'submit', id: 'report-go' }, t('hall.show'))),
    summary, h('h4', {}, t('hall.daysTitle')), daysChart, h('h4', {}, t('hall.hoursTitle')), peaks, hoursChart);
  loadGroups().then(loadWindows).then(loadReport).catch(e => fail(e, main));
  return () => plots.forEach(p => p.dispose());
}

/** 各区排队: the halls' queues on the latest day they reported, side by side (the city hub's board). */
export async function cityQueue(target) {
  const days = await api.get('/hub/queue-days');
  show(target, days.length === 0 ? h('p', { class: 'muted' }, t('city.queue.none')) : [
    h('p', { class: 'muted' }, t('city.queue.day', { day: days[0].day })),
    table([t('city.code'), t('city.name'), t('hall.taken'), t('queue.served'), t('queue.noShows'), t('queue.meanWait'), t('hall.longestWait'),
      t('queue.meanService'), t('hall.peak')], days.map(d => {
      const f = d.figures;
      const byHour = f.takenByHour || [];
      const peak = byHour.indexOf(Math.max(...byHour));
      return h('tr', { 'data-district': d.district }, h('td', {}, d.district), h('td', {}, d.districtName || ''),
        h('td', { class: 'taken' }, f.taken), h('td', {}, f.served), h('td', {}, f.noShows), h('td', {}, minutes(f.averageWaitMinutes)),
        h('td', {}, minutes(f.longestWaitMinutes)), h('td', {}, minutes(f.averageServiceMinutes)),
        h('td', {}, f.taken > 0 && peak >= 0 ? `${peak}:00` : '—'));
    }))]);
}
