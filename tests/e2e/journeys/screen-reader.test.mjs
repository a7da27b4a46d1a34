// Journey: a blind learner with a screen reader, at 1440 x 900. Every step is
// decided only from what a screen reader would say: the accessibility tree
// (CDP Accessibility.getFullAXTree: the focused node's role, name and text) and
// the live region's announcements. Only page.keyboard acts (and, for the import,
// the browser's own file dialog). After every key, some node other than the page
// itself must have focus. Prints the keys each task took.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../scripts/server.mjs';
import { linkedInCsv } from '../../bench/scale.mjs';
import { launch, liveSays, openWorkbook, run, test } from './lib.mjs';

const srv = await startServer({ root: 'build/web', port: 0 });
const browser = await launch();
const CONNECTIONS = join(mkdtempSync(join(tmpdir(), 'wb-sr-')), 'Connections.csv');
writeFileSync(CONNECTIONS, linkedInCsv(20));

// The accessibility tree as a screen reader gets it.
async function axTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const prop = (n, name) => (n.properties || []).find((p) => p.name === name)?.value?.value;
  // What a screen reader reads for a node: its name, else the text inside it.
  const text = (n) => {
    if (n.name?.value) return n.name.value;
    return (n.childIds || []).map((id) => byId.get(id)).filter(Boolean).map(text).join('');
  };
  const say = (n) => ({ role: n.role?.value || '', name: text(n), checked: prop(n, 'checked'), value: n.value?.value ?? '' });
  return { nodes, byId, prop, text, say };
}

// The node that has focus, as the screen reader announces it (null: the page
// itself): the accessibility node of the focused element, with its children for
// the text inside it (what a screen reader's focus event carries).
async function focusNow(cdp) {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: 'document.activeElement === document.body || !document.activeElement ? null : document.activeElement' });
  if (!result.objectId) return null;
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: true });
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const focused = nodes.find((n) => (n.properties || []).some((p) => p.name === 'focused' && p.value.value === true));
  if (!focused) return null;
  const text = (n) => n.name?.value || (n.childIds || []).map((id) => byId.get(id)).filter(Boolean).map(text).join('');
  const prop = (name) => (focused.properties || []).find((p) => p.name === name)?.value?.value;
  return { role: focused.role?.value || '', name: text(focused), checked: prop('checked'), value: focused.value?.value ?? '' };
}

function screenReader(page, cdp) {
  const sr = { count: 0, log: [] };
  const idle = () => page.waitForFunction(() => (window.__wbStats || {}).idle === 1, null, { timeout: 20000 });
  sr.key = async (key) => {
    sr.count++;
    await page.keyboard.press(key);
    await idle();
    const f = await focusNow(cdp);
    sr.log.push(`${key} -> ${f ? `${f.role} "${f.name.slice(0, 50)}"` : 'the page'}`);
    assert.ok(f, `focus fell to the page after ${key} (key ${sr.count}); the last keys:\n${sr.log.slice(-30).join('\n')}`);
    return f;
  };
  // Presses `key` until the focused node's role and name match (`role` 'textbox'
  // also takes a combobox: a text field with suggestions).
  sr.to = async (role, re, key = 'Tab') => {
    const start = sr.count;
    const roles = role === 'textbox' ? ['textbox', 'combobox'] : [role];
    let f = await sr.key(key);
    while (!(roles.includes(f.role) && re.test(f.name))) {
      assert.ok(sr.count - start < 90, `${key} reaches ${role} ${re}; the last keys:\n${sr.log.slice(-30).join('\n')}`);
      f = await sr.key(key);
    }
    return f;
  };
  return sr;
}

test('screen-reader learner: reads a section, writes a reflection, takes a quiz, opens results, plans a contact, imports and cancels, changes the theme', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await openWorkbook(ctx, srv.url + '#/read/be-proactive', { errors });
  const cdp = await ctx.newCDPSession(page);
  const sr = screenReader(page, cdp);
  const counts = [];
  const task = async (what, fn) => { const start = sr.count; await fn(); counts.push(`${what}: ${sr.count - start}`); };

  await task('read the section', async () => {
    const t = await axTree(cdp);
    const h1 = t.nodes.find((n) => n.role?.value === 'heading' && t.prop(n, 'level') === 1);
    assert.equal(h1 && t.text(h1), 'Be Proactive');
    const para = t.nodes.find((n) => n.role?.value === 'paragraph' && /^Networking requires effort/.test(t.text(n)));
    assert.ok(para, 'the section text is in the tree as paragraphs');
  });

  await task('write a reflection', async () => {
    const f = await sr.to('textbox', /./);
    await page.keyboard.type('Ama Mensah, to ask about her move into product.');
    await page.waitForFunction(() => (window.__wbStats || {}).idle === 1);
    const now = await focusNow(cdp);
    assert.equal(now.value, 'Ama Mensah, to ask about her move into product.', `the reflection "${f.name}" holds what was typed`);
  });

  await task('take the quiz', async () => {
    let f = await sr.to('link', /^Skip to the quiz$/, 'Shift+Tab');
    f = await sr.key('Enter');
    const answered = new Set();
    let checks = 0;
    for (;;) {
      assert.ok(sr.count < 400, `the quiz ends; the last keys:\n${sr.log.slice(-30).join('\n')}`);
      if (f.role === 'radio' && !answered.has('q' + checks)) { answered.add('q' + checks); f = await sr.key('Space'); continue; }
      if (f.role === 'checkbox' && !answered.has('q' + checks)) { answered.add('q' + checks); f = await sr.key('Space'); continue; }
      if (f.role === 'button' && /^Check answer/.test(f.name)) {
        checks++;
        f = await sr.key('Enter');
        assert.match(f.name, /^(Correct|Partly right|Not quite)\./, `the verdict is read after "Check answer", not ${f.role} "${f.name}"`);
        continue;
      }
      if (f.role === 'button' && /^Submit quiz/.test(f.name)) {
        f = await sr.key('Enter');
        assert.match(f.name, /^Score: \d+%/, 'the score is read after "Submit quiz"');
        break;
      }
      f = await sr.key('Tab');
    }
    assert.equal(checks, 5);
  });

  await task('open the results', async () => {
    await sr.to('button', /^Your results$/, 'Shift+Tab');
    const f = await sr.key('Enter');
    assert.deepEqual([f.role, f.name], ['heading', 'Your results'], 'a new page: its heading is read');
  });

  await task('open the planner', async () => {
    await sr.to('button', /^Your network planner$/, 'Shift+Tab');
    const f = await sr.key('Enter');
    assert.deepEqual([f.role, f.name], ['heading', 'This week']);
  });

  await task('open Contacts', async () => {
    await sr.to('link', /^Contacts$/, 'Shift+Tab');
    const f = await sr.key('Enter');
    assert.deepEqual([f.role, f.name], ['heading', 'Contacts']);
  });

  await task('add a contact with a company', async () => {
    await sr.to('textbox', /New contact's name/);
    await page.keyboard.type('Ngozi Okonkwo');
    await sr.to('button', /^Add contact$/);
    const f = await sr.key('Enter');
    assert.deepEqual([f.role, f.name], ['heading', 'Ngozi Okonkwo'], 'the new contact\'s page is read');
    await sr.to('textbox', /^Company$/);
    await page.keyboard.type('Lagos Fintech');
    await page.waitForFunction(() => (window.__wbStats || {}).idle === 1);
    assert.equal((await focusNow(cdp)).value, 'Lagos Fintech');
  });

  await task('log a touch', async () => {
    await sr.to('textbox', /^What happened$/, 'Shift+Tab');  // above the contact's details
    await page.keyboard.type('Coffee after the meetup');
    await sr.to('button', /^Log this touch$/);
    await sr.key('Enter');
    await liveSays(page, /Touch logged with Ngozi Okonkwo/);
  });

  await task('open an import preview and cancel it', async () => {
    await sr.to('button', /^Back to all contacts$/, 'Shift+Tab');
    await sr.key('Enter');
    await sr.to('button', /^Import contacts/);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), sr.key('Enter')]);
    await chooser.setFiles(CONNECTIONS);
    await liveSays(page, /20 new/);  // the preview's summary is announced
    const heading = await focusNow(cdp);
    assert.deepEqual([heading.role, heading.name], ['heading', 'Import contacts'], 'the preview is a page: its heading is read');
    await sr.to('button', /^Cancel the import$/);
    const back = await sr.key('Enter');
    assert.ok(back.role !== 'button' || !/Cancel the import/.test(back.name), 'the preview has gone');
    const t = await axTree(cdp);
    assert.ok(!t.nodes.some((n) => /LinkedIn connections: 20 new/.test(t.text(n))), 'nothing of the preview is left');
  });

  await task('change the theme', async () => {
    await sr.to('button', /^Settings$/, 'Shift+Tab');
    await sr.key('Enter');
    await sr.to('button', /^High contrast: off$/);
    const f = await sr.key('Enter');
    assert.deepEqual([f.role, f.name], ['button', 'High contrast: on'], 'the same button, now saying what it is');
  });

  console.log(`  keys: ${counts.join(', ')} (total ${sr.count})`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

const failed = await run('journey screen-reader');
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
