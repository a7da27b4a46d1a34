// Shared by the end-to-end tests and the benchmarks: Debian's Chromium driven
// by playwright-core (never a downloaded browser), and a tiny test runner that
// prints the closing line CI reads ("N passed, N failed").
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.WB_CHROMIUM || '/usr/bin/chromium';

// Headless WebGL2 through SwiftShader, and no background traffic. Shared with
// tests that drive Chromium through another client (Lighthouse's puppeteer).
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

// A persistent profile (service workers, storage across reloads).
export async function launchPersistent(extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'wb-profile-'));
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

// The fault of a full disk in IndexedDB: while window[flag] is set in the page, every
// put (only into `store`, when named) fails with QuotaExceededError. Set it with
// page.evaluate, or from the start with { initially: true }.
export async function failIdbWrites(context, { flag = '__quotaFull', store = null, initially = false } = {}) {
  await context.addInitScript(([flag, store, initially]) => {
    if (initially) window[flag] = true;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function(...args) {
      if (window[flag] && (!store || this.name === store)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  }, [flag, store, initially]);
}

// Opens the workbook and waits for its first frame. Fails on console errors.
export async function openWorkbook(context, url, { errors = [] } = {}) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 });
  return page;
}

// Condition waits on what the workbook publishes in window.__wbStats (src/platform):
// `frames` drawn, `idle` (1: no frame pending, nothing moves until the next event),
// `unsaved` (0: nothing waiting to be written) and `planner_saving` (1: IndexedDB busy).

// The frame the workbook runs in: the page itself, or the iframe an LMS launched it in.
async function appFrame(page) {
  for (const f of page.frames())
    if (await f.evaluate(() => !!window.__wbStats).catch(() => false)) return f;
  return page.mainFrame();
}

// Waits until the app has drawn and gone idle (nothing moves until the next event).
export async function idle(page) {
  await (await appFrame(page)).waitForFunction(() => {
    const s = window.__wbStats || {};
    return s.idle === 1 && s.frames > 0;
  }, null, { timeout: 20000 });
}

// Waits until everything done so far is in storage (before a reload or a check of storage).
export async function saved(page) {
  await (await appFrame(page)).waitForFunction(() => {
    const s = window.__wbStats || {};
    return s.unsaved === 0 && s.planner_saving !== 1 && s.idle === 1;
  }, null, { timeout: 20000 });
}

// Focuses a control and presses a key: what a keyboard or a screen reader does
// (focus moves ImGui to the control and scrolls it into view first). Waits for
// the frames the key caused.
export async function press(locator, key = 'Space') {
  const page = locator.page();
  await locator.focus();
  await idle(page);
  const app = await appFrame(page);
  const frames = await app.evaluate(() => (window.__wbStats || {}).frames || 0);
  await page.keyboard.press(key);
  await app.waitForFunction((f) => {
    const s = window.__wbStats || {};
    return s.idle === 1 && s.frames > f;
  }, frames, { timeout: 20000 });
}

// The tiny runner (tests/runner.mjs), for the tests that import this file.
export { test, run } from '../runner.mjs';

// Checks that the live region says `re`. Announcements land a moment after the frame
// (the region is cleared first, so that repeated words are read again): waits for them.
export async function liveMatches(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(document.getElementById('wb-live').textContent), re.source,
    { timeout: 10000 }).catch(() => {});
  assert.match(await page.locator('#wb-live').textContent(), re);
}

// The planner's pages, as the address names them (#/planner/<slug>), and their headings.
export const PLANNER_PAGES = [['week', 'This week'], ['contacts', 'Contacts'], ['triage', 'Triage'],
  ['organizations', 'Organizations'], ['events', 'Events'], ['social', 'Social media plan'],
  ['targets', 'Target companies'], ['goals', 'Goals'], ['map', 'Network map'], ['metrics', 'Metrics']];
