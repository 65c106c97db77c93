import { h } from './dom.js';
import { t } from './i18n.js';

// A day typed as the page's language writes it, never <input type=date>: Chromium draws that in the browser's own
// language whatever the page's lang says (mm/dd/yyyy in an en-US browser on a zh-CN page). One form, 2026-12-06,
// what the API takes; 2026/12/06, 2026.12.06 and 2026年12月6日 are read as the same day.
const FORM = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A text field for a day, with the form as its placeholder; {@code value} is a day (yyyy-mm-dd) or ''. */
export function dayField(id, label, value = '') {
  return h('input', { id, type: 'text', class: 'day', value, inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false',
    maxlength: 12, placeholder: t('day.placeholder'), 'aria-label': label, title: t('day.placeholder') });
}

/** The day a text names, as yyyy-mm-dd; '' for none; null when it names no day of the calendar (2026-13-45). */
export function parseDay(text) {
  const v = (text || '').trim();
  if (!v) return '';
  const m = FORM.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads a day field: writes the day back in the one form and marks the field; returns the day (or '') or, when
 * the text names no day, null and {@code problem} receives the message in the page's language.
 */
export function readDay(field, problem) {
  const day = parseDay(field.value);
  field.setAttribute('aria-invalid', day === null ? 'true' : 'false');
  if (day === null) {
    problem(t('day.invalid', { value: field.value.trim() }));
    return null;
  }
  field.value = day;
  return day;
}
