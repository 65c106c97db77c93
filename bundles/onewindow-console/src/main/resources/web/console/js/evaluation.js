import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { dateTime } from './format.js';
import { dayField, readDay } from './day.js';
import { echarts } from './board.js';
import { confirmDialog } from './confirm.js';
import { loadReasons, levelText, reasonText, stageText } from './rating.js';
import { loadReasonLists } from './evaluation-reasons.js';

const percent = v => (v == null ? '—' : `${Math.round(v * 1000) / 10}%`);
const average = v => (v == null ? '—' : v.toFixed(2));
const DIMENSIONS = ['DEPARTMENT', 'ITEM', 'WINDOW', 'CLERK', 'CHANNEL', 'DAY', 'MONTH'];

/**
 * 好差评 (supervisors and administrators): the bad ratings' rectifications as cards (red, yellow, green by their step's due
 * day) worked through 核实 → 整改 → 回访; the figures of a period by a dimension, as a table and a chart; the latest ratings.
 * An administrator binds the windows' rating pads (评价器) by the pairing code each shows, and unbinds them, and publishes
 * the reasons' list (evaluation-reasons.js).
 * {@code #/evaluation/rectification/<id>} (the board's 差评整改) opens on that rectification's card.
 */
export function evaluationPage(main, session, args = []) {
  const supervisor = session.roles.includes('supervisor');
  const admin = session.roles.includes('admin');
  const rectPart = h('section', { id: 'rectifications' });
  const figuresPart = h('section', { id: 'eval-figures' });
  const ratingsPart = h('section', { id: 'eval-ratings' });
  const padsPart = h('section', { id: 'pads' });
  const reasonsPart = h('section', { id: 'eval-reasons' });
  const chart = h('div', { id: 'eval-chart', class: 'chart' });
  let plot = null;
  let reasons = [];
  let all = false;
  const reasonLabel = code => {
    const r = reasons.find(x => x.code === code);
    return reasonText(code, r ? r.label : code);
  };

  // --- 差评整改 ---
  const step = (name, s) => (s && s.at ? h('li', { class: `step step-${name}`, 'data-late': String(s.late) },
    h('strong', {}, t(`evaluation.step.${name}`)), ` ${s.text || ''} — ${s.by || ''} ${dateTime(s.at)}`,
    s.late ? h('span', { class: 'card-red' }, ` ${t('evaluation.late')}`) : '') : null);

  const send = async (r, path, body, where) => {
    try {
      await api.post(`/evaluation/rectifications/${r.id}/${path}`, body);
      await loadRectifications();
    } catch (e) { fail(e, where); }
  };

  const yesNo = (name, yes, no) => h('span', { class: 'yes-no' },
    h('label', { class: 'check' }, h('input', { type: 'radio', name, value: 'true', class: `${name}-yes` }), yes),
    h('label', { class: 'check' }, h('input', { type: 'radio', name, value: 'false', class: `${name}-no` }), no));
  const chosen = (form, name) => {
    const c = form.querySelector(`input[name="${name}"]:checked`);
    return c ? c.value === 'true' : null;
  };

  const stepForm = r => {
    if (r.state === 'VERIFY') {
      const name = `justified-${r.id}`;
      const malicious = h('input', { type: 'checkbox', class: 'malicious' });
      const evidence = h('textarea', { class: 'evidence', rows: 2, maxlength: 1000, required: true });
      const form = h('form', { class: 'step-form verify-form', onsubmit: e => {
        e.preventDefault();
        const justified = chosen(form, name);
        if (justified == null) { fail(t('evaluation.verify.choose'), form); return; }
        send(r, 'verify', { justified, malicious: malicious.checked, evidence: evidence.value.trim() }, form);
      } }, h('p', {}, t('evaluation.verify.justified'), ' ', yesNo(name, t('evaluation.verify.yes'), t('evaluation.verify.no'))),
      h('label', { class: 'check' }, malicious, t('evaluation.verify.malicious')),
      h('label', {}, t('evaluation.verify.evidence'), evidence),
      h('button', { type: 'submit', class: 'verify-go' }, t('evaluation.verify.go')));
      return form;
    }
    if (r.state === 'PUT_RIGHT') {
      const action = h('textarea', { class: 'action', rows: 2, maxlength: 1000, required: true });
      const form = h('form', { class: 'step-form put-right-form', onsubmit: e => {
        e.preventDefault();
        send(r, 'put-right', { action: action.value.trim() }, form);
      } }, h('label', {}, t('evaluation.putRight.action'), action), h('button', { type: 'submit', class: 'put-right-go' }, t('evaluation.putRight.go')));
      return form;
    }
    if (r.state === 'FOLLOW_UP') {
      const name = `satisfied-${r.id}`;
      const channel = h('select', { class: 'channel' }, ['PHONE', 'SMS'].map(c => h('option', { value: c }, t(`evaluation.channel.${c}`))));
      const outcome = h('textarea', { class: 'outcome', rows: 2, maxlength: 1000, required: true });
      const form = h('form', { class: 'step-form follow-up-form', onsubmit: e => {
        e.preventDefault();
        const satisfied = chosen(form, name);
        if (satisfied == null) { fail(t('evaluation.followUp.choose'), form); return; }
        send(r, 'follow-up', { channel: channel.value, outcome: outcome.value.trim(), satisfied }, form);
      } }, h('label', {}, t('evaluation.followUp.channel'), channel), h('label', {}, t('evaluation.followUp.outcome'), outcome),
      h('p', {}, t('evaluation.followUp.satisfied'), ' ', yesNo(name, t('evaluation.verify.yes'), t('evaluation.verify.no'))),
      h('button', { type: 'submit', class: 'follow-up-go' }, t('evaluation.followUp.go')));
      return form;
    }
    return null;
  };

  const card = r => {
    const x = r.rating;
    const color = r.card ? r.card.toLowerCase() : 'none';
    return h('article', { class: `rectification card-${color}`, 'data-id': r.id, 'data-state': r.state, 'data-card': r.card || '',
      'data-case': x.caseNo },
    h('header', {}, h('span', { class: 'card-mark' }, r.card ? t(`evaluation.card.${r.card}`) : ''),
      h('strong', { class: 'state' }, t(`evaluation.state.${r.state}`)),
      r.dueOn && r.state !== 'CLOSED' ? h('span', { class: 'due' }, t('evaluation.dueOn', { day: r.dueOn })) : ''),
    h('p', {}, h('strong', { 'data-level': x.level }, levelText(x.level)), ` · ${x.caseNo} · ${stageText(x.stage)} · ${x.itemName || ''}`),
    h('p', { class: 'muted' }, [x.departmentName, x.windowNo ? t('rating.windowNo', { no: x.windowNo }) : '', x.clerk,
      t(`evaluation.channel.${x.channel}`), dateTime(x.ratedAt)].filter(Boolean).join(' · ')),
    x.reasons && x.reasons.length ? h('p', { class: 'reasons' }, `${t('evaluation.reasons')}：${x.reasons.map(reasonLabel).join('、')}`) : '',
    x.comment ? h('p', { class: 'comment' }, `${t('rating.comment')}：${x.comment}`) : '',
    h('ul', { class: 'steps' }, step('verify', r.verify), step('putRight', r.putRight), step('followUp', r.followUp)),
    r.malicious ? h('p', { class: 'card-red' }, t('evaluation.maliciousMarked')) : '',
    stepForm(r));
  };

  const loadRectifications = async () => {
    const list = await api.get(`/evaluation/rectifications${all ? '?all=true' : ''}`);
    const toggle = h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'rect-all', checked: all, onchange: e => {
      all = e.target.checked;
      loadRectifications().catch(err => fail(err, rectPart));
    } }), t('evaluation.showAll'));
    const counts = ['RED', 'YELLOW', 'GREEN'].map(c => h('span', { class: `card-${c.toLowerCase()}` },
      `${t(`evaluation.card.${c}`)} ${list.filter(r => r.card === c && r.state !== 'CLOSED').length}`));
    show(rectPart, h('h3', {}, t('evaluation.rectifications')), h('p', { class: 'counts' }, counts, toggle),
      list.length === 0 ? h('p', { class: 'muted', id: 'no-rectifications' }, t('evaluation.noRectifications'))
        : h('div', { class: 'rect-cards' }, list.map(card)));
  };

  // --- 评价统计 ---
  const from = dayField('eval-from', t('hall.from'));
  const to = dayField('eval-to', t('hall.to'));
  const by = h('select', { id: 'eval-by' }, DIMENSIONS.map(d => h('option', { value: d }, t(`evaluation.by.${d}`))));
  const figures = h('div', { id: 'eval-table' });
  const loadFigures = async () => {
    const a = readDay(from, text => fail(text, figuresPart));
    const b = readDay(to, text => fail(text, figuresPart));
    if (a === null || b === null) return;
    const query = [a && `from=${a}`, b && `to=${b}`, `by=${by.value}`].filter(Boolean).join('&');
    const f = await api.get(`/evaluation/figures?${query}`);
    from.value = f.from;
    to.value = f.to;
    const row = (r, total) => h('tr', { 'data-key': total ? 'TOTAL' : r.key, class: total ? 'total' : '' },
      h('td', {}, total ? t('evaluation.total') : (by.value === 'CHANNEL' ? t(`evaluation.channel.${r.key}`) : r.label || r.key)),
      h('td', {}, r.services == null ? '—' : r.services), h('td', { class: 'ratings' }, r.ratings), h('td', {}, percent(r.ratingRate)),
      h('td', { class: 'satisfaction' }, percent(r.satisfactionRate)), h('td', {}, average(r.average)), h('td', {}, r.bad),
      h('td', {}, r.malicious), h('td', {}, percent(r.rectificationRate)), h('td', {}, percent(r.onTimeRate)));
    show(figures, table([t(`evaluation.by.${by.value}`), t('evaluation.services'), t('evaluation.ratings'), t('evaluation.ratingRate'),
      t('evaluation.satisfactionRate'), t('evaluation.average'), t('evaluation.bad'), t('evaluation.malicious'),
      t('evaluation.rectificationRate'), t('evaluation.onTimeRate')], [...f.rows.map(r => row(r, false)), row(f.total, true)]));
    const charts = await echarts();
    plot = plot || charts.init(chart);
    const names = f.rows.map(r => (by.value === 'CHANNEL' ? t(`evaluation.channel.${r.key}`) : r.label || r.key));
    plot.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('evaluation.ratings'), t('evaluation.satisfactionRate')] },
      xAxis: { type: 'category', data: names },
      yAxis: [{ type: 'value', name: t('evaluation.ratings'), minInterval: 1 },
        { type: 'value', name: t('evaluation.satisfactionRate'), min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }],
      series: [
        { name: t('evaluation.ratings'), type: 'bar', data: f.rows.map(r => r.ratings) },
        { name: t('evaluation.satisfactionRate'), type: 'line', yAxisIndex: 1,
          data: f.rows.map(r => (r.satisfactionRate == null ? null : Math.round(r.satisfactionRate * 1000) / 10)) },
      ],
    }, true);
  };
  show(figuresPart, h('h3', {}, t('evaluation.figures')),
    h('form', { class: 'inline', id: 'eval-period', onsubmit: e => { e.preventDefault(); loadFigures().catch(err => fail(err, figuresPart)); } },
      h('label', {}, t('hall.from'), from), h('label', {}, t('hall.to'), to), h('label', {}, t('evaluation.by'), by),
      h('button', { type: 'submit', id: 'eval-go' }, t('hall.show'))),
    figures, chart);

  // --- 最近评价 ---
  const loadRatings = async () => {
    const list = await api.get('/evaluation/ratings?limit=50');
    show(ratingsPart, h('h3', {}, t('evaluation.recent')), list.length === 0 ? h('p', { class: 'muted' }, t('evaluation.noRatings'))
      : table([t('evaluation.ratedAt'), t('kiosk.caseNo'), t('evaluation.stage'), t('item.name'), t('item.department'), t('queue.window'),
        t('evaluation.clerk'), t('evaluation.channel'), t('evaluation.level'), t('evaluation.reasons'), t('rating.comment')],
      list.map(r => h('tr', { 'data-case': r.caseNo, 'data-level': r.level, 'data-channel': r.channel, class: r.malicious ? 'malicious' : '' },
        h('td', {}, dateTime(r.ratedAt)), h('td', {}, r.caseNo), h('td', {}, stageText(r.stage)), h('td', {}, r.itemName || ''),
        h('td', {}, r.departmentName || ''), h('td', {}, r.windowNo || ''), h('td', {}, r.clerk || ''),
        h('td', {}, t(`evaluation.channel.${r.channel}`)), h('td', { class: r.level <= 2 ? 'card-red' : '' }, levelText(r.level)),
        h('td', {}, (r.reasons || []).map(reasonLabel).join('、')), h('td', {}, r.comment || '')))));
  };

  // --- 评价器 (administrators) ---
  const loadPads = async () => {
    const pads = await api.get('/evaluation/pads');
    const pending = pads.filter(p => !p.bound);
    const pick = h('select', { id: 'pad-pick' }, pending.map(p => h('option', { value: p.id },
      t('evaluation.pads.pending', { id: p.id, client: p.client || '', at: dateTime(p.createdAt) }))));
    const code = h('input', { id: 'pad-code', inputmode: 'numeric', maxlength: 6, size: 8, autocomplete: 'off', required: true });
    const windowNo = h('input', { id: 'pad-window', type: 'number', min: 1, max: 999, required: true });
    const form = h('form', { class: 'inline', id: 'pad-bind-form', onsubmit: async e => {
      e.preventDefault();
      try {
        await api.post(`/evaluation/pads/${pick.value}/bind`, { pairingCode: code.value.trim(), windowNo: Number(windowNo.value) });
        await loadPads();
      } catch (err) { fail(err, padsPart); }
    } }, h('label', {}, t('evaluation.pads.pick'), pick), h('label', {}, t('evaluation.pads.code'), code),
    h('label', {}, t('queue.window'), windowNo), h('button', { type: 'submit', id: 'pad-bind' }, t('evaluation.pads.bind')));
    const unbind = async p => {
      if (!await confirmDialog(t('evaluation.pads.unbindTitle'), t('evaluation.pads.unbindText', { no: p.windowNo, id: p.id }))) return;
      try {
        await api.del(`/evaluation/pads/${p.id}`);
        await loadPads();
      } catch (err) { fail(err, padsPart); }
    };
    const bound = pads.filter(p => p.bound);
    show(padsPart, h('h3', {}, t('evaluation.pads')), h('p', { class: 'muted' }, t('evaluation.pads.help')),
      pending.length ? form : h('p', { class: 'muted', id: 'no-pending-pads' }, t('evaluation.pads.nonePending')),
      bound.length === 0 ? h('p', { class: 'muted' }, t('evaluation.pads.noneBound')) : table([t('queue.window'), t('evaluation.pads.id'),
        t('evaluation.pads.boundAt'), t('evaluation.pads.lastSeen'), ''], bound.map(p => h('tr', { 'data-pad': p.id, 'data-window': p.windowNo },
        h('td', {}, t('rating.windowNo', { no: p.windowNo })), h('td', {}, p.id), h('td', {}, `${dateTime(p.boundAt)} ${p.boundBy || ''}`),
        h('td', {}, dateTime(p.lastSeenAt)), h('td', {}, h('button', { type: 'button', class: 'pad-unbind', onclick: () => unbind(p) }, t('evaluation.pads.unbind')))))));
  };

  show(main, h('h2', {}, t('evaluation.title')), supervisor ? rectPart : null, figuresPart, supervisor ? ratingsPart : null, admin ? padsPart : null,
    admin ? reasonsPart : null);
  (async () => {
    reasons = await loadReasons();
    if (supervisor) await loadRectifications().catch(e => fail(e, rectPart));
    if (supervisor && args[0] === 'rectification' && args[1]) {
      const target = rectPart.querySelector(`article.rectification[data-id="${CSS.escape(decodeURIComponent(args[1]))}"]`);
      if (target) { target.classList.add('focused'); target.scrollIntoView({ block: 'center' }); }
    }
    await loadFigures().catch(e => fail(e, figuresPart));
    if (supervisor) await loadRatings().catch(e => fail(e, ratingsPart));
    if (admin) await loadPads().catch(e => fail(e, padsPart));
    if (admin) await loadReasonLists(reasonsPart).catch(e => fail(e, reasonsPart));
  })();
  return () => { if (plot) plot.dispose(); };
}
