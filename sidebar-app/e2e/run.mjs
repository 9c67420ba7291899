// End-to-end run of the sidebar in the local preview, in Debian's Chromium (never a
// downloaded browser): starts the backend with a temporary SQLite file on a free port,
// opens /preview, and walks an agent through it. Screenshots go to artifacts/screenshots/.
//
//   node e2e/run.mjs --smoke     the preview and the sidebar frame load (works without the assist/draft API)
//   node e2e/run.mjs             the whole scenario: summary, warnings, articles, draft, insert, edit,
//                                submit, then the "edited" feedback is in the store
// Options: --backend-args "…" extra arguments for the backend (e.g. the demo-mode switch),
//          --no-fake          do not start the stand-in helpdesk (the backend's demo mode brings its own).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadDemoData, startFakeHelpdesk } from './fake-helpdesk.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const appDir = resolve(here, '..');
const repo = resolve(appDir, '..');
const shots = join(repo, 'artifacts', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const useFake = !args.includes('--no-fake');
const backendArgs = (args[args.indexOf('--backend-args') + 1] && args.includes('--backend-args') ? args[args.indexOf('--backend-args') + 1] : process.env.COPILOT_E2E_BACKEND_ARGS ?? '').split(' ').filter(Boolean);

const cleanups = [];
const step = (msg) => console.log(`e2e: ${msg}`);

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

async function waitForHealth(base, backend, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (backend.exitCode !== null) throw new Error(`the backend exited with ${backend.exitCode}; see artifacts/e2e-backend.log`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the backend did not answer /healthz in time; see artifacts/e2e-backend.log');
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!existsSync(join(appDir, 'dist', 'sidebar.html'))) {
    step('building the app');
    if (spawnSync('npm', ['run', 'build'], { cwd: appDir, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  }
  mkdirSync(shots, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'copilot-e2e-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const db = join(work, 'copilot.db');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  const env = {
    ...process.env,
    ASPNETCORE_URLS: base,
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    Copilot__Store__Path: db,
    Copilot__AdminKey: 'e2e-admin-key-0123456789',
    Sidebar__AppDirectory: join(appDir, 'dist'),
  };
  if (useFake) {
    const fake = await startFakeHelpdesk(loadDemoData(join(repo, 'src/Copilot.Fakes/DemoData/lumora.json')));
    cleanups.push(fake.close);
    Object.assign(env, {
      Copilot__Tenants__demo__BaseUrl: fake.url,
      Copilot__Tenants__demo__Email: 'demo@lumora-home.example',
      Copilot__Tenants__demo__ApiToken: 'demo-token',
      Copilot__Tenants__demo__SharedSecret: 'demo-shared-secret-0123456789-abcdefghij',
    });
    step(`stand-in helpdesk at ${fake.url}`);
  }
  step(`starting the backend on ${base}`);
  const log = openSync(join(repo, 'artifacts', 'e2e-backend.log'), 'w');
  const backend = spawn('dotnet', ['run', '--project', join(repo, 'src/Copilot.Api'), '--no-launch-profile', '--', ...backendArgs], { cwd: repo, env, stdio: ['ignore', log, log], detached: true });
  cleanups.push(() => { try { process.kill(-backend.pid, 'SIGTERM'); } catch { /* gone */ } });
  await waitForHealth(base, backend, 300_000);

  const profile = mkdtempSync(join(tmpdir(), 'copilot-e2e-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('console', (m) => { if (m.type() === 'error') console.log(`browser: ${m.text()}`); });

  step('opening /preview');
  await page.goto(`${base}/preview`);
  await page.waitForFunction(() => document.querySelectorAll('#ticket-picker option').length > 0, null, { timeout: 30_000 });
  const sidebar = page.frameLocator('#sidebar');
  const session = await sidebar.locator('meta[name="copilot-session"]').getAttribute('content', { timeout: 30_000 });
  if (!session || session.startsWith('%')) throw new Error('the sidebar frame has no session');
  // The app shows either its panels or a clear error; both mean it started.
  await sidebar.locator('h2, [role="alert"], [role="status"]').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(shots, '01-preview-loaded.png') });
  step('preview, ticket list and sidebar frame loaded');
  if (smoke) return;

  const tickets = await page.locator('#ticket-picker option').evaluateAll((o) => o.map((x) => x.value));
  await page.selectOption('#ticket-picker', tickets[Math.min(1, tickets.length - 1)]);
  await sidebar.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 60_000 });
  await sidebar.getByRole('heading', { name: 'Articles' }).waitFor();
  step(`summary and articles shown; warnings: ${await sidebar.getByRole('heading', { name: 'Warnings' }).count()}`);
  await page.screenshot({ path: join(shots, '02-assist.png') });

  await sidebar.getByRole('button', { name: 'Draft reply' }).click();
  await sidebar.getByRole('button', { name: 'Insert', exact: true }).waitFor({ timeout: 120_000 });
  await page.screenshot({ path: join(shots, '03-draft.png') });
  await sidebar.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.waitForFunction(() => (document.getElementById('reply-box')?.textContent ?? '').trim().length > 0);
  step('draft inserted into the reply box');

  await page.locator('#reply-box').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' PS: I have also sent you a return label, just in case.');
  await page.screenshot({ path: join(shots, '04-edited.png') });
  const feedback = page.waitForResponse((r) => /\/api\/suggestions\/[^/]+\/feedback$/.test(new URL(r.url()).pathname), { timeout: 30_000 });
  await page.locator('#submit').click();
  const response = await feedback;
  const body = await response.json();
  if (response.status() !== 201 || body.outcome !== 'edited') throw new Error(`feedback answered ${response.status()} ${JSON.stringify(body)}`);
  await page.screenshot({ path: join(shots, '05-submitted.png') });
  const stored = spawnSync('sqlite3', [db, "SELECT outcome FROM feedback WHERE outcome = 'edited' LIMIT 1;"], { encoding: 'utf8' });
  if (stored.status === 0 && stored.stdout.trim() !== 'edited') throw new Error(`no edited feedback in the store: ${stored.stdout}${stored.stderr}`);
  step(`feedback "edited" recorded (edit ratio ${body.editRatio})`);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`e2e: FAILED: ${e.message}`);
} finally {
  for (const c of cleanups.reverse()) { try { await c(); } catch { /* best effort */ } }
}
console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
process.exit(failed ? 1 : 0);
