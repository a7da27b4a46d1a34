// Journey: every text field, the way a mouse user types. On each page that has
// text fields (the reader, search, and each planner page with its add forms and
// editors open), every field is clicked at its drawn position, typed into,
// pasted into, selected with Ctrl+A and retyped; its value must be exact every
// time. Prints the list of fields covered.
import assert from 'node:assert/strict';
import { startServer } from '../../../scripts/server.mjs';
import { act, click, focused, launch, liveMatches, openWorkbook, run, test, valueIs } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const TYPED = 'Ab 1@é, "x" – 9';
const PASTED = ' pasted: Łukasz Ünal, line';
const RETYPED = 'Replaced – ok';

const fieldSelector = '#wb-semantics [data-role=textbox], #wb-semantics [data-role=textarea]';
const fieldNames = (page) => page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => el.getAttribute('aria-label') || ''), fieldSelector);

// One field: click into it, type, paste, select all and retype.
async function exercise(page, locator, label) {
  await click(page, locator, { x: 0.9, y: 0.5 });
  await focused(locator);
  await act(page, () => page.keyboard.press('Control+End'));  // the caret to the end, whatever was there
  const before = await locator.inputValue();
  await act(page, () => page.keyboard.type(TYPED));
  await valueIs(locator, before + TYPED, `${label}: typed`);
  await act(page, () => page.keyboard.press('Control+V'));
  await valueIs(locator, before + TYPED + PASTED, `${label}: pasted`);
  await act(page, () => page.keyboard.press('Control+A'));
  await act(page, () => page.keyboard.type(RETYPED));
  await valueIs(locator, RETYPED, `${label}: selected all and retyped`);
}

// Every field on the page now (and those that appear while it is worked through).
async function everyField(page, where, covered) {
  const done = new Map();  // name -> how many of that name were done
  for (let guard = 0; guard < 40; guard++) {
    const names = await fieldNames(page);
    const seen = new Map();
    let next = null;
    for (const name of names) {
      const k = seen.get(name) || 0;
      seen.set(name, k + 1);
      if (k >= (done.get(name) || 0) && !next) next = { name, k };
    }
    if (!next) return;
    done.set(next.name, next.k + 1);
    const locator = page.locator(fieldSelector).and(page.locator(`[aria-label="${next.name.replace(/"/g, '\\"')}"]`)).nth(next.k);
    await exercise(page, locator, `${where}: ${next.name}`);
    covered.push(`${where}: ${next.name}`);
  }
  throw new Error(`${where}: more fields than expected`);
}

async function open(page, hash) {
  await page.goto(srv.url + hash);
  await page.waitForFunction(() => window.__appReady === true);
  await page.waitForFunction(() => (window.__wbStats || {}).idle === 1);
}

test('every text field: click, type, paste, select all and retype give exact values', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', { errors });
  // What the learner copied elsewhere, to paste.
  await page.evaluate((t) => navigator.clipboard.writeText(t), PASTED);
  const covered = [];

  await everyField(page, 'reader (Be Proactive)', covered);
  await open(page, '#/read/conclusion');
  await everyField(page, 'reader (Conclusion)', covered);

  // Search: Ctrl+F puts the caret in its field.
  await act(page, () => page.keyboard.press('Control+f'));
  const search = page.locator(fieldSelector).first();
  await focused(search);
  await act(page, () => page.keyboard.type('trade'));
  await valueIs(search, 'trade', 'Ctrl+F then typing: the first word is kept');
  await everyField(page, 'search', covered);
  await act(page, () => page.keyboard.press('Escape'));

  // The planner: contacts, then a contact's page.
  await open(page, '#/planner/contacts');
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  const newName = page.getByRole('textbox', { name: "New contact's name" });
  await click(page, newName);
  await act(page, () => page.keyboard.type('Field Walker'));
  await act(page, () => page.keyboard.press('Enter'));
  await page.getByRole('heading', { name: 'Field Walker', level: 1 }).waitFor();
  await everyField(page, 'contact page', covered);
  await open(page, '#/planner/contacts');
  await everyField(page, 'contacts', covered);

  // The other planner pages: open each "Add" form, then the record it adds.
  const pages = [
    ['organizations', 'Add an organization', 'Add the organization'],
    ['events', 'Add an event', 'Add the event'],
    ['social', 'Add your own social media habit', 'Add the habit'],
    ['targets', 'Add a target company', 'Add the company'],
    ['goals', 'Set your own goal', 'Add the goal'],
  ];
  for (const [slug, toggle, add] of pages) {
    await open(page, `#/planner/${slug}`);
    const open1 = page.getByRole('button', { name: toggle, exact: true });
    if (!(await open1.count())) { covered.push(`${slug}: (no "${toggle}" button)`); continue; }
    await click(page, open1);
    const hasFields = (await fieldNames(page)).length > 0;  // the goals form has only choices
    if (hasFields) await everyField(page, `${slug} (add form)`, covered);
    const addButton = page.getByRole('button', { name: add, exact: true });
    if (await addButton.count()) {
      if (hasFields) {  // a name, so the record can be added and its editor opened
        const name = page.locator(fieldSelector).first();
        await click(page, name);
        await act(page, () => page.keyboard.press('Control+A'));
        await act(page, () => page.keyboard.type(`Walk ${slug}`));
      }
      await click(page, addButton);
      await everyField(page, `${slug} (editor)`, covered);
    }
  }
  console.log(`        ${covered.length} fields covered:\n          ${covered.join('\n          ')}`);
  assert.ok(covered.length >= 20, `at least 20 fields walked (${covered.length})`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a 20 million character paste into a reflection is refused with the limit said under the field; the answer stays, the heap does not grow', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', { errors });
  const area = page.locator(fieldSelector).first();
  await click(page, area);
  await focused(area);
  await act(page, () => page.keyboard.type('Kept answer.'));
  await valueIs(area, 'Kept answer.');
  await page.evaluate(() => {
    navigator.clipboard.writeText('x'.repeat(20000000));  // before: the module aborted at 2 GB of heap
    window.__heapBefore = Module.HEAP8.length;
    // The longest main-thread task from here on (a stall the learner would feel).
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await act(page, () => page.keyboard.press('Control+V'));
  await page.getByText(/this field holds at most 100,000/).first().waitFor();
  const shown = Date.now() - t0;
  await valueIs(area, 'Kept answer.', 'nothing typed before is lost');
  const longest = await page.evaluate(() => window.__longest);
  const heap = await page.evaluate(() => [window.__heapBefore, Module.HEAP8.length]);
  console.log(`        20 M-character paste refused: message after ${shown} ms (as driven), longest main-thread task ${longest.toFixed(0)} ms, heap ${heap[0] >> 20} -> ${heap[1] >> 20} MB`);
  assert.equal(heap[1], heap[0], 'the refused text never reaches the module');
  await act(page, () => page.keyboard.type(' Still typing.'));
  await valueIs(area, 'Kept answer. Still typing.', 'the field works on');
  await liveMatches(page, /holds at most 100,000/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

const failed = await run('journey fields');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
