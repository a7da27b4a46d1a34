// Journey: a learner restores a backup with the mouse, at 1440 x 900. The
// workbook's own largest kind of backup (30,000 contacts with 1 KB of notes each,
// 36 MiB) restores whole; a backup whose answers the browser will not store, or
// whose planner IndexedDB refuses, changes nothing at all: not the answers, not
// the planner, in this page or after a reload, and the workbook says so.
// Only page.mouse and page.keyboard act; locators find where things are drawn and read values.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../scripts/server.mjs';
import { act, click, clickAndType, failIdbWrites, launch, liveSays, openWorkbook, run, saved, test, valueIs } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const KEY = 'networking-workbook/state';
const dir = mkdtempSync(join(tmpdir(), 'wb-restore-'));

// A backup as the workbook writes it (tests/support/make_backup.cpp).
function makeBackup(contacts, noteBytes) {
  const path = join(dir, `backup-${contacts}-${noteBytes}.json`);
  execFileSync('build/native/make_backup', [String(contacts), String(noteBytes), path]);
  return path;
}

const storedState = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const storedChunks = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open('networking-workbook', 1);
  req.onsuccess = () => {
    const s = req.result.transaction('planner').objectStore('planner');
    const all = s.getAll(), keys = s.getAllKeys();
    keys.onsuccess = () => {
      const out = {};
      keys.result.forEach((k, i) => { out[k] = all.result[i]; });
      req.result.close();
      resolve(out);
    };
  };
  req.onerror = () => reject(req.error);
}));

// A learner with one answer and one contact, saved.
async function learnerWithWork(ctx) {
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive');
  await page.setViewportSize({ width: 1440, height: 900 });
  await clickAndType(page, page.getByRole('textbox', { name: /Draft the first message/ }), 'My own answer');
  await click(page, page.getByRole('button', { name: 'Your network planner' }));
  await click(page, page.getByRole('link', { name: 'Contacts', exact: true }));
  await clickAndType(page, page.getByRole('textbox', { name: "New contact's name" }), 'Katherine Johnson');
  await act(page, () => page.keyboard.press('Enter'));
  await page.getByRole('heading', { name: 'Katherine Johnson', level: 1 }).waitFor();
  await saved(page);
  return page;
}

// Settings > Restore from a backup > the file > Replace my data with the backup.
async function restore(page, path) {
  await click(page, page.getByRole('button', { name: 'Settings' }));
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    click(page, page.getByRole('button', { name: 'Restore from a backup' })),
  ]);
  await chooser.setFiles(path);
  await page.getByText('Restore this backup?').first().waitFor({ timeout: 60000 });
  await click(page, page.getByRole('button', { name: 'Replace my data with the backup' }));
}

test('the workbook\'s own backup of 30,000 contacts with 1 KB notes (36 MiB) restores whole', async () => {
  const path = makeBackup(30000, 1024);
  const size = readFileSync(path).length;
  assert.ok(size > 32 * 1024 * 1024, `the backup is over the old 32 MB limit (${(size / 1048576).toFixed(1)} MiB)`);
  const ctx = await browser.newContext();
  const page = await learnerWithWork(ctx);
  const t0 = Date.now();
  await restore(page, path);
  await liveSays(page, /Your backup was restored/);
  await page.getByText(/Your backup was restored: "backup-30000-1024\.json" replaced/).first().waitFor();
  console.log(`  restore of ${(size / 1048576).toFixed(1)} MiB: ${Date.now() - t0} ms from the choice to stored`);
  assert.match(await storedState(page), /From the big backup/);
  const chunks = await storedChunks(page);
  let contacts = 0;
  for (const [k, text] of Object.entries(chunks)) if (k !== 'meta') contacts += JSON.parse(text).contacts.length;
  assert.equal(contacts, 30000);
  assert.doesNotMatch(Object.values(chunks).join(''), /Katherine Johnson/, 'the backup replaces the planner whole');
  await click(page, page.getByRole('button', { name: 'Your network planner' }));
  await click(page, page.getByRole('link', { name: 'Contacts', exact: true }));
  await page.getByText(/^30,?000 of 30,?000 contacts/).first().waitFor({ timeout: 20000 });
  await ctx.close();
});

test('a backup whose answers the browser refuses to store changes nothing, and says so', async () => {
  // The backup's answer is 6 million characters: more than localStorage holds.
  const small = JSON.parse(readFileSync(makeBackup(3, 10), 'utf8'));
  small.state.reflections['be-proactive.r1'] = { text: 'x'.repeat(6000000) };
  const path = join(dir, 'too-big-answer.json');
  writeFileSync(path, JSON.stringify(small));
  const ctx = await browser.newContext();
  const page = await learnerWithWork(ctx);
  const state = await storedState(page), chunks = await storedChunks(page);
  await restore(page, path);
  await page.getByText(/could not be restored: the browser refused to store its answers/).first().waitFor({ timeout: 30000 });
  await saved(page);
  assert.equal(await storedState(page), state, 'the stored answers are as they were');
  assert.deepEqual(await storedChunks(page), chunks, 'the stored planner is as it was');
  await page.goto(srv.url + '#/read/be-proactive');
  await page.waitForFunction(() => window.__appReady === true);
  await valueIs(page.getByRole('textbox', { name: /Draft the first message/ }), 'My own answer');
  await ctx.close();
});

test('a backup whose planner IndexedDB refuses changes nothing: the answers written first go back', async () => {
  const ctx = await browser.newContext();
  await failIdbWrites(ctx);  // while window.__quotaFull is set, as a full disk does
  const page = await learnerWithWork(ctx);
  const chunks = await storedChunks(page);
  await page.evaluate(() => { window.__quotaFull = true; });
  await restore(page, makeBackup(3, 10));
  await page.getByText(/could not be restored: the browser's database refused its planner/).first().waitFor({ timeout: 30000 });
  await saved(page);
  assert.deepEqual(await storedChunks(page), chunks, 'the stored planner is as it was');
  const state = JSON.parse(await storedState(page));
  assert.match(JSON.stringify(state.reflections), /My own answer/, 'the answers written first are back');
  assert.doesNotMatch(JSON.stringify(state.reflections), /From the big backup/);
  await page.evaluate(() => { window.__quotaFull = false; });
  await page.goto(srv.url + '#/read/be-proactive');
  await page.waitForFunction(() => window.__appReady === true);
  await valueIs(page.getByRole('textbox', { name: /Draft the first message/ }), 'My own answer');
  await click(page, page.getByRole('button', { name: 'Your network planner' }));
  await click(page, page.getByRole('link', { name: 'Contacts', exact: true }));
  await page.getByText(/^1 of 1 contact\b/).first().waitFor();
  await ctx.close();
});

const failed = await run('journey restore');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
