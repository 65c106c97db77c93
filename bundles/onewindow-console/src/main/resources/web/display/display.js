import { h, show } from '/console/js/dom.js';
import { load, t } from '/console/js/i18n.js';
import { api } from '/console/js/api.js';
import { demoMarker } from '/console/js/demo.js';
import { timeOfDay } from '/console/js/format.js';

// The hall screen (叫号屏): no login and no personal data, numbers and windows only. It waits on the board's long poll
// (the server answers as soon as anything on it changes), so a call shows within a second; after a failure it asks
// again every few seconds until the appliance answers, saying meanwhile that it is offline.
const main = document.getElementById('main');
const DIGITS = { 0: '零', 1: '一', 2: '二', 3: '三', 4: '四', 5: '五', 6: '六', 7: '七', 8: '八', 9: '九' };
const RETRY_MS = 3000;
let spokenSeq = null;
let clock;

// 'A023' is said 'A 零二三' and window 5 '5号': the way halls' callers read numbers, digit by digit
function sayable(number) {
  return number.split('').map(c => DIGITS[c] ?? c).join(' ');
}

function speak(call) {
  if (!('speechSynthesis' in window)) return;
  const text = t('display.say', { number: sayable(call.number), window: call.window });
  const voice = speechSynthesis.getVoices().find(v => v.lang && v.lang.toLowerCase().startsWith('zh'));
  // twice, as the hall's callers do; in Mandarin where the browser has such a voice
  for (let i = 0; i < 2; i++) {
    const say = new SpeechSynthesisUtterance(text);
    say.lang = 'zh-CN';
    if (voice) say.voice = voice;
    speechSynthesis.speak(say);
  }
}

function render(board, offline) {
  const latest = board.calls[0];
  const fresh = latest && spokenSeq !== null && latest.seq > spokenSeq;
  const now = h('section', { class: fresh ? 'now fresh' : 'now', id: 'now', 'aria-live': 'assertive' },
    latest ? [h('div', { class: 'please' }, t('display.please')), h('div', { class: 'number', id: 'now-number' }, latest.number),
      h('div', { class: 'to', id: 'now-window' }, t('display.toWindow', { window: latest.window }))]
      : h('div', { class: 'please' }, t('display.waiting')));
  const windows = h('table', { id: 'windows' }, h('thead', {}, h('tr', {}, h('th', {}, t('display.window')), h('th', {}, t('display.serving')))),
    h('tbody', {}, board.windows.map(w => h('tr', { class: w.state === 'PAUSED' ? 'paused' : '', 'data-window': w.no },
      h('td', {}, t('display.windowNo', { window: w.no })),
      h('td', { class: 'num' }, w.state === 'PAUSED' ? t('display.paused') : (w.currentNumber ?? '—'))))));
  const recent = h('table', { id: 'recent' }, h('tbody', {}, board.calls.slice(1).map(c =>
    h('tr', {}, h('td', { class: 'num' }, c.number), h('td', {}, t('display.windowNo', { window: c.window }))))));
  clock = h('span', { class: 'clock', id: 'clock' });
  show(main,
    h('header', {}, h('span', {}, t('display.title')), clock),
    h('div', { class: 'body' }, now, h('div', { class: 'side' },
      h('div', {}, h('h2', {}, t('display.windows')), windows),
      h('div', {}, h('h2', {}, t('display.recent')), recent))),
    h('footer', { id: 'groups' }, board.groups.map(g => h('span', { class: 'group', 'data-group': g.code },
      `${g.prefix} ${g.name}`, h('b', {}, t('display.waitingCount', { n: g.waiting }))))),
    offline ? h('p', { class: 'offline', id: 'offline' }, t('display.offline')) : null);
  tick();
  if (fresh) speak(latest);
  if (latest) spokenSeq = latest.seq;
  else if (spokenSeq === null) spokenSeq = 0;
}

function tick() {
  // the hall's time, whatever the TV's own zone
  if (clock) clock.textContent = timeOfDay();
}

async function follow() {
  let board = null;
  for (;;) {
    try {
      board = await api.get(board ? `/public/queue/board?after=${board.version}` : '/public/queue/board');
      render(board, false);
    } catch (e) {
      if (board) render(board, true);
      else show(main, h('p', { class: 'offline', id: 'offline' }, t('display.offline')));
      await new Promise(resolve => setTimeout(resolve, RETRY_MS));
    }
  }
}

load('/console').then(async () => {
  document.title = t('display.title');
  setInterval(tick, 1000);
  follow();
  demoMarker();
});
