// Journey: a learner who has just imported 30,000 LinkedIn connections sorts the
// first ones in Triage. At 1440 x 900 with a mouse and a keyboard: the import
// through the file chooser, This week's link to Triage, 50 contacts tiered by
// single keys, one undone and decided again, This week then holding only the
// tiered ones as follow-ups, and a reload that resumes where triage stopped.
// At 375 px by touch: the tier buttons are big enough and a tap sorts, on the
// card and in the fast list.
// Only page.mouse, page.touchscreen and page.keyboard act; locators find where
// things are drawn and read values. Prints the key presses and the seconds.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../scripts/server.mjs';
import { linkedInCsv } from '../../bench/scale.mjs';
import { act, box, click, dates, launch, liveSays, openWorkbook, run, saved, tap, test } from './lib.mjs';

const ICAL = createRequire(import.meta.url)('ical.js');
const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const dir = mkdtempSync(join(tmpdir(), 'wb-triage-'));
const BIG = join(dir, 'Connections.csv');
writeFileSync(BIG, linkedInCsv(30000));
const SMALL = join(dir, 'Connections-small.csv');
writeFileSync(SMALL, linkedInCsv(40));

const grouped = (n) => n.toLocaleString('en-US');

// Imports a LinkedIn file through the real import UI: the button hit with
// `pointer` (a mouse click or a tap), the browser's file chooser, then "Add to my planner".
async function importFile(page, file, n, pointer) {
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    pointer(page.getByRole('button', { name: /Import contacts from a LinkedIn/ })),
  ]);
  await chooser.setFiles(file);
  await page.getByText(new RegExp(`LinkedIn connections: ${grouped(n)} new`)).first().waitFor({ timeout: 120000 });
  await pointer(page.getByRole('button', { name: 'Add to my planner' }));
  await page.getByText(new RegExp(`^${grouped(n)} of ${grouped(n)} contacts`)).first().waitFor({ timeout: 60000 });
}

// The key presses that sort the contact on the card, as the announcement says it back.
async function tierByKeys(page, count, firstSorted = 0) {
  const keys = ['1', '2', '3', '4'];
  let presses = 0;
  const t0 = Date.now();
  for (let i = 0; i < count; i++) {
    // Mostly outer circles: a few Inner, more Close, Active and Extended.
    const key = i < 5 ? keys[0] : i < 15 ? keys[1] : i < 30 ? keys[2] : keys[3];
    await act(page, () => page.keyboard.press(key));
    presses++;
    await liveSays(page, new RegExp(`: \\w+ circle\\. ${grouped(firstSorted + i + 1)} sorted, `));
  }
  return { presses, seconds: (Date.now() - t0) / 1000 };
}

test('keyboard learner: 30,000 imported, 50 tiered by keys in triage, one undone; This week holds only those 50; a touch, an event attended, the calendar export read by ical.js', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/planner/contacts', { errors });
  await importFile(page, BIG, 30000, (b) => click(page, b));
  await saved(page);

  // This week: nobody due; its notice leads to triage.
  await click(page, page.getByRole('link', { name: 'This week', exact: true }));
  await page.getByRole('heading', { name: 'This week', level: 1 }).waitFor();
  await page.getByText(/^0 overdue, 0 due in the next 7 days, 0 never contacted/).first().waitFor();
  await click(page, page.getByRole('button', { name: 'Sort the 30,000 contacts waiting, one by one' }));
  await page.getByRole('heading', { name: 'Triage', level: 1 }).waitFor();
  await page.getByText('0 sorted, 30,000 to go.').first().waitFor();
  const first = await page.getByRole('region', { name: /^Contact to sort: / }).getAttribute('aria-label');

  // 50 contacts, one key each.
  const { presses, seconds } = await tierByKeys(page, 50);
  await page.getByText('50 sorted, 29,950 to go.').first().waitFor();
  // U undoes the last one (it comes back on the card); 4 decides it again.
  const last = (await page.locator('#wb-live').textContent()).split(':')[0];
  await act(page, () => page.keyboard.press('u'));
  await liveSays(page, new RegExp(`^Undone: ${last} is back in triage\\. 49 sorted, 29,951 to go\\.`));
  await page.getByRole('region', { name: `Contact to sort: ${last}` }).waitFor({ state: 'attached' });
  await act(page, () => page.keyboard.press('4'));
  await liveSays(page, new RegExp(`^${last}: Extended circle\\. 50 sorted, 29,950 to go\\.`));
  const keysInAll = presses + 2;
  console.log(`  triage: ${presses} contacts tiered with ${presses} key presses in ${seconds.toFixed(1)} s ` +
    `(${(seconds / presses * 1000).toFixed(0)} ms a contact); with the undo and its redo ${keysInAll} key presses`);

  // This week: exactly the 50 tiered ones, as contacts never contacted (real follow-ups), nobody overdue.
  await click(page, page.getByRole('link', { name: 'This week', exact: true }));
  await page.getByRole('heading', { name: 'This week', level: 1 }).waitFor();
  await page.getByText(/^0 overdue, 0 due in the next 7 days, 50 never contacted/).first().waitFor();
  await page.getByRole('heading', { name: 'Never contacted (50)' }).waitFor();
  await page.getByRole('button', { name: 'Sort the 29,950 contacts waiting, one by one' }).waitFor();
  assert.ok(first.includes('Contact to sort:'), first);

  // A reload resumes: the decisions are stored on the contacts.
  await saved(page);
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await page.getByRole('heading', { name: 'This week', level: 1 }).waitFor({ timeout: 60000 });
  await page.getByText(/^0 overdue, 0 due in the next 7 days, 50 never contacted/).first().waitFor({ timeout: 60000 });
  await click(page, page.getByRole('link', { name: 'Triage', exact: true }));
  await page.getByText('50 sorted, 29,950 to go.').first().waitFor();

  // A touch with one of them, dated three days ago from the date field's calendar.
  await click(page, page.getByRole('link', { name: 'This week', exact: true }));
  await page.getByRole('heading', { name: 'Never contacted (50)' }).waitFor();
  const neverLinks = page.getByRole('link', { name: / · never contacted/ });
  const [touched, met] = [await neverLinks.nth(0).textContent(), await neverLinks.nth(1).textContent()].map((t) => t.split(' · ')[0]);
  await click(page, neverLinks.nth(0));
  await page.getByRole('heading', { name: touched, level: 1 }).waitFor();
  const { iso, plusDays, long } = dates;
  const today = dates.parse(await page.getByRole('textbox', { name: 'Date of the touch' }).inputValue());
  const day = (n) => plusDays(today, n);
  const threeAgo = day(-3);
  await click(page, page.getByRole('button', { name: 'Calendar for Date of the touch' }));
  if (threeAgo.getUTCMonth() !== today.getUTCMonth()) await click(page, page.getByRole('button', { name: 'Previous month' }));
  await click(page, page.getByRole('radio', { name: new RegExp(`^${long(threeAgo)}`) }));
  await click(page, page.getByRole('textbox', { name: 'What happened' }));
  await act(page, () => page.keyboard.type('Coffee after the meetup'));
  await click(page, page.getByRole('button', { name: 'Log this touch' }));
  await liveSays(page, new RegExp(`Touch logged with ${touched} on ${iso(threeAgo)}`));

  // An event yesterday, attended: the person met gets a follow-up within 48 hours.
  await click(page, page.getByRole('link', { name: 'Events', exact: true }));
  await click(page, page.getByRole('button', { name: 'Add an event', exact: true }));
  await click(page, page.getByRole('textbox', { name: 'Name' }));
  await act(page, () => page.keyboard.type('Data Summit'));
  await click(page, page.getByRole('textbox', { name: 'Date (YYYY-MM-DD)' }));
  await act(page, () => page.keyboard.press('Control+A'));
  await act(page, () => page.keyboard.type(iso(day(-1))));
  await click(page, page.getByRole('button', { name: 'Add the event', exact: true }));
  await click(page, page.getByRole('button', { name: 'I attended: choose people met' }));
  await click(page, page.getByRole('textbox', { name: 'Find a contact by name' }));
  await act(page, () => page.keyboard.type(met));
  await click(page, page.getByRole('button', { name: new RegExp(`^Add ${met}`) }).first());
  await click(page, page.getByRole('button', { name: 'Mark attended with 1 person met' }));

  // This week: the one met is due (by tomorrow), the one touched is not, nobody is overdue.
  await click(page, page.getByRole('link', { name: 'This week', exact: true }));
  await page.getByText(/^0 overdue, 1 due in the next 7 days, 48 never contacted, 0 events coming up\./).first().waitFor();

  // The calendar export: only real follow-ups (none of the 29,950 untiered) and the event.
  await click(page, page.getByRole('link', { name: 'Contacts', exact: true }));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    click(page, page.getByRole('button', { name: 'Export calendar (.ics) of follow-ups and events' })),
  ]);
  const cal = new ICAL.Component(ICAL.parse(readFileSync(await download.path(), 'utf8')));
  const events = cal.getAllSubcomponents('vevent').map((e) => ({
    summary: String(e.getFirstPropertyValue('summary')), start: e.getFirstPropertyValue('dtstart').toString().slice(0, 10) }));
  console.log(`  calendar export after 30,000 imported and 50 tiered: ${events.length} events`);
  // The 48 tiered but never contacted have no date to follow up from (This week lists them instead).
  assert.equal(events.length, 3, 'the touched contact, the one met, and the event');
  assert.ok(events.some((e) => e.summary.includes('Data Summit') && e.start === iso(day(-1))), 'the event, on its day');
  const metEvent = events.find((e) => e.summary.includes(met));
  assert.ok(metEvent && metEvent.start <= iso(day(1)), `${met}'s follow-up within 48 hours of the event: ${JSON.stringify(metEvent)}`);
  const touchedEvent = events.find((e) => e.summary.includes(touched));
  assert.ok(touchedEvent && touchedEvent.start > iso(day(7)), `${touched}'s next follow-up counts from the touch: ${JSON.stringify(touchedEvent)}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('touch learner at 375 px: the tier buttons are at least 24 px; a tap sorts the contact on the card, and a row in the fast list', async () => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/planner/contacts', { errors });
  const cdp = await ctx.newCDPSession(page);
  await importFile(page, SMALL, 40, (b) => tap(page, cdp, b));
  await tap(page, cdp, page.getByRole('link', { name: 'Triage', exact: true }));
  await page.getByRole('heading', { name: 'Triage', level: 1 }).waitFor();
  const name = (await page.getByRole('region', { name: /^Contact to sort: / }).getAttribute('aria-label')).replace('Contact to sort: ', '');
  for (const label of ['Inner (1)', 'Close (2)', 'Active (3)', 'Extended (4)', 'Not now (0)']) {
    const b = await box(page.getByRole('button', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }));
    assert.ok(b && b.height >= 24 && b.width >= 24, `${label}: ${JSON.stringify(b)}`);
    assert.ok(b.x >= 0 && b.x + b.width <= 375, `${label} fits the screen: ${JSON.stringify(b)}`);
  }
  await tap(page, cdp, page.getByRole('button', { name: /^Close \(2\)/ }));
  await liveSays(page, new RegExp(`^${name}: Close circle\\. 1 sorted, 39 to go\\.`));
  await tap(page, cdp, page.getByRole('button', { name: /^Undo \(U\)/ }));
  await liveSays(page, new RegExp(`^Undone: ${name} is back in triage\\.`));
  // The fast list: a page of rows, one tap each; a sorted row leaves and the next move up.
  await tap(page, cdp, page.getByRole('radio', { name: 'List' }));
  await page.getByRole('list', { name: 'Contacts to sort' }).waitFor({ state: 'attached' });
  const rows = page.getByRole('list', { name: 'Contacts to sort' }).getByRole('listitem');
  assert.equal(await rows.count(), 20, 'a page of 20 rows');
  const innerButtons = page.getByRole('button', { name: /^Inner: / });
  const third = (await innerButtons.nth(2).evaluate((el) => el.getAttribute('aria-label') || el.textContent)).replace('Inner: ', '');
  const inner = page.getByRole('button', { name: `Inner: ${third}`, exact: true });
  const b = await box(inner);
  assert.ok(b.height >= 24 && b.width >= 24 && b.x + b.width <= 375, `a row's button is a finger's target: ${JSON.stringify(b)}`);
  await tap(page, cdp, inner);
  await liveSays(page, new RegExp(`^${third}: Inner circle\\. 1 sorted, 39 to go\\.`));
  await inner.waitFor({ state: 'detached' });
  assert.equal(await rows.count(), 20, 'the next row moved up');
  assert.deepEqual(errors, []);
  await ctx.close();
});

const failed = await run('journey triage');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
