// Makes the built site an installable, offline app (issue #8). Run on a finished
// site folder, after everything else is in it; running it again after any file
// changed is exactly what a rebuild does.
//   node scripts/make-pwa.mjs <site-dir>
// Writes into <site-dir>:
//   icon-192.png, icon-512.png, icon-maskable-512.png   rendered from web/*.svg (rsvg-convert)
//   manifest.webmanifest                                name, colours from src/ui/theme.cpp, icons
//   build-info.json                                     {"build": id}: which build the page runs
//   sw.js                                               web/sw.template.js + the list of every file and its sha-256
// The build id is a short hash over every file's hash, so sw.js's bytes change
// whenever any file changes, and the browser sees a new version.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const site = process.argv[2];
if (!site || !statSync(site, { throwIfNoEntry: false })?.isDirectory()) {
  console.error('usage: node scripts/make-pwa.mjs <site-dir>');
  process.exit(2);
}
const fail = (msg) => { console.error(`make-pwa: ${msg}`); process.exit(1); };

// --- colours: the page background the canvas draws, per palette ----------------
// Read from the theme so the title bar and splash screen match the app exactly.
function themeColours() {
  const src = readFileSync(join(repo, 'src/ui/theme.cpp'), 'utf8');
  const m = src.match(/ImVec4 bg = dark \? ImVec4\(([^)]*)\) : ImVec4\(([^)]*)\)/);
  if (!m) fail('could not find the page background ("ImVec4 bg = dark ? ...") in src/ui/theme.cpp');
  // ImGui's float -> byte conversion (IM_F32_TO_INT8_SAT): round to nearest.
  const hex = (vec) => '#' + vec.split(',').slice(0, 3).map((s) => {
    const v = Math.min(1, Math.max(0, parseFloat(s)));
    return Math.floor(v * 255 + 0.5).toString(16).padStart(2, '0');
  }).join('');
  return { dark: hex(m[1]), light: hex(m[2]) };
}
const colours = themeColours();

// The page must carry the same pair as <meta name="theme-color" media=...>:
// the manifest takes one colour only.
const index = readFileSync(join(site, 'index.html'), 'utf8');
for (const [scheme, colour] of Object.entries(colours)) {
  const re = new RegExp(`<meta name="theme-color" content="${colour}" media="\\(prefers-color-scheme: ${scheme}\\)">`, 'i');
  if (!re.test(index)) fail(`index.html needs <meta name="theme-color" content="${colour}" media="(prefers-color-scheme: ${scheme})"> (the ${scheme} page background in src/ui/theme.cpp)`);
}
if (!index.includes('<link rel="manifest" href="manifest.webmanifest">')) fail('index.html does not link manifest.webmanifest');

// --- icons ------------------------------------------------------------------
const ICONS = [
  { svg: 'web/icon.svg', out: 'icon-192.png', size: 192, purpose: 'any' },
  { svg: 'web/icon.svg', out: 'icon-512.png', size: 512, purpose: 'any' },
  { svg: 'web/icon-maskable.svg', out: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
];
for (const icon of ICONS) {
  execFileSync('rsvg-convert', ['-w', String(icon.size), '-h', String(icon.size), '-o', join(site, icon.out), join(repo, icon.svg)]);
}

// --- manifest -----------------------------------------------------------------
// Relative start_url and scope: the same files work from / and from a subpath.
// No "id": it would resolve against the origin, not this folder, so two copies on
// one host would be one app; without it the id is start_url, this folder.
// Its words are the page's, which scripts/web-text.mjs took from content/strings.json.
const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const meta = (name) => unescape((index.match(new RegExp(`<meta name="${name}" content="([^"]*)">`)) || [])[1] ??
  fail(`index.html has no <meta name="${name}">`));
const manifest = {
  name: meta('application-name'),
  short_name: meta('apple-mobile-web-app-title'),
  description: meta('description'),
  lang: (index.match(/<html lang="([^"]*)">/) || [])[1] || fail('index.html has no <html lang>'),
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: colours.light,
  background_color: colours.light,
  icons: [
    ...ICONS.map((i) => ({ src: i.out, sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.purpose })),
    { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
};
writeFileSync(join(site, 'manifest.webmanifest'), JSON.stringify(manifest, null, 2) + '\n');

// --- hashes of every file -------------------------------------------------------
const GENERATED = new Set(['sw.js', 'build-info.json']);  // depend on the hashes, so not part of them
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.')) return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [relative(site, p).split(sep).join('/')];
  });
}
const sha256 = (bytes) => createHash('sha256').update(bytes).digest();
const files = listFiles(site).filter((f) => !GENERATED.has(f)).sort();
const entries = files.map((f) => [f, 'sha256-' + sha256(readFileSync(join(site, f))).toString('base64')]);
const build = sha256(entries.map(([f, h]) => `${f} ${h}\n`).join('')).toString('hex').slice(0, 12);

const info = JSON.stringify({ build }) + '\n';
writeFileSync(join(site, 'build-info.json'), info);
entries.push(['build-info.json', 'sha256-' + sha256(info).toString('base64')]);

// --- the service worker -----------------------------------------------------------
const template = readFileSync(join(repo, 'web/sw.template.js'), 'utf8');
const MARK = 'const PRECACHE = null;  // filled in by scripts/make-pwa.mjs';
if (!template.includes(MARK)) fail(`web/sw.template.js lacks the line "${MARK}"`);
const precache = `const PRECACHE = ${JSON.stringify({ build, files: Object.fromEntries(entries) }, null, 1)};`;
writeFileSync(join(site, 'sw.js'), template.replace(MARK, precache));
console.log(`pwa: build ${build}, ${entries.length} files precached, sw.js ${statSync(join(site, 'sw.js')).size} B`);
