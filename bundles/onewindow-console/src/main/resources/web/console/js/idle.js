// The hall's kiosk is shared: a screen nobody has touched for a while goes back to its start, so that the
// next citizen never sees the previous one's case or cases.

/** Seconds an untouched kiosk screen keeps what it shows: the start address's {@code idle}, else 90. */
export function idleSeconds() {
  const given = Number(new URLSearchParams(location.search).get('idle'));
  return Number.isFinite(given) && given > 0 ? given : 90;
}

/** Runs {@code action} once the page has gone {@code seconds} without a touch, a key or a click, and again after the next. */
export function whenIdle(seconds, action) {
  let timer = null;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(action, seconds * 1000);
  };
  for (const event of ['pointerdown', 'keydown', 'input', 'scroll', 'wheel']) {
    window.addEventListener(event, restart, { capture: true, passive: true });
  }
  restart();
}
