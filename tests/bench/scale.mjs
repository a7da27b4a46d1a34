// The planner at scale, in Chromium on the wasm build: 30,000 LinkedIn-like
// contacts imported through the file chooser, then searched, drawn, edited, typed
// into, saved and loaded again. Figures come from window.__wbStats, which the
// platform layer fills (frame CPU time, query time, import compute time,
// IndexedDB load and save main-thread time, wasm heap size, frame counter).
// Used by bench.mjs; run alone with: node tests/bench/scale.mjs [site-dir]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saved } from '../e2e/lib.mjs';

export const SCALE_BUDGET = { importMs: 500, loadMs: 500, saveMs: 50, queryMs: 50, contactsFrameMs: 4, mapFrameMs: 8, triageFrameMs: 4, heapMB: 64 };

// A LinkedIn Connections.csv as LinkedIn writes it: a Notes preamble, CRLF,
// quoted fields where needed, most e-mails hidden.
export function linkedInCsv(n) {
  const first = ['Ana', 'Bo', 'Chen', 'Dara', 'Eli', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya'];
  const last = ['Silva', 'Berg', 'Wang', 'Okafor', 'Cohen', 'Haddad', 'Novak', 'Sato', 'Petrov', 'Kim', 'Mensah', 'Fischer', 'Rossi', 'Adeyemi', 'Farouk', 'Iyer'];
  const companies = ['Northwind Traders', 'Contoso, Ltd.', 'Fabrikam', 'Globex', 'Initech', 'Umbrella Health', 'Stark Energy', 'Wayne Media', 'Acme "Labs"', 'Tyrell Systems'];
  const roles = ['Software Engineer', 'Product Manager', 'Data Scientist', 'Recruiter', 'Engineering Manager', 'UX Designer', 'Sales Director', 'Analyst'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    const f = first[i % first.length], l = last[(i * 7) % last.length];
    const email = i % 10 === 0 ? `${f}.${l}${i}@example.com`.toLowerCase() : '';
    const date = `${1 + (i % 28)} ${months[i % 12]} ${2015 + (i % 10)}`;
    rows.push([f, `${l} ${i}`, `https://www.linkedin.com/in/${f}-${l}-${i}`.toLowerCase(), email,
      companies[i % companies.length], roles[i % roles.length], date].map(q).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

// The same file with names in twelve scripts: every row's first and last names
// drawn from Chinese, Japanese, Korean, Arabic, Hebrew, Hindi, Bengali, Tamil,
// Thai, Greek, Latin with accents and emoji, so the table on screen mixes them all.
export function mixedScriptCsv(n) {
  const names = [
    ['王', '李', '张', '刘', '陈', '杨'], ['芳', '伟', '娜', '敏', '静', '磊'],
    ['さくら', 'ゆい', 'はると'], ['中村', '佐藤', '鈴木'], ['민준', '서연', '지호'], ['김', '이', '박'],
    ['محمد', 'فاطمة', 'علي', 'ليلى'], ['حداد', 'خوري', 'نصار'], ['דנה', 'יוסי', 'נועה'], ['כהן', 'לוי', 'מזרחי'],
    ['प्रिया', 'राहुल', 'अंजलि'], ['शर्मा', 'वर्मा', 'गुप्ता'], ['সুমন', 'রিয়া'], ['দাস', 'সেন'],
    ['கவிதா', 'அருண்'], ['ராஜ்', 'குமார்'], ['สมชาย', 'สุดา'], ['ใจดี', 'ศรีสุข'],
    ['Ελένη', 'Νίκος'], ['Παππά', 'Γεωργίου'], ['Émile', 'Zoë', 'Łukasz'], ['Ørsted', 'Núñez 🌍', 'Díaz 👩🏽‍💻'],
  ];
  const companies = ['腾讯', 'ソニー', '삼성전자', 'شركة أرامكو', 'Wix', 'इन्फोसिस', 'Grameen', 'Zoho', 'SCB', 'ΟΤΕ', 'Globex 🇧🇷', 'Acme'];
  const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    const script = (i * 5) % 11;  // first and last name from one script, neighbouring rows from others
    const f = names[script * 2][i % names[script * 2].length], l = names[script * 2 + 1][(i >> 1) % names[script * 2 + 1].length];
    rows.push([f, `${l} ${i}`, `https://www.linkedin.com/in/m${i}`, '', companies[i % companies.length], 'Engineer', `${1 + (i % 28)} Mar ${2015 + (i % 10)}`].map(q).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

// The contacts table holding 30,000 names in twelve scripts: CPU per frame while
// the wheel scrolls through it (each new row's words are drawn by the browser
// the first time they show, within a per-frame budget), and what those images cost.
export async function measureScripts(browser, url, n = 30000) {
  const N = n.toLocaleString('en-US');
  const dir = mkdtempSync(join(tmpdir(), 'wb-scripts-'));
  const file = join(dir, 'Connections.csv');
  writeFileSync(file, mixedScriptCsv(n));
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(url + '#/planner/contacts');
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 60000 });
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    press(page, page.getByRole('button', { name: /Import contacts from a LinkedIn/ })),
  ]);
  await chooser.setFiles(file);
  await page.getByText(/LinkedIn connections: [\d,]+ new/).first().waitFor({ timeout: 60000 });
  await press(page, page.getByRole('button', { name: 'Add to my planner' }));
  await page.getByText(new RegExp(`^${N} of ${N} contacts`)).first().waitFor({ timeout: 60000 });
  const times = await frameTimes(page, 48);
  const out = {
    frameMs: median(times), worstMs: Math.max(...times),
    images: await stat(page, 'run_images'), rasterMs: await stat(page, 'run_raster_ms'),
    unrenderable: await stat(page, 'unrenderable_glyphs'),
  };
  await ctx.close();
  return out;
}

export function scriptRows(m) {
  const B = SCALE_BUDGET;
  const ms = (v) => `${v.toFixed(1)} ms`;
  return [
    ['scripts: contacts view, 30,000 names in 12 scripts, CPU per frame (median)', ms(m.frameMs), `<= ${B.contactsFrameMs} ms`, m.frameMs <= B.contactsFrameMs],
    ['scripts:   worst frame while scrolling (new words drawn, at most 6 ms of them a frame)', ms(m.worstMs), '', null],
    ['scripts:   words drawn by the browser / time drawing them', `${m.images} / ${ms(m.rasterMs)}`, '', null],
    ['scripts:   characters no font could draw', String(m.unrenderable), '0', m.unrenderable === 0],
  ];
}

const stat = (page, name) => page.evaluate((n) => (window.__wbStats || {})[n], name);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Typing latency, per key: from the keydown (its event timestamp) to the end of the
// first frame the app draws after that key's input event handed it the field's new
// value (that frame draws the character; in the search field it also filters), and
// that frame's CPU time. Read in the page, from the frame counter the platform bumps
// in window.__wbStats (frames) right after each frame and the frame_ms it wrote then.
function installTypingProbe() {
  const s = window.__wbStats;
  if (s.__typing) return;
  const probe = { pending: null, samples: [] };
  Object.defineProperty(s, '__typing', { value: probe, enumerable: false });
  let frames = s.frames;
  Object.defineProperty(s, 'frames', {
    enumerable: true, configurable: true,
    get: () => frames,
    set: (v) => {
      frames = v;
      const p = probe.pending;
      if (p && p.input) {
        probe.samples.push({ ms: performance.now() - p.t0, frameMs: s.frame_ms });
        probe.pending = null;
      }
    },
  });
  window.addEventListener('keydown', (e) => { probe.pending = { t0: e.timeStamp, input: false }; }, true);
  window.addEventListener('input', () => { if (probe.pending) probe.pending.input = true; }, true);
}

// Clicks into a field where it is drawn (page.mouse), types `keys` one at a time
// (page.keyboard) at about 6 keys a second, and returns the median and worst of
// the key-to-frame times and of those frames' CPU times.
async function typingLatency(page, field, keys) {
  const { wheelIntoView } = await import('../e2e/journeys/lib.mjs');
  const b = await wheelIntoView(page, field);
  await page.mouse.click(b.x + b.width / 2, b.y + Math.min(b.height / 2, 12));
  await page.waitForFunction((el) => document.activeElement === el, await field.elementHandle());
  await page.waitForFunction(() => window.__wbStats.idle === 1);
  await page.evaluate(installTypingProbe);
  await page.evaluate(() => { window.__wbStats.__typing.samples = []; });
  const before = await field.inputValue();
  for (let i = 0; i < keys.length; i++) {
    await page.keyboard.type(keys[i]);
    await page.waitForFunction((n) => window.__wbStats.__typing.samples.length >= n, i + 1, { timeout: 10000 });
    await page.waitForTimeout(150);
  }
  const value = await field.inputValue();
  if (!value.includes(keys)) throw new Error(`typed "${keys}" into ${field}, the field holds "${value.slice(0, 80)}" (was "${before.slice(0, 80)}")`);
  const samples = await page.evaluate(() => window.__wbStats.__typing.samples);
  if (samples.length !== keys.length) throw new Error(`${keys.length} keys typed, ${samples.length} frames timed`);
  const ms = samples.map((x) => x.ms), cpu = samples.map((x) => x.frameMs);
  return { keys: samples.length, median: median(ms), worst: Math.max(...ms), frameMedian: median(cpu), frameWorst: Math.max(...cpu) };
}

// Triage right after the import: `count` contacts sorted with one key each
// (1-4, from the page: no field has the keyboard), each waited for until the
// live region says it back. Key presses, seconds, and the frames' CPU time.
async function triageByKeys(page, count) {
  await page.evaluate(() => { location.hash = '#/planner/triage'; });
  await page.getByRole('heading', { name: 'Triage', level: 1 }).waitFor();
  await page.waitForFunction(() => window.__wbStats.idle === 1);
  // Key to frame: from each keydown (its timestamp) to the end of the first frame
  // drawn after it, the one that applied the decision and drew the next card.
  await page.evaluate(() => {
    const s = window.__wbStats;
    const probe = { t0: null, samples: [] };
    window.__triageProbe = probe;
    let frames = s.frames;
    Object.defineProperty(s, 'frames', {
      enumerable: true, configurable: true, get: () => frames,
      set: (v) => {
        frames = v;
        if (probe.t0 !== null) { probe.samples.push(performance.now() - probe.t0); probe.t0 = null; }
      },
    });
    window.addEventListener('keydown', (e) => { probe.t0 = e.timeStamp; }, true);
  });
  const frames = [];
  let presses = 0;
  const t0 = Date.now();
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(String(1 + (i % 4)));
    presses++;
    const sorted = (i + 1).toLocaleString('en-US');
    await page.waitForFunction((s) => document.getElementById('wb-live').textContent.includes(` ${s} sorted, `), sorted, { timeout: 10000 });
    frames.push(await stat(page, 'frame_ms'));
  }
  const seconds = (Date.now() - t0) / 1000;
  const keyMs = await page.evaluate(() => window.__triageProbe.samples);
  return { presses, seconds, frameMs: median(frames), keyMs: median(keyMs), keyWorstMs: Math.max(...keyMs) };
}

async function press(page, locator, key = 'Enter') {
  await locator.focus();
  await page.keyboard.press(key);
}

// Frame CPU times while the mouse wheel scrolls (or zooms) over the middle of the page.
async function frameTimes(page, frames) {
  const vp = page.viewportSize();
  await page.mouse.move(vp.width * 0.6, vp.height * 0.6);
  const times = [];
  for (let i = 0; i < frames; i++) {
    await page.mouse.wheel(0, i % 8 < 4 ? 240 : -240);
    await page.waitForTimeout(40);
    times.push(await stat(page, 'frame_ms'));
  }
  return times;
}

export async function measureScale(browser, url, n = 30000) {
  const N = n.toLocaleString('en-US');  // as the table counts: 30,000
  const dir = mkdtempSync(join(tmpdir(), 'wb-scale-'));
  const file = join(dir, 'Connections.csv');
  writeFileSync(file, linkedInCsv(n));
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(url + '#/planner/contacts');
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 60000 });
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  const out = {};

  // Import to the preview.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    press(page, page.getByRole('button', { name: /Import contacts from a LinkedIn/ })),
  ]);
  const t0 = Date.now();
  await chooser.setFiles(file);
  await page.getByText(/LinkedIn connections: [\d,]+ new/).first().waitFor({ timeout: 60000 });
  out.importWallMs = Date.now() - t0;
  out.importMs = await stat(page, 'import_ms');
  await press(page, page.getByRole('button', { name: 'Add to my planner' }));
  await page.getByText(new RegExp(`^${N} of ${N} contacts`)).first().waitFor({ timeout: 60000 });
  await page.waitForTimeout(2500);  // the debounced save of every chunk

  // Right after the import: nobody is due, and the calendar has nothing to hold.
  await page.evaluate(() => { location.hash = '#/planner/week'; });
  await page.getByRole('heading', { name: 'This week', level: 1 }).waitFor();
  const week = await page.getByText(/^\d+ overdue, \d+ due/).first().textContent();
  out.afterImportOverdue = Number(week.match(/^(\d+) overdue/)[1]);
  await page.evaluate(() => { location.hash = '#/planner/contacts'; });
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  let downloaded = null;
  page.once('download', (d) => { downloaded = d; });
  await press(page, page.getByRole('button', { name: 'Export calendar (.ics) of follow-ups and events' }));
  await page.waitForFunction(() => /Nothing to export|Saved \d+/.test(document.getElementById('wb-live').textContent), null, { timeout: 10000 });
  out.afterImportCalendarEvents = 0;
  if (downloaded) {
    const { readFileSync } = await import('node:fs');
    out.afterImportCalendarEvents = (readFileSync(await downloaded.path(), 'utf8').match(/BEGIN:VEVENT/g) || []).length;
  }

  // Filter and search.
  const search = page.getByRole('textbox', { name: 'Search contacts' });
  await search.focus();
  const queries = [];
  for (const text of ['ana', 'ana silva', 'globex', 'product manager', 'zzz']) {
    await search.fill(text);
    await page.waitForTimeout(120);
    queries.push(await stat(page, 'query_ms'));
  }
  out.queryMs = Math.max(...queries);
  await search.fill('');
  await page.waitForTimeout(150);

  // Frames of the contacts table while scrolling.
  out.contactsFrameMs = median(await frameTimes(page, 24));

  // The network map while zooming.
  await page.evaluate(() => { location.hash = '#/planner/map'; });
  await page.getByRole('heading', { name: 'Network map', level: 1 }).waitFor();
  out.mapFrameMs = median(await frameTimes(page, 24));

  // Save after one edit: open a contact, change its notes.
  // Notes is below the fold of this page: its mirrored <textarea> is in the tree but
  // drawn clipped to nothing (hidden to Playwright) until focus scrolls it into view.
  await page.evaluate(() => { location.hash = '#/planner/contact/15000'; });
  const notes = page.getByRole('textbox', { name: 'Notes', exact: true });
  await notes.waitFor({ state: 'attached' });
  await page.evaluate(() => { window.__wbStats.save_ms = undefined; });
  await notes.focus();
  await notes.fill('One edit among 30,000 contacts');
  await page.waitForFunction(() => window.__wbStats && window.__wbStats.save_ms !== undefined, null, { timeout: 10000 });
  out.saveMs = await stat(page, 'save_ms');

  // Typing with 30,000 contacts loaded: 20 keys in this contact's Notes, then 20 in
  // the contacts search (each key filters all 30,000 again).
  await saved(page);
  out.typeNotes = await typingLatency(page, page.getByRole('textbox', { name: 'Notes', exact: true }), ' networking pays off');
  await page.evaluate(() => { location.hash = '#/planner/contacts'; });
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  out.typeSearch = await typingLatency(page, page.getByRole('textbox', { name: 'Search contacts', exact: true }), 'engineering manager ');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.getByText(new RegExp(`^${N} of ${N} contacts`)).first().waitFor({ timeout: 10000 });
  await saved(page);

  // Triage: the first 50 of the 30,000 untiered contacts, by keyboard.
  out.triage = await triageByKeys(page, 50);
  await saved(page);

  // Load from storage.
  await page.waitForTimeout(800);
  await page.reload();
  await page.waitForFunction(() => window.__wbStats && window.__wbStats.planner_load_ms !== undefined, null, { timeout: 60000 });
  out.loadMs = await stat(page, 'planner_load_ms');
  out.decodeMs = await stat(page, 'planner_decode_ms');
  out.readMs = await stat(page, 'planner_read_ms');
  out.codeMs = await stat(page, 'deferred_load_ms');
  await page.evaluate(() => { location.hash = '#/planner/contacts'; });
  await page.getByText(new RegExp(`^${N} of ${N} contacts`)).first().waitFor({ timeout: 60000 });
  out.heapMB = (await stat(page, 'heap_bytes')) / (1 << 20);
  const survived = await page.evaluate(() => document.getElementById('wb-semantics').textContent.length > 0);
  out.intact = survived;
  await ctx.close();
  return out;
}

// Rows for bench.mjs's table: [metric, value, budget, ok].
export function scaleRows(m) {
  const B = SCALE_BUDGET;
  const ms = (v) => `${v.toFixed(1)} ms`;
  return [
    ['scale: import 30,000 LinkedIn rows to the preview (compute)', ms(m.importMs), `<= ${B.importMs} ms`, m.importMs <= B.importMs],
    ['scale: import to the preview, wall clock (file read + frames)', ms(m.importWallMs), '', null],
    ['scale: overdue on This week right after importing 30,000', String(m.afterImportOverdue), '0', m.afterImportOverdue === 0],
    ['scale: calendar (.ics) events right after importing 30,000', String(m.afterImportCalendarEvents), '0', m.afterImportCalendarEvents === 0],
    ['scale: load 30,000 contacts from IndexedDB', ms(m.loadMs), `<= ${B.loadMs} ms`, m.loadMs <= B.loadMs],
    ['scale:   of which reading IndexedDB (records in JS)', ms(m.readMs), '', null],
    ['scale:   of which decoding in wasm', ms(m.decodeMs), '', null],
    ['scale:   the planner\'s code, fetched and instantiated (in parallel)', ms(m.codeMs), '', null],
    ['scale: save after one edit (main thread)', ms(m.saveMs), `<= ${B.saveMs} ms`, m.saveMs <= B.saveMs],
    ['scale: filter or search (slowest of 5 queries)', ms(m.queryMs), `<= ${B.queryMs} ms`, m.queryMs <= B.queryMs],
    ['scale: contacts view, CPU per frame (median)', ms(m.contactsFrameMs), `<= ${B.contactsFrameMs} ms`, m.contactsFrameMs <= B.contactsFrameMs],
    ['scale: network map, CPU per frame (median)', ms(m.mapFrameMs), `<= ${B.mapFrameMs} ms`, m.mapFrameMs <= B.mapFrameMs],
    [`scale: typing in a contact's Notes, key to frame drawn (median of ${m.typeNotes.keys} keys)`, ms(m.typeNotes.median), '', null],
    ['scale:   worst of those keys', ms(m.typeNotes.worst), '', null],
    ['scale:   CPU of the frame that drew the key (median / worst)', `${ms(m.typeNotes.frameMedian)} / ${ms(m.typeNotes.frameWorst)}`, '', null],
    [`scale: typing in the contacts search, key to frame drawn (median of ${m.typeSearch.keys} keys)`, ms(m.typeSearch.median), '', null],
    ['scale:   worst of those keys', ms(m.typeSearch.worst), '', null],
    ['scale:   CPU of the frame that drew the key (median / worst)', `${ms(m.typeSearch.frameMedian)} / ${ms(m.typeSearch.frameWorst)}`, '', null],
    ['scale: triage: tier 50 contacts by keyboard', `${m.triage.presses} key presses, ${m.triage.seconds.toFixed(1)} s`, '', null],
    ['scale:   triage: key to frame drawn (median / worst)', `${ms(m.triage.keyMs)} / ${ms(m.triage.keyWorstMs)}`, '', null],
    ['scale:   triage page, CPU per frame (median)', ms(m.triage.frameMs), `<= ${B.triageFrameMs} ms`, m.triage.frameMs <= B.triageFrameMs],
    ['scale: wasm heap with 30,000 contacts', `${m.heapMB.toFixed(1)} MB`, `<= ${B.heapMB} MB`, m.heapMB <= B.heapMB],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { launch } = await import('../e2e/lib.mjs');
  const { startServer } = await import('../../scripts/server.mjs');
  const srv = await startServer({ root: process.argv[2] || 'build/web', port: 0 });
  const browser = await launch();
  try {
    const only = process.argv[3];  // "scripts": only the mixed-script table
    const rows = only === 'scripts' ? scriptRows(await measureScripts(browser, srv.url))
                                    : [...scaleRows(await measureScale(browser, srv.url)), ...scriptRows(await measureScripts(browser, srv.url))];
    for (const r of rows) console.log(`${r[0]}: ${r[1]} ${r[2]} ${r[3] === null ? '' : r[3] ? 'ok' : 'OVER'}`);
  } finally {
    await browser.close();
    await srv.close();
  }
}
