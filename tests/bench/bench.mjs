// Measures download size, time to first frame and idle cost of our site and of
// the baseline (ImGui's example), then prints the one table of scripts/bench.sh
// (which builds everything first and passes the callgrind results in).
//   node tests/bench/bench.mjs --ours DIR --baseline DIR --callgrind FILE.tsv [--runs 5]
// Exit status: 0 all within budget, 3 something over budget, 1 the bench failed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { startServer } from '../../scripts/server.mjs';
import { measureScale, measureScripts, scaleRows, scriptRows } from './scale.mjs';
import { launch } from '../e2e/lib.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const OURS = opt('ours', 'build/bench/ours');
const BASE = opt('baseline', 'build/bench/baseline');
const CALLGRIND = opt('callgrind', '');
const SUSPEND = opt('suspend', '');  // a file holding the SCORM suspend_data length of a learner who answered everything
const RUNS = Math.max(1, Number(opt('runs', 7)));

// The files each page loads before its first frame are measured (what the page
// asked for before window.__appReady, over every run; listed under the table).
// These lists are only the fallback if that measurement came back empty.
const OURS_FILES = ['index.html', 'style.css', 'boot.js', 'pwa.js', 'workbook.js', 'workbook.wasm'];
const BASE_FILES = ['index.html', 'shell.css', 'shell.js', 'example.js', 'example.wasm'];
// Loaded after the first frame: the planner's code (scripts/split-wasm.py).
const OURS_LATER = ['workbook.deferred.wasm'];

const BUDGET = { brotliKB: 300, firstFrameRatio: 1.15, idleRaf: 1, idleBusyPct: 2 };
const VIEWPORT = { width: 1280, height: 800 };

// --- download size -------------------------------------------------------------
// Same compressors and levels as scripts/size-report.mjs (what build.sh prints).
function sizes(dir, files) {
  const t = { raw: 0, gz: 0, br: 0 };
  for (const f of files) {
    const b = readFileSync(join(dir, f));
    t.raw += b.length;
    t.gz += gzipSync(b, { level: 9 }).length;
    t.br += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return t;
}

// --- browser ---------------------------------------------------------------------
// Runs before any page script. Records when __appReady first becomes true
// (performance.now() counts from navigation start) and counts rAF callbacks.
const INSTRUMENT = `(() => {
  let ready = false;
  Object.defineProperty(window, '__appReady', {
    configurable: true,
    get() { return ready; },
    set(v) {
      ready = v;
      if (v === true && window.__appReadyAt === undefined) window.__appReadyAt = performance.now();
    },
  });
  window.__rafCount = 0;
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (cb) {
    return raf.call(window, (t) => { window.__rafCount++; cb(t); });
  };
})();`;

// Console errors seen, counted, reported once at the end (they may explain a number).
const pageErrors = new Map();

// A fresh context (no HTTP or compiled-code cache) with one page, ready.
async function openFresh(browser, url) {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  await ctx.addInitScript(INSTRUMENT);
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => {
    // The baseline page has no icon; the browser's guess at /favicon.ico is not its error.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  try {
    await page.waitForFunction(() => window.__appReadyAt !== undefined, null, { timeout: 30000 });
  } catch (e) {
    // Our page shows start-up failures on the page, not in the console.
    const shown = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 400)).catch(() => '');
    await ctx.close();
    throw new Error(`${url} never became ready (${e.message}). Console: ${errors.join(' | ') || 'nothing'}. ` +
                    `Page: ${shown}`);
  }
  const site = url === srvOurs.url ? 'ours' : 'baseline';
  for (const e of errors) pageErrors.set(`${site}: ${e}`, (pageErrors.get(`${site}: ${e}`) || 0) + 1);
  return { ctx, page };
}

// Files (paths under the site) each site asked for before its first frame, over all runs.
const loadedBefore = { ours: new Set(), baseline: new Set() };

async function firstFrameMs(browser, url) {
  const { ctx, page } = await openFresh(browser, url);
  const t = await page.evaluate(() => window.__appReadyAt);
  // Files served (a 404, like the browser's guess at /favicon.ico, downloads nothing of ours).
  const files = await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource')
    .filter((e) => e.startTime < window.__appReadyAt && e.responseStatus === 200).map((e) => e.name)]);
  const site = url === srvOurs.url ? 'ours' : 'baseline';
  for (const f of files) {
    const path = new URL(f).pathname.replace(/^\//, '') || 'index.html';
    if (new URL(f).origin === new URL(url).origin) loadedBefore[site].add(path);
  }
  await ctx.close();
  return t;
}

// 1 s after the last input, over the next 2 s: rAF callbacks per second and the
// share of wall-clock time the renderer's main thread spent running tasks.
async function idle(browser, url) {
  const { ctx, page } = await openFresh(browser, url);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.waitForTimeout(500);  // let start-up work finish before the input
  await page.mouse.move(600, 380);
  await page.mouse.move(640, 400);
  await page.waitForTimeout(1000);
  const sample = async () => {
    const raf = await page.evaluate(() => window.__rafCount);
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    return { raf, task: m.TaskDuration, at: m.Timestamp };
  };
  const a = await sample();
  await page.waitForTimeout(2000);
  const b = await sample();
  await ctx.close();
  const wall = b.at - a.at;
  return { rafPerSec: (b.raf - a.raf) / wall, busyPct: (100 * (b.task - a.task)) / wall };
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// --- measure -------------------------------------------------------------------

const srvOurs = await startServer({ root: OURS, port: 0 });
const srvBase = await startServer({ root: BASE, port: 0 });
const browser = await launch();
const chromiumVersion = browser.version();
const times = { ours: [], base: [] };
let idleOurs, idleBase, scale, scripts;
try {
  // One discarded load of each first: the first page of a browser pays for
  // process and GPU start-up that later ones do not.
  await firstFrameMs(browser, srvOurs.url);
  await firstFrameMs(browser, srvBase.url);
  // Interleaved, so drift in the machine's load hits both alike.
  for (let i = 0; i < RUNS; i++) {
    times.ours.push(await firstFrameMs(browser, srvOurs.url));
    times.base.push(await firstFrameMs(browser, srvBase.url));
  }
  idleOurs = await idle(browser, srvOurs.url);
  idleBase = await idle(browser, srvBase.url);
  scale = await measureScale(browser, srvOurs.url);
  scripts = await measureScripts(browser, srvOurs.url);
} finally {
  await browser.close();
  await srvOurs.close();
  await srvBase.close();
}

// The sizes of what was measured to load before the first frame, or, if the
// measurement found nothing (it always should), of the lists above.
const listed = (site, fallback) => (loadedBefore[site].size ? [...loadedBefore[site]].sort() : fallback);
const size = { ours: sizes(OURS, listed('ours', OURS_FILES)), base: sizes(BASE, listed('baseline', BASE_FILES)),
               later: sizes(OURS, OURS_LATER) };

// --- table ---------------------------------------------------------------------
const rows = [];
const over = [];
const row = (metric, value, budget = '', ok = null, ratio = '') => {
  rows.push([metric, value, budget, ok === null ? '' : ok ? 'yes' : 'no', ratio]);
  if (ok === false) over.push(metric);
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const x = (r) => `${r.toFixed(2)}x`;

for (const [name, s] of [['ours', size.ours], ['baseline', size.base]]) {
  row(`download, ${name}: raw`, kb(s.raw));
  row(`download, ${name}: gzip -9`, kb(s.gz));
  if (name === 'ours') {
    row('download, ours: brotli -q 11', kb(s.br), `<= ${BUDGET.brotliKB} KB`, s.br <= BUDGET.brotliKB * 1024,
        x(s.br / size.base.br));
  } else row('download, baseline: brotli -q 11', kb(s.br));
}
row(`after the first frame, ours: ${OURS_LATER.join(', ')}, brotli`, kb(size.later.br));

const mOurs = median(times.ours), mBase = median(times.base);
const spread = (xs) => `(${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))})`;
row(`first frame, ours: median of ${RUNS}`, `${Math.round(mOurs)} ms ${spread(times.ours)}`,
    `<= ${BUDGET.firstFrameRatio}x baseline`, mOurs <= BUDGET.firstFrameRatio * mBase, x(mOurs / mBase));
row(`first frame, baseline: median of ${RUNS}`, `${Math.round(mBase)} ms ${spread(times.base)}`);

row('idle, ours: rAF callbacks/s', idleOurs.rafPerSec.toFixed(1), `<= ${BUDGET.idleRaf}/s`,
    idleOurs.rafPerSec <= BUDGET.idleRaf, idleBase.rafPerSec > 0 ? x(idleOurs.rafPerSec / idleBase.rafPerSec) : '');
row('idle, baseline: rAF callbacks/s', idleBase.rafPerSec.toFixed(1));
row('idle, ours: main thread busy', `${idleOurs.busyPct.toFixed(1)} %`, `<= ${BUDGET.idleBusyPct} %`,
    idleOurs.busyPct <= BUDGET.idleBusyPct, idleBase.busyPct > 0 ? x(idleOurs.busyPct / idleBase.busyPct) : '');
row('idle, baseline: main thread busy', `${idleBase.busyPct.toFixed(1)} %`);

for (const [metric, value, budget, ok] of [...scaleRows(scale), ...scriptRows(scripts)]) row(metric, value, budget, ok);

if (SUSPEND) {
  const n = Number(readFileSync(SUSPEND, 'utf8').trim());
  row('SCORM suspend_data, a learner who answered everything', `${n} chars`, '<= 4000', n <= 4000);
}

if (CALLGRIND) {
  for (const line of readFileSync(CALLGRIND, 'utf8').split('\n').filter(Boolean)) {
    const [name, per, ir] = line.split('\t');
    row(name, `${Math.round(Number(ir) / Number(per)).toLocaleString('en-US')} instr`);
  }
}

const head = ['metric', 'value', 'budget', 'within budget', 'vs baseline'];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 1 || i === 4 ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ').trimEnd();
console.log(line(head));
console.log(width.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

for (const [e, n] of pageErrors) console.error(`bench: console error (${n} loads): ${e}`);

const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || 'unknown CPU';
const nproc = execFileSync('nproc').toString().trim();
console.log(`\nmachine: ${nproc} cores (nproc), ${cpu}, Chromium ${chromiumVersion}`);
console.log(`before the first frame, ours: ${listed('ours', OURS_FILES).join(', ')}; ` +
            `baseline: ${listed('baseline', BASE_FILES).join(', ')}`);
console.log('KB = 1024 bytes. first frame: navigation start to window.__appReady, fresh context per load, ' +
            '(min-max). idle: 1-3 s after a mouse move. core: instructions per operation under callgrind, ' +
            'g++ -O2: (Ir at 100 reps - Ir at 0 reps) / operations.');
if (over.length) {
  console.log(`over budget: ${over.join('; ')}`);
  process.exitCode = 3;
}
