// Builds the Zendesk app package: manifest.json (with the backend URL written in),
// assets/ and translations/, zipped as Zendesk's upload expects them (files at the root).
// Usage: npm run package -- --backend-url https://copilot.example.com [--out ../artifacts/x.zip]
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { validateManifest } from './validate-manifest.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** An https origin (http only for localhost), without credentials, query or fragment. */
export function parseBackendUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--backend-url is not a URL: ${raw}`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) throw new Error('--backend-url must use https (http is allowed for localhost only)');
  if (url.username || url.password) throw new Error('--backend-url must not carry credentials');
  if (url.search || url.hash) throw new Error('--backend-url must not have a query or fragment');
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, host: url.hostname };
}

export function buildManifest(template, backend) {
  const text = JSON.stringify(template).replaceAll('{BACKEND_URL}', backend.base).replaceAll('{BACKEND_HOST}', backend.host);
  const manifest = JSON.parse(text);
  manifest.domainWhitelist = [backend.host];
  return manifest;
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function packageApp({ backendUrl, out = join(repo, 'artifacts/copilot-zendesk-app.zip'), root = repo }) {
  const backend = parseBackendUrl(backendUrl);
  const manifest = buildManifest(JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')), backend);
  const entries = { 'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const folder of ['assets', 'translations']) {
    for (const path of filesUnder(join(root, folder))) entries[relative(root, path).split('\\').join('/')] = readFileSync(path);
  }
  const { errors } = validateManifest(manifest, { hasFile: (f) => f in entries });
  if (errors.length) throw new Error(`the packaged manifest is not valid:\n  ${errors.join('\n  ')}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  return { out, files: Object.keys(entries), manifest };
}

function main() {
  const args = process.argv.slice(2);
  const value = (flag) => {
    const i = args.indexOf(flag);
    if (i >= 0) return args[i + 1];
    return args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const backendUrl = value('--backend-url');
  if (!backendUrl) {
    console.error('usage: npm run package -- --backend-url https://copilot.example.com [--out path.zip]');
    process.exit(2);
  }
  try {
    const out = value('--out');
    const result = packageApp({ backendUrl, ...(out ? { out: resolve(out) } : {}) });
    console.log(`wrote ${relative(process.cwd(), result.out)}: ${result.files.join(', ')}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
