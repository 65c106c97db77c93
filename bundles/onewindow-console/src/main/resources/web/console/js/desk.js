import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { checked } from './cases.js';
import { dayField, readDay, parseDay } from './day.js';

// The hall's side of the online channel (/api/v1/online): pre-review of online applications, the day's
// appointments, citizens' mobile bindings (a clerk binds one having checked the ID card; a security
// administrator reads and revokes). The pages exist only while that feature is installed.
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const when = dateTime;

/** Whether this appliance has the online feature: its API answers anything but 404 (403 for a role without it). */
export async function onlineInstalled() {
  try {
    await api.get(`/online/appointments?day=${today()}`);
    return true;
  } catch (e) {
    return !(e.status === 404 && (!e.code || e.code === 'NOT_FOUND'));
  }
}

function unavailable(main, e) {
  // NOT_FOUND is the server's answer for a path it does not know, not for a case or application it lacks
  if (e.status === 404 && (!e.code || e.code === 'NOT_FOUND')) show(main, h('p', { class: 'error', id: 'online-unavailable' }, t('feature.online.missing')));
  else fail(e);
}

/** 网上预审: the submitted applications, oldest first; one opens with its files and the three decisions. */
export function prereviewPage(main, session, args) {
  if (args[0] === 'case' && args[1]) {
    prereviewCase(main, decodeURIComponent(args[1]));
    return null;
  }
  (async () => {
    try {
      const list = await api.get('/online/pre-review');
      show(main, h('h2', {}, t('prereview.title')), list.length === 0 ? h('p', { id: 'prereview-empty' }, t('prereview.none'))
        : table([t('kiosk.caseNo'), t('item.name'), t('prereview.applicant'), t('prereview.submittedAt'), ''], list.map(a => h('tr', { 'data-case': a.caseNo },
          h('td', {}, a.caseNo), h('td', {}, a.itemName), h('td', {}, `${a.applicantName}（${a.applicantId}）`), h('td', {}, when(a.submittedAt)),
          h('td', {}, h('a', { href: `#/prereview/case/${encodeURIComponent(a.caseNo)}`, class: 'open-application' }, t('prereview.open')))))));
    } catch (e) { unavailable(main, e); }
  })();
  return null;
}

/** A file of an application, read through the scanning endpoint with the clerk's session: images shown, PDFs linked. */
function fileLink(caseNo, f) {
  const url = api.url(`/cases/${encodeURIComponent(caseNo)}/materials/${encodeURIComponent(f.scanId)}`);
  const image = f.contentType && f.contentType.startsWith('image/');
  return h('figure', {}, h('a', { href: url, target: '_blank', rel: 'noopener', class: 'scan-file', 'data-scan': f.scanId },
    image ? h('img', { src: url, alt: f.fileName }) : f.fileName), image ? h('figcaption', {}, f.fileName) : '');
}

async function prereviewCase(main, caseNo) {
  const path = `/online/pre-review/${encodeURIComponent(caseNo)}`;
  let a;
  try { a = await api.get(path); } catch (e) { unavailable(main, e); return; }
  const render = () => {
    const waiting = a.state === 'SUBMITTED';
    const note = h('input', { id: 'return-note', maxlength: 1000, class: 'wide' });
    const reason = h('input', { id: 'reject-reason', maxlength: 1000, class: 'wide' });
    const rows = a.materials.map(m => h('tr', { 'data-material': m.code },
      h('td', {}, waiting ? h('input', { type: 'checkbox', value: m.code, 'aria-label': m.name }) : ''),
      h('td', {}, m.code), h('td', {}, m.name), h('td', {}, m.required ? t('item.required') : t('item.optional')),
      h('td', { class: 'material-state' }, m.source === 'LICENCE' ? t('prereview.fromLicence')
        : m.files.length ? h('div', { class: 'scans' }, m.files.map(f => fileLink(a.caseNo, f)))
          : h('span', { class: m.required ? 'error' : 'muted' }, t('prereview.noFile')))));
    const materials = table(['', t('material.code'), t('case.material'), '', t('prereview.files')], rows);
    const act = (id, label, run) => h('button', { type: 'button', id, onclick: async e => {
      const button = e.currentTarget;
      button.disabled = true;
      try {
        a = await run();
        render();
      } catch (err) {
        button.disabled = false;
        fail(err);
      }
    } }, label);
    const d = a.delivery || { method: 'WINDOW' };
    const decisions = !waiting ? [] : [
      h('div', { class: 'actions' }, act('pre-accept', t('prereview.accept'), () => api.post(`${path}/acceptance`))),
      h('fieldset', {}, h('legend', {}, t('prereview.return')),
        h('p', { class: 'muted' }, t('prereview.return.hint')),
        h('label', {}, t('prereview.note'), note),
        act('pre-return', t('prereview.return'), () => api.post(`${path}/return`, { materials: checked(materials), note: note.value.trim() }))),
      h('fieldset', {}, h('legend', {}, t('prereview.reject')),
        h('label', {}, t('prereview.reason'), reason),
        act('pre-reject', t('prereview.reject'), () => api.post(`${path}/rejection`, { reason: reason.value.trim() }))),
    ];
    show(main, h('section', { id: 'prereview-case', 'data-case': a.caseNo },
      h('p', {}, h('a', { href: '#/prereview' }, t('prereview.back'))),
      h('h2', { id: 'case-no' }, t('case.title', { caseNo: a.caseNo })),
      h('p', {}, `${a.itemName}（${a.itemCode}）· ${a.departmentName}`),
      h('p', {}, `${t('case.status')}：`, h('span', { id: 'pre-state', 'data-state': a.state }, t(`online.state.${a.state}`))),
      h('p', {}, `${t('prereview.applicant')}：${a.applicantName}（${a.applicantId}）　${t('prereview.submittedAt')}：${when(a.submittedAt)}`),
      h('p', {}, `${t('online.delivery')}：`, d.method === 'POST' ? t('online.delivery.to', d) : t('online.delivery.WINDOW')),
      a.returned ? h('p', { class: 'muted' }, t('prereview.returnedBefore', { materials: (a.returned.materials || []).join('、'), note: a.returned.note || '' })) : '',
      a.rejectReason ? h('p', { class: 'error' }, t('online.rejected', { reason: a.rejectReason })) : '',
      materials, decisions,
      a.reviewedBy ? h('p', { class: 'muted', id: 'reviewed' }, t('prereview.reviewed', { by: a.reviewedBy, at: when(a.reviewedAt) })) : ''));
  };
  render();
}

/**
 * At the check-in, the clerk has the citizen's ID card in hand: on request they confirm the citizen's mobile,
 * which is bound to the appointment's ID number (for a citizen who changed their number, say).
 */
function confirmMobile(code) {
  const mobile = h('input', { type: 'tel', class: 'confirm-mobile', maxlength: 11, inputmode: 'numeric', 'aria-label': t('binding.mobile') });
  const result = h('span', { class: 'muted' });
  const go = h('button', { type: 'button', class: 'confirm-mobile-go', onclick: async () => {
    go.disabled = true;
    try {
      const b = await api.put(`/online/appointments/${encodeURIComponent(code)}/mobile`, { mobile: mobile.value.trim() });
      result.textContent = t('binding.done', b);
      mobile.value = '';
    } catch (err) { fail(err); }
    go.disabled = false;
  } }, t('binding.confirmAtCheckIn'));
  return h('span', { class: 'confirm' }, mobile, go, result);
}

/** 预约名单: a day's appointments at the hall; today's are checked in (签到) as the citizens arrive. */
export function appointmentsPage(main, session) {
  const day = dayField('appt-day', t('appointments.day'), today());
  const list = h('div', { id: 'appointments' });
  const clerk = session.roles.includes('clerk');
  let lastShown = null;
  const load = async () => {
    try {
      const shown = readDay(day, text => show(list, h('p', { class: 'error', id: 'appt-day-invalid' }, text)));
      if (!shown) return;
      lastShown = shown;
      const items = await api.get(`/online/appointments?day=${encodeURIComponent(shown)}`);
      const isToday = shown === today();
      show(list, h('p', { class: 'counts' }, t('appointments.count', { n: items.length, arrived: items.filter(x => x.status === 'ARRIVED').length })),
        items.length === 0 ? h('p', { id: 'appointments-empty' }, t('appointments.none'))
          : table([t('appointments.time'), t('online.appt.code'), t('item.name'), t('prereview.applicant'), t('case.status'), ''], items.map(x => h('tr', { 'data-code': x.code },
            h('td', {}, `${x.start}–${x.end}`), h('td', {}, x.code), h('td', {}, x.itemName), h('td', {}, `${x.name}（${x.idNumber}）`),
            h('td', {}, h('span', { class: 'appt-status', 'data-status': x.status }, t(`online.appt.${x.status}`)), x.arrivedAt ? ` ${when(x.arrivedAt)}` : ''),
            h('td', {}, clerk && isToday && x.status === 'BOOKED' ? h('button', { type: 'button', class: 'arrive', onclick: async e => {
              e.currentTarget.disabled = true;
              try { await api.post(`/online/appointments/${encodeURIComponent(x.code)}/arrival`); } catch (err) { fail(err); }
              await load();
            } }, t('appointments.arrive')) : clerk && isToday && x.status === 'ARRIVED' ? confirmMobile(x.code) : '')))));
    } catch (e) { unavailable(main, e); }
  };
  // a day typed is shown at Enter or when the field is left, once
  const changed = () => { if (parseDay(day.value) !== lastShown) load(); };
  day.addEventListener('change', changed);
  day.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); changed(); } });
  show(main, h('h2', {}, t('appointments.title')), h('label', {}, t('appointments.day'), day), list);
  load();
  return null;
}

/**
 * 手机号绑定 (clerk): the citizen is at the window with their ID card; the clerk checks it and binds the mobile the
 * citizen names to the ID number, for signing in online. The only way without a real-name verification service.
 */
export function mobilePage(main) {
  const id = h('input', { id: 'bind-id', maxlength: 18, autocomplete: 'off', spellcheck: 'false', class: 'wide' });
  const mobile = h('input', { id: 'bind-mobile', type: 'tel', maxlength: 11, inputmode: 'numeric' });
  const seen = h('input', { id: 'bind-id-checked', type: 'checkbox' });
  const result = h('p', { id: 'bind-result', 'aria-live': 'polite' });
  const go = h('button', { type: 'submit', id: 'bind-go', class: 'primary' }, t('binding.bind'));
  const form = h('form', { id: 'bind-form', onsubmit: async e => {
    e.preventDefault();
    result.textContent = '';
    if (!seen.checked) { result.className = 'error'; result.textContent = t('binding.checkCard'); return; }
    go.disabled = true;
    try {
      const b = await api.post('/online/citizens/bindings', { idNumber: id.value.trim().toUpperCase(), mobile: mobile.value.trim() });
      result.className = 'ok';
      result.textContent = t('binding.done', b);
      id.value = '';
      mobile.value = '';
      seen.checked = false;
    } catch (err) {
      if (err.status === 404 && (!err.code || err.code === 'NOT_FOUND')) unavailable(main, err); else fail(err);
    }
    go.disabled = false;
  } },
  h('h2', {}, t('binding.title')),
  h('p', { class: 'muted' }, t('binding.hint')),
  h('label', {}, t('binding.idNumber'), id),
  h('label', {}, t('binding.mobile'), mobile),
  h('label', { class: 'check' }, seen, t('binding.cardChecked')),
  h('div', { class: 'actions' }, go),
  result);
  show(main, form);
  id.focus();
  return null;
}

/**
 * 手机号绑定管理 (security): a citizen's binding with its trail (who bound it, when, by which path; every read,
 * this one included) and last sign-ins; revoking it, with a reason, ends the citizen's sessions.
 */
export function bindingsPage(main) {
  const id = h('input', { id: 'binding-id', maxlength: 18, autocomplete: 'off', spellcheck: 'false', class: 'wide' });
  const view = h('div', { id: 'binding' });
  const lookUp = async () => {
    const number = id.value.trim().toUpperCase();
    if (!number) return;
    try {
      render(await api.get(`/online/citizens/bindings?idNumber=${encodeURIComponent(number)}`), number);
    } catch (err) {
      if (err.status === 404 && (!err.code || err.code === 'NOT_FOUND')) unavailable(main, err); else fail(err);
    }
  };
  const render = (b, number) => {
    const reason = h('input', { id: 'revoke-reason', maxlength: 500, class: 'wide' });
    const revoke = h('button', { type: 'button', id: 'revoke', onclick: async () => {
      revoke.disabled = true;
      try {
        await api.post('/online/citizens/bindings/revocations', { idNumber: number, reason: reason.value.trim() });
        await lookUp();
      } catch (err) { revoke.disabled = false; fail(err); }
    } }, t('binding.revoke'));
    show(view,
      h('p', { id: 'binding-state', 'data-bound': String(b.bound) }, b.bound
        ? t('binding.state', { idNumber: b.idNumber, mobile: b.mobile, via: t(`binding.via.${b.via}`), at: when(b.boundAt), by: b.boundBy })
        : t('binding.none', { idNumber: b.idNumber })),
      h('h3', {}, t('binding.history')),
      table([t('binding.at'), t('binding.event'), t('binding.path'), t('binding.mobile'), t('binding.reference'), t('binding.by'), t('binding.reason')],
        b.history.map(e => h('tr', { 'data-event': e.event },
          h('td', {}, when(e.at)), h('td', {}, t(`binding.event.${e.event}`)), h('td', {}, e.via ? t(`binding.via.${e.via}`) : ''),
          h('td', {}, e.mobile || ''), h('td', {}, e.reference || ''), h('td', {}, e.by), h('td', {}, e.reason || '')))),
      h('h3', {}, t('binding.signIns')),
      table([t('binding.at'), t('binding.channel'), t('binding.client')], b.signIns.map(x => h('tr', {},
        h('td', {}, when(x.at)), h('td', {}, t(`online.channel.${x.channel}`)), h('td', {}, x.client)))),
      b.bound ? h('fieldset', {}, h('legend', {}, t('binding.revoke')), h('p', { class: 'muted' }, t('binding.revoke.hint')),
        h('label', {}, t('binding.reason'), reason), revoke) : '');
  };
  show(main, h('h2', {}, t('binding.admin.title')), h('p', { class: 'muted' }, t('binding.admin.hint')),
    h('form', { class: 'actions', onsubmit: e => { e.preventDefault(); lookUp(); } },
      h('label', {}, t('binding.idNumber'), id), h('button', { type: 'submit', id: 'binding-look-up' }, t('binding.lookUp'))),
    view);
  id.focus();
  return null;
}
