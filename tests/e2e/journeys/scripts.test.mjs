// Journey: a learner whose network writes in many scripts. A LinkedIn export
// with names in Chinese, Japanese, Korean, Arabic, Hebrew, Hindi, Thai, emoji
// and Latin with accents is imported through the file chooser; the contacts
// table, a contact's page and reflections typed in Arabic and Japanese (through
// an IME's commit, CDP Input.insertText) must look as the browser itself draws
// those strings: each region the app drew is compared with the same string
// drawn by the browser into a <canvas> in the same run.
//
// The measure: normalised cross-correlation of the two images' ink (distance
// from the background colour), aligned at the top-left of their ink. The app's
// words are drawn by the same Canvas 2D engine, so the same string scores 0.90
// to 1.0 (the app snaps words to device pixels, and the gap between a Latin and
// a browser-drawn word is the atlas's space); the same letters in the wrong word
// order score 0.04-0.35, Arabic unjoined (a ZWNJ between letters) 0.57. The
// threshold, 0.8, sits between: each comparison also checks that its wrong
// drawings score under it, so the measure is shown to tell them apart in this
// run. WB_SHOTS=DIR keeps both images of every comparison there.
// Only page.mouse, page.touchscreen and page.keyboard act (CDP for the IME).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../scripts/server.mjs';
import { act, box, click, focused, launch, openWorkbook, run, swipeIntoView, tap, test, valueIs } from './lib.mjs';

const THRESHOLD = 0.8;
const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();

// First name, last name, company: every script the issue names, and Latin.
const PEOPLE = [
  ['王', '芳', '腾讯'], ['さくら', '中村', 'ソニー'], ['민준', '김', '삼성전자'], ['محمد', 'حداد', 'Acme'],
  ['דנה', 'כהן', 'Wix'], ['प्रिया', 'शर्मा', 'Infosys'], ['সুমন', 'দাস', 'Grameen'], ['கவிதா', 'ராஜ்', 'Zoho'],
  ['สมชาย', 'ใจดี', 'SCB'], ['Ana', 'Díaz 👩🏽‍💻', 'Globex 🇧🇷'], ['Émile', 'Zola', 'Élysée'], ['Ελένη', 'Παππά', 'ΟΤΕ'],
];
const dir = mkdtempSync(join(tmpdir(), 'wb-scripts-'));
const FILE = join(dir, 'Connections.csv');
writeFileSync(FILE, ['First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ...PEOPLE.map(([f, l, c], i) => [f, l, `https://www.linkedin.com/in/p${i}`, '', c, 'Engineer', `${3 + i} Mar 2019`].join(','))]
  .join('\r\n') + '\r\n');

async function importFile(page, pointer) {
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    pointer(page.getByRole('button', { name: /Import contacts from a LinkedIn/ })),
  ]);
  await chooser.setFiles(FILE);
  await page.getByText(new RegExp(`LinkedIn connections: ${PEOPLE.length} new`)).first().waitFor({ timeout: 30000 });
  await pointer(page.getByRole('button', { name: 'Add to my planner' }));
  await page.getByText(new RegExp(`^${PEOPLE.length} of ${PEOPLE.length} contacts`)).first().waitFor({ timeout: 30000 });
}

// Similarity of what the app drew in `clip` (CSS px) with the browser's drawing
// of `text` (and of each wrong drawing in `wrong`), at `px` CSS px, bold or not,
// in the paragraph direction `rtl`. Returns { score, wrong: [scores] }.
async function similarity(page, clip, text, { px = 17, bold = false, rtl = false, wrong = [] } = {}) {
  const png = (await page.screenshot({ clip })).toString('base64');
  const r = await page.evaluate(async ({ png, text, px, bold, rtl, wrong, keep }) => {
    // From a Blob: the workbook's content security policy allows no data: images.
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const w = img.width, h = img.height, dpr = w / Math.round(w / window.devicePixelRatio) || 1;
    const shot = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    shot.canvas.width = w; shot.canvas.height = h;
    shot.drawImage(img, 0, 0);
    const A = shot.getImageData(0, 0, w, h).data;
    // The background: the commonest colour; the ink: the pixel farthest from it.
    const counts = new Map();
    for (let i = 0; i < A.length; i += 4) { const k = (A[i] << 16) | (A[i + 1] << 8) | A[i + 2]; counts.set(k, (counts.get(k) || 0) + 1); }
    const bgKey = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const bg = [bgKey >> 16, (bgKey >> 8) & 255, bgKey & 255];
    const dist = (D, i) => Math.max(Math.abs(D[i] - bg[0]), Math.abs(D[i + 1] - bg[1]), Math.abs(D[i + 2] - bg[2])) / 255;
    let inkAt = 0, far = -1;
    for (let i = 0; i < A.length; i += 4) { const d = dist(A, i); if (d > far) { far = d; inkAt = i; } }
    const ink = `rgb(${A[inkAt]},${A[inkAt + 1]},${A[inkAt + 2]})`;
    const inkOf = (D) => { const out = new Float32Array(w * h); for (let i = 0; i < out.length; i++) out[i] = dist(D, i * 4); return out; };
    const bboxOf = (I) => {
      let x0 = w, y0 = h, x1 = -1, y1 = -1;
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (I[y * w + x] > 0.2) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
      return { x0, y0, x1, y1 };
    };
    // Table rules and field borders are not text: rows or columns inked from end to end are background.
    const unruled = (I) => {
      for (let y = 0; y < h; y++) { let n = 0; for (let x = 0; x < w; x++) n += I[y * w + x] > 0.05; if (n > w * 0.97) for (let x = 0; x < w; x++) I[y * w + x] = 0; }
      for (let x = 0; x < w; x++) { let n = 0; for (let y = 0; y < h; y++) n += I[y * w + x] > 0.05; if (n > h * 0.97) for (let y = 0; y < h; y++) I[y * w + x] = 0; }
      return I;
    };
    const drawn = unruled(inkOf(A)), db = bboxOf(drawn);
    const score = (t) => {
      const ref = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
      ref.canvas.width = w; ref.canvas.height = h;
      ref.fillStyle = `rgb(${bg.join(',')})`;
      ref.fillRect(0, 0, w, h);
      ref.font = (bold ? 'bold ' : '') + px * dpr + 'px sans-serif';
      ref.direction = rtl ? 'rtl' : 'ltr';
      ref.textAlign = 'left';
      ref.fillStyle = ink;
      ref.fillText(t, 2, h * 0.7);
      const R = unruled(inkOf(ref.getImageData(0, 0, w, h).data)), rb = bboxOf(R);
      if (db.x1 < 0 || rb.x1 < 0) return 0;
      const dx = rb.x0 - db.x0, dy = rb.y0 - db.y0;
      const x1 = Math.max(db.x1, rb.x1 - dx), y1 = Math.max(db.y1, rb.y1 - dy);
      let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0;
      for (let y = db.y0; y <= y1; y++) for (let x = db.x0; x <= x1; x++) {
        const a = x < w && y < h ? drawn[y * w + x] : 0;
        const rx = x + dx, ry = y + dy;
        const b = rx >= 0 && ry >= 0 && rx < w && ry < h ? R[ry * w + rx] : 0;
        sa += a; sb += b; saa += a * a; sbb += b * b; sab += a * b; n++;
      }
      const cov = sab / n - (sa / n) * (sb / n);
      const va = saa / n - (sa / n) ** 2, vb = sbb / n - (sb / n) ** 2;
      return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
    };
    const result = { score: score(text), wrong: wrong.map(score) };
    if (keep) {  // WB_SHOTS: the browser's drawing, to look at beside the app's
      const ref = document.createElement('canvas');
      ref.width = w; ref.height = h;
      const c = ref.getContext('2d');
      c.fillStyle = `rgb(${bg.join(',')})`; c.fillRect(0, 0, w, h);
      c.font = (bold ? 'bold ' : '') + px * dpr + 'px sans-serif'; c.direction = rtl ? 'rtl' : 'ltr'; c.textAlign = 'left'; c.fillStyle = ink;
      c.fillText(text, 2, h * 0.7);
      result.ref = ref.toDataURL('image/png');
    }
    return result;
  }, { png, text, px, bold, rtl, wrong, keep: !!process.env.WB_SHOTS });
  if (process.env.WB_SHOTS) {
    const name = `${process.env.WB_SHOTS}/cmp-${shotCount++}`;
    writeFileSync(`${name}-app.png`, Buffer.from(png, 'base64'));
    writeFileSync(`${name}-browser.png`, Buffer.from(r.ref.split(',')[1], 'base64'));
  }
  return r;
}

// A name's row in the table: the link is drawn from its left edge, the name first.
// On a phone (`cdp`), a finger first brings the row into view.
async function rowClip(page, name, cdp = null) {
  const link = page.getByRole('link', { name, exact: true });
  const b = cdp ? await swipeIntoView(page, cdp, link) : await box(link);
  assert.ok(b, `the row of ${name} is in the table`);
  return { x: Math.max(0, b.x - 2), y: b.y, width: Math.min(b.width, 230), height: b.height };  // the row's own height
}

let shotCount = 0;
const unjoined = (s) => [...s].join('\u200C');
const report = [];
async function expectLooksRight(page, clip, text, opts, what) {
  const r = await similarity(page, clip, text, opts);
  report.push(`${what}: ${r.score.toFixed(3)} (wrong drawings ${r.wrong.map((x) => x.toFixed(3)).join(', ') || '-'})`);
  assert.ok(r.score >= THRESHOLD, `${what}: drawn as the browser draws it (similarity ${r.score.toFixed(3)} < ${THRESHOLD})`);
  for (const s of r.wrong) assert.ok(s < THRESHOLD, `${what}: a wrong drawing scores ${s.toFixed(3)}, so the measure cannot tell`);
}

const stat = (page, n) => page.evaluate((k) => (window.__wbStats || {})[k], n);

test('mouse learner at 1440 px: names in twelve scripts drawn as the browser draws them, in the table and on a contact page; no box, no "?"', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/planner/contacts', { errors });
  await importFile(page, (l) => click(page, l));
  await page.mouse.move(5, 890);  // no row under the pointer (a hovered row is tinted)
  await act(page, () => page.mouse.move(6, 890));
  assert.equal(await stat(page, 'unrenderable_glyphs'), 0, 'every character had a font');
  assert.ok(await stat(page, 'run_images') > 0, 'the browser drew the other scripts');
  await expectLooksRight(page, await rowClip(page, 'محمد حداد'), 'محمد حداد', { rtl: true, wrong: ['حداد محمد', unjoined('محمد حداد')] }, 'table, Arabic');
  await expectLooksRight(page, await rowClip(page, 'さくら 中村'), 'さくら 中村', { wrong: ['中村 さくら'] }, 'table, Japanese');
  await expectLooksRight(page, await rowClip(page, 'דנה כהן'), 'דנה כהן', { rtl: true, wrong: ['כהן דנה'] }, 'table, Hebrew');
  await expectLooksRight(page, await rowClip(page, 'प्रिया शर्मा'), 'प्रिया शर्मा', { wrong: [unjoined('प्रिया शर्मा')] }, 'table, Hindi');
  await expectLooksRight(page, await rowClip(page, 'สมชาย ใจดี'), 'สมชาย ใจดี', { wrong: ['ใจดี สมชาย'] }, 'table, Thai');
  await expectLooksRight(page, await rowClip(page, '王 芳'), '王 芳', { wrong: ['芳 王'] }, 'table, Chinese');
  await expectLooksRight(page, await rowClip(page, '민준 김'), '민준 김', { wrong: ['김 민준'] }, 'table, Korean');
  // A contact's page: the name is its heading (bold, 1.6 times the text).
  await click(page, page.getByRole('link', { name: 'محمد حداد', exact: true }));
  const h1 = page.getByRole('heading', { name: 'محمد حداد', level: 1 });
  await h1.waitFor();
  const hb = await box(h1);
  if (process.env.WB_SHOTS) await page.screenshot({ path: `${process.env.WB_SHOTS}/contact-page.png` });
  await expectLooksRight(page, { x: hb.x - 8, y: hb.y - 8, width: Math.min(hb.width + 16, 400), height: hb.height + 16 }, 'محمد حداد',
    { px: 17 * 1.6, bold: true, rtl: true, wrong: ['حداد محمد'] }, 'contact page heading, Arabic');
  // Back to the table, and a Japanese contact's page.
  await click(page, page.getByRole('button', { name: 'Back to all contacts' }));
  await click(page, page.getByRole('link', { name: 'さくら 中村', exact: true }));
  const jp = page.getByRole('heading', { name: 'さくら 中村', level: 1 });
  await jp.waitFor();
  const jb = await box(jp);
  await expectLooksRight(page, { x: jb.x - 8, y: jb.y - 8, width: Math.min(jb.width + 16, 400), height: jb.height + 16 }, 'さくら 中村',
    { px: 17 * 1.6, bold: true, wrong: ['中村 さくら'] }, 'contact page heading, Japanese');
  assert.equal(await stat(page, 'unrenderable_glyphs'), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('keyboard learner with an IME: reflections in Arabic and Japanese look as the browser draws them, and keep exactly what was written', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', { errors });
  const cdp = await ctx.newCDPSession(page);
  const area = page.locator('#wb-semantics [data-role=textarea]').first();
  await area.waitFor({ state: 'attached' });
  for (const [text, rtl, what] of [['أتواصل مع زملائي كل أسبوع', true, 'Arabic'], ['毎週同僚と話します', false, 'Japanese']]) {
    await click(page, area, { x: 0.5, y: 0.5 });
    await focused(area);
    await act(page, () => page.keyboard.press('Control+A'));
    await act(page, () => cdp.send('Input.insertText', { text }));  // what an IME commits
    await valueIs(area, text, `${what} reflection`);
    // Click away (the caret is not part of the comparison), then compare the field's first line.
    await act(page, () => page.mouse.click(1400, 880));
    const b = await box(area);
    // The first line; a right-to-left paragraph stands against the field's right edge.
    const width = Math.min(b.width - 8, 420);
    await expectLooksRight(page, { x: rtl ? b.x + b.width - 4 - width : b.x + 4, y: b.y + 2, width, height: 34 }, text,
      { rtl, wrong: rtl ? [text.split(' ').reverse().join(' ')] : [] }, `reflection, ${what}`);
  }
  assert.equal(await stat(page, 'unrenderable_glyphs'), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('phone at 375 px (touch, 2x pixels): the names are sharp and in order', async () => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 760 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/planner/contacts', { errors });
  const cdp = await ctx.newCDPSession(page);
  await importFile(page, (l) => tap(page, cdp, l));
  // The phone's keyboard types a name into the search (what it commits: CDP Input.insertText).
  const search = page.getByRole('textbox', { name: 'Search contacts' });
  for (const [query, name, rtl, wrong, what] of [['محمد', 'محمد حداد', true, ['حداد محمد'], 'Arabic'], ['さくら', 'さくら 中村', false, ['中村 さくら'], 'Japanese']]) {
    // The field keeps focus from the first name to the second: the keyboard stays up.
    if (query === 'محمد') await tap(page, cdp, search);
    await focused(search);
    await act(page, () => page.keyboard.press('Control+A'));
    await act(page, () => cdp.send('Input.insertText', { text: query }));
    await valueIs(search, query);
    await page.getByText(new RegExp(`^1 of ${PEOPLE.length} contacts`)).first().waitFor();
    await expectLooksRight(page, await rowClip(page, name, cdp), name, { rtl, wrong }, `phone table, ${what}`);
  }
  assert.equal(await stat(page, 'unrenderable_glyphs'), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a character no font has: drawn as a box naming its code point, counted, never a bare "?"; the name kept exact', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/planner/contacts', { errors });
  const cdp = await ctx.newCDPSession(page);
  const field = page.getByRole('textbox', { name: "New contact's name" });
  await click(page, field);
  await focused(field);
  const name = 'Box \u{E001} Test';  // a private-use character: no system font draws it
  await act(page, () => cdp.send('Input.insertText', { text: name }));
  await valueIs(field, name);
  await act(page, () => page.keyboard.press('Enter'));
  // Adding opens the contact's page: its heading is the name.
  const heading = page.getByRole('heading', { level: 1, name: /^Box/ });
  await heading.waitFor();
  assert.equal(await heading.textContent(), name, 'the name is kept exactly');
  await page.waitForFunction(() => (window.__wbStats || {}).unrenderable_glyphs >= 1, null, { timeout: 10000 });
  // Drawn by the browser's engine (which draws the box), not the atlas (which would draw "?").
  assert.ok(await stat(page, 'run_images') >= 1);
  report.push(`missing glyph: unrenderable_glyphs = ${await stat(page, 'unrenderable_glyphs')} (the heading and the name field)`);
  const b = await box(heading);
  if (process.env.WB_SHOTS) await page.screenshot({ path: `${process.env.WB_SHOTS}/missing-glyph.png`, clip: { x: b.x - 4, y: b.y - 6, width: 200, height: b.height + 12 } });
  assert.deepEqual(errors, []);
  await ctx.close();
});

const failed = await run('journey scripts');
for (const line of report) console.log('        ' + line);
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
