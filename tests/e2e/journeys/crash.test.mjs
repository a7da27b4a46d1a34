// Journey: a learner whose stored data makes the workbook stop at every start
// (here a test-only marker in the stored record: web_main.cpp aborts on it, as a
// damaged record that hit a bug would), with a mouse at 1440 x 900. The page says
// what happened and that saved work is safe, offers a reload and the stored data
// as a download; after the second stop in a row the next start is in safe mode:
// the stored data is set aside (kept, downloadable) and the workbook runs fresh;
// the start after that is a normal one.
// Only page.mouse and page.keyboard act; locators find where things are drawn and read values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../../../scripts/server.mjs';
import { click, clickAndType, launch, run, saved, test, valueIs } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const KEY = 'networking-workbook/state';
const POISON = '{"schema":3,"wb_test_abort_at_start":true,"reflections":{"be-proactive.r1":{"text":"Kept through the crash"}}}';

// The crash page is plain HTML (the module has stopped): pressed with the mouse where it is drawn.
async function press(page, name) {
  const button = page.getByRole('button', { name });
  await button.waitFor();
  const b = await button.boundingBox();
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}
const crashSays = (page, re) => page.waitForFunction((src) => {
  const box = document.getElementById('wb-error');
  return box && !box.hidden && new RegExp(src).test(box.textContent);
}, re.source, { timeout: 30000 });
const ready = (page) => page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 });

test('two stops at start in a row: a plain page each time, then safe mode with the data set aside, then a normal start', async () => {
  const ctx = await browser.newContext({ acceptDownloads: true });
  await ctx.addInitScript(([k, v]) => {
    if (!sessionStorage.getItem('planted')) { localStorage.setItem(k, v); sessionStorage.setItem('planted', '1'); }
  }, [KEY, POISON]);
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(srv.url + '#/read/be-proactive');

  // 1. The first stop: what happened, that the work is safe, a reload and a download.
  await crashSays(page, /The workbook stopped unexpectedly .*Your saved work is safe/);
  await crashSays(page, /If it stops again, it will start in a safe mode/);
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'Download your saved data')]);
  assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).state, POISON, 'the stored record, as stored');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), POISON, 'nothing was written over it');
  const starts = await page.evaluate(() => JSON.parse(localStorage.getItem('networking-workbook/starts')));
  assert.equal(starts.aborts, 1);
  assert.match(starts.last.what, /Aborted/, 'the failure is recorded');

  // 2. The second stop in a row: the page says the next start is in safe mode.
  await press(page, 'Reload the workbook');
  await crashSays(page, /stopped 2 times in a row, so it will start in a safe mode/);

  // 3. Safe mode: the workbook runs, says so, and offers the set-aside data.
  await press(page, 'Reload the workbook');
  await ready(page);
  await page.getByText(/started in safe mode/).first().waitFor();
  await saved(page);
  assert.doesNotMatch(await page.evaluate((k) => localStorage.getItem(k), KEY) || '', /wb_test_abort_at_start|Kept through/,
    'the stored record was set aside: a fresh one is stored');
  const [aside] = await Promise.all([page.waitForEvent('download'),
    click(page, page.getByRole('button', { name: 'Download the set-aside data' }))]);
  assert.equal(JSON.parse(readFileSync(await aside.path(), 'utf8')).state, POISON, 'the set-aside copy, exactly');

  // New work in safe mode is kept, and the next start is a normal one that shows it.
  await clickAndType(page, page.getByRole('textbox', { name: /Draft the first message/ }), 'A fresh start');
  await saved(page);
  await page.reload();
  await ready(page);
  await valueIs(page.getByRole('textbox', { name: /Draft the first message/ }), 'A fresh start');
  assert.equal(await page.getByText(/started in safe mode/).count(), 0, 'a normal start');
  await ctx.close();
});

const failed = await run('journey crash');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
