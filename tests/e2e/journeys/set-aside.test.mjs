// Journey: a learner whose saved answers were damaged (a disk fault, an old
// extension), with a mouse at 1440 x 900. The damaged text is kept aside in
// IndexedDB, dated, beside any copy kept before, however large it is (2.7 M
// characters, past what localStorage could hold twice); the download gives each
// copy byte for byte, a lone surrogate included. When no copy can be kept, nothing
// is written over the original until one is, and the workbook says so.
// Only page.mouse and page.keyboard act; locators find where things are drawn and read values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../../../scripts/server.mjs';
import { click, clickAndType, failIdbWrites, launch, openWorkbook, run, saved, test } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const KEY = 'networking-workbook/state';
const LEGACY = 'networking-workbook/quarantine';

const storedState = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
// The copies kept aside in IndexedDB: [{kind, at, records}], oldest first.
const keptCopies = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open('networking-workbook', 1);
  req.onsuccess = () => {
    const s = req.result.transaction('quarantine').objectStore('quarantine');
    const all = s.getAll();
    all.onsuccess = () => { req.result.close(); resolve(all.result.filter((v) => v && v.kind)); };
  };
  req.onerror = () => reject(req.error);
}));

// UTF-16 text as generalized UTF-8: what the workbook's download writes (a lone surrogate keeps its 3 bytes).
function wtf8(text) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c < 0xdc00 && d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | c >> 6, 0x80 | c & 63);
    else if (c < 0x10000) out.push(0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
    else out.push(0xf0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
  }
  return Buffer.from(out);
}

// Damaged answers planted in storage before the workbook starts (each page load plants `texts[n]` once).
async function plant(ctx, texts) {
  await ctx.addInitScript(([k, texts]) => {
    const n = Number(sessionStorage.getItem('planted') || 0);
    if (n < texts.length) { localStorage.setItem(k, texts[n]); sessionStorage.setItem('planted', String(n + 1)); }
  }, [KEY, texts]);
}

const typeAnswer = (page, text) => clickAndType(page, page.getByRole('textbox', { name: /Draft the first message/ }), text);

test('2.7 M damaged characters are kept aside whole; a second damage is kept beside the first; each downloads byte for byte', async () => {
  const first = '{"schema": 3, "reflections": {"x": {"text": "\ud800' + 'y'.repeat(2700000);  // cut off, with a lone surrogate
  const second = '{"schema": 3, "reflections": [1, 2';
  const ctx = await browser.newContext({ acceptDownloads: true });
  await plant(ctx, [first, second]);
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByText('could not be read').first().waitFor();
  await typeAnswer(page, 'A new start');
  await saved(page);
  assert.match(await storedState(page), /A new start/, 'new work is saved once the copy is kept');
  let kept = await keptCopies(page);
  assert.equal(kept.length, 1);
  assert.equal(kept[0].records[KEY], first, 'kept exactly as stored (lone surrogate included)');

  await page.reload();  // the second damage
  await page.waitForFunction(() => window.__appReady === true);
  await page.getByText('could not be read').first().waitFor();
  await saved(page);
  kept = await keptCopies(page);
  assert.deepEqual(kept.map((k) => k.records[KEY]), [first, second], 'the earlier copy stays; the new one is beside it');
  const two = new Promise((resolve) => {  // two files, one per copy
    const got = [];
    page.on('download', (d) => { got.push(d); if (got.length === 2) resolve(got); });
  });
  await click(page, page.getByRole('button', { name: 'Download the unreadable data' }));
  const downloads = (await two).sort((a, b) => a.suggestedFilename().localeCompare(b.suggestedFilename()));  // by date
  const bytes = await Promise.all(downloads.map(async (d) => readFileSync(await d.path())));
  assert.ok(bytes[0].equals(wtf8(first)), 'the first copy, byte for byte');
  assert.ok(bytes[1].equals(wtf8(second)), 'the second copy, byte for byte');
  assert.match(downloads[0].suggestedFilename(), /^networking-workbook-unreadable-data-\d{4}-\d\d-\d\dT/);
  await ctx.close();
});

test('no copy can be kept: nothing is written over the damaged original until one is, and the learner is told', async () => {
  const damaged = '{"schema": 3, "reflections": {"x": {"text": "half a sent';
  const ctx = await browser.newContext();
  await plant(ctx, [damaged]);
  await failIdbWrites(ctx, { flag: '__keepFails', store: 'quarantine', initially: true });
  await ctx.addInitScript(([legacy]) => {
    localStorage.setItem(legacy, 'an older copy, kept by an earlier version');  // the old place is taken
  }, [LEGACY]);
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByText('could not be read').first().waitFor();
  await typeAnswer(page, 'Typed while the copy fails');
  await page.getByText(/keeping a copy of them aside failed/).first().waitFor({ timeout: 15000 });
  assert.equal(await storedState(page), damaged, 'the damaged original is not written over');
  // Space comes back: the copy is kept on the next try, then the work is saved.
  await page.evaluate(() => { window.__keepFails = false; });
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('Typed while the copy fails'), KEY, { timeout: 15000 });
  const kept = await keptCopies(page);
  assert.equal(kept.length, 1);
  assert.equal(kept[0].records[KEY], damaged);
  await ctx.close();
});

const failed = await run('journey set-aside');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
