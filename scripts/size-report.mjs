// Prints raw, gzip and brotli bytes of the files the page loads before its first frame.
//   node scripts/size-report.mjs DIR FILE...
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const [dir, ...files] = process.argv.slice(2);
let total = { raw: 0, gz: 0, br: 0 };
const rows = files.map((f) => {
  const b = readFileSync(join(dir, f));
  const r = {
    file: f, raw: b.length,
    gz: gzipSync(b, { level: 9 }).length,
    br: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of ['raw', 'gz', 'br']) total[k] += r[k];
  return r;
});
rows.push({ file: 'total', ...total });
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('size:   file              raw KB  gzip KB  brotli KB');
for (const r of rows) console.log(`size:   ${r.file.padEnd(16)}${kb(r.raw)} ${kb(r.gz)} ${kb(r.br)}`);
