// End-to-end: the network planner in Chromium, stored in IndexedDB. Import a
// LinkedIn file through the file chooser, log a touch, export a calendar, and
// the storage faults: quota, a damaged record, no IndexedDB, two tabs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from '../../scripts/server.mjs';
import { failIdbWrites, idle, launch, liveMatches, openWorkbook, press, run, saved, test } from './lib.mjs';

const require = createRequire(import.meta.url);
const ICAL = require('ical.js');

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const URL = srv.url;
const LINKEDIN = 'tests/fixtures/import/linkedin_connections.csv';

// Everything in the planner's IndexedDB store, as {key: text}.
const idbDump = (page, store = 'planner') => page.evaluate((store) => new Promise((resolve, reject) => {
  const req = indexedDB.open('networking-workbook', 1);
  req.onsuccess = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains(store)) { resolve({}); return; }
    const s = db.transaction(store).objectStore(store);
    const keys = s.getAllKeys(), vals = s.getAll();
    vals.onsuccess = () => {
      const out = {};
      keys.result.forEach((k, i) => { out[k] = vals.result[i]; });
      db.close();
      resolve(out);
    };
  };
  req.onerror = () => reject(req.error);
}), store);

const countText = (page) => page.getByText(/^\d+ of \d+ contacts/).first().textContent();

async function openContacts(page) {
  await press(page.getByRole('button', { name: 'Your network planner' }), 'Enter');
  await press(page.getByRole('link', { name: 'Contacts', exact: true }), 'Enter');
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
}

async function addContact(page, name) {
  await page.evaluate(() => { location.hash = '#/planner/contacts'; });
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  const field = page.getByRole('textbox', { name: "New contact's name" });
  await field.focus();
  await field.fill(name);
  await idle(page);
  await press(page.getByRole('button', { name: 'Add contact' }), 'Enter');
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

async function importLinkedIn(page) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    press(page.getByRole('button', { name: /Import contacts from a LinkedIn/ }), 'Enter'),
  ]);
  await chooser.setFiles(LINKEDIN);
  await page.getByRole('heading', { name: 'Import contacts', level: 1 }).waitFor();
  await page.getByText(/LinkedIn connections: [\d,]+ new/).first().waitFor();
}

test('import a LinkedIn file through the file chooser, log a touch, export a calendar that ical.js reads', async () => {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const errors = [];
  const page = await openWorkbook(ctx, URL, { errors });
  await openContacts(page);
  await importLinkedIn(page);
  const summary = await page.getByText(/LinkedIn connections: [\d,]+ new/).first().textContent();
  const added = Number(summary.match(/(\d+) new/)[1]);
  assert.ok(added >= 3, summary);
  await press(page.getByRole('button', { name: 'Add to my planner' }), 'Enter');
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  assert.match(await countText(page), new RegExp(`^${added} of ${added} contacts`));

  // Open the first contact and log a touch.
  const first = page.getByRole('rowheader').first().getByRole('link');
  const firstName = await first.textContent();
  await press(first, 'Enter');
  await page.getByRole('heading', { name: firstName, level: 1 }).waitFor();
  const note = page.getByRole('textbox', { name: 'What happened' });
  await note.focus();
  await note.fill('Asked about the platform team');
  await idle(page);
  await press(page.getByRole('button', { name: 'Log this touch' }), 'Enter');
  await page.getByText(/Asked about the platform team/).first().waitFor();
  const live = await page.locator('#wb-live').textContent();
  assert.match(live, new RegExp(`Touch logged with ${firstName} on \\d{4}-\\d{2}-\\d{2}`));

  // Imported is not contacted: nothing is scheduled until the learner gives a tier.
  await page.getByText(/no tier yet/).first().waitFor();
  await press(page.getByRole('radiogroup', { name: 'Tier' }).getByRole('radio', { name: /^Inner/ }));
  await page.getByText(/due \d{4}-\d{2}-\d{2}/).first().waitFor();

  // Export the calendar: the download is RFC 5545 and holds the one real follow-up, not every import.
  await press(page.getByRole('button', { name: 'Back to all contacts' }), 'Enter');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    press(page.getByRole('button', { name: 'Export calendar (.ics) of follow-ups and events' }), 'Enter'),
  ]);
  assert.equal(download.suggestedFilename(), 'networking-follow-ups.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  assert.ok(ics.includes('\r\n'), 'CRLF line endings');
  const cal = new ICAL.Component(ICAL.parse(ics));
  const events = cal.getAllSubcomponents('vevent');
  assert.ok(events.some((e) => String(e.getFirstPropertyValue('summary')).includes(firstName)), 'a follow-up for the contact');
  for (const e of events) assert.ok(e.getFirstSubcomponent('valarm'), 'each follow-up has an alarm');
  assert.equal(events.length, 1, 'only the tiered contact has a follow-up');
  await liveMatches(page, /Saved 1 follow-up to networking-follow-ups\.ics/);

  // Everything survives a reload (IndexedDB).
  await saved(page);
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  await page.getByText(new RegExp(`^${added} of ${added} contacts`)).first().waitFor();
  const stored = await idbDump(page);
  assert.ok(stored.meta, 'a meta record');
  assert.ok(stored.c0 && stored.c0.includes('Asked about the platform team'), 'the touch is in chunk 0');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('two tabs: an edit in one reaches the other, and edits to different contacts both survive', async () => {
  const ctx = await browser.newContext();
  const a = await openWorkbook(ctx, URL + '#/planner/contacts');
  await a.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  await addContact(a, 'Ada Lovelace');
  await addContact(a, 'Charles Babbage');
  await saved(a);
  const b = await openWorkbook(ctx, URL + '#/planner/contacts');
  await b.getByText(/^2 of 2 contacts/).first().waitFor();

  // A new contact in A shows up in B without a reload.
  await addContact(a, 'Mary Somerville');
  await b.getByText(/^3 of 3 contacts/).first().waitFor({ timeout: 5000 });

  // Concurrent edits to different contacts: both survive.
  const editNotes = async (page, name, text) => {
    await page.evaluate(() => { location.hash = '#/planner/contacts'; });
    await press(page.getByRole('link', { name: new RegExp(`^${name}`) }), 'Enter');
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const notes = page.getByRole('textbox', { name: 'Notes' });
    await notes.focus();
    await notes.fill(text);
    await idle(page);
  };
  await editNotes(a, 'Ada Lovelace', 'Notes written in tab A');
  await editNotes(b, 'Charles Babbage', 'Notes written in tab B');
  await saved(a);
  await saved(b);
  const c = await openWorkbook(ctx, URL + '#/planner/contacts');
  await c.getByText(/^3 of 3 contacts/).first().waitFor();
  const stored = await idbDump(c);
  assert.match(stored.c0, /Notes written in tab A/);
  assert.match(stored.c0, /Notes written in tab B/);
  await ctx.close();
});

test('quota exceeded in IndexedDB: a clear message, the saved copy intact, the change saved once space is free', async () => {
  const ctx = await browser.newContext();
  await failIdbWrites(ctx);  // while window.__quotaFull is set
  const page = await openWorkbook(ctx, URL + '#/planner/contacts');
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  await addContact(page, 'Saved Before');
  await saved(page);
  const before = await idbDump(page);
  assert.match(before.c0, /Saved Before/);
  await page.evaluate(() => { window.__quotaFull = true; });
  await addContact(page, 'Written While Full');
  await page.getByText(/storage for the workbook is full/).first().waitFor({ timeout: 5000 });
  const during = await idbDump(page);
  assert.deepEqual(during, before, 'the last saved state stays intact');
  await page.evaluate(() => { window.__quotaFull = false; });
  // Retried on its own: the message goes and the change is stored.
  await page.waitForFunction(() => !document.getElementById('wb-semantics').textContent.includes('storage for the workbook is full'), null, { timeout: 10000 });
  const after = await idbDump(page);
  assert.match(after.c0, /Written While Full/);
  await ctx.close();
});

test('a damaged planner record: the rest loads, the problem is named, the original bytes are kept aside', async () => {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const page = await openWorkbook(ctx, URL + '#/planner/contacts');
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  await addContact(page, 'Kept Contact');
  await saved(page);
  // Plant a damaged chunk next to the good one.
  const damaged = '{"schema":3,"chunk":1,"contacts":[[1000,"Half a rec';
  await page.evaluate((text) => new Promise((resolve) => {
    const req = indexedDB.open('networking-workbook', 1);
    req.onsuccess = () => {
      const tx = req.result.transaction('planner', 'readwrite');
      tx.objectStore('planner').put(text, 'c1');
      tx.oncomplete = () => { req.result.close(); resolve(); };
    };
  }), damaged);
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await page.getByText(/could not be read/).first().waitFor();
  await page.evaluate(() => { location.hash = '#/planner/contacts'; });
  await page.getByText(/^1 of 1 contact\b/).first().waitFor();
  const q = Object.values(await idbDump(page, 'quarantine')).filter((v) => v.kind === 'planner');
  assert.equal(q.length, 1, 'one dated copy kept');
  assert.equal(q[0].records.c1, damaged, 'the damaged bytes are kept as found');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    press(page.getByRole('button', { name: 'Download the set-aside planner data' }), 'Enter'),
  ]);
  assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).c1, damaged, 'offered as a download, unchanged');
  await ctx.close();
});

test('a damaged planner record that cannot be kept aside is never written over: the save waits and says why', async () => {
  const ctx = await browser.newContext();
  await failIdbWrites(ctx, { flag: '__keepFails', store: 'quarantine' });
  await ctx.addInitScript(() => { window.__keepFails = sessionStorage.getItem('keep-fails') === '1'; });
  const page = await openWorkbook(ctx, URL + '#/planner/contacts');
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  await addContact(page, 'Kept Contact');
  await saved(page);
  // A damaged chunk whose only contact shares its chunk with nobody: the next save would rewrite c1 without it.
  const damaged = '{"schema":3,"chunk":1,"contacts":[[1000,"Half a rec';
  await page.evaluate((text) => new Promise((resolve) => {
    sessionStorage.setItem('keep-fails', '1');
    const req = indexedDB.open('networking-workbook', 1);
    req.onsuccess = () => {
      const tx = req.result.transaction('planner', 'readwrite');
      tx.objectStore('planner').put(text, 'c1');
      tx.oncomplete = () => { req.result.close(); resolve(); };
    };
  }), damaged);
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await page.getByText(/could not be read/).first().waitFor();
  await addContact(page, 'Added While Held');
  await page.getByText(/keeping a copy of them aside failed/).first().waitFor({ timeout: 10000 });
  const held = await idbDump(page);
  assert.equal(held.c1, damaged, 'the damaged record is not written over');
  assert.doesNotMatch(held.c0, /Added While Held/, 'nothing of the planner is written while the copy is not kept');
  // The copy can be kept again: the next change keeps it, then saves.
  await page.evaluate(() => { window.__keepFails = false; });
  await addContact(page, 'After The Copy');
  await page.waitForFunction(() => !document.getElementById('wb-semantics').textContent.includes('keeping a copy of them aside failed'), null, { timeout: 10000 });
  await saved(page);
  const after = await idbDump(page);
  assert.match(after.c0, /After The Copy/);
  const kept = Object.values(await idbDump(page, 'quarantine')).filter((v) => v.kind === 'planner');
  assert.equal(kept.length, 1);
  assert.equal(kept[0].records.c1, damaged);
  await ctx.close();
});

test('no IndexedDB (blocked storage): the planner runs in memory and says how to keep the work', async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } }); });
  const page = await openWorkbook(ctx, URL + '#/planner/contacts');
  await page.getByText(/kept only while this page is open/).first().waitFor();
  await addContact(page, 'In Memory');
  await ctx.close();
});

test('a name in Cyrillic: the fonts of other scripts are fetched then (not before), and a reload fetches them again for it', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const fonts = [];
    // The page's own requests (the service worker fetches every file for offline use).
    ctx.on('request', (r) => {
      if (r.url().includes('/fonts/extra-') && !r.serviceWorker()) fonts.push(r.url().replace(/.*\/fonts\//, ''));
    });
    const page = await openWorkbook(ctx, URL + '#/planner/contacts');
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await idle(page);
    assert.deepEqual(fonts, [], 'nothing needs them yet');
    await addContact(page, 'Дмитрий Иванов');
    await page.waitForFunction(() => window.__wbStats && window.__wbStats.extra_fonts === 1);
    assert.deepEqual(fonts.sort(), ['extra-bold.ttf', 'extra-regular.ttf']);
    // Stored, then read again: the planner's name asks for them by itself.
    await saved(page);
    fonts.length = 0;
    await page.reload();
    await page.waitForFunction(() => window.__appReady === true && window.__wbStats && window.__wbStats.extra_fonts === 1);
    assert.deepEqual(fonts.sort(), ['extra-bold.ttf', 'extra-regular.ttf']);
  } finally {
    await ctx.close();
  }
});

const failed = await run('e2e planner');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
