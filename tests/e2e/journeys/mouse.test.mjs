// Journey: a learner with a mouse and a keyboard at 1440 x 900. Reads a section,
// writes a reflection, answers a quiz by clicking, adds a contact in the planner
// field by field, logs a touch, reloads: everything is there. Only page.mouse and
// page.keyboard act; locators find where things are drawn and read values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../../../scripts/server.mjs';
import { act, click, clickAndType, launch, liveSays, openWorkbook, run, saved, test, valueIs, wheelIntoView } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const chapter = JSON.parse(readFileSync('build/native/gen/content.json', 'utf8'));
const section = chapter.sections.find((s) => s.id === 'be-proactive');
const quiz = chapter.quizzes.find((q) => q.section === 'be-proactive');

test('mouse learner: reflection, quiz, a new contact field by field, a touch; all kept after a reload', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', { errors });

  // A reflection, written after clicking into the field.
  const prompt = section.reflections[0].text;
  const area = page.getByRole('textbox', { name: prompt, exact: true });
  await clickAndType(page, area, 'Ab 1@é zq');
  await act(page, () => page.keyboard.press('Enter'));
  await act(page, () => page.keyboard.type('Second line, with “quotes” – and 9 digits.'));
  const answer = 'Ab 1@é zq\nSecond line, with “quotes” – and 9 digits.';
  await valueIs(area, answer);

  // Clicking in the middle of the text puts the caret there: typing inserts at that point.
  const b = await wheelIntoView(page, area);
  await act(page, () => page.mouse.click(b.x + 6, b.y + b.height / 2 > b.y + 30 ? b.y + 14 : b.y + b.height / 2));
  await act(page, () => page.keyboard.press('Home'));
  await act(page, () => page.keyboard.type('>'));
  await valueIs(area, '>' + answer, 'Home then a character goes to the start of the first line');
  await act(page, () => page.keyboard.press('Backspace'));
  await valueIs(area, answer);

  // The quiz, by clicking options and buttons.
  const single = quiz.questions.find((q) => q.kind === 'single');
  const n = quiz.questions.indexOf(single) + 1;
  const right = single.options.find((o) => o.correct).text;
  const radio = page.getByRole('radiogroup', { name: single.prompt }).getByRole('radio', { name: right });
  await click(page, radio, { x: 0.1, y: 0.5 });
  await page.waitForFunction((el) => el.checked, await radio.elementHandle());
  await click(page, page.getByRole('button', { name: `Check answer to question ${n}` }));
  await liveSays(page, /^Correct\./);

  // The planner: a new contact, typed after a click; Enter adds it.
  await click(page, page.getByRole('button', { name: 'Your network planner' }));
  await click(page, page.getByRole('link', { name: 'Contacts', exact: true }));
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  const name = page.getByRole('textbox', { name: "New contact's name" });
  await clickAndType(page, name, "Zoë O'Brien 7");
  await act(page, () => page.keyboard.press('Enter'));
  await page.getByRole('heading', { name: "Zoë O'Brien 7", level: 1 }).waitFor();

  // Each detail field: click, type.
  const details = { Company: 'Nordlicht GmbH', Role: 'Head of Data', Industry: 'Energy', Location: 'Kraków',
    Email: 'zoe@example.org', 'How and where we met': 'PyData 2019, the hallway track' };
  for (const [label, text] of Object.entries(details))
    await clickAndType(page, page.getByRole('textbox', { name: label, exact: true }), text);
  await clickAndType(page, page.getByRole('textbox', { name: 'Notes', exact: true }), 'Prefers e-mail.\nAsk about the grid project.');

  // Log a touch with a note.
  await clickAndType(page, page.getByRole('textbox', { name: 'What happened' }), 'Coffee: the grid team is hiring');
  await click(page, page.getByRole('button', { name: 'Log this touch' }));
  await liveSays(page, /Touch logged with Zoë O'Brien 7/);

  // Reload: the reflection, the answer and the contact are all there.
  await saved(page);
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await page.getByRole('heading', { name: "Zoë O'Brien 7", level: 1 }).waitFor({ timeout: 15000 });
  for (const [label, text] of Object.entries(details))
    await valueIs(page.getByRole('textbox', { name: label, exact: true }), text, `${label} after a reload`);
  await page.getByText(/Coffee: the grid team is hiring/).first().waitFor();
  await page.goto(srv.url + '#/read/be-proactive');
  await page.waitForFunction(() => window.__appReady === true);
  await valueIs(page.getByRole('textbox', { name: prompt, exact: true }), answer, 'the reflection after a reload');
  assert.deepEqual(errors, []);
  await ctx.close();
});

const failed = await run('journey mouse');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
