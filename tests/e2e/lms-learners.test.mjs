// End-to-end, issue #18: inside an LMS the LMS record is the learner's work.
// Resume on any device (entry resume or ab-initio), never regress, never share
// one learner's work with the next, and survive odd LMSs. Both SCORM versions
// in npm scorm-again (tests/e2e/lms-harness), each device a fresh browser
// profile (a new context), Debian's Chromium through playwright-core.
//
// Input is the learner's: the pointer at a control's drawn position (found
// through the semantics mirror's boxes) and the keyboard; the one exception is
// the reflection, typed into the mirrored textarea (typing into a field
// clicked with the mouse is being fixed elsewhere). Waits are for conditions
// (frames drawn, values the LMS holds), not fixed delays.
//
// Each scenario prints what the LMS record holds afterwards ("record: ...").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, run, test } from './lib.mjs';
import { chapter, cmiFor, get, H, leave, lmsErrors, openLms as open, record, serveLms, setValues, show, withChecksum, workbookFrame }
  from './lms-harness/lms.mjs';

const lms = await serveLms();
const browser = await launch();
// A device: a fresh profile whose window shows the whole LMS page (the workbook's frame is 760 px tall).
const DEVICE = { viewport: { width: 1100, height: 820 } };
const finalQuiz = chapter.quizzes.find((q) => q.id === chapter.completion.final_quiz);
const proactive = chapter.quizzes.find((q) => q.section === 'be-proactive');
const single = proactive.questions.find((q) => q.kind === 'single');
const REFLECTION = 'Ask Priya | how she moved ~ into UX research, then follow up within 48 hours.';
const openLms = (context, version, cmi, options) => open(lms.origin, context, version, cmi, options);

// --- the LMS and the page -------------------------------------------------------------
// Frames drawn: the app handles input in its next animation frame and mirrors it in the same one.
async function drawn(page) {
  await workbookFrame(page).evaluate(() => new Promise((r) => {
    let n = 0;
    const tick = () => (++n >= 3 ? r() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }));
}

// The pointer at the control's drawn position, scrolling the workbook with the wheel until it is on
// screen below the top bar (which stays put while the page scrolls under it) and holds still.
async function clickAt(page, locator) {
  const view = await page.locator('#sco').boundingBox();
  const bar = await page.frameLocator('#sco').getByRole('button', { name: 'Settings' }).first().boundingBox();
  const top = bar ? bar.y + bar.height + 12 : view.y + 80;
  const bottom = Math.min(view.y + view.height, page.viewportSize().height) - 12;
  let previous = null;
  for (let i = 0; i < 80; i++) {
    const box = (await locator.count()) ? await locator.first().boundingBox() : null;
    if (box && box.y >= top && box.y + box.height <= bottom && box.width > 0) {
      if (previous && previous.y === box.y && previous.x === box.x) {
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await drawn(page);
        return;
      }
      previous = box;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await drawn(page);
      continue;
    }
    previous = null;
    const dy = box ? Math.max(-360, Math.min(360, box.y - (top + bottom) / 2)) : 240;
    await page.mouse.move(view.x + view.width * 0.6, (top + bottom) / 2);
    await page.mouse.wheel(0, dy);
    await drawn(page);
  }
  throw new Error(`not reachable on screen: ${locator}`);
}

// A button of the top bar (it never scrolls): the pointer at its drawn position.
async function clickBar(page, name) {
  const box = await page.frameLocator('#sco').getByRole('button', { name }).first().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await drawn(page);
}

async function openSection(page, frame, id) {
  await workbookFrame(page).evaluate((h) => { location.hash = h; }, `#/read/${id}`);
  const title = chapter.sections.find((s) => s.id === id).title;
  await frame.getByRole('heading', { level: 1, name: title }).waitFor();
  return title;
}

// Reads every section to its end (End on the page, as a keyboard user reads on).
async function readEverything(page, frame) {
  for (const s of chapter.sections) {
    const title = await openSection(page, frame, s.id);
    const view = await page.locator('#sco').boundingBox();
    await page.mouse.click(view.x + view.width * 0.6, view.y + 8);  // into the page, not on a control
    const entry = frame.getByRole('link', { name: title }).first();
    for (let i = 0; i < 40 && !/Finished reading|Quiz passed/.test((await entry.getAttribute('aria-description')) || ''); i++) {
      await page.keyboard.press('End');
      await drawn(page);
    }
    assert.match((await entry.getAttribute('aria-description')) || '', /Finished reading|Quiz passed/, `${s.id} counts as read`);
  }
}

async function choose(page, frame, q, right) {
  if (q.kind === 'ordering') {
    for (let target = 0; target < q.options.length; target++) {
      const item = q.options[target];
      for (let guard = 0; guard < 10; guard++) {
        const items = await frame.getByRole('list', { name: q.prompt }).getByRole('listitem').allTextContents();
        if (items.findIndex((t) => t.includes(item.text)) === target) break;
        await clickAt(page, frame.getByRole('button', { name: `Move up: ${item.text}` }));
      }
    }
  } else if (q.kind === 'multiple') {
    for (const o of q.options.filter((o) => !!o.correct === right)) await clickAt(page, frame.getByRole('checkbox', { name: o.text }));
  } else {
    const o = q.options.find((o) => !!o.correct === right);
    const radio = frame.getByRole('radiogroup', { name: q.prompt }).getByRole('radio', { name: o.text });
    await clickAt(page, radio);
    assert.equal(await radio.isChecked(), true, `${q.id}: ${o.text} chosen`);
  }
}

async function passFinalCheck(page, frame) {
  await openSection(page, frame, 'conclusion');
  for (const q of finalQuiz.questions) await choose(page, frame, q, true);
  await clickAt(page, frame.getByRole('button', { name: `Submit quiz: ${finalQuiz.title}` }));
  await frame.getByText(/Score: 100% \(11 of 11 right\)\. Passed\. Attempts: 1\./).waitFor();
}

async function answerProactive(page, frame) {
  await openSection(page, frame, 'be-proactive');
  await choose(page, frame, single, true);
  await clickAt(page, frame.getByRole('button', { name: 'Check answer to question 1' }));
  const rating = proactive.questions.find((q) => q.kind === 'self_rating');
  const two = frame.getByRole('radiogroup', { name: rating.prompt }).getByRole('radio', { name: '2', exact: true });
  await clickAt(page, two);
  if (process.env.WB_DEBUG) { console.log(await two.count(), await two.boundingBox(), await two.isChecked()); await page.screenshot({ path: '/tmp/wt18-debug.png' }); }
  assert.equal(await two.isChecked(), true, 'self-rating 2 chosen');
}

async function writeReflection(page, frame) {
  const prompt = chapter.sections.find((s) => s.id === 'be-proactive').reflections[0].text;
  const box = frame.getByRole('textbox', { name: prompt }).or(frame.locator('textarea[aria-label]').first());
  await box.first().focus();
  await page.keyboard.type(REFLECTION);
  // Saved on the device and sent to the LMS (debounced).
  await page.waitForFunction(() => window.harness.get('cmi.suspend_data').includes('Ask Priya'), null, { timeout: 10000 });
}

// suspend_data fields that carry the learner's work: not the time saved, the section being read (the
// learner moved on), scroll offsets or the checksum.
const work = (s) => s.split(/(?<!\\)\|/).filter((_, i) => ![2, 4, 6, 10].includes(i));

// The work is back: reflection, answers, final check, sections read.
async function assertWorkBack(page, frame) {
  await openSection(page, frame, 'conclusion');
  await frame.getByText(/Score: 100% \(11 of 11 right\)\. Passed\. Attempts: 1\./).waitFor();
  await openSection(page, frame, 'be-proactive');
  assert.equal(await frame.getByRole('radiogroup', { name: single.prompt })
    .getByRole('radio', { name: single.options.find((o) => o.correct).text }).isChecked(), true);
  const rating = proactive.questions.find((q) => q.kind === 'self_rating');
  assert.equal(await frame.getByRole('radiogroup', { name: rating.prompt }).getByRole('radio', { name: '2' }).isChecked(), true);
  assert.ok((await frame.locator('textarea').evaluateAll((els) => els.map((e) => e.value))).includes(REFLECTION));
  for (const s of chapter.sections) {
    const d = await frame.getByRole('link', { name: s.title }).first().getAttribute('aria-description');
    assert.match(d || '', /Finished reading|Quiz passed/, `${s.id} still read`);
  }
}

function assertNothingLost(before, after, label) {
  assert.equal(after.status, before.status, `${label}: status`);
  assert.equal(after.success, before.success, `${label}: success`);
  assert.equal(Number(after.raw), Number(before.raw), `${label}: score`);
  assert.ok(after.interactions >= before.interactions, `${label}: interactions`);
  assert.deepEqual(work(after.suspend), work(before.suspend), `${label}: suspend_data holds the same work`);
  assert.ok(Math.abs(after.suspend.length - before.suspend.length) <= 12, `${label}: suspend_data length ${before.suspend.length} -> ${after.suspend.length}`);
}

// --- the scenarios --------------------------------------------------------------------
for (const version of [12, 2004]) {
  const v12 = version === 12;
  const passedStatus = v12 ? 'passed' : 'completed';
  test(`SCORM ${v12 ? '1.2' : '2004'}: learner 1 on device A, back on device B (resume) and C (ab-initio); learner 2 on device A sees nothing of it; a passed learner who answers wrong stays passed`, async () => {
    // Learner 1, device A (a fresh profile): reflection, answers, everything read, final check passed.
    const deviceA = await browser.newContext(DEVICE);
    const a = await openLms(deviceA, version, cmiFor(version, { id: 'L1', name: 'One, Ana' }));
    await answerProactive(a.page, a.frame);
    await writeReflection(a.page, a.frame);
    await readEverything(a.page, a.frame);
    await passFinalCheck(a.page, a.frame);
    await a.page.waitForFunction((e) => window.harness.get(e[0]) === e[1], [v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status', passedStatus]);
    await leave(a.page, version);
    const afterA = await record(a.page, version);
    show('after learner 1 on device A', afterA);
    assert.equal(afterA.raw, '100');
    if (!v12) assert.equal(afterA.success, 'passed');
    assert.deepEqual(await lmsErrors(a.page), []);
    assert.deepEqual(a.errors, []);
    await a.page.close();

    // Device B (another fresh profile), entry resume; device C, entry ab-initio: the work is back in both.
    let last = afterA;
    for (const [label, entry] of [['device B (entry resume)', 'resume'], ['device C (entry ab-initio)', 'ab-initio']]) {
      const ctx = await browser.newContext(DEVICE);
      const b = await openLms(ctx, version, cmiFor(version, { id: 'L1', name: 'One, Ana', entry, record: last }));
      await assertWorkBack(b.page, b.frame);
      await leave(b.page, version);
      const after = await record(b.page, version);
      show(`after learner 1 on ${label}`, after);
      assertNothingLost(last, after, label);
      assert.deepEqual(await lmsErrors(b.page), []);
      assert.deepEqual(b.errors, []);
      last = after;
      await ctx.close();
    }

    // Learner 2 on device A (learner 1's profile), an empty record: nothing of learner 1 anywhere.
    const c = await openLms(deviceA, version, cmiFor(version, { id: 'L2', name: 'Two, Bo' }));
    const wf = workbookFrame(c.page);
    const everything = async () => wf.evaluate(() => [document.documentElement.outerHTML,
      ...[...document.querySelectorAll('textarea, input')].map((e) => e.value)].join('\n'));
    for (const id of ['be-proactive', 'conclusion']) {
      await openSection(c.page, c.frame, id);
      const dom = await everything();
      assert.ok(!dom.includes('Ask Priya'), `learner 1's reflection is not in the page (${id})`);
      assert.ok(!/Score: \d+%|Mastered|Quiz passed|Attempts: /.test(dom), `no score or attempt of learner 1 (${id})`);
      assert.equal(await c.frame.locator('[aria-checked="true"], input:checked').count(), 0, `nothing chosen (${id})`);
    }
    assert.ok(!/Finished reading|Quiz passed/.test(await c.frame.getByRole('link', { name: chapter.sections[3].title }).first().getAttribute('aria-description') || ''));
    await c.frame.getByRole('button', { name: 'Settings' }).first().waitFor();
    await clickBar(c.page, 'Settings');
    await c.frame.getByText(/This is the work of Two, Bo, learner id L2 in this course\./).waitFor();
    const storage = await wf.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    const keys = Object.keys(storage);
    const l2 = keys.filter((k) => k.includes('/L2/'));
    assert.ok(l2.length > 0 && l2.every((k) => !storage[k].includes('Ask Priya')), `learner 2's device copy: ${l2}`);
    assert.ok(keys.some((k) => k.includes('/L1/') && storage[k].includes('Ask Priya')), 'learner 1\'s copy is kept apart');
    assert.ok(!('networking-workbook/state' in storage), 'the standalone workbook\'s storage is untouched');
    await leave(c.page, version);
    const afterL2 = await record(c.page, version);
    show('after learner 2 on device A', afterL2);
    assert.ok(!['passed', 'completed', 'failed'].includes(afterL2.status), `learner 2 credited with ${afterL2.status}`);
    if (!v12) assert.equal(afterL2.success, 'unknown');
    assert.equal(afterL2.raw, '');
    assert.equal(afterL2.interactions, 0);
    assert.ok(!afterL2.suspend.includes('Ask Priya'));
    assert.deepEqual(await lmsErrors(c.page), []);
    assert.deepEqual(c.errors, []);
    await deviceA.close();

    // Learner 1 passed; reopens (a fresh device) and answers one question wrong: passed stays, best score stays.
    const deviceD = await browser.newContext(DEVICE);
    const d = await openLms(deviceD, version, cmiFor(version, { id: 'L1', name: 'One, Ana', entry: 'resume', record: last }));
    await openSection(d.page, d.frame, 'conclusion');
    await clickAt(d.page, d.frame.getByRole('button', { name: `Retry all of ${finalQuiz.title}` }));
    const q = finalQuiz.questions.find((x) => x.kind === 'single' || x.kind === 'scenario');
    await choose(d.page, d.frame, q, false);
    await clickAt(d.page, d.frame.getByRole('button', { name: `Submit quiz: ${finalQuiz.title}` }));
    await d.frame.getByText(/Not passed yet\. Attempts: 2\./).waitFor();
    await leave(d.page, version);
    const afterD = await record(d.page, version);
    show('after learner 1 answered one question wrong on device D', afterD);
    assert.equal(afterD.status, passedStatus);
    if (!v12) assert.equal(afterD.success, 'passed');
    assert.equal(Number(afterD.raw), 100);
    assert.ok(afterD.suspend.includes('Ask Priya'));
    assert.deepEqual(await lmsErrors(d.page), []);
    assert.deepEqual(d.errors, []);
    await deviceD.close();
  });
}

for (const version of [12, 2004]) {
  test(`SCORM ${version === 12 ? '1.2' : '2004'}: an LMS that says true but keeps nothing: the learner is told and the save is retried`, async () => {
    const ctx = await browser.newContext(DEVICE);
    const { page, frame, errors } = await openLms(ctx, version, cmiFor(version, { id: 'L3', name: 'Three, Cy' }));
    await H(page, () => { window.harness.stale = true; });
    await answerProactive(page, frame);
    const status = frame.getByRole('status').filter({ hasText: 'Your progress is not reaching your course yet' });
    await status.first().waitFor({ timeout: 10000 });
    const text = await status.first().textContent();
    assert.match(text, /does not hold it\. Your work is kept on this device and will be sent again in \d+ seconds\. Keep this page open/);
    const sets = await H(page, () => window.harness.calls.filter((c) => /SetValue/.test(c.fn) && c.args[0] === 'cmi.suspend_data').length);
    await page.waitForFunction((n) => window.harness.calls.filter((c) => /SetValue/.test(c.fn) && c.args[0] === 'cmi.suspend_data').length > n,
      sets, { timeout: 15000 });  // retried
    await H(page, () => { window.harness.stale = false; });
    await status.first().waitFor({ state: 'detached', timeout: 20000 });
    await page.waitForFunction(() => Number(window.harness.get('cmi.interactions._count')) === 2, null, { timeout: 5000 });
    const r = await record(page, version);
    show('after the LMS kept saves again', r);
    assert.match(r.suspend, /^w1\|/);
    assert.deepEqual(await lmsErrors(page), []);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('SCORM 1.2: an LMS that keeps suspend_data changed but as long (a charset fault): the read-back is exact, so the learner is told and it is sent again', async () => {
  const ctx = await browser.newContext(DEVICE);
  const { page, frame, errors } = await openLms(ctx, 12, cmiFor(12, { id: 'L9', name: 'Nine, Ivo' }));
  await H(page, () => { window.harness.mangle = true; });
  const prompt = chapter.sections.find((s) => s.id === 'be-proactive').reflections[0].text;
  await openSection(page, frame, 'be-proactive');
  const box = frame.getByRole('textbox', { name: prompt }).or(frame.locator('textarea[aria-label]').first());
  await box.first().focus();
  await page.keyboard.type('Coffee with José at the café.');
  const status = frame.getByRole('status').filter({ hasText: 'Your progress is not reaching your course yet' });
  await status.first().waitFor({ timeout: 15000 });
  assert.match(await status.first().textContent(), /does not hold it\. Your work is kept on this device and will be sent again in \d+ seconds/);
  const sent = (await setValues(page, 'cmi.suspend_data')).pop();
  const held = await get(page, 'cmi.suspend_data');
  assert.ok(sent.includes('José') && held.includes('Jos?'), 'the LMS holds a changed text');
  assert.equal(held.length, sent.length, 'of the same length: only an exact comparison notices');
  await H(page, () => { window.harness.mangle = false; });
  await status.first().waitFor({ state: 'detached', timeout: 20000 });
  assert.ok((await get(page, 'cmi.suspend_data')).includes('Coffee with José at the café.'));
  show('after the LMS stopped changing suspend_data', await record(page, 12));
  assert.deepEqual(await lmsErrors(page), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

// Session time as scorm-again keeps it: "HH:MM:SS[.ss]" (1.2, it reformats what it gets) or "PT..S" (2004).
function seconds(text) {
  let m = /^(\d+):(\d\d):(\d\d(?:\.\d+)?)$/.exec(text);
  if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text);
  assert.ok(m, `a session time: ${text}`);
  return Number(m[1] || 0) * 3600 + Number(m[2] || 0) * 60 + Number(m[3] || 0);
}

for (const version of [12, 2004]) {
  const v12 = version === 12;
  test(`SCORM ${v12 ? '1.2' : '2004'}: session time is the time this session lasted, read from scorm-again, and each session reports its own`, async () => {
    const ctx = await browser.newContext(DEVICE);
    const times = [];
    let last = null;
    for (const session of [1, 2]) {
      const t0 = Date.now();
      const s = await openLms(ctx, version, cmiFor(version, { id: 'L10', name: 'Ten, Tia', entry: last ? 'resume' : 'ab-initio', record: last }));
      const ready = Date.now();
      if (session === 1) await answerProactive(s.page, s.frame);
      else await readEverything(s.page, s.frame);  // a longer session
      const leaving = Date.now();
      await leave(s.page, version);
      const left = Date.now();
      last = await record(s.page, version);
      // scorm-again's own export of what it holds (what it would send to its server).
      const kept = await H(s.page, (v) => {
        const all = window.harness.stored();
        const root = all.cmi || all;
        return v === 12 ? root.core.session_time : root.session_time;
      }, version);
      const sent = last.session;
      assert.match(sent, v12 ? /^\d{4}:\d\d:\d\d\.\d\d$/ : /^PT\d+H\d+M\d+(\.\d{1,2})?S$/);
      const secs = seconds(kept);
      assert.ok(Math.abs(secs - seconds(sent)) < 1, `scorm-again keeps what was sent: ${sent} -> ${kept}`);
      // The session began before the workbook was ready and ended after the page was left.
      assert.ok(seconds(sent) >= (leaving - ready) / 1000 - 0.02, `${sent} covers at least ${(leaving - ready) / 1000} s`);
      assert.ok(seconds(sent) <= (left - t0) / 1000 + 0.02, `${sent} is no more than ${(left - t0) / 1000} s`);
      console.log(`  session ${session}: sent ${sent}, scorm-again holds ${kept}; measured by the test ${((leaving - ready) / 1000).toFixed(2)}-${((left - t0) / 1000).toFixed(2)} s`);
      times.push(sent);
      show(`after session ${session}`, last);
      assert.deepEqual(await lmsErrors(s.page), []);
      assert.deepEqual(s.errors, []);
      await s.page.close();
    }
    assert.notEqual(times[0], times[1], 'each session reports its own time');
    await ctx.close();
  });
}

test('SCORM 1.2: one object with only the 1.2 methods as both API and API_1484_11, without LMSFinish', async () => {
  const ctx = await browser.newContext(DEVICE);
  const { page, frame, errors } = await openLms(ctx, 12, cmiFor(12, { id: 'L4', name: 'Four, Di' }), { both12: true, noFinish: true });
  assert.equal(await H(page, () => window.API === window.API_1484_11 && typeof window.API.Initialize), 'undefined');
  assert.equal(await H(page, () => window.harness.count('LMSInitialize')), 1);
  await answerProactive(page, frame);
  await page.waitForFunction(() => Number(window.harness.get('cmi.interactions._count')) === 2, null, { timeout: 10000 });
  const commits = await H(page, () => window.harness.count('LMSCommit'));
  // Hidden, then left: a commit each time; no Finish to call, and no complaint about it.
  await H(page, () => { document.getElementById('sco').src = 'about:blank'; });
  await page.waitForFunction((n) => window.harness.count('LMSCommit') > n, commits);
  assert.equal(await H(page, () => window.harness.count('LMSFinish')), 0);
  const r = await record(page, 12);
  show('after a session with a 1.2-only API and no LMSFinish', r);
  assert.equal(r.status, 'incomplete');
  assert.equal(r.exit, 'suspend');
  assert.match(r.suspend, /^w1\|/);
  assert.deepEqual(await lmsErrors(page), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('SCORM 2004: no learner id: no device copy at all (the LMS record only), and the learner is told', async () => {
  const ctx = await browser.newContext(DEVICE);
  const { page, frame, errors } = await openLms(ctx, 2004, cmiFor(2004, { id: '', name: '' }));
  await answerProactive(page, frame);
  await page.waitForFunction(() => Number(window.harness.get('cmi.interactions._count')) === 2, null, { timeout: 10000 });
  const keys = await workbookFrame(page).evaluate(() => Object.keys(localStorage).filter((k) => !k.endsWith('/probe')));
  assert.deepEqual(keys, []);
  await clickBar(page, 'Settings');
  await frame.getByText(/Your course system did not say who you are, so nothing is kept in this browser/).waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('SCORM 1.2: suspend_data of another course, damaged, too long or claiming 10 x 100,000 attempts: the device copy is kept, the learner told, nothing aborts', async () => {
  // A valid text of this course, to make the others from.
  let valid = null;
  const validText = async () => {
    if (valid) return valid;
    const ctx = await browser.newContext(DEVICE);
    const first = await openLms(ctx, 12, cmiFor(12, { id: 'L5', name: 'Five' }));
    await answerProactive(first.page, first.frame);
    await first.page.waitForFunction(() => window.harness.get('cmi.suspend_data').length > 40);
    valid = await get(first.page, 'cmi.suspend_data');
    await ctx.close();
    return valid;
  };
  for (const [what, make, why] of [
    ['damaged', async () => 'w1|abcdef|1|2|3|4|5|6|7|8|zzzz', /checksum does not match/],
    ['too long', async () => 'w1|' + 'x'.repeat(5000), /longer than SCORM 1\.2 allows/],
    ['another course', async () => {
      // Another fingerprint, with a checksum made right for it.
      const f = (await validText()).split('|');
      f[1] = f[1] === '000000' ? '000001' : '000000';
      return withChecksum(f.slice(0, 10).join('|'));
    }, /the course content has changed since it was saved/],
    ['10 quizzes x 100,000 attempts (#23)', async () => {
      // The fuzz seed, made for this course's fingerprint, with a checksum made right for it.
      const f = readFileSync('tests/fuzz/corpus/suspend_decode/huge-attempts.txt', 'utf8').split('|');
      f[1] = (await validText()).split('|')[1];
      return withChecksum(f.slice(0, 10).join('|'));
    }, /claims more quiz attempts than the workbook keeps/],
  ]) {
    const data = await make();
    const ctx = await browser.newContext(DEVICE);
    // The LMS hands it back as it is (scorm-again itself would refuse to store a text this long).
    const { page, frame, errors } = await openLms(ctx, 12, cmiFor(12, { id: 'L5', name: 'Five', entry: 'resume' }),
      { override: { 'cmi.suspend_data': data } });
    await frame.getByText(/Your course system's saved copy of this workbook could not be used/).first().waitFor();
    const shown = await frame.getByText(/Your course system's saved copy/).first().textContent();
    assert.match(shown, why, what);
    await page.waitForFunction(() => window.harness.calls.some((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.suspend_data'));
    const sent = await setValues(page, 'cmi.suspend_data');
    assert.ok(sent.every((s) => s !== data && /^w1\|/.test(s) && !s.includes('255s')), 'the refused text is never written back');
    assert.match(await get(page, 'cmi.suspend_data'), /^w1\|/);
    // Still alive: the workbook answers the learner after it.
    await openSection(page, frame, 'conclusion');
    console.log(`  ${what} (${data.length} characters): "${shown.slice(0, 160)}"`);
    show(`after ${what} suspend_data`, await record(page, 12));
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});

const failed = await run('e2e lms learners');
await browser.close();
lms.close();
process.exit(failed ? 1 : 0);
