import { h } from './dom.js';
import { t } from './i18n.js';

// On-screen keyboards for the touch-screen kiosk, which has no keyboard of its own: big keys built from
// DOM nodes, typing into the field last touched. The system's own keyboard stays away (inputmode none).
const LAYOUTS = {
  // case numbers (330106-20261206-0001) and ID number suffixes (digits, X as the last check digit)
  digits: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['X', '0', '-']],
  // pinyin initials and item codes: the catalog search takes hkqr for 户口迁入登记
  letters: [['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'], ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L'],
    ['Z', 'X', 'C', 'V', 'B', 'N', 'M', '-'], ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']],
};

/**
 * A keyboard of {@code layout} ({@code digits} or {@code letters}) for {@code inputs}: it types into the one
 * touched last (the first at the start); {@code enter} runs on its 确定 key.
 */
export function keyboard(layout, inputs, enter) {
  let target = inputs[0];
  for (const input of inputs) {
    input.setAttribute('inputmode', 'none');
    input.addEventListener('focus', () => { target = input; });
  }
  const changed = () => target.dispatchEvent(new Event('input', { bubbles: true }));
  const type = key => {
    const text = layout === 'letters' ? key.toLowerCase() : key;
    if (target.maxLength > 0 && target.value.length >= target.maxLength) return;
    target.value += text;
    changed();
  };
  // the keys never take the focus from the field, so that its caret stays where the citizen looks
  const key = (label, action, attrs = {}) => h('button', { type: 'button', class: 'osk-key', onmousedown: e => e.preventDefault(),
    onclick: action, ...attrs }, label);
  return h('div', { class: `osk osk-${layout}`, role: 'group', 'aria-label': t('osk.label') },
    LAYOUTS[layout].map(row => h('div', { class: 'osk-row' }, row.map(k => key(k, () => type(k), { 'data-key': k })))),
    h('div', { class: 'osk-row' },
      key(t('osk.backspace'), () => { target.value = target.value.slice(0, -1); changed(); }, { 'data-key': 'Backspace' }),
      key(t('osk.clear'), () => { target.value = ''; changed(); }, { 'data-key': 'Clear' }),
      enter ? key(t('osk.enter'), enter, { 'data-key': 'Enter', class: 'osk-key osk-enter' }) : ''));
}
