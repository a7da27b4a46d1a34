// End-to-end: Lighthouse's accessibility score on the workbook's views and every planner page
// (issue #17 asks for at least 98). Lighthouse drives Debian's Chromium through
// puppeteer-core (no browser download), with the same flags as the other tests.
//
// Views that have an address (the reader, a section with a quiz) get a real
// Lighthouse navigation; the app draws its first frame after the module has
// downloaded and compiled, so the navigation waits for window.__appReady
// before Lighthouse gathers. Panels opened by a button (results, settings, the
// phone's contents drawer) are audited as snapshots once they are on screen.
import assert from 'node:assert/strict';
import { navigation, snapshot } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../scripts/server.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkedInCsv } from '../bench/scale.mjs';
import { CHROMIUM, CHROMIUM_ARGS, PLANNER_PAGES, run, test } from './lib.mjs';

const MIN_SCORE = 0.98;  // issue #17 asks at least 98 on every page
const DESKTOP = { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false };
const PHONE = { width: 375, height: 812, deviceScaleFactor: 2, mobile: true };

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
// The workbook has drawn and gone idle (window.__wbStats, published by the platform).
const idle = (page) => page.waitForFunction(() => (window.__wbStats || {}).idle === 1 && window.__wbStats.frames > 0,
  { timeout: 20000 });

function settingsFor(screen) {
  return {
    onlyCategories: ['accessibility'],
    formFactor: screen.mobile ? 'mobile' : 'desktop',
    screenEmulation: { ...screen, disabled: false },
    throttlingMethod: 'provided',  // only the accessibility audits run: no need to slow the page down
    maxWaitForLoad: 45000,
    disableFullPageScreenshot: true,  // report pictures only; costly with software GL
    logLevel: process.env.WB_LH_LOG || 'error',  // WB_LH_LOG=verbose shows what Lighthouse waits for
  };
}

async function newPage(screen) {
  const ctx = await browser.createBrowserContext();  // fresh storage for every view
  const page = await ctx.newPage();
  await page.setViewport({ width: screen.width, height: screen.height, deviceScaleFactor: screen.deviceScaleFactor,
    isMobile: screen.mobile, hasTouch: screen.mobile });
  return { ctx, page };
}

async function openWorkbook(page, hash) {
  await page.goto(srv.url + hash);
  await page.waitForFunction(() => window.__appReady === true, { timeout: 30000 });
  await idle(page);
}

// Activates a mirrored button the way a screen reader does (a click with detail 0 on the DOM element).
// `name`: the exact name, or a RegExp its name matches.
async function pressMirrored(page, name) {
  const found = await page.evaluate(([src, exact]) => {
    const b = [...document.querySelectorAll('#wb-semantics button')].find((e) => {
      const n = e.getAttribute('aria-label') || e.textContent;
      return exact ? n === src : new RegExp(src).test(n);
    });
    if (b) b.click();
    return !!b;
  }, name instanceof RegExp ? [name.source, false] : [name, true]);
  assert.ok(found, `no mirrored button "${name}"`);
}

const h1 = (page) => page.evaluate(() => document.querySelector('#wb-semantics h1')?.textContent || '');
const h1Is = (title) => `document.querySelector('#wb-semantics h1')?.textContent === ${JSON.stringify(title)}`;

function report(label, result) {
  assert.ok(result && result.lhr, `${label}: Lighthouse returned no result`);
  const lhr = result.lhr;
  assert.equal(lhr.runtimeError, undefined, `${label}: ${lhr.runtimeError && lhr.runtimeError.message}`);
  const cat = lhr.categories.accessibility;
  const failing = cat.auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1);
  console.log(`  ${label}: accessibility ${Math.round(cat.score * 100)}` +
              (failing.length ? `; failing: ${failing.map((a) => a.id).join(', ')}` : ''));
  for (const a of failing) {
    for (const item of (a.details?.items || []).slice(0, 3)) {
      if (item.node) console.log(`        ${a.id}: ${item.node.snippet.slice(0, 160)}`);
    }
  }
  for (const w of lhr.runWarnings || []) console.log(`        warning: ${w}`);
  // The mirror was there when Lighthouse looked: axe checked its buttons (the loading page has none).
  const passed = new Set((result.artifacts.Accessibility?.passes || []).map((p) => p.id));
  assert.ok(passed.has('button-name'), `${label}: no mirrored buttons were audited`);
  assert.ok(cat.score >= MIN_SCORE, `${label}: accessibility ${cat.score} < ${MIN_SCORE}`);
}

// A full Lighthouse navigation to an address, gathering once the first frame is drawn.
async function auditNavigation(label, hash, screen, title) {
  const { ctx, page } = await newPage(screen);
  try {
    const settings = settingsFor(screen);
    const result = await navigation(page, () => openWorkbook(page, hash), { config: { extends: 'lighthouse:default', settings }, flags: settings });
    assert.equal(await h1(page), title, `${label}: audited the wrong view`);
    report(label, result);
  } finally {
    await ctx.close();
  }
}

// A snapshot of a panel opened from the reader; `shown` tells (in the page) that it is on screen.
async function auditPanel(label, hash, screen, button, shown) {
  const { ctx, page } = await newPage(screen);
  try {
    await openWorkbook(page, hash);
    await pressMirrored(page, button);
    await page.waitForFunction(shown, { timeout: 10000 }).catch(() => assert.fail(`${label}: the panel did not open`));
    await idle(page);
    const settings = { ...settingsFor(screen), screenEmulation: { disabled: true } };  // the page is sized already
    report(label, await snapshot(page, { config: { extends: 'lighthouse:default', settings }, flags: settings }));
  } finally {
    await ctx.close();
  }
}

test('reader, desktop 1280x800', () =>
  auditNavigation('reader, desktop', '#/read/introduction', DESKTOP, 'Introduction'));
test('reader, phone 375 px', () =>
  auditNavigation('reader, phone', '#/read/introduction', PHONE, 'Introduction'));
test('section with a quiz, desktop', () =>
  auditNavigation('quiz section, desktop', '#/read/be-proactive', DESKTOP, 'Be Proactive'));
test('results panel, desktop', () =>
  auditPanel('results, desktop', '#/read/introduction', DESKTOP, 'Your results', h1Is('Your results')));
test('settings panel, desktop', () =>
  auditPanel('settings, desktop', '#/read/introduction', DESKTOP, 'Settings', h1Is('Settings')));
test('contents drawer, phone 375 px', () =>
  // The drawer replaces the reader: no main landmark, the contents' links instead.
  auditPanel('contents drawer, phone', '#/read/introduction', PHONE, 'Contents',
    () => !document.querySelector('#wb-semantics main') && document.querySelectorAll('#wb-semantics nav a').length > 5));

// The planner's pages, empty and with 200 imported contacts: one page, reached by
// address (hash) one after the other, each audited as a snapshot once drawn.
const CONNECTIONS = join(mkdtempSync(join(tmpdir(), 'wb-lh-')), 'Connections.csv');
writeFileSync(CONNECTIONS, linkedInCsv(200));

async function auditPlannerPages(page, label) {
  for (const [slug, title] of PLANNER_PAGES) {
    await page.evaluate((h) => { location.hash = h; }, `#/planner/${slug}`);
    await page.waitForFunction(h1Is(title), { timeout: 20000 }).catch(() => assert.fail(`${title} did not open`));
    await idle(page);
    const settings = { ...settingsFor(DESKTOP), screenEmulation: { disabled: true } };
    report(`planner ${title}, ${label}`, await snapshot(page, { config: { extends: 'lighthouse:default', settings }, flags: settings }));
  }
}

test('planner pages, empty and with 200 imported contacts, desktop', async () => {
  const { ctx, page } = await newPage(DESKTOP);
  try {
    await openWorkbook(page, '#/planner/week');
    await page.waitForFunction(h1Is('This week'), { timeout: 20000 });
    await auditPlannerPages(page, 'empty');
    await page.evaluate(() => { location.hash = '#/planner/contacts'; });
    await page.waitForFunction(h1Is('Contacts'), { timeout: 20000 });
    await idle(page);
    const [chooser] = await Promise.all([
      page.waitForFileChooser({ timeout: 10000 }),
      pressMirrored(page, /^Import contacts/),
    ]);
    await chooser.accept([CONNECTIONS]);
    await page.waitForFunction(() => /LinkedIn connections: 200 new/.test(document.getElementById('wb-semantics').textContent),
      { timeout: 20000 });
    await idle(page);
    await pressMirrored(page, 'Add to my planner');
    await page.waitForFunction(() => /200 of 200 contacts/.test(document.getElementById('wb-semantics').textContent),
      { timeout: 20000 });
    await auditPlannerPages(page, '200 contacts');
  } finally {
    await ctx.close();
  }
});

const failed = await run('e2e lighthouse');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
