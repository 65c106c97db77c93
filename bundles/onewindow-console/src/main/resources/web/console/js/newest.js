// A search asked again before its first answer came back: only the newest question's answer may be drawn. A
// slow answer to an earlier one (营 while 营业执照 is in the box) is dropped, never drawn over the newer list.

/**
 * A counter of questions: each call of the function it returns starts a question and answers a test,
 * true while no newer question has started since.
 */
export function newestOnly() {
  let last = 0;
  return () => {
    const mine = ++last;
    return () => mine === last;
  };
}
