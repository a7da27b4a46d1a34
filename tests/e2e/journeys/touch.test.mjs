// Journey: a learner on a 375 x 812 phone (touch, no mouse). Taps a field and
// writes with the on-screen keyboard (CDP Input.insertText: input events with
// key code 229, as a virtual keyboard sends them), composes Japanese with an IME
// (CDP Input.imeSetComposition), answers a quiz by tapping, adds a contact, and
// after a tap types on a Bluetooth keyboard (page.keyboard). A reload keeps it all.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../../../scripts/server.mjs';
import { act, focused, launch, liveSays, openWorkbook, run, saved, tap, test, valueIs } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const chapter = JSON.parse(readFileSync('build/native/gen/content.json', 'utf8'));
const section = chapter.sections.find((s) => s.id === 'be-proactive');
const quiz = chapter.quizzes.find((q) => q.section === 'be-proactive');

// What an on-screen keyboard sends: a key event with code 229 ("being composed"),
// then the text as an input event, a key or a word from the suggestions at a time.
async function virtualType(page, cdp, pieces) {
  for (const p of pieces) {
    await act(page, async () => {
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', windowsVirtualKeyCode: 229, key: 'Unidentified', code: '' });
      await cdp.send('Input.insertText', { text: p });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: 229, key: 'Unidentified', code: '' });
    });
  }
}

test('touch learner at 375 px: tap a field, on-screen keyboard and IME text land once; quiz and contact by taps', async () => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', { errors });
  const cdp = await ctx.newCDPSession(page);
  // Count the key events a virtual keyboard's text arrives with (key code 229).
  await page.evaluate(() => {
    window.__keys229 = 0;
    document.addEventListener('keydown', (e) => { if (e.keyCode === 229) window.__keys229++; }, true);
  });

  const prompt = section.reflections[0].text;
  const area = page.getByRole('textbox', { name: prompt, exact: true });
  await tap(page, cdp, area);
  await focused(area);
  await virtualType(page, cdp, ['I', ' will', ' ask', ' Dana', ',', ' then', ' é', '.']);
  await valueIs(area, 'I will ask Dana, then é.', 'each piece of on-screen keyboard text lands once');

  // Japanese through an IME: the composition shows in place and commits exactly once.
  await act(page, () => cdp.send('Input.insertText', { text: ' ' }));
  await act(page, () => cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 }));
  await valueIs(area, 'I will ask Dana, then é. にほん', 'the composition is in the field while it is composed');
  await act(page, () => cdp.send('Input.imeSetComposition', { text: '日本', selectionStart: 2, selectionEnd: 2 }));
  await act(page, () => cdp.send('Input.insertText', { text: '日本' }));
  await valueIs(area, 'I will ask Dana, then é. 日本', 'the composition committed once');

  // Chinese (pinyin: the Latin letters compose, a choice commits) and Korean (jamo build a syllable).
  for (const [steps, commit] of [[['n', 'ni', 'nih', 'niha', 'nihao'], '你好'], [['ㅎ', '하', '한'], '한']]) {
    const before = await area.inputValue();
    for (const t of steps) await act(page, () => cdp.send('Input.imeSetComposition', { text: t, selectionStart: t.length, selectionEnd: t.length }));
    await valueIs(area, before + steps[steps.length - 1], 'the composition shows in place');
    await act(page, () => cdp.send('Input.insertText', { text: commit }));
    await valueIs(area, before + commit, `${commit} committed exactly once`);
  }

  // A Bluetooth keyboard after the tap: its keys land too.
  await act(page, () => page.keyboard.type(' Ab 1@'));
  await valueIs(area, 'I will ask Dana, then é. 日本你好한 Ab 1@');
  const answer = await area.inputValue();

  // The quiz, by taps.
  const single = quiz.questions.find((q) => q.kind === 'single');
  const n = quiz.questions.indexOf(single) + 1;
  const right = single.options.find((o) => o.correct).text;
  const radio = page.getByRole('radiogroup', { name: single.prompt }).getByRole('radio', { name: right });
  await tap(page, cdp, radio, { x: 0.2, y: 0.5 });
  await page.waitForFunction((el) => el.checked, await radio.elementHandle());
  await tap(page, cdp, page.getByRole('button', { name: `Check answer to question ${n}` }));
  await liveSays(page, /^Correct\./);

  // A new contact, by taps and the on-screen keyboard.
  await tap(page, cdp, page.getByRole('button', { name: 'Your network planner' }));
  // The page strip's links are drawn narrower than their boxes (issue 17): tap the word itself.
  await tap(page, cdp, page.getByRole('link', { name: 'Contacts', exact: true }), { x: 0.08, y: 0.5 });
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  const name = page.getByRole('textbox', { name: "New contact's name" });
  await tap(page, cdp, name);
  await focused(name);
  await virtualType(page, cdp, ['Zoë', ' O\'Brien', ' 7']);
  await valueIs(name, "Zoë O'Brien 7");
  await tap(page, cdp, page.getByRole('button', { name: 'Add contact' }));
  await page.getByRole('heading', { name: "Zoë O'Brien 7", level: 1 }).waitFor();
  const company = page.getByRole('textbox', { name: 'Company', exact: true });
  await tap(page, cdp, company);
  await focused(company);
  await virtualType(page, cdp, ['Łódź', ' Transit']);
  await valueIs(company, 'Łódź Transit');

  // The page never zoomed in on a field (a phone zooms on text under 16 px).
  const zoom = await page.evaluate(() => (window.visualViewport ? window.visualViewport.scale : 1));
  assert.equal(zoom, 1, 'no zoom on focus');
  const keys = await page.evaluate(() => window.__keys229);
  assert.equal(keys, 13, 'every on-screen keyboard piece came with its key event of code 229');

  await saved(page);
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await page.getByRole('heading', { name: "Zoë O'Brien 7", level: 1 }).waitFor({ timeout: 15000 });
  await valueIs(page.getByRole('textbox', { name: 'Company', exact: true }), 'Łódź Transit', 'the company after a reload');
  await page.goto(srv.url + '#/read/be-proactive');
  await page.waitForFunction(() => window.__appReady === true);
  await valueIs(page.getByRole('textbox', { name: prompt, exact: true }), answer, 'the reflection after a reload');
  assert.deepEqual(errors, []);
  await ctx.close();
});

const failed = await run('journey touch');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
