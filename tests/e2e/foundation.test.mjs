// End-to-end: the shell, the platform layer and the reader in Debian's Chromium.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { startServer } from '../../scripts/server.mjs';
import { idle, launch, openWorkbook, press, run, saved, test } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const URL = srv.url;

async function withPage(opts, fn, init) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...opts });
  if (init) await ctx.addInitScript(init);
  const errors = [];
  try {
    const page = await openWorkbook(ctx, opts.url || URL, { errors });
    await idle(page);
    await fn(page, errors, ctx);
  } finally {
    await ctx.close();
  }
}

test('starts with no console errors, and draws the first section', async () => {
  await withPage({}, async (page, errors) => {
    assert.deepEqual(errors, []);
    await page.getByRole('heading', { level: 1, name: 'Introduction' }).waitFor();
    assert.match(await page.title(), /Introduction/);
  });
});

test('HiDPI: at deviceScaleFactor 2 the backing store is twice the CSS size', async () => {
  await withPage({ deviceScaleFactor: 2 }, async (page) => {
    const s = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      const r = c.getBoundingClientRect();
      return { w: c.width, h: c.height, cw: r.width, ch: r.height };
    });
    assert.equal(s.w, Math.round(s.cw * 2));
    assert.equal(s.h, Math.round(s.ch * 2));
  });
});

test('follows a resize of its container, re-reading the device pixel ratio', async () => {
  await withPage({ deviceScaleFactor: 1.5 }, async (page) => {
    await page.setViewportSize({ width: 900, height: 700 });
    // The resize reaches the app through a ResizeObserver, after the viewport changed:
    // wait for the backing store to follow (idle alone may still be the frame before it).
    const canvas = () => page.evaluate(() => ({ w: document.getElementById('canvas').width, h: document.getElementById('canvas').height }));
    await page.waitForFunction(() => document.getElementById('canvas').width === 1350, null, { timeout: 10000 }).catch(() => {});
    assert.deepEqual(await canvas(), { w: Math.round(900 * 1.5), h: Math.round(700 * 1.5) });
    await idle(page);
  });
});

test('render on demand: no animation frames while idle', async () => {
  await withPage({}, async (page) => {
    await page.mouse.move(600, 400);
    await idle(page);  // the frames that input asked for are drawn
    const n = await page.evaluate(() => new Promise((done) => {
      let count = 0;
      const orig = window.requestAnimationFrame;
      // Count the app's own callbacks over one second.
      window.requestAnimationFrame = (cb) => orig((t) => { count++; cb(t); });
      setTimeout(() => { window.requestAnimationFrame = orig; done(count); }, 1000);
    }));
    assert.ok(n <= 1, `expected at most 1 rAF callback in the idle second, saw ${n}`);
  });
});

test('idle stays idle: no DOM writes in the semantics mirror while nothing changes', async () => {
  await withPage({}, async (page) => {
    await page.mouse.move(700, 300);
    await idle(page);
    const writes = await page.evaluate(() => new Promise((done) => {
      let n = 0;
      const obs = new MutationObserver((m) => { n += m.length; });
      obs.observe(document.getElementById('wb-semantics'), { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => { obs.disconnect(); done(n); }, 1000);
    }));
    assert.equal(writes, 0);
  });
});

test('deep link #/read/<id> opens that section, and the address follows navigation', async () => {
  await withPage({ url: URL + '#/read/be-proactive' }, async (page) => {
    await page.getByRole('heading', { level: 1, name: 'Be Proactive' }).waitFor();
    // A keyboard (screen reader) activation of "Next section".
    await press(page.getByRole('button', { name: 'Next section' }), 'Enter');
    await page.getByRole('heading', { level: 1, name: 'Attend Industry Events' }).waitFor();
    assert.equal(await page.evaluate(() => location.hash), '#/read/attend-industry-events');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Be Proactive' }).waitFor();
  });
});

test('a mouse click on the canvas reaches the same control as the semantics tree', async () => {
  await withPage({}, async (page) => {
    const link = page.getByRole('link', { name: 'Gaining Visibility' }).first();
    const box = await link.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByRole('heading', { level: 1, name: 'Gaining Visibility' }).waitFor();
    assert.equal(await page.evaluate(() => location.hash), '#/read/gaining-visibility');
  });
});

test('a reflection answer typed in survives a reload, and so does the section', async () => {
  await withPage({ url: URL + '#/read/be-proactive' }, async (page) => {
    const field = page.getByRole('textbox').first();
    await field.focus();
    await field.fill('Ana at Northwind: ask about her move into product.');
    await saved(page);
    await page.goto(URL);
    await page.waitForFunction(() => window.__appReady === true);
    await page.getByRole('heading', { level: 1, name: 'Be Proactive' }).waitFor();
    await idle(page);
    assert.equal(await page.getByRole('textbox').first().inputValue(), 'Ana at Northwind: ask about her move into product.');
  });
});

test('the wheel outside an embedded workbook scrolls the host page', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await ctx.newPage();
  await page.route('**/embed-host.html', (r) => r.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><title>Course page</title><body style="margin:0"><h1>Course</h1>
      <iframe id="wb" src="${URL}" style="width:600px;height:400px;border:0"></iframe>
      <div style="height:3000px">More course text</div></body>`,
  }));
  await page.goto(URL + 'embed-host.html');
  const frame = page.frameLocator('#wb');
  await frame.locator('html.wb-ready').waitFor({ state: 'attached', timeout: 30000 });
  await page.mouse.move(800, 300);  // beside the iframe
  await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 }).catch(() => {});
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the host page should scroll');
  await ctx.close();
});

test('no WebGL2: a clear message instead of a blank canvas', async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    const orig = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return kind === 'webgl2' ? null : orig.call(this, kind, ...rest); };
  });
  const page = await ctx.newPage();
  await page.goto(URL);
  await page.getByRole('alert').getByText('could not start WebGL 2').waitFor();
  await ctx.close();
});

test('no WebAssembly: a clear message', async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => { delete window.WebAssembly; });
  const page = await ctx.newPage();
  await page.goto(URL);
  await page.getByRole('alert').getByText('does not support WebAssembly').waitFor();
  await ctx.close();
});

test('storage blocked: the workbook runs and says progress will not be kept', async () => {
  await withPage({}, async (page, errors) => {
    await page.getByText('progress will not be kept').waitFor();
    assert.deepEqual(errors, []);
  }, () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
});

test('extreme windows (200 px wide, 5000 px tall) still draw the chapter', async () => {
  for (const viewport of [{ width: 200, height: 600 }, { width: 800, height: 5000 }]) {
    await withPage({ viewport }, async (page, errors) => {
      assert.deepEqual(errors, []);
      await page.getByRole('heading', { level: 1, name: 'Introduction' }).waitFor();
    });
  }
});

test('the security policy holds: no violations and no request to another origin', async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  const page = await ctx.newPage();
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(srv.url.replace(/\/$/, '')) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url()); });
  await page.goto(URL + '#/read/utilize-social-media');
  await page.waitForFunction(() => window.__appReady === true);
  await idle(page);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(foreign, []);
  await ctx.close();
});

test('the server gives only files inside its folder, whatever the path says', async () => {
  // A sibling folder whose name starts like the served one is the case a prefix check misses.
  const sibling = 'build/web.escape-test';
  mkdirSync(sibling, { recursive: true });
  writeFileSync(`${sibling}/secret.txt`, 'not for the browser');
  const get = (path) => new Promise((ok, fail) => {
    const req = http.request({ host: srv.server.address().address, port: srv.port, path }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => ok({ status: res.statusCode, body }));
    });
    req.on('error', fail);
    req.end();
  });
  try {
    for (const path of ['/..%2fweb.escape-test/secret.txt', '/%2e%2e/web.escape-test/secret.txt', '/../web.escape-test/secret.txt',
                        '/..%2f..%2fpackage.json']) {
      const r = await get(path);
      assert.ok(r.status === 403 || r.status === 404, `${path}: ${r.status}`);
      assert.ok(!r.body.includes('not for the browser'), path);
    }
    assert.equal((await get('/%E0')).status, 400);  // not a path at all: said so, not a server error
    assert.equal((await get('//')).status, 200);     // a doubled slash is still the workbook
    assert.equal((await get('/index.html')).status, 200);
  } finally {
    rmSync(sibling, { recursive: true, force: true });
  }
});

// The planner's code is a second module (scripts/split-wasm.py), asked for after the first frame.
const NOTE_READY = () => {
  let ready = false;
  Object.defineProperty(window, '__appReady', {
    configurable: true,
    get() { return ready; },
    set(v) { ready = v; if (v === true && window.__appReadyAt === undefined) window.__appReadyAt = performance.now(); },
  });
};
const deferredStarts = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => e.name.endsWith('/workbook.deferred.wasm')).map((e) => e.startTime - window.__appReadyAt));

test('the chapter does not wait for the planner: its code is asked for after the first frame', async () => {
  await withPage({}, async (page, errors) => {
    await page.waitForFunction(() => window.__wbStats && window.__wbStats.deferred_load_ms !== undefined);
    const starts = await deferredStarts(page);
    assert.equal(starts.length, 1, 'workbook.deferred.wasm is fetched once');
    assert.ok(starts[0] >= 0, `fetched ${(-starts[0]).toFixed(0)} ms before the first frame`);
    // Nothing needed it before it arrived: no synchronous load on the way.
    assert.equal(await page.evaluate(() => window.__wbStats.deferred_sync_loads), 0);
    // And the planner works with it.
    await page.evaluate(() => { location.hash = '#/planner/contacts'; });
    await page.getByRole('heading', { name: 'Contacts' }).first().waitFor();
    assert.deepEqual(errors, []);
  }, NOTE_READY);
});

test('a start on a planner page fetches the planner at once and shows it, with no synchronous load', async () => {
  await withPage({ url: URL + '#/planner/goals' }, async (page, errors) => {
    await page.getByRole('heading', { name: 'Goals' }).first().waitFor();
    assert.ok((await deferredStarts(page))[0] < 0, 'fetched alongside the first module');
    assert.equal(await page.evaluate(() => window.__wbStats.deferred_sync_loads), 0);
    assert.match(await page.title(), /Goals/);
    assert.deepEqual(errors, []);
  }, NOTE_READY);
});

test('the planner\'s code cannot be downloaded: the chapter works, the planner says why and what to do', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.route('**/workbook.deferred.wasm', (r) => r.fulfill({ status: 404, body: 'not here' }));
  try {
    const errors = [];
    const page = await openWorkbook(ctx, URL + '#/planner/contacts', { errors });
    const status = page.getByRole('status').filter({ hasText: 'The planner could not be downloaded' });
    await status.waitFor();
    assert.match(await status.textContent(), /workbook\.deferred\.wasm: HTTP 404\).*Check your connection and reload the page; your work is saved on this device\./);
    // The rest of the workbook needs none of that code: the chapter, a quiz answer,
    // the results and the settings all work (a call into the missing part would stop
    // the page with its error box).
    await page.evaluate(() => { location.hash = '#/read/be-proactive'; });
    await page.getByRole('heading', { level: 1, name: 'Be Proactive' }).waitFor();
    await press(page.getByRole('radio').first());
    await press(page.getByRole('button', { name: 'Your results' }), 'Enter');
    await page.getByRole('heading', { name: 'What to do next' }).waitFor();
    await press(page.getByRole('button', { name: 'Settings' }), 'Enter');
    await page.getByRole('heading', { name: 'Settings' }).first().waitFor();
    assert.equal(await page.evaluate(() => document.getElementById('wb-error').hidden), true);
    assert.equal(await page.evaluate(() => window.__wbStats.deferred_sync_loads), 0);
    // The failed fetch is the browser's console error; nothing else went wrong.
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  } finally {
    await ctx.close();
  }
});

test('a planner part from another version (the site updated meanwhile) is refused, with a reload to offer', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Same size and name, other bytes: what a server updated between the two downloads sends.
  await ctx.route('**/workbook.deferred.wasm', async (r) => {
    const res = await r.fetch();
    const body = Buffer.from(await res.body());
    body[body.length - 1] ^= 0xff;
    await r.fulfill({ response: res, body });
  });
  try {
    const errors = [];
    const page = await openWorkbook(ctx, URL + '#/planner/contacts', { errors });
    const status = page.getByRole('status').filter({ hasText: 'updated while this page was open' });
    await status.waitFor();
    assert.match(await status.textContent(), /Reload the page to use the new version; your work is saved on this device\./);
    assert.equal(await page.evaluate(() => document.getElementById('wb-error').hidden), true);
    assert.deepEqual(errors, []);
  } finally {
    // A part still on its way when the test ends must not fail the run after it.
    await ctx.unrouteAll({ behavior: 'ignoreErrors' });
    await ctx.close();
  }
});

const failed = await run('e2e foundation');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
