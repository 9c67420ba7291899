// The pieces of the browser run that are not scenarios: paths, the real backend as a
// restartable child process (demo mode, one SQLite file), the store reader and Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const appDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const repo = resolve(appDir, '..');
export const artifacts = join(repo, 'artifacts');
export const shots = join(artifacts, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ADMIN_KEY = 'e2e-admin-key-0123456789';
/** The demo tenant's webhook signing secret (Copilot:Demo:WebhookSecret), so the run can send signed Zendesk webhooks. */
export const WEBHOOK_SECRET = 'e2e-demo-webhook-secret-0123456789';
/** What the demo tenants' shared secrets are derived from (Copilot:Demo:SharedSecret): fixed, so sessions outlast a restart. */
export const DEMO_SHARED_SECRET = 'e2e-demo-shared-secret-0123456789-abcdefghij';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Reads `read()` every 100 ms until `done(value)` holds or `ms` have passed, and returns the last value read.
 * By the clock, not by a count of tries: on a loaded machine each read (a sqlite3 process) takes longer.
 */
export async function poll(read, done = (v) => Boolean(v), ms = 30_000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(100);
    value = await read();
  }
  return value;
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

export function sql(db, query) {
  const r = spawnSync('sqlite3', ['-separator', '|', db, query], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** The real backend, demo mode, one SQLite file; restartable on the same port and secret. */
export class Backend {
  constructor(port, db, backendArgs = []) {
    this.backendArgs = backendArgs;
    this.base = `http://127.0.0.1:${port}`;
    this.port = port;
    this.db = db;
    this.proc = null;
    this.starts = 0;
  }

  async start() {
    const log = openSync(join(artifacts, `e2e-backend-${++this.starts}.log`), 'w');
    const env = {
      ...process.env,
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      DOTNET_NOLOGO: '1',
      Copilot__Store__Path: this.db,
      Copilot__AdminKey: ADMIN_KEY,
      Copilot__Demo__SharedSecret: DEMO_SHARED_SECRET,
      Copilot__Demo__WebhookSecret: WEBHOOK_SECRET,
      Sidebar__AppDirectory: join(appDir, 'dist'),
      Logging__LogLevel__Default: 'Warning',
    };
    this.proc = spawn('dotnet', ['run', '--no-build', '--no-launch-profile', '--project', join(repo, 'src/Copilot.Api'), '--', '--urls', this.base, ...this.backendArgs],
      { cwd: repo, env, stdio: ['ignore', log, log], detached: true });
    // Whatever ends this run, the backend (its own process group) ends with it.
    const pid = this.proc.pid;
    process.once('exit', () => { try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ } });
    const until = Date.now() + 240_000; // a first start quantizes the built-in model and embeds the demo knowledge
    while (Date.now() < until) {
      if (this.proc.exitCode !== null) throw new Error(`the backend exited with ${this.proc.exitCode}; see artifacts/e2e-backend-${this.starts}.log`);
      try {
        if ((await fetch(`${this.base}/healthz`)).ok && await this.settled()) return;
      } catch { /* not up yet */ }
      await sleep(300);
    }
    throw new Error('the backend did not answer /health/ready with synced and embedded knowledge in time');
  }

  /** Every tenant's knowledge synced and embedded: until then search is keyword-only and answers change. */
  async settled() {
    const r = await fetch(`${this.base}/health/ready`, { headers: { 'X-Admin-Key': ADMIN_KEY } });
    const tenants = Object.values((await r.json()).entries?.tenants?.data ?? {});
    return tenants.length > 0 && tenants.every((t) => t.sync?.lastSyncAt && t.vectors
      && t.vectors.model !== 'built-in model loading' && (t.vectors.passages ?? 0) <= (t.vectors.embedded ?? 0));
  }

  async stop() {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { return; }
    await Promise.race([exited, sleep(15_000)]);
    if (proc.exitCode === null) try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
    this.proc = null;
  }
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Debian's Chromium, headless, with a throwaway profile (never a downloaded browser). */
export function launchChromium(profile) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}
