import { h, show } from './dom.js';
import { t } from './i18n.js';
import { api, ApiError } from './api.js';
import { dateTime } from './format.js';

// 好差评: the one rating form of every channel (the window's pad, a text's link, the kiosk, the online hall). Five levels,
// the service's own indicators (optional), and for a bad level (不满意, 非常不满意) the reasons of the current list and a
// comment. Nothing personal is shown: the service's item, department, stage and window only. Codes (level, indicator,
// reason, stage) are data-* attributes; their words come from i18n, a reason the texts do not know by the server's label.
export const EVALUATION = '/public/evaluation';
const LEVELS = [5, 4, 3, 2, 1];

/** A text of i18n, or {@code fallback} when the texts have none for {@code key} (a reason added to the list later). */
function known(key, fallback) {
  const text = t(key);
  return text === key && fallback ? fallback : text;
}

/** The current list of reasons for a bad rating ([] when it cannot be read: the server then names what is missing). */
export async function loadReasons() {
  try {
    return (await api.get(`${EVALUATION}/reasons`)).reasons;
  } catch (e) {
    return [];
  }
}

/** Whether the evaluation capability answers (its feature may be left out): its public API is there. */
export async function evaluationInstalled() {
  try {
    await api.get(`${EVALUATION}/reasons`);
    return true;
  } catch (e) {
    return !(e.status === 404 && (!e.code || e.code === 'NOT_FOUND'));
  }
}

export const stageText = stage => t(`rating.stage.${stage}`);
export const levelText = level => t(`rating.level.${level}`);
export const reasonText = (code, label) => known(`rating.reason.${code}`, label);

/** What is rated: the item, its department, the stage, the window and when; nothing of who was served. */
export function serviceHeader(s) {
  return h('div', { class: 'rating-service', 'data-case': s.caseNo, 'data-stage': s.stage },
    h('p', { class: 'rating-item' }, s.itemName || ''),
    h('p', { class: 'rating-meta' }, [s.departmentName, stageText(s.stage),
      s.windowNo ? t('rating.windowNo', { no: s.windowNo }) : t(`rating.kind.${s.kind}`)].filter(Boolean).join(' · ')),
    s.servedAt ? h('p', { class: 'rating-when muted' }, t('rating.servedAt', { at: dateTime(s.servedAt) })) : null);
}

/** The error of a rating as the citizen reads it. */
export function ratingProblem(error) {
  if (!(error instanceof ApiError)) return t('rating.offline');
  const codes = ['ALREADY_RATED', 'RATING_CLOSED', 'REASON_REQUIRED', 'NOTHING_TO_RATE', 'STAFF_REFUSED', 'TOO_MANY_ATTEMPTS'];
  if (codes.includes(error.code)) return t(`rating.error.${error.code}`);
  if (error.status === 429) return t('rating.error.TOO_MANY_ATTEMPTS');
  if (error.status === 0) return t('rating.offline');
  return t('error', { message: error.message });
}

/**
 * The form for {@code service} (a RatableDTO): {@code send(body)} posts the rating and resolves with its receipt, then
 * {@code done(receipt)} runs; a refusal is said in the form. {@code big}: the pad's and kiosk's touch layout.
 */
export function ratingForm(service, reasons, send, done, big = false) {
  let level = null;
  const scores = {};
  const error = h('p', { class: 'error rating-error', role: 'alert', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', id: 'rating-submit', class: 'primary', disabled: true }, t('rating.submit'));
  const levels = h('div', { class: 'rating-levels', role: 'group', 'aria-label': t('rating.howWas') }, LEVELS.map(n =>
    h('button', { type: 'button', class: `level level-${n}`, 'data-level': n, 'aria-pressed': 'false', onclick: () => pick(n) }, levelText(n))));
  // OVERALL is the level itself: the other indicators of the service's kind, each optional
  const indicators = (service.indicators || []).filter(i => i.code !== 'OVERALL');
  const indicatorPart = h('fieldset', { class: 'rating-indicators', hidden: true }, h('legend', {}, t('rating.indicators')),
    indicators.map(i => h('div', { class: 'indicator', 'data-indicator': i.code },
      h('span', { class: 'indicator-name' }, known(`rating.indicator.${i.code}`, i.label)),
      h('span', { class: 'scores' }, LEVELS.map(n => h('button', { type: 'button', class: 'score', 'data-score': n, 'aria-pressed': 'false',
        title: levelText(n), onclick: e => score(i.code, n, e.currentTarget) }, t(`rating.score.${n}`)))))));
  const mine = reasons.filter(r => !r.kind || r.kind === service.kind);
  const reasonPart = h('fieldset', { class: 'rating-reasons', id: 'rating-reasons', hidden: true }, h('legend', {}, t('rating.reasons')),
    mine.map(r => h('label', { class: 'check reason' }, h('input', { type: 'checkbox', value: r.code, 'data-reason': r.code }), reasonText(r.code, r.label))));
  const comment = h('textarea', { id: 'rating-comment', maxlength: 500, rows: big ? 3 : 4, placeholder: t('rating.commentHint') });
  const commentPart = h('label', { class: 'rating-comment', hidden: true }, t('rating.comment'), comment);

  function pick(n) {
    level = n;
    levels.querySelectorAll('button.level').forEach(b => b.setAttribute('aria-pressed', String(Number(b.dataset.level) === n)));
    indicatorPart.hidden = indicators.length === 0;
    reasonPart.hidden = n > 2;
    commentPart.hidden = false;
    submit.disabled = false;
    show(error);
  }
  function score(code, n, button) {
    scores[code] = n;
    button.parentElement.querySelectorAll('button.score').forEach(b => b.setAttribute('aria-pressed', String(b === button)));
  }
  const form = h('form', { class: big ? 'rating-form big' : 'rating-form', 'data-case': service.caseNo, 'data-stage': service.stage,
    onsubmit: async e => {
      e.preventDefault();
      if (level == null) return;
      const picked = level <= 2 ? [...reasonPart.querySelectorAll('input:checked')].map(i => i.value) : [];
      if (level <= 2 && picked.length === 0) {
        show(error, t('rating.error.REASON_REQUIRED'));
        return;
      }
      submit.disabled = true;
      try {
        const receipt = await send({ caseNo: service.caseNo, stage: service.stage, level, indicators: scores, reasons: picked,
          comment: comment.value.trim() || undefined });
        done(receipt);
      } catch (err) {
        submit.disabled = false;
        show(error, ratingProblem(err));
        form.dataset.error = (err && err.code) || 'FAILED';
      }
    } },
  h('p', { class: 'rating-ask' }, t('rating.howWas')), levels, indicatorPart, reasonPart, commentPart, error, submit);
  return form;
}

/** Thanks for a rating; a bad one is looked into and the citizen called back. */
export function thanks(receipt) {
  return h('div', { id: 'rating-thanks', class: 'rating-thanks', role: 'status', 'data-level': receipt.level },
    h('p', { class: 'thanks' }, t('rating.thanks')),
    receipt.followedUp ? h('p', {}, t('rating.followedUp')) : null);
}
