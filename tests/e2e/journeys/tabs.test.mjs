// Journey: a learner with the planner open in two tabs, at 1440 x 900, with a
// mouse and a keyboard. Each tab adds a contact 0.2, 0.6 and 1 s after the other
// (before, while and after the first one saves), then each edits a different
// field of the same contact within a second. Nothing is lost: both tabs, a
// third one opened afterwards and IndexedDB hold all seven contacts and both edits.
// Only page.mouse and page.keyboard act; locators find where things are drawn and read values.
import assert from 'node:assert/strict';
import { startServer } from '../../../scripts/server.mjs';
import { click, clickAndType, launch, openWorkbook, pressKey, run, saved, test, valueIs } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();

// The scenario's own gap between two learners' actions (not a wait for the app).
const gap = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function toContacts(page) {
  await click(page, page.getByRole('link', { name: 'Contacts', exact: true }));
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
}

// Types a new contact's name; the caller presses Enter (when the scenario says).
async function typeNewContact(page, name) {
  await toContacts(page);
  await clickAndType(page, page.getByRole('textbox', { name: "New contact's name" }), name);
}

async function enterAndOpen(page, name) {
  await pressKey(page, 'Enter');
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

const countIs = (page, n) => page.getByText(new RegExp(`^${n} of ${n} contacts?\\b`)).first().waitFor({ timeout: 15000 });

// Every contact stored in IndexedDB, by name.
const storedContacts = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open('networking-workbook', 1);
  req.onsuccess = () => {
    const s = req.result.transaction('planner').objectStore('planner');
    const all = s.getAll(), keys = s.getAllKeys();
    keys.onsuccess = () => {  // requests complete in order: both are done
      const out = {};
      all.result.forEach((text, i) => {
        if (keys.result[i] === 'meta') return;
        for (const c of JSON.parse(text).contacts) out[c[1]] = c;
      });
      req.result.close();
      resolve(out);
    };
  };
  req.onerror = () => reject(req.error);
}));

test('two tabs: contacts added 0.2, 0.6 and 1 s apart and edits to different fields of one contact all survive', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const a = await openWorkbook(ctx, srv.url + '#/planner/contacts', { errors });
  await a.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  await typeNewContact(a, 'Grace Hopper');
  await enterAndOpen(a, 'Grace Hopper');
  await saved(a);
  const b = await openWorkbook(ctx, srv.url + '#/planner/contacts', { errors });
  await countIs(b, 1);

  const names = ['Grace Hopper'];
  for (const ms of [200, 600, 1000]) {
    const inA = `Added in A ${ms}`, inB = `Added in B ${ms}`;
    await typeNewContact(a, inA);
    await typeNewContact(b, inB);
    await pressKey(a, 'Enter');
    await gap(ms);
    await pressKey(b, 'Enter');
    await a.getByRole('heading', { name: inA, level: 1 }).waitFor();
    await b.getByRole('heading', { name: inB, level: 1 }).waitFor();
    names.push(inA, inB);
  }
  await saved(a);
  await saved(b);
  for (const page of [a, b]) {
    await toContacts(page);
    await countIs(page, names.length);
  }

  // One contact, two fields, two tabs, within a second of each other.
  const open = async (page) => {
    await click(page, page.getByRole('link', { name: /^Grace Hopper/ }));
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
  };
  await open(a);
  await open(b);
  await clickAndType(a, a.getByRole('textbox', { name: 'Company', exact: true }), 'US Navy');
  await clickAndType(b, b.getByRole('textbox', { name: 'Notes', exact: true }), 'Wrote the first compiler');
  await saved(a);
  await saved(b);
  for (const page of [a, b]) {
    await valueIs(page.getByRole('textbox', { name: 'Company', exact: true }), 'US Navy', 'the company typed in A');
    await valueIs(page.getByRole('textbox', { name: 'Notes', exact: true }), 'Wrote the first compiler', 'the notes typed in B');
  }

  // A third tab, and IndexedDB itself.
  const c = await openWorkbook(ctx, srv.url + '#/planner/contacts', { errors });
  await countIs(c, names.length);
  const stored = await storedContacts(c);
  assert.deepEqual(Object.keys(stored).sort(), [...names].sort(), 'every contact is stored, once');
  const ids = Object.values(stored).map((r) => r[0]);
  assert.equal(new Set(ids).size, ids.length, 'each under its own id');
  const grace = JSON.stringify(stored['Grace Hopper']);
  assert.match(grace, /US Navy/);
  assert.match(grace, /Wrote the first compiler/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

const failed = await run('journey tabs');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
