import { lang } from './i18n.js';

// Dates and times in the page's language, never the browser's default: a zh-CN page in an en-US browser
// reads 2026/12/06 14:45:50, not "12/6/2026, 2:45:50 PM". Always the hall's time zone, as desk.js and the
// online hall show it.
const HALL = 'Asia/Shanghai';
const formats = new Map();
// English pages write days as their fields take them and as deadlines read, 2026-12-06, not 12/06/2026 (6 December
// or 12 June?): the English of Canada is the one whose dates are so
const LOCALES = { en: 'en-CA' };

function format(options) {
  const key = `${lang()}|${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(LOCALES[lang()] || lang(), { timeZone: HALL, hourCycle: 'h23', ...options }));
  return formats.get(key);
}

const parse = value => (value instanceof Date ? value : new Date(value));

/** An instant (ISO-8601 or a Date) as date and time to the second; '' for none. */
export function dateTime(value) {
  if (!value) return '';
  const d = parse(value);
  if (Number.isNaN(d.getTime())) return String(value);
  // en-CA puts a comma between day and time: one space, as in Chinese
  return format({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d).replace(', ', ' ');
}

/** The time of day of an instant (now when none is given), to the second. */
export function timeOfDay(value = new Date()) {
  const d = parse(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return format({ hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
}
