import { lang } from './i18n.js';

// Dates and times in the page's language, never the browser's default: a zh-CN page in an en-US browser
// reads 2026/12/06 14:45:50, not "12/6/2026, 2:45:50 PM". Always the hall's time zone, as desk.js and the
// online hall show it.
const HALL = 'Asia/Shanghai';
const formats = new Map();

function format(options) {
  const key = `${lang()}|${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(lang(), { timeZone: HALL, hour12: false, ...options }));
  return formats.get(key);
}

const parse = value => (value instanceof Date ? value : new Date(value));

/** An instant (ISO-8601 or a Date) as date and time to the second; '' for none. */
export function dateTime(value) {
  if (!value) return '';
  const d = parse(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return format({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
}

/** The time of day of an instant (now when none is given), to the second. */
export function timeOfDay(value = new Date()) {
  const d = parse(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return format({ hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
}
