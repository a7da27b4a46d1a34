// Journey: a learner with only a keyboard (Tab, Shift+Tab, arrows, Space, Enter)
// at 1440 x 900. Takes a section's quiz and checks each answer, then goes to the
// planner and adds a contact. After every key, DOM focus must be on something
// (never <body>): a screen reader user whose focus drops starts again at the top.
// Prints the keys each task took. Only page.keyboard acts.
import assert from 'node:assert/strict';
import { startServer } from '../../../scripts/server.mjs';
import { keyboard, launch, liveMatches, openWorkbook, run, test } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();

test('keyboard learner: a 5-question quiz checked answer by answer, focus never lost, within 40 keys', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', { errors });
  const k = keyboard(page);
  // Tab to the quiz's first control.
  let f = await k.key('Tab');
  while (!(f.inMirror && (f.type === 'radio' || f.type === 'checkbox'))) {
    assert.ok(k.count < 80, 'the quiz is reachable with Tab');
    f = await k.key('Tab');
  }
  const toQuiz = k.count;
  // Answer as a learner does: pick an option (Space on a radio group's first
  // stop, or the first box of a group with none ticked), skip ordering moves,
  // check each answer, submit.
  const ticked = new Set();
  let checks = 0;
  for (;;) {
    assert.ok(k.count - toQuiz < 200, `the quiz ends (keys so far:\n${k.log.slice(-12).join('\n')})`);
    if (f.type === 'radio' && !f.checked && !ticked.has(f.group)) { ticked.add(f.group); f = await k.key('Space'); continue; }
    if (f.type === 'checkbox' && !ticked.has('boxes of question ' + checks)) { ticked.add('boxes of question ' + checks); f = await k.key('Space'); continue; }
    if (f.tag === 'BUTTON' && /^Check answer/.test(f.name)) {
      checks++;
      f = await k.key('Enter');
      // Focus lands on the verdict: a screen reader reads it, Tab goes on to the next question.
      assert.match(f.name, /^(Correct|Partly right|Not quite)\./, `after "Check answer" focus is on the verdict, not ${f.tag} "${f.name}"`);
      continue;
    }
    if (f.tag === 'BUTTON' && /^Submit quiz/.test(f.name)) {
      f = await k.key('Enter');
      assert.match(f.name, /^Score: \d+%/, `after "Submit quiz" focus is on the score, not ${f.tag} "${f.name}"`);
      break;
    }
    f = await k.key('Tab');
  }
  await page.getByText(/^Score: \d+% \(\d of 5 right\)/).first().waitFor();
  const quizKeys = k.count - toQuiz;
  console.log(`  keys: ${toQuiz} to reach the quiz from a fresh load, ${quizKeys} for the quiz (${checks} answers checked)`);
  if (checks !== 5) console.log(k.log.slice(toQuiz).join('\n'));
  assert.equal(checks, 5);
  assert.ok(quizKeys <= 40, `the quiz took ${quizKeys} keys:\n${k.log.slice(toQuiz).join('\n')}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('keyboard learner: to the planner, add a contact with a company, log a touch; focus never lost', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', { errors });
  const k = keyboard(page);
  const tabTo = k.tabTo;
  const counts = [];
  const task = async (what, fn) => { const start = k.count; await fn(); counts.push(`${what}: ${k.count - start}`); };

  await task('open the planner', async () => {
    await tabTo(/^Your network planner$/);
    const f = await k.key('Enter');
    await page.getByRole('heading', { name: 'This week', level: 1 }).waitFor();
    assert.deepEqual([f.tag, f.name], ['H1', 'This week'], 'a new page: focus on its heading');
  });
  await task('open Contacts', async () => {
    // Focus is on the new page's heading; the planner's pages are listed before it.
    await tabTo(/^Contacts$/, 'Shift+Tab');
    await k.key('Enter');
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  });
  await task('add a contact', async () => {
    const f = await tabTo(/New contact's name/);
    assert.equal(f.tag, 'INPUT');
    await page.keyboard.type('Ngozi Okonkwo');
    await tabTo(/^Add contact$/);
    await k.key('Enter');
    await page.getByRole('heading', { name: 'Ngozi Okonkwo', level: 1 }).waitFor();
  });
  await task('log a touch', async () => {
    await tabTo(/^What happened$/);
    await page.keyboard.type('Coffee after the meetup');
    await tabTo(/^Log this touch$/);
    await k.key('Enter');
    await page.getByText(/Coffee after the meetup/).first().waitFor();
    await liveMatches(page, /Touch logged with Ngozi Okonkwo/);
  });
  await task('give the company', async () => {
    await tabTo(/^Company$/);
    await page.keyboard.type('Lagos Fintech');
    await page.waitForFunction(() => [...document.querySelectorAll('#wb-semantics input')].some((e) => e.value === 'Lagos Fintech'));
  });
  // Back in the table, the company has its own cell.
  await task('back to the table', async () => {
    await tabTo(/^Back to all contacts$/, 'Shift+Tab');
    await k.key('Enter');
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  });
  await page.getByRole('cell', { name: 'Lagos Fintech' }).waitFor();
  console.log(`  keys: ${counts.join(', ')}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('keyboard learner: "Skip to the quiz" from a fresh load in three keys; no such link on a page without a quiz', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', {});
  const k = keyboard(page);
  let f = await k.key('Tab');
  while (f.name !== 'Skip to the quiz') { assert.ok(k.count < 4, 'the skip link comes first'); f = await k.key('Tab'); }
  f = await k.key('Enter');
  assert.ok(f.inMirror && (f.type === 'radio' || f.type === 'checkbox' || f.tag === 'BUTTON'), `focus on the quiz's first control, not ${f.tag} "${f.name}"`);
  const inQuiz = await page.evaluate(() => !!document.activeElement.closest('[data-skip-target]'));
  assert.ok(inQuiz, 'the focused control is inside the quiz');
  // The canvas scrolled to it: the control is drawn inside the window.
  await page.waitForFunction(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: 10000 });
  console.log(`  keys: ${k.count} from a fresh load to the quiz's first answer`);
  // The introduction has no quiz: no such link (opened by its address).
  await page.goto(srv.url + '#/read/introduction');
  await page.getByRole('heading', { name: 'Introduction', level: 1 }).waitFor();
  await page.waitForFunction(() => document.getElementById('wb-skip-quiz').hidden);
  await ctx.close();
});

test('keyboard focus is drawn: the canvas under a control differs when the keyboard focuses it, in each theme', async () => {
  for (const theme of ['light', 'dark']) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
    const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', {});
    const k = keyboard(page);
    const button = page.getByRole('button', { name: 'Settings' });
    const b = await button.boundingBox();
    const clip = { x: b.x - 6, y: b.y - 6, width: b.width + 12, height: b.height + 12 };
    const before = await page.screenshot({ clip });
    let f = await k.key('Tab');
    while (f.name !== 'Settings') { assert.ok(k.count < 40, 'Tab reaches Settings'); f = await k.key('Tab'); }
    const focusedShot = await page.screenshot({ clip });
    assert.ok(!before.equals(focusedShot), `${theme}: the focused Settings button looks the same as unfocused`);
    await k.key('Tab');  // focus moves on: the ring goes with it
    const after = await page.screenshot({ clip });
    assert.ok(!after.equals(focusedShot), `${theme}: the ring stayed after focus moved on`);
    await ctx.close();
  }
});

const failed = await run('journey keyboard');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
