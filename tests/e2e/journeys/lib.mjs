// Journeys act as a learner does: only page.mouse, page.touchscreen and
// page.keyboard (and CDP for what a phone's keyboard or an IME sends). Locators
// into the semantics mirror only find where a control is drawn and read values;
// a journey never clicks, focuses or fills a mirrored element.
//
// Waiting: the workbook counts its frames (window.__wbStats.frames) and says when
// it has gone idle (__wbStats.idle: no frame pending, nothing moves until the next
// event). Journeys wait for those and for the values they need, never a fixed time.
import assert from 'node:assert/strict';

export { failIdbWrites, launch, liveMatches, openWorkbook, run, test } from '../lib.mjs';

const stats = (page) => page.evaluate(() => ({ ...(window.__wbStats || {}) }));

// Does `action` (a learner's input) and waits until the app has drawn a frame
// after it and gone idle again.
export async function act(page, action) {
  const { frames = 0 } = await stats(page);
  await action();
  await page.waitForFunction((f) => {
    const s = window.__wbStats || {};
    return s.idle === 1 && s.frames > f;
  }, frames, { timeout: 20000 });
}

// Waits until the app is idle (no event pending): the drawn positions hold still.
async function still(page) {
  await page.waitForFunction(() => (window.__wbStats || {}).idle === 1, null, { timeout: 20000 });
}

// Where a control is drawn now (CSS px), or null when it is not in the tree.
export async function box(locator) {
  await still(locator.page());
  return locator.boundingBox();
}

// Scrolls (with `scroll(dy)`) until the control is well inside the viewport; a
// control that scrolling does not move (the top bar's) is taken where it is.
async function intoView(page, locator, scroll) {
  const vp = page.viewportSize();
  let last = null;
  for (let i = 0; i < 80; i++) {
    const b = await box(locator);
    assert.ok(b, `${locator} is drawn`);
    const mid = b.y + b.height / 2;
    // A control scrolled out of its pane is recorded clipped to the pane's edge, with no height.
    const inside = b.height > 0 && b.width > 0 && b.y >= 0 && b.y + b.height <= vp.height && b.x >= 0 && b.x + 4 < vp.width;
    if (inside && mid > vp.height * 0.12 && mid < vp.height * 0.8) return b;
    if (inside && last && last.y === b.y) return b;
    last = b;
    await scroll(Math.max(-300, Math.min(300, mid - vp.height / 2)));
  }
  throw new Error(`could not scroll ${locator} into view`);
}

// With the mouse wheel.
export function wheelIntoView(page, locator) {
  const vp = page.viewportSize();
  return intoView(page, locator, (dy) => act(page, async () => {
    await page.mouse.move(vp.width / 2, vp.height / 2);
    await page.mouse.wheel(0, dy);
  }));
}

// A mouse click at the control's drawn position (`at`: where inside, 0..1, default the middle).
export async function click(page, locator, at = { x: 0.5, y: 0.5 }) {
  const b = await wheelIntoView(page, locator);
  await act(page, () => page.mouse.click(b.x + b.width * at.x, b.y + Math.min(b.height * at.y, 40)));
}

// A finger swipe through CDP touch events (finger moves up = content scrolls down).
export async function swipe(page, cdp, dy) {
  const vp = page.viewportSize();
  const x = vp.width / 2, y0 = dy > 0 ? vp.height * 0.75 : vp.height * 0.25;
  const steps = 8;
  await act(page, async () => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
    for (let i = 1; i <= steps; i++)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - (dy * i) / steps }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  });
}

// Swipes until the control is well inside the screen; where it is drawn then.
export function swipeIntoView(page, cdp, locator) {
  return intoView(page, locator, (dy) => swipe(page, cdp, dy));
}

// Swipes until the control is well inside the screen, then taps it.
export async function tap(page, cdp, locator, at = { x: 0.5, y: 0.5 }) {
  const vp = page.viewportSize();
  const b = await intoView(page, locator, (dy) => swipe(page, cdp, dy));
  await act(page, () => page.touchscreen.tap(b.x + Math.min(b.width * at.x, vp.width - b.x - 2), b.y + Math.min(b.height * at.y, 40)));
}

// Waits until the mirrored field holds `value` (what the learner sees and keeps).
export async function valueIs(locator, value, what = '') {
  const page = locator.page();
  const handle = await locator.elementHandle();
  await page.waitForFunction(([el, v]) => el.value === v, [handle, value], { timeout: 10000 }).catch(async () => {
    assert.equal(await locator.inputValue(), value, what || `the value of ${locator}`);
  });
}

// Waits until DOM focus is on this element (the browser will edit it).
export async function focused(locator) {
  const handle = await locator.elementHandle();
  await locator.page().waitForFunction((el) => document.activeElement === el, handle, { timeout: 10000 });
}

// Clicks into a field and types (page.mouse, page.keyboard): the characters land
// after what the field held, exactly.
export async function clickAndType(page, field, text) {
  await click(page, field);
  await focused(field);
  const before = await field.inputValue();
  await act(page, () => page.keyboard.type(text));
  await valueIs(field, before + text, `typed into ${field}`);
}

// A key pressed where the keyboard focus is (page.keyboard), no wait.
export const pressKey = (page, key) => page.keyboard.press(key);

// Waits until everything the learner did is in storage (nothing debounced or in flight).
export async function saved(page) {
  await page.waitForFunction(() => {
    const s = window.__wbStats || {};
    return s.unsaved === 0 && s.planner_saving !== 1 && s.idle === 1;
  }, null, { timeout: 15000 });
}

// What the live region says.
export const live = (page) => page.locator('#wb-live').textContent();
export async function liveSays(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(document.getElementById('wb-live').textContent), re.source,
    { timeout: 10000 });
}

// Every text field in the mirror now, as {role, name}.
export const textFields = (page) => page.evaluate(() => [...document.querySelectorAll('#wb-semantics [data-role=textbox], #wb-semantics [data-role=textarea]')]
  .map((el) => ({ name: el.getAttribute('aria-label') || '', tag: el.tagName })));

// What has DOM focus: its tag, type, accessible name and state (or BODY).
export const focusedNow = (page) => page.evaluate(() => {
  const a = document.activeElement;
  if (!a || a === document.body || a === document.documentElement) return { body: true };
  return { tag: a.tagName, type: a.type || '', role: a.dataset ? a.dataset.role : '', checked: !!a.checked,
           name: a.getAttribute('aria-label') || a.textContent || '', group: a.name || '', inMirror: !!a.closest('#wb-semantics') };
});

// A keyboard learner: presses a key, waits until the workbook is idle again,
// and counts. Focus lost to <body> fails the journey at once, naming the key.
// tabTo(re, key) presses Tab (or `key`) until the focused control's name matches.
export function keyboard(page) {
  const k = { count: 0, log: [] };
  k.key = async (key) => {
    k.count++;
    await page.keyboard.press(key);
    await page.waitForFunction(() => (window.__wbStats || {}).idle === 1, null, { timeout: 20000 });
    const f = await focusedNow(page);
    k.log.push(`${key} -> ${f.body ? 'BODY' : f.name.slice(0, 40)}`);
    if (f.body) console.log(k.log.slice(-30).join('\n'));
    assert.ok(!f.body, `focus fell to <body> after ${key} (key ${k.count}); the last keys:\n${k.log.slice(-40).join('\n')}`);
    return f;
  };
  k.tabTo = async (re, key = 'Tab') => {
    const start = k.count;
    let f = await k.key(key);
    while (!re.test(f.name)) {
      assert.ok(k.count - start < 80, `${key} reaches ${re} (the last keys:\n${k.log.slice(-40).join('\n')})`);
      f = await k.key(key);
    }
    return f;
  };
  return k;
}

// Dates as the app writes (YYYY-MM-DD) and names them ("Monday, December 7, 2026",
// "December 2026"), in UTC: the planner counts days, not hours.
const UTC = { timeZone: 'UTC' };
export const dates = {
  parse: (iso) => new Date(iso + 'T00:00:00Z'),
  iso: (d) => d.toISOString().slice(0, 10),
  plusDays: (d, n) => new Date(d.getTime() + n * 86400000),
  long: (d) => d.toLocaleDateString('en-US', { ...UTC, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
  month: (d) => d.toLocaleDateString('en-US', { ...UTC, month: 'long', year: 'numeric' }),
  // The same day `n` months on, or that month's last day.
  addMonths: (d, n) => {
    const y = d.getUTCFullYear(), m = d.getUTCMonth() + n;
    return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate())));
  },
};
