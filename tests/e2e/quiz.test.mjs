// End-to-end: a whole section quiz answered through the semantics tree, as a
// keyboard or screen-reader user would, then checked after a reload.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../../scripts/server.mjs';
import { idle, launch, liveMatches, openWorkbook, press, run, saved, test } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const URL = srv.url;
// The compiled chapter tells the test which answers are right (the page shuffles them).
const chapter = JSON.parse(readFileSync('build/native/gen/content.json', 'utf8'));
const quiz = chapter.quizzes.find((q) => q.section === 'be-proactive');
const question = (kind) => quiz.questions.find((q) => q.kind === kind);


test('a whole section quiz: answers, per-option feedback, score, pass, and reload', async () => {
  const ctx = await browser.newContext();
  const page = await openWorkbook(ctx, URL + '#/read/be-proactive');
  await idle(page);

  // Single choice, checked at once: correct.
  const single = question('single');
  const group1 = page.getByRole('radiogroup', { name: single.prompt });
  await press(group1.getByRole('radio', { name: single.options.find((o) => o.correct).text }));
  await press(page.getByRole('button', { name: 'Check answer to question 1' }), 'Enter');
  await page.waitForFunction(() => document.getElementById('wb-live').textContent.startsWith('Correct.'));

  // Ordering: move each item up into place with the Move up buttons.
  const ordering = question('ordering');
  for (let target = 0; target < ordering.options.length; target++) {
    const item = ordering.options[target];
    for (let guard = 0; guard < 10; guard++) {
      const items = await page.getByRole('list', { name: ordering.prompt }).getByRole('listitem').allTextContents();
      const at = items.findIndex((t) => t.includes(item.text));
      assert.ok(at >= 0, `item "${item.text}" is listed`);
      if (at === target) break;
      await press(page.getByRole('button', { name: `Move up: ${item.text}` }), 'Enter');
    }
  }
  await press(page.getByRole('button', { name: 'Check answer to question 2' }), 'Enter');
  await page.waitForFunction(() => document.getElementById('wb-live').textContent.startsWith('Correct.'));

  // Scenario: correct.
  const scenario = question('scenario');
  await press(page.getByRole('radiogroup', { name: scenario.prompt }).getByRole('radio', { name: scenario.options.find((o) => o.correct).text }));
  await press(page.getByRole('button', { name: 'Check answer to question 3' }), 'Enter');

  // True/false: answered wrongly on purpose, to see the option's feedback.
  const tf = question('true_false');
  const wrong = tf.options.find((o) => !o.correct);
  await press(page.getByRole('radiogroup', { name: tf.prompt }).getByRole('radio', { name: wrong.text }));
  await press(page.getByRole('button', { name: 'Check answer to question 4' }), 'Enter');
  await page.waitForFunction(() => document.getElementById('wb-live').textContent.startsWith('Not quite.'));
  await page.getByText(wrong.feedback).first().waitFor();

  // Multiple select: tick every correct option.
  const multiple = question('multiple');
  for (const o of multiple.options.filter((o) => o.correct)) await press(page.getByRole('checkbox', { name: o.text }));
  await press(page.getByRole('button', { name: 'Check answer to question 5' }), 'Enter');

  // Self-ratings (not scored).
  for (const sr of quiz.questions.filter((q) => q.kind === 'self_rating'))
    await press(page.getByRole('radiogroup', { name: sr.prompt }).getByRole('radio', { name: '4' }));

  await press(page.getByRole('button', { name: `Submit quiz: ${quiz.title}` }), 'Enter');
  await liveMatches(page, /Quiz submitted\. Score 80%\. Passed\./);
  await page.getByText('Score: 80% (4 of 5 right). Passed. Attempts: 1.').waitFor();
  await saved(page);

  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await idle(page);
  await page.getByText('Score: 80% (4 of 5 right). Passed. Attempts: 1.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Be Proactive' }).first().getAttribute('aria-description'), 'Quiz passed');
  // The results panel shows the mastery and the self-ratings.
  await press(page.getByRole('button', { name: 'Your results' }), 'Enter');
  await page.getByText(/Be Proactive: best 80%, 5 of 5 answered, 1 attempt, mastered/).first().waitFor();
  await page.getByText('Be Proactive: 4.0 of 5').waitFor();
  await ctx.close();
});

test('retry wrong answers only keeps the right ones and counts a second attempt', async () => {
  const ctx = await browser.newContext();
  const page = await openWorkbook(ctx, URL + '#/read/be-proactive');
  await idle(page);
  const single = question('single');
  await press(page.getByRole('radiogroup', { name: single.prompt }).getByRole('radio', { name: single.options.find((o) => o.correct).text }));
  await press(page.getByRole('button', { name: `Submit quiz: ${quiz.title}` }), 'Enter');
  await liveMatches(page, /Score 20%\. Not passed yet/);
  await press(page.getByRole('button', { name: 'Retry wrong answers only' }), 'Enter');
  // The right answer is still chosen; the rest are open again.
  assert.equal(await page.getByRole('radiogroup', { name: single.prompt }).getByRole('radio', { name: single.options.find((o) => o.correct).text }).isChecked(), true);
  await press(page.getByRole('button', { name: `Submit quiz: ${quiz.title}` }), 'Enter');
  await page.getByText(/Attempts: 2\./).waitFor();
  await ctx.close();
});

test('the final check holds its feedback until submit', async () => {
  const ctx = await browser.newContext();
  const page = await openWorkbook(ctx, URL + '#/read/conclusion');
  await idle(page);
  const final = chapter.quizzes.find((q) => q.section === 'conclusion');
  const q1 = final.questions.find((q) => q.kind === 'single' || q.kind === 'scenario' || q.kind === 'true_false');
  await press(page.getByRole('radiogroup', { name: q1.prompt }).getByRole('radio', { name: q1.options[0].text }));
  assert.equal(await page.getByRole('button', { name: /Check answer/ }).count(), 0, 'no per-answer check in on-submit mode');
  await press(page.getByRole('button', { name: `Submit quiz: ${final.title}` }), 'Enter');
  await liveMatches(page, /Quiz submitted\. Score \d+%/);
  await ctx.close();
});

const failed = await run('e2e quiz');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
