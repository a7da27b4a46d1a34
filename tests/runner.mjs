// A tiny test runner shared by the node test scripts (end-to-end, interop):
// it prints one line per test and the closing line CI reads, "N passed, N failed".
const tests = [];
export function test(name, fn) { tests.push({ name, fn }); }

export async function run(suite) {
  let passed = 0, failed = 0;
  const only = process.env.WB_E2E_ONLY;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const t0 = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`  ok    ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`  FAIL  ${t.name}\n        ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n        ')}`);
    }
  }
  console.log(`${suite}: ${passed} passed, ${failed} failed`);
  return failed;
}
