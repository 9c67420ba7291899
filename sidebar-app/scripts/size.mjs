// Measures the built app (dist/) gzipped, file by file, and fails over the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

// The sidebar, every language chunk counted (an agent downloads one of them): issue #11 asks for at most 150 KB.
const BUDGET = 150 * 1024;
const DASHBOARD_BUDGET = 250 * 1024;
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
// The files a page names (its scripts, preloads and styles), with the page itself.
const referenced = (page) => {
  try {
    const html = readFileSync(join(dist, page), 'utf8');
    return new Set([page, ...[...html.matchAll(/(assets\/[^"']+)/g)].map((m) => m[1])]);
  } catch {
    return new Set();
  }
};
// A page's files and every chunk they load, lazily or not (a language chunk is named in the code that imports it).
const reachable = (page) => {
  const known = new Set(rows.map((r) => r.file));
  const seen = referenced(page);
  const queue = [...seen];
  while (queue.length > 0) {
    const file = queue.pop();
    if (!file.endsWith('.js')) continue;
    for (const m of readFileSync(join(dist, file), 'utf8').matchAll(/([\w.-]+\.(?:js|css))\b/g)) {
      const name = `assets/${m[1]}`;
      if (known.has(name) && !seen.has(name)) {
        seen.add(name);
        queue.push(name);
      }
    }
  }
  return seen;
};
const sum = (files) => rows.filter((r) => files.has(r.file)).reduce((s, r) => s + r.gzip, 0);
// The sidebar: its page and everything it can load (every language chunk counted, though an agent downloads one).
const sidebar = sum(reachable('sidebar.html'));
// The dashboard: the same for its page (shared chunks included).
const dashboard = sum(reachable('dashboard.html'));
const total = rows.reduce((s, r) => s + r.gzip, 0);
console.log(`sidebar app: ${kb(sidebar)} gzip (budget ${kb(BUDGET)}); dashboard: ${kb(dashboard)} gzip (budget ${kb(DASHBOARD_BUDGET)}); everything built: ${kb(total)} gzip`);
if (sidebar > BUDGET) {
  console.error(`Sidebar over budget by ${kb(sidebar - BUDGET)}.`);
  process.exit(1);
}
if (dashboard > DASHBOARD_BUDGET) {
  console.error(`Dashboard over budget by ${kb(dashboard - DASHBOARD_BUDGET)}.`);
  process.exit(1);
}
