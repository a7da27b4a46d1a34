// Puts the page's own words, from content/strings.json, into the files the
// browser gets before the module runs (the page, its start-up and offline
// scripts), so a course author rewords or translates those too without code.
//   web/index.html: {{key}} -> the text, HTML-escaped
//   web/*.js:       T('key') -> the text as a JavaScript string literal
// A key missing from strings.json stops the build.
//
//   node scripts/web-text.mjs content/strings.json OUT_DIR FILE...   (FILE: web/index.html, web/boot.js, ...)
import fs from 'node:fs';
import path from 'node:path';

const [stringsPath, outDir, ...files] = process.argv.slice(2);
if (!stringsPath || !outDir || files.length === 0) {
  console.error('usage: node scripts/web-text.mjs content/strings.json OUT_DIR FILE...');
  process.exit(2);
}
const strings = JSON.parse(fs.readFileSync(stringsPath, 'utf8'));
const missing = new Set();
const text = (key) => {
  const t = strings[key];
  if (typeof t !== 'string') missing.add(key);
  return typeof t === 'string' ? t : key;
};
const html = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

for (const file of files) {
  let src = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.html')) {
    src = src.replace(/\{\{([a-z_]+(?:\.[a-z_0-9]+)+)\}\}/g, (_, key) => html(text(key)));
  } else {
    src = src.replace(/\bT\('([a-z_]+(?:\.[a-z_0-9]+)+)'\)/g, (_, key) => JSON.stringify(text(key)));
  }
  fs.writeFileSync(path.join(outDir, path.basename(file)), src);
}
if (missing.size) {
  for (const key of missing) console.error(`${stringsPath}: error: UI string "${key}" is missing: the page uses it`);
  process.exit(1);
}
