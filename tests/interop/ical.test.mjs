// The planner's .ics and .vcf exports read by an independent parser (npm
// ical.js): events, all-day dates, alarms, UIDs, summaries, and vCard names and
// notes back exactly. The files come from the native helper
// interchange_export_sample (tests/interop/export_sample.cpp), which also writes
// what the parser must find. Last line: "N passed, N failed".
import ICAL from 'ical.js';
import { run, test } from '../runner.mjs';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const helper = process.env.WB_EXPORT_SAMPLE || join(root, 'build', 'native', 'interchange_export_sample');


let ics, vcf, expected;
function load() {
  if (ics) return;
  assert.ok(existsSync(helper), `missing ${helper}: build the native configuration first`);
  const dir = mkdtempSync(join(tmpdir(), 'wb-interop-'));
  const [icsPath, vcfPath, jsonPath] = ['sample.ics', 'sample.vcf', 'expected.json'].map((f) => join(dir, f));
  execFileSync(helper, [icsPath, vcfPath, jsonPath]);
  ics = readFileSync(icsPath, 'utf8');
  vcf = readFileSync(vcfPath, 'utf8');
  expected = JSON.parse(readFileSync(jsonPath, 'utf8'));
}

// Content lines: CRLF only, at most 75 octets, and every line valid UTF-8 on its own.
function checkLines(text, bytes) {
  assert.ok(text.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'a bare LF');
  let start = 0, folded = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    assert.ok(line.length <= 75, `a line of ${line.length} octets: ${line.toString()}`);
    new TextDecoder('utf-8', { fatal: true }).decode(line);  // throws on a split sequence
    if (line[0] === 0x20) folded++;
    start = i + 2;
  }
  assert.ok(folded > 0, 'the sample is meant to need folding');
}

const vevents = () => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
const byUid = (uid) => vevents().find((e) => e.getFirstPropertyValue('uid') === uid);

test('the .ics has CRLF lines of at most 75 octets that never split a UTF-8 character', () => {
  load();
  const dir = mkdtempSync(join(tmpdir(), 'wb-interop-'));
  execFileSync(helper, [join(dir, 'a.ics'), join(dir, 'a.vcf'), join(dir, 'e.json')]);
  checkLines(ics, readFileSync(join(dir, 'a.ics')));
  checkLines(vcf, readFileSync(join(dir, 'a.vcf')));
});

test('ical.js reads one VCALENDAR with the follow-ups and dated events, nothing else', () => {
  load();
  const cal = new ICAL.Component(ICAL.parse(ics));
  assert.equal(cal.name, 'vcalendar');
  assert.equal(cal.getFirstPropertyValue('version'), '2.0');
  assert.equal(cal.getAllSubcomponents('vtodo').length, 0);
  const uids = vevents().map((e) => e.getFirstPropertyValue('uid'));
  assert.deepEqual(uids, [...expected.followups, ...expected.events].map((e) => e.uid));
});

test('follow-ups: all-day dates, summaries, a display alarm each', () => {
  load();
  for (const want of expected.followups) {
    const ev = byUid(want.uid);
    assert.ok(ev, want.uid);
    const start = ev.getFirstPropertyValue('dtstart');
    const end = ev.getFirstPropertyValue('dtend');
    assert.equal(start.isDate, true, `${want.uid} is all-day`);
    assert.equal(start.toString(), want.start);
    assert.equal(end.isDate, true);
    assert.equal(end.toString(), want.end);
    assert.equal(ev.getFirstPropertyValue('summary'), want.summary);
    assert.equal(ev.getFirstPropertyValue('dtstamp').toString(), expected.dtstamp);
    assert.ok(Number.isInteger(ev.getFirstPropertyValue('sequence')));
    const alarms = ev.getAllSubcomponents('valarm');
    assert.equal(alarms.length, 1);
    assert.equal(alarms[0].getFirstPropertyValue('action'), 'DISPLAY');
    assert.equal(alarms[0].getFirstPropertyValue('description'), want.summary);
    assert.equal(alarms[0].getFirstPropertyValue('trigger').toString(), 'PT9H');
  }
  assert.equal(byUid(expected.followups[0].uid).getFirstPropertyValue('description'), expected.first_description);
});

test('events: all-day, with location, URL and description back exactly', () => {
  load();
  for (const want of expected.events) {
    const ev = byUid(want.uid);
    assert.ok(ev, want.uid);
    assert.equal(ev.getFirstPropertyValue('dtstart').isDate, true);
    assert.equal(ev.getFirstPropertyValue('dtstart').toString(), want.start);
    assert.equal(ev.getFirstPropertyValue('dtend').toString(), want.end);
    assert.equal(ev.getFirstPropertyValue('summary'), want.summary);
    if (want.location) assert.equal(ev.getFirstPropertyValue('location'), want.location);
    if (want.url) assert.equal(ev.getFirstPropertyValue('url'), want.url);
    if (want.description) assert.equal(ev.getFirstPropertyValue('description'), want.description);
    assert.equal(ev.getAllSubcomponents('valarm').length, 0);
  }
});

test('ical.js reads every vCard 4.0 card: names, notes, org, title, e-mail, URL, categories', () => {
  load();
  let parsed = ICAL.parse(vcf);
  // One root component parses to a jCard; several to a list of them.
  if (parsed[0] === 'vcard') parsed = [parsed];
  const cards = parsed.map((j) => new ICAL.Component(j));
  assert.equal(cards.length, expected.cards.length);
  cards.forEach((card, i) => {
    const want = expected.cards[i];
    assert.equal(card.name, 'vcard');
    assert.equal(card.getFirstPropertyValue('version'), '4.0');
    assert.equal(card.getFirstPropertyValue('fn'), want.fn, `card ${i} FN`);
    assert.equal(card.getFirstPropertyValue('note') ?? '', want.note, `card ${i} NOTE`);
    assert.equal(card.getFirstPropertyValue('title') ?? '', want.title);
    assert.equal(card.getFirstPropertyValue('email') ?? '', want.email);
    assert.equal(card.getFirstPropertyValue('url') ?? '', want.url);
    // ORG is compound: an escaped ';' must stay inside the one component.
    const org = card.getFirstProperty('org');
    assert.deepEqual(org ? org.getValues() : [], want.org ? [want.org] : []);
    const cats = card.getFirstProperty('categories');
    assert.deepEqual(cats ? cats.getValues() : [], want.categories);
  });
});

const failed = await run('interop');
process.exit(failed ? 1 : 0);
