import { h, show } from '/console/js/dom.js';
import { t, lang } from '/console/js/i18n.js';
import { ApiError } from '/console/js/api.js';

// What the citizens' pages share: where their API is, the one alert area, dates as people read them.
export const ONLINE = '/public/online';

function area() {
  return document.getElementById('alert');
}

/** The online API is not there (its feature not installed): the server knows no such path at all. */
export function missing(error) {
  return error instanceof ApiError && error.status === 404 && (!error.code || error.code === 'NOT_FOUND');
}

/** Shows what went wrong in the alert area, in the server's words, until the next action or page. */
export function fail(error) {
  if (error instanceof ApiError && error.code === 'SIGN_IN_REQUIRED') {
    // the session ran out (idle) or was ended elsewhere: the page asks to sign in again
    window.dispatchEvent(new CustomEvent('ow:signed-out'));
    return;
  }
  let text;
  // fetch rejects with a TypeError when no answer came at all (network down, server stopped)
  if (error instanceof TypeError || (error instanceof ApiError && error.status === 0)) text = t('online.offline');
  else if (!(error instanceof ApiError)) text = t('online.failed', { message: String(error.message || error) });
  else if (missing(error)) text = t('online.closed');
  else text = t('error', { message: error.message });
  say(text, 'error', error instanceof ApiError ? error.code : undefined);
}

/** A message in the alert area; {@code kind} is {@code ok} or {@code error}. */
export function say(text, kind = 'ok', code) {
  const where = area();
  where.className = kind;
  if (code) where.dataset.code = code; else delete where.dataset.code;
  show(where, text);
  where.hidden = false;
  where.scrollIntoView({ block: 'nearest' });
}

export function clear() {
  const where = area();
  show(where);
  where.hidden = true;
}

/** Runs {@code action}; a failure is shown in the alert area (what was shown there stays otherwise). */
export async function attempt(action) {
  try {
    return await action();
  } catch (e) {
    fail(e);
    return undefined;
  }
}

/** Runs an action of a button, with the button disabled meanwhile so that a double click is one request. */
export async function busy(button, action) {
  if (button) button.disabled = true;
  clear();
  try {
    return await attempt(action);
  } finally {
    if (button) button.disabled = false;
  }
}

/** A day ({@code yyyy-MM-dd}) with its weekday, as a citizen picks one. */
export function dayText(day) {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString(lang(), { timeZone: 'UTC', month: 'long', day: 'numeric', weekday: 'short' });
}

/** An instant (ISO-8601) as the hall's local date and time. */
export function when(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return d.toLocaleString(lang(), { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit' });
}

/** Terms and their descriptions; empty values are left out. */
export function fields(pairs) {
  return h('dl', {}, pairs.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .flatMap(([term, value, attrs]) => [h('dt', {}, term), h('dd', attrs || {}, value)]));
}

export function limitText(item) {
  return item.timeLimitDays === 0 ? t('item.instant') : t('item.days', { n: item.timeLimitDays });
}

/** The statutory limit (法定时限) the promised one is cut from, or that the catalog does not give it. */
export function statutoryText(item) {
  return item.statutoryLimitDays == null ? t('item.notGiven') : t('item.days', { n: item.statutoryLimitDays });
}

/** A list of catalog items to pick from, each a button carrying its code. */
export function itemButtons(items, pick) {
  return items.map(i => h('button', { type: 'button', class: 'item', 'data-code': i.code, onclick: () => pick(i) },
    h('strong', {}, i.name), h('span', { class: 'muted' }, ` ${i.department ? i.department.name : ''} · ${i.code}`)));
}
