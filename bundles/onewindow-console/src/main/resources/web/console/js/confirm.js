import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * Asks before a decision is made: a modal dialog (no window.confirm, whose look and words the page cannot set) saying
 * what will be decided. Resolves true when confirmed (the button, or Enter), false when cancelled (the button, or Esc).
 */
export function confirmDialog(title, ...lines) {
  return new Promise(resolve => {
    const opener = document.activeElement;
    const yes = h('button', { type: 'button', id: 'confirm-yes', class: 'primary' }, t('confirm.yes'));
    const no = h('button', { type: 'button', id: 'confirm-no' }, t('confirm.no'));
    const dialog = h('dialog', { id: 'confirm-dialog', class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('h3', { id: 'confirm-title' }, title), lines.filter(Boolean).map(line => h('p', {}, line)),
      h('div', { class: 'actions' }, yes, no));
    let answered = false;
    const answer = value => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(value);
    };
    yes.addEventListener('click', () => answer(true));
    no.addEventListener('click', () => answer(false));
    // Esc: the browser cancels a modal dialog, or closes it without a cancel event when the page had no user activation
    dialog.addEventListener('cancel', e => { e.preventDefault(); answer(false); });
    dialog.addEventListener('close', () => answer(false));
    dialog.addEventListener('keydown', e => {
      // the page beneath (F9 and others) does not see these keys
      e.stopPropagation();
      if (e.key === 'Escape') { e.preventDefault(); answer(false); }
      if (e.key === 'Enter' && e.target !== no) { e.preventDefault(); answer(true); }
    });
    document.body.append(dialog);
    dialog.showModal();
    yes.focus();
  });
}
