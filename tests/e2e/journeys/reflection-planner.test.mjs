// Journey: a reflection that names people, an event or an organization offers them
// to the planner. A learner with a mouse (1440 px), on a phone (375 px, taps and the
// on-screen keyboard) and with the keyboard alone writes an answer with names in
// several scripts, sees each name ticked under it, unticks one, adds the rest with
// one press and finds them in the planner, also after a reload. Only page.mouse,
// page.touchscreen, page.keyboard and CDP input act.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../../../scripts/server.mjs';
import {
  act, click, clickAndType, focused, focusedNow, keyboard, launch, liveSays, openWorkbook, run, saved, tap, test, valueIs,
} from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const chapter = JSON.parse(readFileSync('build/native/gen/content.json', 'utf8'));
const prompt = (id) => chapter.sections.flatMap((s) => s.reflections).find((r) => r.id === id);
const people = prompt('building-relationships.r1');
const event = prompt('attend-industry-events.r1');
assert.equal(people.planner, 'contacts');
assert.equal(event.planner, 'event');

const offerOf = (page) => page.getByRole('group', { name: 'Add the people you named to your planner' });
const box = (page, name) => page.getByRole('checkbox', { name, exact: true });
const isChecked = (page, name) => box(page, name).evaluate((el) => el.checked);

// The planner's Contacts page lists these names (read from the mirror's table).
async function plannerHolds(page, names) {
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  for (const n of names) await page.getByRole('rowheader', { name: n }).first().waitFor({ state: 'attached', timeout: 10000 });
}

test('mouse learner: names in an answer are offered, one unticked, the rest added with one click; kept after a reload', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/building-relationships', { errors });
  const area = page.getByRole('textbox', { name: people.text, exact: true });
  await clickAndType(page, area, '1. Zoë Müller - runs the data guild');
  await act(page, () => page.keyboard.press('Enter'));
  await act(page, () => page.keyboard.type('2. Олег Петров: hires analysts'));
  await act(page, () => page.keyboard.press('Enter'));
  await act(page, () => page.keyboard.type('3. 田中 花子 (my old mentor)'));
  await offerOf(page).waitFor({ state: 'attached' });
  for (const n of ['Zoë Müller', 'Олег Петров', '田中 花子']) assert.ok(await isChecked(page, n), `${n} is offered, ticked`);

  await click(page, box(page, 'Олег Петров'), { x: 0.05, y: 0.5 });
  assert.equal(await isChecked(page, 'Олег Петров'), false, 'a click unticks it');
  await click(page, page.getByRole('button', { name: 'Add 2 contacts' }));
  await liveSays(page, /Added 2 contacts to your planner: Zoë Müller and 田中 花子\./);
  await page.getByText('Zoë Müller: in your planner').waitFor();
  assert.equal(await isChecked(page, 'Олег Петров'), false, 'the one left out is still offered, unticked');
  await page.screenshot({ path: 'build/journey-reflection-offer-1440.png' });

  await click(page, page.getByRole('button', { name: 'Open the planner' }));
  await plannerHolds(page, ['Zoë Müller', '田中 花子']);
  assert.equal(await page.getByRole('rowheader', { name: 'Олег Петров' }).count(), 0, 'the unticked name was not added');

  await saved(page);
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await plannerHolds(page, ['Zoë Müller', '田中 花子']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('phone learner at 375 px: an event named in an answer is added with a tap', async () => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/attend-industry-events', { errors });
  const cdp = await ctx.newCDPSession(page);
  const area = page.getByRole('textbox', { name: event.text, exact: true });
  await tap(page, cdp, area);
  await focused(area);
  for (const piece of ['Nordic', ' Testing', ' Days', ' -', ' meet', ' two', ' speakers'])
    await act(page, async () => {
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', windowsVirtualKeyCode: 229, key: 'Unidentified', code: '' });
      await cdp.send('Input.insertText', { text: piece });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: 229, key: 'Unidentified', code: '' });
    });
  await valueIs(area, 'Nordic Testing Days - meet two speakers');
  await page.getByRole('group', { name: 'Add this event to your planner' }).waitFor({ state: 'attached' });
  assert.ok(await isChecked(page, 'Nordic Testing Days'));
  await tap(page, cdp, page.getByRole('button', { name: 'Add the event' }));
  await liveSays(page, /Added the event Nordic Testing Days to your planner, without a date yet/);
  await page.screenshot({ path: 'build/journey-reflection-offer-375.png' });
  await tap(page, cdp, page.getByRole('button', { name: 'Open the planner' }));
  await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  await page.getByText('Nordic Testing Days').first().waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('keyboard learner: Tab to the answer, type, Tab through the offer, Space unticks, Enter adds; focus goes on, never lost', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/building-relationships', { errors });
  const k = keyboard(page);
  const f = await k.tabTo(new RegExp('^' + people.text.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(f.tag, 'TEXTAREA');
  await act(page, () => page.keyboard.type('María José García; Σοφία Παπαδοπούλου; Ahmed Khan'));
  await offerOf(page).waitFor({ state: 'attached' });

  let now = await k.key('Tab');
  assert.equal(now.role, 'checkbox', `Tab leaves the answer for the first name (${now.name})`);
  assert.match(now.name, /María José García/);
  now = await k.tabTo(/^Ahmed Khan$/);
  await k.key(' ');
  assert.equal(await isChecked(page, 'Ahmed Khan'), false, 'Space unticks');
  now = await k.tabTo(/^Add 2 contacts$/);
  await k.key('Enter');
  await liveSays(page, /Added 2 contacts to your planner: María José García and Σοφία Παπαδοπούλου\./);
  // The names added are no longer boxes to tick; the focus moved on to the planner's button.
  await page.waitForFunction(() => document.activeElement && (document.activeElement.getAttribute('aria-label') || document.activeElement.textContent) === 'Open the planner',
    null, { timeout: 10000 }).catch(() => {});
  now = await focusedNow(page);
  assert.equal(now.name, 'Open the planner', 'the focus moves on from the add button (gone) to the planner\'s');
  await k.key('Enter');
  await plannerHolds(page, ['María José García', 'Σοφία Παπαδοπούλου']);
  assert.equal(await page.getByRole('rowheader', { name: 'Ahmed Khan' }).count(), 0);
  console.log(`keyboard: ${k.count} keys from the page's top to the planner holding the two names`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

const failed = await run('journey reflection to planner');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
