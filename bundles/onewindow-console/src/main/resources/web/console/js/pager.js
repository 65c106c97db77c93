import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * Previous and next for a page of a search ({@code total}, {@code page} from 1, {@code size} as the API
 * answers them); {@code go(n)} shows page n. Nothing when everything fits on one page.
 */
export function pager(answer, go, id = 'pager') {
  const pages = Math.max(1, Math.ceil(answer.total / answer.size));
  if (pages <= 1) return h('p', { class: 'pager muted', id, 'data-pages': 1 }, t('pager.total', { total: answer.total }));
  return h('nav', { class: 'pager', id, 'data-page': answer.page, 'data-pages': pages, 'aria-label': t('pager.label') },
    h('button', { type: 'button', class: 'pager-prev', disabled: answer.page <= 1, onclick: () => go(answer.page - 1) }, t('pager.prev')),
    h('span', { class: 'pager-where' }, t('pager.where', { page: answer.page, pages, total: answer.total })),
    h('button', { type: 'button', class: 'pager-next', disabled: answer.page >= pages, onclick: () => go(answer.page + 1) }, t('pager.next')));
}
