// Measures the built app (dist/) gzipped, file by file, and fails over the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let all;
try {
  all = files(dist);
} catch {
  console.error('No dist/ folder: run `npm run build` first.');
  process.exit(2);
}
const rows = all.map((path) => {
  const raw = readFileSync(path);
  return { file: relative(dist, path), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
}).sort((a, b) => b.gzip - a.gzip);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const r of rows) console.log(`${r.file.padEnd(40)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} gzip`);
// The sidebar page loads everything except the preview page's own files.
const sidebar = rows.filter((r) => !r.file.startsWith('preview') && !r.file.includes('/preview-')).reduce((s, r) => s + r.gzip, 0);
const total = rows.reduce((s, r) => s + r.gzip, 0);
console.log(`sidebar app: ${kb(sidebar)} gzip; everything built: ${kb(total)} gzip; budget ${kb(BUDGET)}`);
if (sidebar > BUDGET) {
  console.error(`Over budget by ${kb(sidebar - BUDGET)}.`);
  process.exit(1);
}
