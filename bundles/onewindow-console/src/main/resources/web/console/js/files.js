import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * A file input whose button and "nothing chosen" speak the page's language: the browser labels its own
 * input in the browser's language ("Choose Files" in a zh-CN page). The native input stays in the page,
 * out of sight, so that its change events and what tests send to it work as before.
 */
export function filePicker(input) {
  input.classList.add('file-native');
  input.tabIndex = -1;
  const none = t('file.none');
  const names = h('span', { class: 'file-names muted' }, none);
  input.addEventListener('change', () => {
    names.textContent = input.files.length ? [...input.files].map(f => f.name).join('、') : none;
  });
  const button = h('button', { type: 'button', class: 'file-choose', 'data-for': input.id || undefined, onclick: () => input.click() },
    t(input.multiple ? 'file.chooseMany' : 'file.choose'));
  return h('span', { class: 'file-picker' }, input, button, ' ', names);
}
