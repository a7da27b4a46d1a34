// End-to-end on a 375 px touch screen: a whole section quiz completed with
// finger taps and swipes only (touch events on the workbook, as a phone sends
// them), no keyboard and no mouse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../../scripts/server.mjs';
import { idle, launch, openWorkbook, run, test } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const chapter = JSON.parse(readFileSync('build/native/gen/content.json', 'utf8'));
const quiz = chapter.quizzes.find((q) => q.section === 'be-proactive');
const question = (kind) => quiz.questions.find((q) => q.kind === kind);
const W = 375, H = 812;

// A vertical swipe on the workbook through CDP touch events (finger moves up = content scrolls down).
async function swipe(page, cdp, dy) {
  const x = W / 2, y0 = dy > 0 ? H * 0.75 : H * 0.25;
  const steps = 8;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - (dy * i) / steps }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await idle(page);
}

// Waits until fn() holds: a tap reaches the app in the next animation frames,
// which a loaded machine may delay.
async function until(page, fn, what, ms = 10000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (await fn()) return;
    await idle(page);
  }
  assert.fail(what);
}

// Swipes until the element is well inside the screen, then taps its centre.
async function tap(page, cdp, locator) {
  for (let i = 0; i < 60; i++) {
    // Only trust a position that has stopped moving: measured once the app is idle.
    await idle(page);
    const box = await locator.boundingBox();
    assert.ok(box, 'the element is in the semantics tree');
    const mid = box.y + box.height / 2;
    if (mid > H * 0.15 && mid < H * 0.85) {
      await page.touchscreen.tap(box.x + Math.min(box.width / 2, 40), mid);
      await idle(page);
      return;
    }
    await swipe(page, cdp, Math.max(-300, Math.min(300, mid - H / 2)));
  }
  throw new Error('could not bring the element on screen by swiping');
}

test('375 px touch screen: a whole quiz answered by tapping and swiping, then submitted and passed', async () => {
  const ctx = await browser.newContext({ viewport: { width: W, height: H }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', { errors });
  const cdp = await ctx.newCDPSession(page);
  await idle(page);
  const radio = (q, text) => page.getByRole('radiogroup', { name: q.prompt }).getByRole('radio', { name: text });

  const single = question('single');
  await tap(page, cdp, radio(single, single.options.find((o) => o.correct).text));
  await until(page, () => radio(single, single.options.find((o) => o.correct).text).isChecked(), 'a tap chooses the option');
  await tap(page, cdp, page.getByRole('button', { name: 'Check answer to question 1' }));
  await page.waitForFunction(() => document.getElementById('wb-live').textContent.startsWith('Correct.'));

  const ordering = question('ordering');
  const position = async (text) => (await page.getByRole('list', { name: ordering.prompt }).getByRole('listitem').allTextContents())
    .findIndex((t) => t.includes(text));
  for (let target = 0; target < ordering.options.length; target++) {
    const item = ordering.options[target];
    for (let guard = 0; guard < 10; guard++) {
      const at = await position(item.text);
      if (at === target) break;
      await tap(page, cdp, page.getByRole('button', { name: `Move up: ${item.text}` }));
      await until(page, async () => (await position(item.text)) === at - 1, `"${item.text}" moved up one place`);
    }
  }
  await tap(page, cdp, page.getByRole('button', { name: 'Check answer to question 2' }));
  await page.waitForFunction(() => document.getElementById('wb-live').textContent.startsWith('Correct.'));

  const scenario = question('scenario');
  const tapToCheck = async (locator, what) => {
    await tap(page, cdp, locator);
    await until(page, () => locator.isChecked(), `a tap checks ${what}`);
  };
  await tapToCheck(radio(scenario, scenario.options.find((o) => o.correct).text), 'the scenario answer');
  const tf = question('true_false');
  await tapToCheck(radio(tf, tf.options.find((o) => o.correct).text), 'true or false');
  const multiple = question('multiple');
  for (const o of multiple.options.filter((o) => o.correct)) await tapToCheck(page.getByRole('checkbox', { name: o.text }), o.text);
  for (const sr of quiz.questions.filter((q) => q.kind === 'self_rating')) await tapToCheck(radio(sr, '3'), 'a rating');

  await tap(page, cdp, page.getByRole('button', { name: `Submit quiz: ${quiz.title}` }));
  await page.waitForFunction(() => /Quiz submitted\. Score 100%\. Passed\./.test(document.getElementById('wb-live').textContent));
  // Nothing spills past the right edge of a 375 px screen.
  const wide = await page.evaluate((w) => [...document.querySelectorAll('#wb-semantics [data-role="button"], #wb-semantics [data-role="radio"], #wb-semantics [data-role="checkbox"]')]
    .filter((el) => el.getBoundingClientRect().right > w + 1).map((el) => el.getAttribute('aria-label') || el.textContent), W);
  assert.deepEqual(wide, []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

const failed = await run('e2e touch');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
