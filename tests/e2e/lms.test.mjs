// End-to-end: the SCORM packages in a real SCORM run-time (npm scorm-again).
// A harness page on the same origin plays the LMS (tests/e2e/lms-harness/)
// and loads the unzipped package's launch page in an iframe; the learner path
// runs through the workbook's semantics tree; the values scorm-again holds are
// checked, then a relaunch with them in a fresh browser profile (nothing on
// the device) must restore the learner's work exactly. Any error scorm-again
// records fails the test.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idle, launch, press, run, test } from './lib.mjs';
import { chapter, get, H, lmsErrors, openLms as open, serveLms } from './lms-harness/lms.mjs';

const lms = await serveLms();
const ORIGIN = lms.origin;
const unpacked = lms.unpacked;
const browser = await launch();
const finalQuiz = chapter.quizzes.find((q) => q.id === chapter.completion.final_quiz);
const proactive = chapter.quizzes.find((q) => q.section === 'be-proactive');

// Opens the harness as the LMS for `version` and launches the package (cmi: stored data to resume from).
async function openLms(context, version, cmi = null) {
  const opened = await open(ORIGIN, context, version, cmi);
  await idle(opened.page);
  return opened;
}

async function openSection(page, frame, id) {
  await page.evaluate((h) => { document.getElementById('sco').contentWindow.location.hash = h; }, `#/read/${id}`);
  const title = chapter.sections.find((s) => s.id === id).title;
  await frame.getByRole('heading', { level: 1, name: title }).waitFor();
  return title;
}

// Reads every section to its end (the contents entry then says "Finished reading").
async function readEverything(page, frame) {
  for (const s of chapter.sections) {
    const title = await openSection(page, frame, s.id);
    await frame.getByRole('heading', { level: 1, name: title }).focus();
    await idle(page);
    await page.keyboard.press('End');
    const entry = frame.getByRole('link', { name: title }).first();
    for (let i = 0; i < 40 && !/Finished reading|Quiz passed/.test((await entry.getAttribute('aria-description')) || ''); i++) {
      await page.keyboard.press('End');
      await idle(page);
    }
    assert.match((await entry.getAttribute('aria-description')) || '', /Finished reading|Quiz passed/, `${s.id} counts as read`);
  }
}

// Answers every question of the final check correctly and submits it.
async function passFinalCheck(page, frame) {
  await openSection(page, frame, 'conclusion');
  for (const q of finalQuiz.questions) {
    if (q.kind === 'ordering') {
      for (let target = 0; target < q.options.length; target++) {
        const item = q.options[target];
        for (let guard = 0; guard < 10; guard++) {
          const items = await frame.getByRole('list', { name: q.prompt }).getByRole('listitem').allTextContents();
          const at = items.findIndex((t) => t.includes(item.text));
          if (at === target) break;
          await press(frame.getByRole('button', { name: `Move up: ${item.text}` }), 'Enter');
        }
      }
    } else if (q.kind === 'multiple') {
      for (const o of q.options.filter((o) => o.correct)) await press(frame.getByRole('checkbox', { name: o.text }));
    } else {
      await press(frame.getByRole('radiogroup', { name: q.prompt }).getByRole('radio', { name: q.options.find((o) => o.correct).text }));
    }
  }
  await press(frame.getByRole('button', { name: `Submit quiz: ${finalQuiz.title}` }), 'Enter');
  await frame.getByText(/Score: 100% \(11 of 11 right\)\. Passed\. Attempts: 1\./).waitFor();
}

// One answered (and checked) question in a section quiz, and a self-rating.
async function answerProactive(page, frame) {
  await openSection(page, frame, 'be-proactive');
  const single = proactive.questions.find((q) => q.kind === 'single');
  await press(frame.getByRole('radiogroup', { name: single.prompt }).getByRole('radio', { name: single.options.find((o) => o.correct).text }));
  await press(frame.getByRole('button', { name: 'Check answer to question 1' }), 'Enter');
  const rating = proactive.questions.find((q) => q.kind === 'self_rating');
  await press(frame.getByRole('radiogroup', { name: rating.prompt }).getByRole('radio', { name: '2' }));
}

const REFLECTION = 'Ask Priya | how she moved ~ into UX research, then follow up within 48 hours.';

async function writeReflection(page, frame) {
  const intro = chapter.sections.find((s) => s.id === 'be-proactive');
  const box = frame.getByRole('textbox', { name: intro.reflections[0].text }).or(frame.locator('textarea[aria-label]').first());
  await box.first().focus();
  await page.keyboard.type(REFLECTION);
  await idle(page);  // saves are debounced
}

for (const version of [12, 2004]) {
  const v12 = version === 12;
  const el = v12
    ? { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit',
        session: 'cmi.core.session_time', response: 'student_response', wrong: 'wrong' }
    : { status: 'cmi.completion_status', raw: 'cmi.score.raw', location: 'cmi.location', exit: 'cmi.exit',
        session: 'cmi.session_time', response: 'learner_response', wrong: 'incorrect' };

  test(`SCORM ${v12 ? '1.2' : '2004'}: a learner path is reported, finished once, and restored on relaunch`, async () => {
    const ctx = await browser.newContext();
    const learner = v12 ? { core: { student_id: 'L7', student_name: 'Seven, Eve' } } : { learner_id: 'L7', learner_name: 'Seven, Eve' };
    const { page, frame, errors } = await openLms(ctx, version, learner);
    assert.equal(await H(page, (n) => window.harness.count(n), v12 ? 'LMSInitialize' : 'Initialize'), 1);
    assert.equal(await get(page, el.status), 'incomplete');

    await answerProactive(page, frame);
    await writeReflection(page, frame);
    await readEverything(page, frame);
    assert.equal(await get(page, el.status), 'incomplete', 'everything read, the final check not attempted yet');
    await passFinalCheck(page, frame);
    await page.waitForFunction((e) => window.harness.get(e) === (e === 'cmi.core.lesson_status' ? 'passed' : 'completed'), el.status);

    // What scorm-again holds.
    if (v12) {
      assert.equal(await get(page, 'cmi.core.score.min'), '0');
      assert.equal(await get(page, 'cmi.core.score.max'), '100');
    } else {
      assert.equal(await get(page, 'cmi.success_status'), 'passed');
      assert.equal(await get(page, 'cmi.score.scaled'), '1');
    }
    assert.equal(await get(page, el.raw), '100');
    assert.equal(await get(page, el.location), 'conclusion');
    const suspend = await get(page, 'cmi.suspend_data');
    assert.match(suspend, /^w1\|/);
    assert.ok(suspend.length <= 4000, `suspend_data is ${suspend.length} characters`);
    assert.ok(suspend.includes('Ask Priya \\| how she moved \\~ into UX research'), 'the reflection travels, escaped');
    const cmi = await H(page, () => window.harness.stored());
    const root = cmi.cmi || cmi;
    const interactions = Object.values(root.interactions.childArray || root.interactions).map((x) => ({
      id: x.id, type: x.type, response: x.student_response ?? x.learner_response, result: String(x.result) }));
    assert.equal(interactions.length, 2 + finalQuiz.questions.length, 'one per answered question');
    const single = proactive.questions.find((q) => q.kind === 'single');
    assert.deepEqual(interactions[0], { id: single.id.replace('.', '_'), type: 'choice',
      response: v12 ? String.fromCharCode(97 + single.options.findIndex((o) => o.correct)) : single.options.find((o) => o.correct).id,
      result: 'correct' });
    assert.equal(interactions[1].type, 'likert');
    assert.equal(interactions[1].response, '2');
    assert.equal(interactions[1].result, 'neutral');
    for (const x of interactions.slice(2)) {
      assert.match(x.id, /^final-check_f\d+$/);
      assert.equal(x.result, 'correct', x.id);
    }
    const tf = interactions.find((x) => x.type === 'true-false');
    assert.ok(tf && (v12 ? /^[tf]$/ : /^(true|false)$/).test(tf.response));
    const seq = interactions.find((x) => x.type === 'sequencing');
    assert.ok(seq && (v12 ? /^[a-z](,[a-z])+$/ : /^[a-z0-9-]+(\[,\][a-z0-9-]+)+$/).test(seq.response), seq && seq.response);
    assert.equal(Number(await get(page, 'cmi.objectives._count')), chapter.sections.length);
    // Session time as the workbook sent it, in the version's format, and as scorm-again keeps it.
    const sent = await H(page, (name) => window.harness.calls.filter((c) => c.args[0] === name).map((c) => c.args[1]), el.session);
    assert.ok(sent.length > 0);
    for (const t of sent) assert.match(t, v12 ? /^\d{4}:\d\d:\d\d\.\d\d$/ : /^PT\d+H\d+M\d+(\.\d{1,2})?S$/);
    assert.match(v12 ? root.core.session_time : root.session_time, v12 ? /^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/ : /^PT/);
    const exits = await H(page, (name) => window.harness.calls.filter((c) => c.args[0] === name).map((c) => c.args[1]), el.exit);
    assert.equal(exits[0], 'suspend', 'suspended while incomplete');
    assert.equal(exits[exits.length - 1], v12 ? '' : 'normal', 'complete: no longer suspended');

    // Inside an LMS the settings say what goes to it, and that the planner stays on this device.
    await press(frame.getByRole('button', { name: 'Settings' }), 'Enter');
    await frame.getByText(/This is the work of Seven, Eve, learner id L7 in this course\. .*your course system also receives .* your planner is kept on this device only\./).waitFor();

    // Leaving the page (pagehide): Finish/Terminate exactly once.
    await H(page, () => { document.getElementById('sco').src = 'about:blank'; });
    const finish = v12 ? 'LMSFinish' : 'Terminate';
    await page.waitForFunction((n) => window.harness.count(n) >= 1, finish);
    await page.waitForTimeout(300);  // a negative check: a second Finish would follow at once; give it time to show
    assert.equal(await H(page, (n) => window.harness.count(n), finish), 1);
    assert.deepEqual(await lmsErrors(page), [], 'scorm-again recorded no error');
    assert.deepEqual(errors, []);

    // What the LMS stores, handed back on a relaunch in a fresh profile (nothing on the device).
    const stored = await H(page, (v) => {
      const g = (e) => window.harness.get(e);
      return v === 12
        ? { core: { entry: 'resume', lesson_location: g('cmi.core.lesson_location'), lesson_status: g('cmi.core.lesson_status'),
            score: { raw: g('cmi.core.score.raw'), min: g('cmi.core.score.min'), max: g('cmi.core.score.max') } },
            suspend_data: g('cmi.suspend_data') }
        : { entry: 'resume', location: g('cmi.location'), completion_status: g('cmi.completion_status'),
            success_status: g('cmi.success_status'), score: { scaled: g('cmi.score.scaled'), raw: g('cmi.score.raw'),
            min: g('cmi.score.min'), max: g('cmi.score.max') }, suspend_data: g('cmi.suspend_data') };
    }, version);
    await ctx.close();

    const ctx2 = await browser.newContext();
    const again = await openLms(ctx2, version, stored);
    const f2 = again.frame;
    await f2.getByRole('heading', { level: 1, name: chapter.sections.find((s) => s.id === 'conclusion').title }).waitFor();
    await f2.getByText(/Score: 100% \(11 of 11 right\)\. Passed\. Attempts: 1\./).waitFor();
    await openSection(again.page, f2, 'be-proactive');
    assert.equal(await f2.getByRole('radiogroup', { name: single.prompt })
      .getByRole('radio', { name: single.options.find((o) => o.correct).text }).isChecked(), true);
    const rating = proactive.questions.find((q) => q.kind === 'self_rating');
    assert.equal(await f2.getByRole('radiogroup', { name: rating.prompt }).getByRole('radio', { name: '2' }).isChecked(), true);
    assert.ok((await f2.locator('textarea').evaluateAll((els) => els.map((e) => e.value))).includes(REFLECTION));
    for (const s of chapter.sections) {
      const d = await f2.getByRole('link', { name: s.title }).first().getAttribute('aria-description');
      assert.match(d || '', /Finished reading|Quiz passed/, `${s.id} still read`);
    }
    // The resumed session reports the same state back.
    await idle(again.page, 900);
    assert.equal(await get(again.page, el.raw), '100');
    assert.deepEqual(await lmsErrors(again.page), []);
    assert.deepEqual(again.errors, []);
    await ctx2.close();
  });
}

test('SCORM 1.2: an LMS that refuses saves: the learner is told, nothing is lost, and it is sent once the LMS recovers', async () => {
  const ctx = await browser.newContext();
  const { page, frame, errors } = await openLms(ctx, 12, { core: { student_id: 'L8', student_name: 'Eight' } });
  await H(page, () => { window.harness.failing = true; });
  await answerProactive(page, frame);
  const status = frame.getByRole('status').filter({ hasText: 'Your course system did not accept the last save (error 101' });
  await status.first().waitFor({ timeout: 10000 });
  assert.match(await status.first().textContent(), /Your work is kept on this device and will be sent again in \d+ seconds\./);
  assert.equal(await H(page, () => window.harness.api.cmi.interactions.childArray.length), 0, 'the LMS has nothing yet');
  // The work is on this device meanwhile, in this learner's own copy.
  const local = await page.evaluate(() => {
    const ls = document.getElementById('sco').contentWindow.localStorage;
    const key = Object.keys(ls).find((k) => /^networking-workbook\/lms\/[^/]+\/L8\/state$/.test(k));
    return key && ls.getItem(key);
  });
  assert.ok(local && local.includes(proactive.id));

  await H(page, () => { window.harness.failing = false; });
  await status.first().waitFor({ state: 'detached', timeout: 20000 });
  await page.waitForFunction(() => window.harness.api.cmi.interactions.childArray.length === 2, null, { timeout: 5000 });
  assert.match(await get(page, 'cmi.suspend_data'), /^w1\|/);
  assert.deepEqual(await lmsErrors(page), [], 'no error from scorm-again itself');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the package: manifests, launch page and its Content-Security-Policy', async () => {
  const m12 = readFileSync(join(unpacked[12], 'imsmanifest.xml'), 'utf8');
  const m2004 = readFileSync(join(unpacked[2004], 'imsmanifest.xml'), 'utf8');
  assert.match(m12, /<schemaversion>1\.2<\/schemaversion>/);
  assert.match(m12, /adlcp:scormtype="sco" href="index\.html"/);
  assert.match(m2004, /<schemaversion>2004 4th Edition<\/schemaversion>/);
  assert.match(m2004, /adlcp:scormType="sco" href="index\.html"/);
  assert.match(m2004, /xmlns:adlcp="http:\/\/www\.adlnet\.org\/xsd\/adlcp_v1p3"/);
  for (const m of [m12, m2004]) {
    assert.doesNotMatch(m, /masteryscore|minNormalizedMeasure/i);
    for (const f of ['index.html', 'boot.js', 'workbook.js', 'workbook.wasm', 'style.css']) assert.ok(m.includes(`href="${f}"`), f);
  }
  const html = readFileSync(join(unpacked[12], 'index.html'), 'utf8');
  assert.ok(html.includes(`content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'"`));
  // Nothing from the test side is in the package.
  assert.ok(!existsSync(join(unpacked[12], 'scorm-again.js')) && !existsSync(join(unpacked[12], 'harness.js')));
});

test('standalone (no LMS): the workbook looks for one and runs on browser storage as before', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${ORIGIN}/scorm12/index.html#/read/be-proactive`);
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 });
  await page.getByRole('heading', { level: 1, name: 'Be Proactive' }).waitFor();
  await press(page.getByRole('button', { name: 'Settings' }), 'Enter');
  await page.getByText('Everything you do here is saved in this browser, on this device only. Nothing is sent anywhere.').waitFor();
  await ctx.close();
});

const failed = await run('e2e lms');
await browser.close();
lms.close();
process.exit(failed ? 1 : 0);
