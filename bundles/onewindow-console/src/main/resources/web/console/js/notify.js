import { h } from './dom.js';
import { t } from './i18n.js';
import { ApiError } from './api.js';

/** Says what went wrong, in words from the server's error, at the top of {@code where}, for a while. */
export function fail(error, where = document.getElementById('main')) {
  const text = error instanceof ApiError ? t('error', { message: error.message }) : String(error);
  const note = h('p', { class: 'error', role: 'alert' }, text);
  where.prepend(note);
  setTimeout(() => note.remove(), 8000);
}
