// Shared by the SCORM end-to-end tests (tests/e2e/lms*.test.mjs): the two
// packages unzipped and served with the harness page (harness.js, playing the
// LMS with npm scorm-again) on one origin, opening the LMS in a browser
// context, reading what it holds, and printing it.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const chapter = JSON.parse(readFileSync('build/native/gen/content.json', 'utf8'));

// Builds the packages when missing or older than the build, and unzips each into a folder of its own.
export function unpackPackages() {
  const zips = { 12: 'build/lms/networking-workbook-scorm12.zip', 2004: 'build/lms/networking-workbook-scorm2004.zip' };
  const stale = Object.values(zips).some((z) => !existsSync(z) || statSync(z).mtimeMs < statSync('build/web/workbook.wasm').mtimeMs);
  if (stale) execFileSync('scripts/package-lms.sh', { stdio: 'inherit', env: { ...process.env, WB_SKIP_SETUP: '1' } });
  const unpacked = {};
  for (const [v, zip] of Object.entries(zips)) {
    unpacked[v] = mkdtempSync(join(tmpdir(), `wb-scorm${v}-`));
    execFileSync('unzip', ['-q', zip, '-d', unpacked[v]]);
  }
  return unpacked;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.xml': 'application/xml', '.json': 'application/json' };

// One origin: the harness, scorm-again's dist file and the two packages. Resolves to { origin, unpacked, close }.
export async function serveLms() {
  const unpacked = unpackPackages();
  const roots = { '/harness/': resolve('tests/e2e/lms-harness'), '/scorm-again/': resolve('node_modules/scorm-again/dist'),
    '/scorm12/': unpacked[12], '/scorm2004/': unpacked[2004] };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    const file = prefix && normalize(join(roots[prefix], path.slice(prefix.length) || 'index.html'));
    if (!file || !file.startsWith(roots[prefix])) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      // No CSP header for the package: an LMS serves the files, and the page's <meta> policy is what travels.
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
    } catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, unpacked, close: () => server.close() };
}

// In the harness page.
export const H = (page, fn, arg) => page.evaluate(fn, arg);
export const get = (page, element) => H(page, (e) => window.harness.get(e), element);
export const lmsErrors = (page) => H(page, () => window.harness.errors.concat(window.harness.logErrors.map((m) => ({ log: m }))));
export const workbookFrame = (page) => page.frames().find((f) => /\/scorm(12|2004)\//.test(f.url()));
// Every value the workbook set for an element, in order.
export const setValues = (page, element) =>
  H(page, (e) => window.harness.calls.filter((c) => /SetValue$/.test(c.fn) && c.args[0] === e).map((c) => c.args[1]), element);

// What the LMS launches with: the learner, entry, and (optionally) the stored record.
export function cmiFor(version, { id, name, entry = 'ab-initio', record = null }) {
  const r = record || {};
  if (version === 12) {
    return { core: { student_id: id, student_name: name, entry, lesson_location: r.location || '', lesson_status: r.status || 'not attempted',
      score: { raw: r.raw || '', min: r.raw ? '0' : '', max: r.raw ? '100' : '' } }, suspend_data: r.suspend || '' };
  }
  const cmi = { learner_id: id, learner_name: name, entry, location: r.location || '', completion_status: r.status || 'unknown',
    success_status: r.success || 'unknown', suspend_data: r.suspend || '' };
  if (r.raw) cmi.score = { raw: r.raw, min: '0', max: '100', scaled: String(Number(r.raw) / 100) };
  return cmi;
}

// Opens the harness as the LMS for `version` in `context` and launches the package; waits for the workbook.
// options: see harness.js (both12, noFinish, override).
export async function openLms(origin, context, version, cmi, options = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${origin}/harness/index.html`);
  await page.evaluate(([v, c, src, o]) => window.harness.launch(v, c, src, o), [Number(version), cmi, `/scorm${version}/index.html`, options]);
  await page.waitForFunction(() => {
    const w = document.getElementById('sco').contentWindow;
    return w && w.__appReady === true;
  }, null, { timeout: 30000 });
  return { page, frame: page.frameLocator('#sco'), errors };
}

// Leaves the page (pagehide) and waits for the session to end.
export async function leave(page, version) {
  await H(page, () => { document.getElementById('sco').src = 'about:blank'; });
  await page.waitForFunction((n) => window.harness.count(n) >= 1, version === 12 ? 'LMSFinish' : 'Terminate');
}

// What the LMS holds for the learner, as a record to relaunch with and to print.
export async function record(page, version) {
  return H(page, (v) => {
    const g = (e) => window.harness.get(e);
    // Write-only elements (exit, session time): what the workbook last set.
    const lastSet = (e) => { const c = window.harness.calls.filter((x) => /SetValue$/.test(x.fn) && x.args[0] === e).pop(); return c ? c.args[1] : '(never set)'; };
    const n = Number(g('cmi.interactions._count')) || 0;
    const base = v === 12
      ? { status: g('cmi.core.lesson_status'), success: '', raw: g('cmi.core.score.raw'), location: g('cmi.core.lesson_location'),
          exit: lastSet('cmi.core.exit'), session: lastSet('cmi.core.session_time') }
      : { status: g('cmi.completion_status'), success: g('cmi.success_status'), raw: g('cmi.score.raw'), location: g('cmi.location'),
          exit: lastSet('cmi.exit'), session: lastSet('cmi.session_time') };
    return { ...base, suspend: g('cmi.suspend_data'), interactions: n };
  }, version);
}

// One line per scenario: what the LMS record holds afterwards.
export function show(label, r) {
  console.log(`  record ${label}: status=${r.status}${r.success ? ` success=${r.success}` : ''} score=${r.raw || '(none)'} ` +
    `location=${r.location || '(none)'} exit=${r.exit === '' ? '""' : r.exit} session_time=${r.session} interactions=${r.interactions} ` +
    `suspend_data=${r.suspend.length} chars${r.suspend.includes('Ask Priya') ? ' (holds the reflection)' : ''}`);
}

// The codec's checksum (src/core/lms.cpp): Fnv1a64 of the text before the last '|', mod 36^4, 4 base-36 digits.
export function withChecksum(body) {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(body, 'utf8')) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return `${body}|${(h % 1679616n).toString(36).padStart(4, '0')}`;
}
