import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { timeOfDay } from './format.js';

/** Minutes as the queue's figures show them ('—' for a mean with nothing to measure). */
export const minutes = v => (v == null ? '—' : t('queue.minutes', { n: v }));

/** Whether the queue capability is installed: its public groups answer (a path the server does not know is 404 NOT_FOUND). */
export async function queueInstalled() {
  try {
    await api.get('/public/queue/groups');
    return true;
  } catch (e) {
    return !(e.status === 404 && (!e.code || e.code === 'NOT_FOUND'));
  }
}

/**
 * 叫号 (the clerk's window on the hall's queue): sign in at a window, call the next number, call again, mark a no-show,
 * transfer, finish, pause; the window's queue below; and the desk's numbers (导服台) for citizens without the kiosk.
 */
export function queuePage(main, session) {
  const here = h('section', { id: 'my-window' });
  const waiting = h('section', { id: 'queue-waiting' });
  const desk = h('section', { id: 'queue-desk' });
  let groups = [];
  let seat = null;
  // what the window part shows, so that the periodic refresh leaves a form being typed in alone
  let shown = null;
  let current = null;

  const act = async (path, body) => {
    try {
      const answer = await api.post(`/queue/${path}`, body);
      if (answer && answer.number) current = answer.status === 'CALLED' ? answer : null;
      await refresh();
      return answer;
    } catch (e) {
      if (e.code === 'NO_TICKET_WAITING') current = null;
      fail(e, main);
      await refresh();
      return null;
    }
  };

  const refresh = async () => {
    try {
      const windows = await api.get('/queue/windows');
      seat = windows.find(w => w.clerk === session.user) || null;
      if (!seat) {
        shown = null;
        current = null;
        show(here, h('h2', {}, t('queue.pickWindow')), table([t('queue.window'), t('queue.groups'), t('queue.state'), ''], windows.map(w =>
          h('tr', { 'data-window': w.no }, h('td', {}, t('queue.windowNo', { no: w.no })), h('td', {}, w.groups.map(groupName).join('、')),
            h('td', {}, w.clerk ? t('queue.takenBy', { clerk: w.clerk }) : t(`queue.state.${w.state}`)),
            h('td', {}, w.clerk ? null : h('button', { type: 'button', class: 'sign-in', onclick: () => act(`windows/${w.no}/sign-in`) }, t('queue.signIn')))))));
        show(waiting);
        return;
      }
      const tickets = await api.get('/queue/tickets');
      // the ticket called here, also when the page is opened again (after taking in its case)
      if (!current || seat.currentNumber !== current.number) {
        current = tickets.find(x => x.status === 'CALLED' && x.number === seat.currentNumber) || null;
      }
      const paused = seat.state === 'PAUSED';
      const key = JSON.stringify([seat, current && current.id, current && current.caseNo]);
      if (key !== shown) {
        shown = key;
        show(here, h('h2', { id: 'window-title' }, t('queue.atWindow', { no: seat.no }), ' ',
          h('span', { class: 'badge', id: 'window-state' }, t(`queue.state.${seat.state}`))),
        h('p', { class: 'current', id: 'current-number' }, seat.currentNumber ? t('queue.serving', { number: seat.currentNumber }) : t('queue.none')),
        current ? h('p', { id: 'current-ticket' }, [groupName(current.group), current.itemCode, current.citizen, current.note,
          current.caseNo && t('queue.caseOf', { caseNo: current.caseNo })].filter(Boolean).join(' · ')) : null,
        h('div', { class: 'actions' },
          h('button', { type: 'button', id: 'call', class: 'primary', disabled: paused, onclick: () => act('window/call') }, t('queue.call')),
          h('button', { type: 'button', id: 'recall', disabled: !seat.currentNumber, onclick: () => act('window/recall') }, t('queue.recall')),
          h('button', { type: 'button', id: 'no-show', disabled: !seat.currentNumber, onclick: () => act('window/no-show') }, t('queue.noShow')),
          h('button', { type: 'button', id: 'finish', disabled: !seat.currentNumber, onclick: () => act('window/finish') }, t('queue.finish')),
          // the intake form filled in from the ticket (the item and what the citizen gave at the kiosk)
          current && !current.caseNo ? h('button', { type: 'button', id: 'open-case-from-ticket',
            onclick: () => { location.hash = '#/clerk/ticket'; } }, t('queue.openCase')) : null,
          h('button', { type: 'button', id: paused ? 'resume' : 'pause', onclick: () => act(paused ? 'window/resume' : 'window/pause') },
            t(paused ? 'queue.resume' : 'queue.pause')),
          h('button', { type: 'button', id: 'sign-out', onclick: () => act('window/sign-out') }, t('queue.signOut'))),
        seat.currentNumber ? transferForm() : null);
      }
      const mine = tickets.filter(x => seat.groups.includes(x.group) || x.status === 'NO_SHOW');
      show(waiting, h('h3', {}, t('queue.waitingTitle', { n: mine.filter(x => x.status === 'WAITING').length })),
        table([t('queue.number'), t('queue.group'), t('queue.source'), t('queue.taken'), t('queue.status'), ''], mine.map(x =>
          h('tr', { 'data-number': x.number, class: x.status.toLowerCase() }, h('td', {}, x.number), h('td', {}, groupName(x.group)),
            h('td', {}, t(`queue.source.${x.source}`)), h('td', {}, timeOfDay(new Date(x.takenAt))), h('td', {}, t(`queue.status.${x.status}`)),
            h('td', {}, x.status === 'NO_SHOW' && !x.requeued
              ? h('button', { type: 'button', class: 'requeue', onclick: () => act(`tickets/${x.id}/requeue`) }, t('queue.requeue')) : null)))));
    } catch (e) { fail(e, main); }
  };

  const groupName = code => (groups.find(g => g.code === code) || { name: code }).name;

  const transferForm = () => {
    const to = h('select', { id: 'transfer-to' }, groups.map(g => h('option', { value: `group:${g.code}` }, g.name)));
    const note = h('input', { id: 'transfer-note', maxlength: 500, placeholder: t('queue.note') });
    return h('form', { class: 'inline', id: 'transfer', onsubmit: e => {
      e.preventDefault();
      act('window/transfer', { group: to.value.slice('group:'.length), note: note.value.trim() || undefined });
    } }, h('label', {}, t('queue.transferTo'), to), note, h('button', { type: 'submit' }, t('queue.transfer')));
  };

  const deskForms = () => {
    const group = h('select', { id: 'desk-group' }, groups.map(g => h('option', { value: g.code }, `${g.prefix} ${g.name}`)));
    const id = h('input', { id: 'desk-id', maxlength: 18, autocomplete: 'off', placeholder: t('queue.idOptional') });
    const given = h('p', { id: 'desk-ticket', 'aria-live': 'polite' });
    const code = h('input', { id: 'check-in-code', maxlength: 20, autocomplete: 'off' });
    const issued = x => show(given, t('queue.issued', { number: x.number, ahead: x.ahead, minutes: x.estimatedWaitMinutes }));
    show(desk, h('h3', {}, t('queue.desk')),
      h('form', { class: 'inline', id: 'desk-take', onsubmit: async e => {
        e.preventDefault();
        try {
          issued(await api.post('/queue/tickets', { group: group.value, idNumber: id.value.trim() || undefined }));
          id.value = '';
          refresh();
        } catch (error) { fail(error, desk); }
      } }, group, id, h('button', { type: 'submit', id: 'desk-take-go' }, t('queue.take'))),
      h('form', { class: 'inline', id: 'check-in', onsubmit: async e => {
        e.preventDefault();
        try {
          issued(await api.post('/queue/check-ins', { code: code.value.trim() }));
          code.value = '';
          refresh();
        } catch (error) { fail(error, desk); }
      } }, h('label', {}, t('queue.checkIn'), code), h('button', { type: 'submit', id: 'check-in-go' }, t('queue.checkInGo'))),
      given);
  };

  show(main, here, waiting, desk);
  api.get('/public/queue/groups').then(list => { groups = list; deskForms(); return refresh(); }).catch(e => fail(e, main));
  // the queue changes with every kiosk and window: read again every few seconds while the page is open
  const timer = setInterval(refresh, 5000);
  return () => clearInterval(timer);
}

/**
 * 排队等候 on the supervision board: per group today's waiting, longest and mean wait, mean service, served, missed and
 * windows open; a group whose longest wait passed the hall's thresholds is yellow or red (open a window). Empty when
 * the queue is not installed.
 */
export async function queueFigures(target) {
  let figures;
  try {
    figures = await api.get('/queue/figures');
  } catch (e) {
    if (e.status === 404 && (!e.code || e.code === 'NOT_FOUND')) { show(target); return; }
    throw e;
  }
  show(target, h('h3', {}, t('queue.figures'), ' ', h('span', { class: 'muted' }, t('queue.thresholds',
    { yellow: figures.yellowWaitMinutes, red: figures.redWaitMinutes }))),
  table([t('queue.group'), t('queue.waiting'), t('queue.longest'), t('queue.meanWait'), t('queue.meanService'), t('queue.served'),
    t('queue.noShows'), t('queue.windowsOpen'), ''], figures.groups.map(g =>
    h('tr', { class: g.alert === 'NONE' ? '' : `card-${g.alert.toLowerCase()}`, 'data-group': g.code, 'data-alert': g.alert },
      h('td', {}, g.name), h('td', {}, g.waiting), h('td', {}, minutes(g.longestWaitMinutes)), h('td', {}, minutes(g.averageWaitMinutes)),
      h('td', {}, minutes(g.averageServiceMinutes)), h('td', {}, g.served), h('td', {}, g.noShows), h('td', {}, g.windowsOpen),
      h('td', { class: 'wait-alert' }, g.alert === 'NONE' ? '' : t(`queue.alert.${g.alert}`))))));
}
