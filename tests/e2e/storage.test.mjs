// End-to-end: browser storage that never loses a learner's work.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/server.mjs';
import { idle, launch, openWorkbook, press, run, saved, test } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const URL = srv.url;
const KEY = 'networking-workbook/state';
const QUARANTINE = 'networking-workbook/quarantine';

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
// Copies of damaged data kept aside in IndexedDB ({kind, at, records}), oldest first.
const keptCopies = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open('networking-workbook', 1);
  req.onsuccess = () => {
    const all = req.result.transaction('quarantine').objectStore('quarantine').getAll();
    all.onsuccess = () => { req.result.close(); resolve(all.result.filter((v) => v && v.kind)); };
  };
  req.onerror = () => reject(req.error);
}));
const answerField = (page, name) => page.getByRole('textbox', { name });

async function typeAnswer(page, name, text) {
  const field = answerField(page, name);
  await field.focus();
  await field.fill(text);
}

test('corrupt stored data: the workbook starts, says so, quarantines the bytes, offers them as a download', async () => {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const corrupt = '{"schema": 1, "reflections": {"be-proactive.r1": "half a sent';
  await ctx.addInitScript(([k, v]) => { if (!sessionStorage.getItem('planted')) { localStorage.setItem(k, v); sessionStorage.setItem('planted', '1'); } }, [KEY, corrupt]);
  const page = await openWorkbook(ctx, URL + '#/read/be-proactive');
  await idle(page);
  await page.getByText('could not be read').first().waitFor();
  await saved(page);
  assert.deepEqual((await keptCopies(page)).map((c) => c.records[KEY]), [corrupt], 'kept aside in IndexedDB, dated');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable data' }).focus().then(() => page.keyboard.press('Enter')),
  ]);
  const path = await download.path();
  assert.equal(readFileSync(path, 'utf8'), corrupt);
  // New work is saved, and the quarantined original is still there, untouched.
  await typeAnswer(page, /Draft the first message/, 'A new start');
  await saved(page);
  assert.match(await stored(page), /A new start/);
  assert.deepEqual((await keptCopies(page)).map((c) => c.records[KEY]), [corrupt], 'the kept copy is untouched');
  await ctx.close();
});

test('a schema version newer than this build is kept aside, not overwritten', async () => {
  const ctx = await browser.newContext();
  const future = JSON.stringify({ schema: 99, reflections: { x: { text: 'from the future' } } });
  await ctx.addInitScript(([k, v]) => { if (!sessionStorage.getItem('planted')) { localStorage.setItem(k, v); sessionStorage.setItem('planted', '1'); } }, [KEY, future]);
  const page = await openWorkbook(ctx, URL);
  await idle(page);
  await page.getByText('schema version 99').first().waitFor();
  await saved(page);
  assert.deepEqual((await keptCopies(page)).map((c) => c.records[KEY]), [future]);
  await ctx.close();
});

test('quota exceeded: a clear message, the last save intact, the change kept and saved once space is free', async () => {
  const ctx = await browser.newContext();
  const page = await openWorkbook(ctx, URL + '#/read/be-proactive');
  await idle(page);
  await typeAnswer(page, /Draft the first message/, 'Saved before the disk filled');
  await saved(page);
  const before = await stored(page);
  assert.match(before, /Saved before the disk filled/);
  // Fill the origin's quota with junk.
  await page.evaluate(() => {
    // Big pieces first, then ever smaller ones, until not one more character fits.
    let i = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem('junk' + i, chunk); i++; } catch (e) { break; }
      }
    }
    window.__junk = i;
  });
  await typeAnswer(page, /Draft the first message/, 'Written while the disk is full '.repeat(2000));
  // The debounced save was tried and refused: the workbook says so (its state stays unsaved).
  await page.waitForFunction(() => (window.__wbStats || {}).save_problem === 1, null, { timeout: 10000 });
  assert.equal(await stored(page), before, 'the last saved state stays intact');
  await press(page.getByRole('button', { name: 'Settings' }), 'Enter');
  await page.getByText('storage for the workbook is full').first().waitFor();
  // Free space: the retry saves the change.
  await page.evaluate(() => { for (let i = 0; i < window.__junk; i++) localStorage.removeItem('junk' + i); });
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('Written while the disk is full'), KEY, { timeout: 10000 });
  await ctx.close();
});

test('two tabs: edits in one reach the other, and concurrent edits to different answers both survive', async () => {
  const ctx = await browser.newContext();
  const a = await openWorkbook(ctx, URL + '#/read/be-proactive');
  const b = await openWorkbook(ctx, URL + '#/read/be-proactive');
  await idle(a);
  await idle(b);
  // Both edit before either save lands.
  await typeAnswer(a, /Draft the first message/, 'Tab A: message to Ana');
  await typeAnswer(b, /What usually stops you/, 'Tab B: I wait for the perfect moment');
  await saved(a);
  await saved(b);
  const doc = JSON.parse(await stored(a));
  assert.equal(doc.reflections['be-proactive.r1'].text, 'Tab A: message to Ana');
  assert.equal(doc.reflections['be-proactive.r2'].text, 'Tab B: I wait for the perfect moment');
  // Each page shows the other's answer (the storage event reaches it).
  const shows = (page, re, text) => answerField(page, re).elementHandle()
    .then((el) => page.waitForFunction(([e, t]) => e.value === t, [el, text], { timeout: 10000 }));
  await shows(a, /What usually stops you/, 'Tab B: I wait for the perfect moment');
  await shows(b, /Draft the first message/, 'Tab A: message to Ana');
  await ctx.close();
});

test('backup and restore: a checked preview first; a bad file changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-backup-'));
  const ctx = await browser.newContext({ acceptDownloads: true });
  const page = await openWorkbook(ctx, URL + '#/read/be-proactive');
  await idle(page);
  await typeAnswer(page, /Draft the first message/, 'Backed up answer');
  await saved(page);
  await press(page.getByRole('button', { name: 'Settings' }), 'Enter');
  await idle(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).focus().then(() => page.keyboard.press('Enter')),
  ]);
  const backupPath = join(dir, 'backup.json');
  await download.saveAs(backupPath);
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  assert.equal(backup.format, 'networking-workbook-backup');
  await ctx.close();

  // A fresh browser profile: restore it.
  const ctx2 = await browser.newContext();
  const page2 = await openWorkbook(ctx2, URL);
  await idle(page2);
  await press(page2.getByRole('button', { name: 'Settings' }), 'Enter');
  await idle(page2);
  const badPath = join(dir, 'bad.json');
  writeFileSync(badPath, '{"format": "networking-workbook-backup", "version": 1, "state": {"schema": 2, "settings": {"theme": 5}}}');
  for (const [path, expectText] of [[badPath, 'is damaged, so nothing was restored'], [backupPath, 'Restore this backup?']]) {
    const [chooser] = await Promise.all([
      page2.waitForEvent('filechooser'),
      page2.getByRole('button', { name: 'Restore from a backup' }).focus().then(() => page2.keyboard.press('Enter')),
    ]);
    await chooser.setFiles(path);
    await page2.getByText(expectText).first().waitFor();
  }
  assert.doesNotMatch(await stored(page2) || '', /Backed up answer/, 'nothing was restored before the learner confirmed');
  await page2.getByText('Reflection answers: 0 now, 1 in the backup').waitFor();
  await press(page2.getByRole('button', { name: 'Replace my data with the backup' }), 'Enter');
  await page2.getByRole('heading', { level: 1, name: 'Be Proactive' }).waitFor();
  await idle(page2);
  assert.equal(await answerField(page2, /Draft the first message/).inputValue(), 'Backed up answer');
  assert.match(await stored(page2), /Backed up answer/);
  await ctx2.close();
});

test('reset my data asks first, then starts fresh', async () => {
  const ctx = await browser.newContext();
  const page = await openWorkbook(ctx, URL + '#/read/be-proactive');
  await idle(page);
  await typeAnswer(page, /Draft the first message/, 'To be deleted');
  await saved(page);
  await press(page.getByRole('button', { name: 'Settings' }), 'Enter');
  await idle(page);
  await press(page.getByRole('button', { name: 'Reset my data' }), 'Enter');
  await press(page.getByRole('button', { name: 'Keep my data' }), 'Enter');
  await idle(page);
  assert.match(await stored(page), /To be deleted/, 'cancelling keeps everything');
  await press(page.getByRole('button', { name: 'Reset my data' }), 'Enter');
  await press(page.getByRole('button', { name: 'Delete everything and start again' }), 'Enter');
  await idle(page);
  assert.doesNotMatch(await stored(page), /To be deleted/);
  await page.getByRole('heading', { level: 1, name: 'Introduction' }).waitFor();
  await ctx.close();
});

const failed = await run('e2e storage');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
