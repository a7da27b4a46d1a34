// The page and its start-up scripts built from the pseudo-localised strings
// (scripts/pseudo-localize.py, compiled by the native build into
// build/native/gen/pseudo/): no English may be left in what the learner sees
// before the module runs (the page's text, its title and description, and the
// sentences boot.js and pwa.js show). The module's own pages are walked by
// tests/ui/test_pseudo.cpp. Last line: "N passed, N failed".
import { run, test } from '../runner.mjs';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pseudoStrings = join(root, 'build', 'native', 'gen', 'pseudo', 'content', 'strings.json');
const english = /[A-Za-z]{2,}/;

let out;
function build() {
  if (out) return out;
  assert.ok(existsSync(pseudoStrings), `missing ${pseudoStrings}: build the native configuration first`);
  out = mkdtempSync(join(tmpdir(), 'wb-pseudo-page-'));
  execFileSync('node', [join(root, 'scripts', 'web-text.mjs'), pseudoStrings, out,
    ...['index.html', 'boot.js', 'pwa.js'].map((f) => join(root, 'web', f))]);
  return out;
}

test('the page: its text, title and description are all from strings.json', () => {
  const html = readFileSync(join(build(), 'index.html'), 'utf8');
  const body = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const texts = [...body.matchAll(/>([^<]+)</g)].map((m) => m[1].trim()).filter(Boolean);
  const title = /<title>([^<]*)<\/title>/.exec(html)[1];
  const description = /<meta name="description" content="([^"]*)"/.exec(html)[1];
  assert.ok(texts.length >= 10, `expected the page's words, found ${texts.length}`);
  for (const t of [...texts, title, description]) assert.doesNotMatch(t, english, `English on the page: "${t}"`);
});

test('boot.js and pwa.js: every sentence they show is from strings.json', () => {
  for (const file of ['boot.js', 'pwa.js']) {
    // The developer console's messages are for us, not shown to the learner.
    const js = readFileSync(join(build(), file), 'utf8').split('\n').filter((l) => !/\bconsole\./.test(l)).join('\n');
    assert.doesNotMatch(js, /\bT\('/, `${file}: a T('key') was left unfilled`);
    // A string literal with two words or more of plain letters is a sentence someone reads.
    const sentences = [...js.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g)]
      .map((m) => m[1] ?? m[2])
      .filter((s) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(s) && s !== 'use strict');
    assert.deepEqual(sentences, [], `${file}: English sentences written in the script`);
  }
});

test('a key the page uses but strings.json lacks stops the build with its name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-pseudo-missing-'));
  let error = '';
  try {
    execFileSync('node', [join(root, 'scripts', 'web-text.mjs'), join(root, 'tests', 'pseudo', 'no-strings.json'), dir,
      join(root, 'web', 'index.html')], { stdio: 'pipe' });
  } catch (e) {
    error = String(e.stderr);
  }
  assert.match(error, /UI string "web\.loading" is missing: the page uses it/);
});

const failed = await run('pseudo-localised page');
process.exit(failed ? 1 : 0);
