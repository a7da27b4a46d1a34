// Journey: picking a date from a date field's calendar, as a mouse user at
// 1440 px, a keyboard-only learner, and a phone user at 375 px do it. The touch
// date on a contact's page and an event's date. Only page.mouse, page.keyboard
// and the touchscreen act; the mirror is only read.
import assert from 'node:assert/strict';
import { startServer } from '../../../scripts/server.mjs';
import { act, click, dates, keyboard, launch, liveMatches, openWorkbook, run, tap, test, valueIs } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();

const { parse, iso, plusDays, long: longDate, month: monthOf, addMonths } = dates;

// A new contact, by typing its name into the table's "New contact's name" and Enter.
async function newContact(page, name, tapOrClick) {
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  await tapOrClick(page.getByRole('textbox', { name: "New contact's name" }));
  await act(page, () => page.keyboard.type(name));
  await act(page, () => page.keyboard.press('Enter'));
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

const touchDate = (page) => page.getByRole('textbox', { name: 'Date of the touch' });
const dayRadio = (page, d) => page.getByRole('radio', { name: new RegExp('^' + longDate(d)) });

test('mouse: the touch date from the calendar, a month back; the log says that date', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/planner/contacts', { errors });
  const pointer = (l) => click(page, l);
  await newContact(page, 'Mira Calendar', pointer);
  const today = parse(await touchDate(page).inputValue());
  await pointer(page.getByRole('button', { name: 'Calendar for Date of the touch' }));
  await page.getByRole('radiogroup', { name: monthOf(today) }).waitFor({ state: 'attached' });
  await pointer(page.getByRole('button', { name: 'Previous month' }));
  const lastMonth = addMonths(today, -1);
  await page.getByRole('radiogroup', { name: monthOf(lastMonth) }).waitFor({ state: 'attached' });
  const picked = new Date(Date.UTC(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth(), 15));
  await pointer(dayRadio(page, picked));
  await valueIs(touchDate(page), iso(picked), 'the picked day is in the field');
  await liveMatches(page, new RegExp('Date of the touch: ' + longDate(picked)));
  assert.equal(await page.getByRole('radiogroup', { name: monthOf(lastMonth) }).count(), 0, 'picking closes the calendar');
  await pointer(page.getByRole('button', { name: 'Log this touch' }));
  await liveMatches(page, new RegExp('Touch logged with Mira Calendar on ' + iso(picked)));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('keyboard: Tab to the calendar, arrows and Page Up to a day, Enter; Escape keeps the date; focus never lost', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/planner/contacts', { errors });
  await newContact(page, 'Kofi Keys', (l) => click(page, l));
  const today = parse(await touchDate(page).inputValue());
  const k = keyboard(page);
  const key = k.key, tabTo = k.tabTo;
  // Focus is on the new contact's heading; the date field, then its Calendar button.
  await tabTo(/^Date of the touch$/);
  let f = await key('Tab');
  assert.equal(f.name, 'Calendar for Date of the touch', 'the calendar button follows its field');
  f = await key('Enter');
  assert.deepEqual([f.type, f.checked], ['radio', true], 'opening puts focus on the field\'s day');
  assert.match(f.name, new RegExp('^' + longDate(today) + ', today'));
  f = await key('ArrowLeft');
  assert.match(f.name, new RegExp('^' + longDate(plusDays(today, -1))));
  f = await key('ArrowUp');
  assert.match(f.name, new RegExp('^' + longDate(plusDays(today, -8))));
  f = await key('PageUp');
  const target = addMonths(plusDays(today, -8), -1);
  assert.match(f.name, new RegExp('^' + longDate(target)), 'Page Up: the same day a month earlier');
  await page.getByRole('radiogroup', { name: monthOf(target) }).waitFor({ state: 'attached' });
  // Escape closes and keeps the date; focus is back on the button.
  f = await key('Escape');
  assert.equal(f.name, 'Calendar for Date of the touch');
  assert.equal(await touchDate(page).inputValue(), iso(today), 'Escape changes nothing');
  f = await key('Enter');
  f = await key('PageUp');
  f = await key('ArrowDown');
  const chosen = plusDays(addMonths(today, -1), 7);
  assert.match(f.name, new RegExp('^' + longDate(chosen)));
  f = await key('Enter');
  assert.equal(f.name, 'Calendar for Date of the touch', 'picking gives focus back to the button');
  await valueIs(touchDate(page), iso(chosen));
  await liveMatches(page, new RegExp('Date of the touch: ' + longDate(chosen)));
  await tabTo(/^Log this touch$/);
  await key('Enter');
  await liveMatches(page, new RegExp('Touch logged with Kofi Keys on ' + iso(chosen)));
  console.log(`        ${k.count} keys`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('phone (375 px, touch): an event\'s date from the calendar, next month, then added with that date', async () => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/planner/events', { errors });
  const cdp = await ctx.newCDPSession(page);
  const finger = (l) => tap(page, cdp, l);
  await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  await finger(page.getByRole('button', { name: 'Add an event', exact: true }));
  const date = page.getByRole('textbox', { name: 'Date (YYYY-MM-DD)' });
  await date.waitFor();
  const start = parse(await date.inputValue());  // the form's default, a week ahead
  await finger(page.getByRole('textbox', { name: 'Name' }));
  await act(page, () => page.keyboard.type('Phone Summit'));
  await finger(page.getByRole('button', { name: 'Calendar for Date' }));
  await finger(page.getByRole('button', { name: 'Next month' }));
  const next = addMonths(start, 1);
  await page.getByRole('radiogroup', { name: monthOf(next) }).waitFor({ state: 'attached' });
  const picked = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), 1));
  const b = await dayRadio(page, picked).boundingBox();
  assert.ok(b.width >= 24 && b.height >= 24, `a day is a finger's target (${b.width} x ${b.height})`);
  console.log(`        a day at 375 px: ${b.width} x ${b.height} px`);
  assert.ok(b.x >= 0 && b.x + b.width <= 375, 'the calendar fits the phone');
  await finger(dayRadio(page, picked));
  await valueIs(date, iso(picked));
  await finger(page.getByRole('button', { name: 'Add the event', exact: true }));
  await page.getByRole('region', { name: 'Editing Phone Summit' }).waitFor({ state: 'attached' });
  await valueIs(page.getByRole('textbox', { name: 'Date (YYYY-MM-DD)' }), iso(picked), 'the event is added with the picked date');
  assert.deepEqual(errors, []);
  await ctx.close();
});

const failed = await run('journey dates');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
