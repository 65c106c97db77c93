import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { dateTime, timeOfDay } from './format.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { echarts } from './board.js';
import { cityQueue } from './hall.js';
import { confirmDialog } from './confirm.js';

const REFRESH_MS = 15000;
const percent = v => (v == null ? '—' : `${Math.round(v * 1000) / 10}%`);
const average = v => (v == null ? '—' : Number(v).toFixed(2));
const MONTHS = 12;

/** The {@code n} months up to {@code latest} (yyyy-MM), newest first. */
function monthsTo(latest, n) {
  const [y, m] = latest.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * 各区好差评 (GET /hub/ratings): a month's halls ranked by satisfaction as each district counted it, the departments
 * over all halls, and the halls' satisfaction rates as a chart. The latest month any hall reported unless one is
 * picked (the twelve up to the latest); the section stays hidden on a hub that does not answer it (404, 503).
 */
function cityRatings() {
  const section = h('section', { id: 'city-ratings', hidden: true });
  const stamp = h('p', { class: 'muted', id: 'city-ratings-month-shown' });
  const pick = h('select', { id: 'city-ratings-month' });
  const halls = h('div', { id: 'city-ratings-halls' });
  const departments = h('div', { id: 'city-ratings-departments' });
  const chart = h('div', { id: 'city-ratings-chart', class: 'chart' });
  const chartPart = h('div', { hidden: true }, h('h4', {}, t('city.ratings.chart')), chart);
  const form = h('form', { class: 'inline', id: 'city-ratings-pick', hidden: true, onsubmit: e => e.preventDefault() },
    h('label', {}, t('city.ratings.month'), pick));
  let chosen = null;
  let latest = null;
  let plot = null;
  const load = async () => {
    let answer;
    try {
      answer = await api.get(`/hub/ratings${chosen ? `?month=${encodeURIComponent(chosen)}` : ''}`);
    } catch (e) {
      if ((e.status === 404 && (!e.code || e.code === 'NOT_FOUND')) || e.status === 503) { section.hidden = true; return; }
      throw e;
    }
    section.hidden = false;
    if (!chosen && answer.month && answer.month !== latest) {
      latest = answer.month;
      show(pick, monthsTo(latest, MONTHS).map(m => h('option', { value: m }, m)));
    }
    form.hidden = !latest;
    if (answer.month) pick.value = answer.month;
    stamp.textContent = answer.month ? t('city.ratings.month.shown', { month: answer.month }) : t('city.ratings.none');
    const list = answer.halls || [];
    show(halls, list.length === 0 ? (answer.month ? h('p', { class: 'muted', id: 'city-ratings-empty' }, t('city.ratings.noHalls')) : '') : [h('h4', {}, t('city.ratings.hallsRanked')), table(
      [t('city.ratings.rank'), t('city.name'), t('evaluation.ratings'), t('evaluation.satisfactionRate'), t('evaluation.average'),
        t('evaluation.ratingRate'), t('evaluation.bad'), t('evaluation.rectificationRate')],
      list.map(x => {
        const f = x.total || {};
        return h('tr', { 'data-district': x.district, 'data-rank': x.rank }, h('td', { class: 'rank' }, x.rank),
          h('td', { class: 'district-name' }, x.districtName || x.district), h('td', { class: 'ratings' }, f.ratings ?? 0),
          h('td', { class: 'satisfaction' }, percent(f.satisfactionRate)), h('td', {}, average(f.average)), h('td', {}, percent(f.ratingRate)),
          h('td', { class: 'bad' }, f.bad ?? 0), h('td', {}, percent(f.rectificationRate)));
      }))]);
    const depts = answer.departments || [];
    show(departments, depts.length === 0 ? '' : [h('h4', {}, t('city.ratings.departmentsRanked')), table(
      [t('city.ratings.rank'), t('item.department'), t('city.ratings.hallCount'), t('evaluation.ratings'), t('evaluation.satisfactionRate'),
        t('evaluation.average'), t('evaluation.bad'), t('evaluation.rectificationRate')],
      depts.map(d => h('tr', { 'data-department': d.code, 'data-rank': d.rank }, h('td', { class: 'rank' }, d.rank),
        h('td', {}, d.name || d.code), h('td', {}, d.halls), h('td', { class: 'ratings' }, d.ratings),
        h('td', { class: 'satisfaction' }, percent(d.satisfactionRate)), h('td', {}, average(d.average)), h('td', { class: 'bad' }, d.bad),
        h('td', {}, percent(d.rectificationRate)))))]);
    chartPart.hidden = list.length === 0;
    if (list.length === 0) return;
    plot = plot || (await echarts()).init(chart);
    plot.setOption({
      tooltip: {},
      xAxis: { type: 'category', data: list.map(x => x.districtName || x.district) },
      yAxis: { type: 'value', name: t('evaluation.satisfactionRate'), min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value}%' } },
      series: [{ name: t('evaluation.satisfactionRate'), type: 'bar',
        data: list.map(x => (x.total && x.total.satisfactionRate != null ? Math.round(x.total.satisfactionRate * 1000) / 10 : null)) }],
    }, true);
  };
  pick.addEventListener('change', () => {
    chosen = pick.value === latest ? null : pick.value;
    load().catch(e => fail(e, section));
  });
  show(section, h('h3', {}, t('city.ratings')), form, stamp, halls, departments, chartPart);
  return { section, load, dispose: () => { if (plot) plot.dispose(); } };
}

/**
 * A small form asking for the fingerprint district IT read out on its appliance, then sending it: the hub
 * compares it with the key it holds (approval) or takes the candidate of that fingerprint (key replacement).
 */
function fingerprintForm(kind, code, label, send, done) {
  const input = h('input', { type: 'text', class: 'fingerprint-input', 'data-district': code, size: 50,
    placeholder: t('city.fingerprint.placeholder'), autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { class: `fingerprint-form ${kind}`, 'data-district': code, hidden: true, onsubmit: async e => {
    e.preventDefault();
    try {
      await send(input.value.trim());
      form.hidden = true;
      await done();
    } catch (err) { fail(err, form); }
  } }, h('label', {}, t('city.fingerprint.ask'), input), h('button', { type: 'submit', class: `${kind}-confirm` }, t(label)));
  return form;
}

/** A button that opens its fingerprint form, and the form. */
function askingButton(kind, code, label, send, done) {
  const form = fingerprintForm(kind, code, label, send, done);
  const open = h('button', { type: 'button', class: kind, 'data-district': code, onclick: () => {
    form.hidden = false;
    form.querySelector('input').focus();
  } }, t(label));
  return h('span', {}, open, form);
}

/** An administrator issues a one-time enrolment code for a district code, shown once, to hand to district IT out of band. */
function enrolmentSection() {
  const code = h('input', { id: 'enrolment-district', type: 'text', inputmode: 'numeric', pattern: '[0-9]{6}', size: 8, required: true });
  const issued = h('p', { id: 'enrolment-issued', class: 'fingerprint' });
  const form = h('form', { id: 'enrolment', onsubmit: async e => {
    e.preventDefault();
    try {
      const answer = await api.post(`/hub/districts/${encodeURIComponent(code.value.trim())}/enrolment-code`);
      issued.textContent = t('city.enrolment.issued', { district: answer.district, code: answer.code,
        until: dateTime(answer.expiresAt) });
    } catch (err) { fail(err, form); }
  } }, h('label', {}, t('city.code'), code), h('button', { type: 'submit' }, t('city.enrolment.issue')));
  return h('details', { class: 'enrolment' }, h('summary', {}, t('city.enrolment')), h('p', { class: 'muted' }, t('city.enrolment.help')), form, issued);
}

/**
 * The city hub's board (R13): the federated districts with their keys and replication, the registrations
 * refused for a taken code, the citywide figures and a chart. A security administrator sees the districts' keys
 * only, and replaces a reinstalled district's key with its candidate.
 */
export function cityPage(main, session) {
  const admin = session.roles.includes('admin');
  const security = session.roles.includes('security');
  const board = admin || session.roles.includes('supervisor');
  const stamp = h('p', { class: 'muted', id: 'city-refreshed' });
  const figures = h('div', { id: 'city-figures' });
  const districts = h('div', { id: 'districts' });
  const candidates = h('div', { id: 'key-candidates' });
  const chart = h('div', { id: 'city-chart', class: 'chart' });
  const messages = h('div', { id: 'city-messages' });
  const queues = h('div', { id: 'city-queue' });
  const ratings = cityRatings();
  show(main, h('h2', {}, t('city.title')), stamp, board ? figures : '', h('h3', {}, t('city.districts')), districts,
    admin ? enrolmentSection() : '',
    h('h3', {}, t('city.candidates')), h('p', { class: 'muted' }, t(security ? 'city.candidates.security' : 'city.candidates.help')), candidates,
    board ? [h('h3', {}, t('city.queue')), queues, ratings.section, h('h3', {}, t('city.messages')), messages, h('h3', {}, t('city.chart')), chart] : '');
  let plot = null;
  // a district suspended sends nothing to the city, one revoked never again: asked first, naming the district
  const change = (d, what) => async () => {
    if (!await confirmDialog(t('city.confirm.title', { code: d.code, name: d.name || '' }), t(`city.confirm.${what}`, { code: d.code }))) return;
    try { await api.post(`/hub/districts/${encodeURIComponent(d.code)}/${what}`); await refresh(); } catch (e) { fail(e, districts); }
  };
  const actions = d => {
    if (!admin) return '';
    const button = (what, label) => h('button', { type: 'button', class: what, 'data-district': d.code, onclick: change(d, what) }, t(label));
    return [
      d.state === 'PENDING' || d.state === 'SUSPENDED' ? askingButton('approval', d.code, 'city.approve',
        fingerprint => api.post(`/hub/districts/${encodeURIComponent(d.code)}/approval`, { fingerprint }), () => refresh()) : '',
      d.state === 'APPROVED' ? button('suspension', 'city.suspend') : '',
      d.state !== 'REVOKED' ? button('revocation', 'city.revoke') : '',
    ];
  };
  const key = d => h('td', { class: 'fingerprint' }, d.fingerprint ? `${d.keyAlgorithm} ${d.fingerprint}`
    : t(d.legacyKey ? 'city.key.legacy' : 'city.key.none'));
  const showCandidates = list => {
    if (candidates.querySelector('.fingerprint-form:not([hidden])')) return;
    const rows = list.flatMap(d => (d.candidates || []).map(k => h('tr', { 'data-district': d.code, 'data-candidate': k.fingerprint },
      h('td', {}, d.code), h('td', {}, `${k.name || ''} ${k.version || ''}`), h('td', { class: 'fingerprint' }, `${k.algorithm} ${k.fingerprint}`),
      h('td', {}, dateTime(k.arrivedAt)),
      h('td', {}, security && d.state !== 'REVOKED' ? askingButton('key-replacement', d.code, 'city.replaceKey',
        fingerprint => api.post(`/hub/districts/${encodeURIComponent(d.code)}/key-replacement`, { fingerprint }), () => refresh()) : ''))));
    show(candidates, rows.length === 0 ? h('p', { class: 'muted' }, t('city.candidates.none')) : table(
      [t('city.code'), t('city.candidates.claimed'), t('city.fingerprint'), t('city.candidates.at'), ''], rows));
  };
  // the district's audit trail at the hub: held up to, or refused from where its chain broke (never taken silently)
  const trail = d => h('td', { class: d.auditBreak ? 'audit-trail error' : 'audit-trail' },
    d.auditBreak ? t('city.audit.broken', { at: d.auditBreak }) : t('city.audit.held', { seq: d.auditSeq || 0 }));
  const districtRows = list => list.map(d => h('tr', { 'data-district': d.code, class: `state-${d.state.toLowerCase()}` },
    h('td', {}, d.code), h('td', {}, d.name), h('td', { class: 'state' }, t(`city.state.${d.state}`)), key(d), trail(d),
    board ? [h('td', {}, d.lastContact ? dateTime(d.lastContact) : '—'),
      h('td', {}, d.lagMillis == null ? '—' : `${d.lagMillis} ms`), h('td', {}, String(d.backlog)), h('td', {}, String(d.cases)),
      h('td', {}, d.version || '—'), h('td', {}, String(d.refusals)), h('td', { class: 'inbox' }, String(d.inbox || 0)),
      h('td', {}, actions(d))] : []));
  const refresh = async () => {
    try {
      if (!board) {
        // the security administrator: the districts' keys and candidates, nothing of the cases
        const list = await api.get('/hub/districts');
        stamp.textContent = t('board.refreshed', { time: timeOfDay() });
        show(districts, list.length === 0 ? h('p', {}, t('city.noDistricts'))
          : table([t('city.code'), t('city.name'), t('city.state'), t('city.fingerprint'), t('city.audit')], districtRows(list)));
        showCandidates(list);
        return;
      }
      const stats = await api.get('/hub/stats');
      stamp.textContent = t('board.refreshed', { time: timeOfDay() });
      const cards = stats.openCards || {};
      show(figures, h('p', { class: 'counts' },
        h('span', { id: 'city-cases' }, t('city.cases', { n: stats.cases })), ' · ',
        h('span', {}, `${t('board.inTime')} ${percent(stats.inTimeRate)}`), ' · ',
        h('span', {}, `${t('board.oneVisit')} ${percent(stats.oneVisitRate)}`), ' · ',
        h('span', {}, `${t('city.online')} ${percent(stats.onlineShare)}`), ' · ',
        h('span', { class: 'card-yellow' }, `${t('board.yellow')} ${cards.YELLOW || 0}`), ' ',
        h('span', { class: 'card-red' }, `${t('board.red')} ${cards.RED || 0}`), ' · ',
        h('span', {}, t('city.licences', { n: stats.licences }))));
      // an open fingerprint form is not rebuilt under the administrator's hands
      if (!districts.querySelector('.fingerprint-form:not([hidden])')) {
        show(districts, stats.districts.length === 0 ? h('p', {}, t('city.noDistricts')) : table(
          [t('city.code'), t('city.name'), t('city.state'), t('city.fingerprint'), t('city.audit'), t('city.lastContact'), t('city.lag'), t('city.backlog'),
            t('city.cases.short'), t('city.version'), t('city.refusals'), t('city.inbox'), ''], districtRows(stats.districts)));
      }
      showCandidates(stats.districts);
      // the halls' queues on the latest day they reported (a hub without the queue's figures shows none)
      await cityQueue(queues);
      // 各区好差评: the month's halls and departments ranked (its own failure leaves the rest of the board refreshing)
      await ratings.load().catch(e => fail(e, ratings.section));
      // 全市通办: what the hub still carries between districts, oldest worries first
      const waiting = await api.get('/hub/messages?waiting=true&size=50');
      show(messages, waiting.length === 0 ? h('p', { class: 'muted' }, t('city.messages.none')) : table(
        [t('city.messages.kind'), t('city.messages.case'), t('city.messages.route'), t('city.messages.since'), t('city.messages.error')],
        waiting.map(m => h('tr', { 'data-message': String(m.id) },
          h('td', {}, t(`city.kind.${m.kind}`)), h('td', {}, m.caseNo), h('td', {}, `${m.fromDistrict} → ${m.toDistrict}`),
          h('td', {}, dateTime(m.createdAt)), h('td', { class: m.lastError ? 'error' : '' }, m.lastError || '')))));
      plot = plot || (await echarts()).init(chart);
      plot.setOption({
        tooltip: {},
        xAxis: { type: 'category', data: stats.byDepartment.map(d => d.name || d.code) },
        yAxis: { type: 'value', name: t('board.cases') },
        series: [{ name: t('board.cases'), type: 'bar', data: stats.byDepartment.map(d => d.cases) }],
      });
    } catch (e) { fail(e); }
  };
  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => { clearInterval(timer); if (plot) plot.dispose(); ratings.dispose(); };
}
