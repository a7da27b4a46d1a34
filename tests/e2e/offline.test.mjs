// End-to-end: offline, installable, safe updates (issue #8), in Debian's Chromium.
// Each test serves its own copy of build/web (so a "rebuild" can change it) from
// a server it can stop, in a fresh persistent profile (service workers need one).
//
// The service worker does not claim the page that registered it: that first page
// was loaded from the network and stays so; every later load of the workbook
// (a reload, a new tab, the installed app) is served by the worker. So the tests
// wait for the worker to be active, then a reload is served from its cache.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/server.mjs';
import { idle, launchPersistent, openWorkbook, run, test } from './lib.mjs';

const KEY = 'networking-workbook/state';
const ANSWER = 'Ask Ana at Northwind about her move into product.';
const temps = [];

// A private copy of the built site, and a server for it that can be stopped and
// started again on the same port (the same origin, so the same service worker).
async function site(base = '/') {
  const dir = mkdtempSync(join(tmpdir(), 'wb-site-'));
  temps.push(dir);
  cpSync('build/web', dir, { recursive: true });
  const s = { dir, base, srv: await startServer({ root: dir, port: 0, base }) };
  s.url = s.srv.url;
  s.build = () => JSON.parse(readFileSync(join(dir, 'build-info.json'), 'utf8')).build;
  s.stop = async () => { s.srv.server.closeAllConnections(); await s.srv.close(); };
  // What a rebuild with a change produces: changed files, then the PWA step again.
  s.rebuild = (comment) => {
    appendFileSync(join(dir, 'style.css'), `\n/* ${comment} */\n`);
    const index = join(dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', `<!-- ${comment} -->\n</head>`));
    execFileSync(process.execPath, ['scripts/make-pwa.mjs', dir], { stdio: 'pipe' });
  };
  return s;
}

// A fresh profile that records console errors and CSP violations on every load.
async function browser() {
  const ctx = await launchPersistent();
  await ctx.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return ctx;
}

async function ready(page) {
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 });
  await idle(page);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violations');
}

// Waits until the page's registration has an activated worker.
const swActive = (page) => page.waitForFunction(async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  return !!(reg && reg.active && reg.active.state === 'activated');
}, null, { timeout: 30000, polling: 100 });

const status = (page) => page.locator('#wb-net').evaluate((el) => ({ ...el.dataset, text: el.textContent, title: el.title }));

async function writeAnswer(page) {
  const field = page.getByRole('textbox').first();
  await field.focus();
  await field.fill(ANSWER);
  await page.waitForFunction(([k, a]) => (localStorage.getItem(k) || '').includes(a), [KEY, ANSWER], { timeout: 10000 });
}

async function answerIsThere(page) {
  await page.getByRole('heading', { level: 1, name: 'Be Proactive' }).waitFor({ timeout: 10000 });
  assert.equal(await page.getByRole('textbox').first().inputValue(), ANSWER);
}

// Width and height from a PNG's IHDR chunk.
function pngSize(bytes) {
  const b = Buffer.from(bytes);
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  assert.equal(b.subarray(12, 16).toString('latin1'), 'IHDR');
  return `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`;
}

// Load online, then offline with the server gone: the workbook starts from the
// cache, with the learner's work, and says it is offline.
async function offlineFlow(base) {
  const s = await site(base);
  const ctx = await browser();
  const errors = [];
  try {
    const page = await openWorkbook(ctx, s.url + '#/read/be-proactive', { errors });
    await ready(page);
    await swActive(page);
    await page.waitForFunction(() => document.getElementById('wb-net').dataset.build, null, { timeout: 10000 });
    const online = await status(page);
    assert.equal(online.state, 'online');
    assert.equal(online.text, 'Online');
    assert.equal(online.build, s.build());
    await writeAnswer(page);
    // Everything of this build, and nothing else, is in one cache named by the build.
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const files = names.length === 1 ? (await (await caches.open(names[0])).keys()).map((r) => r.url) : [];
      return { names, files };
    });
    assert.equal(cached.names.length, 1);
    assert.ok(cached.names[0].endsWith(':' + s.build()), cached.names[0]);
    for (const f of ['index.html', 'boot.js', 'pwa.js', 'workbook.js', 'workbook.wasm', 'style.css', 'manifest.webmanifest', 'icon-192.png', 'build-info.json']) {
      assert.ok(cached.files.includes(s.url + f), `${f} is precached`);
    }
    assert.ok(!cached.files.includes(s.url + 'sw.js'), 'sw.js itself is not precached');

    await ctx.setOffline(true);
    await s.stop();
    const res = await page.reload();
    assert.ok(res.fromServiceWorker(), 'the page comes from the service worker');
    assert.match(res.headers()['content-security-policy'] || '', /default-src 'self'/, 'the cached page keeps its CSP header');
    await ready(page);
    await answerIsThere(page);
    assert.equal(await page.evaluate((k) => JSON.parse(localStorage.getItem(k)) !== null, KEY), true);
    const offline = await status(page);
    assert.equal(offline.state, 'offline');
    assert.equal(offline.text, 'Offline');
    assert.equal(offline.build, s.build());
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'controlled by the worker');
    // A deep link opened offline (a new tab) starts too.
    const page2 = await openWorkbook(ctx, s.url + '#/read/attend-industry-events', { errors });
    await ready(page2);
    await page2.getByRole('heading', { level: 1, name: 'Attend Industry Events' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
    await s.stop().catch(() => {});
  }
}

// Chrome finds nothing missing for an install; the icons are what they say.
async function installableFlow(base) {
  const s = await site(base);
  const ctx = await browser();
  const errors = [];
  try {
    const page = await openWorkbook(ctx, s.url, { errors });
    await ready(page);
    await swActive(page);
    const cdp = await ctx.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, s.url + 'manifest.webmanifest');
    assert.deepEqual(manifest.errors, []);
    // The app is this folder: two workbooks on one host are two apps.
    assert.equal((await cdp.send('Page.getAppId')).appId, s.url);

    const m = JSON.parse(manifest.data);
    assert.equal(m.display, 'standalone');
    assert.equal(m.start_url, './');
    assert.equal(m.scope, './');
    // Its names, description and language are the workbook's words (content/strings.json).
    const words = JSON.parse(readFileSync('content/strings.json', 'utf8'));
    assert.deepEqual([m.name, m.short_name, m.description, m.lang],
      [words['app.title'], words['web.short_name'], words['web.description'], words['web.lang']]);
    const icons = m.icons.filter((i) => i.type === 'image/png');
    assert.deepEqual(icons.map((i) => `${i.sizes} ${i.purpose}`).sort(), ['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const got = await page.evaluate(async (src) => {
        const r = await fetch(new URL(src, document.querySelector('link[rel=manifest]').href));
        return { ok: r.ok, type: r.headers.get('content-type'), bytes: [...new Uint8Array(await r.arrayBuffer()).subarray(0, 24)] };
      }, icon.src);
      assert.ok(got.ok, icon.src);
      assert.equal(got.type, 'image/png');
      assert.equal(pngSize(got.bytes), icon.sizes, `${icon.src} is ${icon.sizes}`);
    }
    // The page's theme colours, light and dark.
    const themes = await page.evaluate(() => [...document.querySelectorAll('meta[name=theme-color]')].map((e) => e.media));
    assert.deepEqual(themes, ['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
    // And Chrome installs it (what its install button does).
    const browserCdp = await ctx.browser().newBrowserCDPSession();
    await browserCdp.send('PWA.install', { manifestId: s.url, installUrlOrBundleUrl: s.url });
    await browserCdp.send('PWA.uninstall', { manifestId: s.url });
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
    await s.stop();
  }
}

test('offline: load online, go offline and stop the server, reload: the workbook starts with the learner\'s work', async () => {
  await offlineFlow('/');
});

test('installable: no installability errors, the manifest parses, icons load at their declared sizes', async () => {
  await installableFlow('/');
});

test('update: a rebuild is offered, not forced; "Reload" switches to it, work intact, old cache gone', async () => {
  const s = await site('/');
  const ctx = await browser();
  const errors = [];
  try {
    let page = await openWorkbook(ctx, s.url + '#/read/be-proactive', { errors });
    await ready(page);
    await swActive(page);
    await page.reload();  // now controlled by the worker, as any later visit is
    await ready(page);
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
    await writeAnswer(page);
    const oldBuild = s.build();

    s.rebuild('changed while a page was open');
    const newBuild = s.build();
    assert.notEqual(newBuild, oldBuild, 'a changed file makes a new build id');
    await page.evaluate(() => { window.__samePage = true; });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const reload = page.getByRole('button', { name: 'Reload' });
    await reload.waitFor({ timeout: 30000 });
    assert.match(await page.getByRole('status').filter({ has: reload }).textContent(), /A new version is ready/);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'the page did not reload on its own');

    // A plain reload keeps the running version (no mix of old and new files)
    // and offers the new one again.
    await page.reload();
    await ready(page);
    assert.equal((await status(page)).build, oldBuild);
    const mixed = /changed while a page was open/;
    assert.doesNotMatch(await page.evaluate(() => document.documentElement.outerHTML), mixed, 'the old page');
    assert.doesNotMatch(await page.evaluate(() => fetch('style.css').then((r) => r.text())), mixed, 'the old style');
    await reload.waitFor({ timeout: 30000 });

    // The learner's Reload: the new version, everything of it, and the work.
    await reload.focus();
    await Promise.all([page.waitForEvent('load', { timeout: 30000 }), page.keyboard.press('Enter')]);
    await ready(page);
    await page.waitForFunction((b) => document.getElementById('wb-net').dataset.build === b, newBuild, { timeout: 10000 });
    assert.match(await page.evaluate(() => document.documentElement.outerHTML), mixed, 'the new page');
    assert.match(await page.evaluate(() => fetch('style.css').then((r) => r.text())), mixed, 'the new style');
    assert.equal(await page.locator('#wb-update-bar').isHidden(), true, 'no prompt on the new version');
    await answerIsThere(page);
    const names = await page.evaluate(() => caches.keys());
    assert.equal(names.length, 1, names.join(', '));
    assert.ok(names[0].endsWith(':' + newBuild), 'the old build\'s cache is deleted');
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
    await s.stop();
  }
});

// Headless Chromium has no app window: an installed, launched workbook still
// reports display-mode "browser" there, and CDP cannot emulate display-mode. So
// this test plays the browser's part (matchMedia, the appinstalled event); the
// real install is done in the installability tests (PWA.install).
test('installed: the status says so when running as an app, and after an install from the tab', async () => {
  const s = await site('/');
  const ctx = await browser();
  try {
    const page = await openWorkbook(ctx, s.url);
    await ready(page);
    assert.deepEqual([(await status(page)).installed, (await status(page)).text], ['no', 'Online']);
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    assert.deepEqual([(await status(page)).installed, (await status(page)).text], ['yes', 'Installed · Online']);

    await ctx.addInitScript(() => {
      const orig = window.matchMedia.bind(window);
      window.matchMedia = (q) => (q === '(display-mode: standalone)'
        ? Object.assign(new EventTarget(), { matches: true, media: q }) : orig(q));
    });
    const app = await openWorkbook(ctx, s.url);
    await ready(app);
    assert.deepEqual([(await status(app)).installed, (await status(app)).text], ['yes', 'Installed · Online']);
    await ctx.setOffline(true);
    await app.waitForFunction(() => document.getElementById('wb-net').dataset.state === 'offline');
    assert.equal((await status(app)).text, 'Installed · Offline');
  } finally {
    await ctx.close();
    await s.stop();
  }
});

test('subpath /courses/networking/: offline reload works', async () => {
  await offlineFlow('/courses/networking/');
});

test('subpath /courses/networking/: installable, icons at their sizes', async () => {
  await installableFlow('/courses/networking/');
});

test('subpath, first visit: an update offered to a page the worker never controlled still switches', async () => {
  const s = await site('/courses/networking/');
  const ctx = await browser();
  const errors = [];
  try {
    const page = await openWorkbook(ctx, s.url, { errors });
    await ready(page);
    await swActive(page);
    assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), false);
    s.rebuild('second build');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const reload = page.getByRole('button', { name: 'Reload' });
    await reload.waitFor({ timeout: 30000 });
    // "Later" puts the offer away until the page is shown again.
    await page.getByRole('button', { name: 'Later' }).click();
    await reload.waitFor({ state: 'hidden' });
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await reload.waitFor({ timeout: 10000 });
    await Promise.all([page.waitForEvent('load', { timeout: 30000 }), reload.click()]);
    await ready(page);
    await page.waitForFunction((b) => document.getElementById('wb-net').dataset.build === b, s.build(), { timeout: 10000 });
    const reg = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(reg, s.url);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
    await s.stop();
  }
});

const failed = await run('e2e offline');
for (const d of temps) rmSync(d, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
