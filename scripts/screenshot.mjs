// Takes a screenshot of the served workbook, to look at it as a learner would.
//   node scripts/screenshot.mjs URL OUT.png [WIDTHxHEIGHT] [dpr] [light|dark]
import { launch } from '../tests/e2e/lib.mjs';

const [url, out, size = '1440x900', dpr = '1', scheme = 'light'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: Number(dpr), colorScheme: scheme });
const page = await ctx.newPage();
page.on('console', (m) => console.log(`console.${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => console.log(`pageerror: ${e}`));
await page.goto(url);
await page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 }).catch((e) => console.log(String(e)));
await page.waitForTimeout(500);
await page.screenshot({ path: out });
await browser.close();
