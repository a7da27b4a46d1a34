// Shared by the end-to-end tests and the benchmarks: Debian's Chromium driven
// by playwright-core (never a downloaded browser), and a tiny test runner that
// prints the closing line CI reads ("N passed, N failed").
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

// Opens the workbook and waits for its first frame. Fails on console errors.
export async function openWorkbook(context, url, { errors = [] } = {}) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 });
  return page;
}

// Waits until the app has drawn its frames and gone idle.
export const settle = (page, ms = 250) => page.waitForTimeout(ms);

// Condition wait: the app has drawn at least one frame and has no frame pending
// (window.__wbStats.idle === 1). Replaces settle() file by file (issue #22, item 7).
export async function idle(page) {
  await page.waitForFunction(() => {
    const s = window.__wbStats || {};
    return s.idle === 1 && s.frames > 0;
  }, null, { timeout: 20000 });
}

// Focuses a control and presses a key: what a keyboard or a screen reader does
// (focus moves ImGui to the control and scrolls it into view first).
export async function press(locator, key = 'Space') {
  await locator.focus();
  await locator.page().waitForTimeout(60);
  await locator.page().keyboard.press(key);
  await settle(locator.page(), 150);
}

// The tiny runner (tests/runner.mjs), for the tests that import this file.
export { test, run } from '../runner.mjs';
