import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../src/lib/host/freshworks/backend';
// @ts-expect-error plain ES module script without types
import { svgSize, validateFreshworksApp } from '../scripts/freshworks/validate.mjs';
// @ts-expect-error plain ES module script without types
import { packageFreshworksApp } from '../scripts/freshworks/package.mjs';

const source = resolve(import.meta.dirname, '../freshworks');
const read = (path: string) => readFileSync(join(source, path), 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);
const PAGE = (script: string) => `<!doctype html><html><head><script src="{{{appclient}}}"></script><script type="module" src="${script}"></script></head><body></body></html>`;
/** Built code as the bundler leaves it: every template the app calls, by name. */
const CODE = `const r=[${ROUTES.map(([m, u, t]) => `["${m}","${u}","${t}"]`).join(',')}];`;

/** The app as it is packaged, from freshworks/ and a stand-in for the built pages. */
function app(): Record<string, string> {
  return {
    'manifest.json': read('manifest.json'),
    'config/iparams.json': read('config/iparams.json'),
    'config/requests.json': read('config/requests.json'),
    'app/index.html': PAGE('./assets/index.js'),
    'app/dashboard.html': PAGE('./assets/dashboard.js'),
    'app/assets/index.js': CODE,
    'app/assets/dashboard.js': 'export {};',
    'app/styles/images/icon.svg': read('public/styles/images/icon.svg'),
  };
}
const check = (files: Record<string, string>) => validateFreshworksApp(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, bytes(v)]))) as { errors: string[]; warnings: string[] };
/** The app with one JSON file changed. */
function changed(path: string, change: (json: any) => void): Record<string, string> {
  const files = app();
  const json = JSON.parse(files[path]);
  change(json);
  files[path] = JSON.stringify(json);
  return files;
}

describe('the Freshworks app as packaged', () => {
  it('is valid, and every template it defines is called', () => {
    expect(check(app())).toEqual({ errors: [], warnings: [] });
  });

  it('keeps the secret secure and out of the host; the backend host is a plain domain parameter', () => {
    const iparams = JSON.parse(read('config/iparams.json'));
    expect(iparams.shared_secret).toMatchObject({ type: 'text', required: true, secure: true });
    expect(iparams.backend_host.secure).toBeUndefined();
    expect(JSON.parse(read('manifest.json')).modules.support_ticket.location.ticket_sidebar.url).toBe('index.html');
  });
});

describe('the validator refuses', () => {
  const errorsOf = (files: Record<string, string>) => check(files).errors;

  it('another platform version, 2.x keys, and a manifest with only the common module', () => {
    expect(errorsOf(changed('manifest.json', (m) => { m['platform-version'] = '2.3'; }))).toEqual(['manifest.json: platform-version must be "3.0" (is "2.3")']);
    expect(errorsOf(changed('manifest.json', (m) => { m['whitelisted-domains'] = ['https://copilot.example.com']; })))
      .toEqual(['manifest.json: "whitelisted-domains" is not a platform 3.0 key (a platform 2.x key)']);
    expect(errorsOf(changed('manifest.json', (m) => { delete m.modules.support_ticket; }))).toEqual(['manifest.json: modules needs at least one module besides common']);
    expect(errorsOf(changed('manifest.json', (m) => { delete m.engines; }))).toEqual(['manifest.json: engines must name the node and fdk versions']);
  });

  it('a location its module does not have, a page or icon not in the package, an icon not 64×64', () => {
    expect(errorsOf(changed('manifest.json', (m) => { m.modules.common.location.ticket_sidebar = m.modules.common.location.full_page_app; })))
      .toEqual(['manifest.json: ticket_sidebar is not a location of common (full_page_app, cti_global_sidebar)']);
    expect(errorsOf(changed('manifest.json', (m) => { m.modules.support_ticket.location.ticket_sidebar.url = 'sidebar.html'; })))
      .toEqual(['support_ticket.location.ticket_sidebar.url: app/sidebar.html is not in the package']);
    expect(errorsOf(changed('manifest.json', (m) => { m.modules.support_ticket.location.ticket_sidebar.icon = 'https://cdn.example/icon.svg'; })))
      .toEqual(['support_ticket.location.ticket_sidebar.icon must be a path inside app/: https://cdn.example/icon.svg']);
    const files = app();
    files['app/styles/images/icon.svg'] = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128"></svg>';
    expect(errorsOf(files)).toEqual([
      'common.location.full_page_app.icon must be 64×64 (app/styles/images/icon.svg is 128×128)',
      'support_ticket.location.ticket_sidebar.icon must be 64×64 (app/styles/images/icon.svg is 128×128)',
    ]);
  });

  it('a declared template requests.json lacks, and a template the code calls that is not there', () => {
    expect(errorsOf(changed('config/requests.json', (r) => { delete r.copilotTriage; }))).toEqual([
      'manifest.json declares the template copilotTriage, which config/requests.json does not define',
      'the code calls the template copilotTriage, which config/requests.json does not define',
    ]);
    const files = app();
    files['app/assets/index.js'] += 'invokeTemplate("copilotAsist",{});';
    expect(errorsOf(files)).toEqual(['the code calls the template copilotAsist, which config/requests.json does not define']);
  });

  it('a secure parameter outside the headers, or named by the code; context or a secret in the host', () => {
    expect(errorsOf(changed('config/requests.json', (r) => { r.copilotAssist.schema.path = '/api/<%= iparam.shared_secret %>/assist'; })))
      .toEqual(['config/requests.json: copilotAssist.path: the secure iparam.shared_secret may only go in headers']);
    expect(errorsOf(changed('config/requests.json', (r) => { r.copilotAssist.schema.host = '<%= context.host %>'; })))
      .toEqual(['config/requests.json: copilotAssist.host: context.host cannot set the host']);
    expect(errorsOf(changed('config/requests.json', (r) => { r.copilotAssist.schema.query = { key: '<%= iparam.shared_secret %>' }; })))
      .toEqual(['config/requests.json: copilotAssist.query.key: the secure iparam.shared_secret may only go in headers']);
    const files = app();
    files['app/assets/index.js'] += 'client.iparams.get("shared_secret");';
    expect(errorsOf(files)).toEqual(['app/assets/index.js: names the secure iparam shared_secret (secure iparams are for request templates only)']);
  });

  it('http, a host with a path or an IP, an unknown parameter or placeholder, bad retry options', () => {
    expect(errorsOf(changed('config/requests.json', (r) => { r.copilotDraft.schema.protocol = 'http'; })))
      .toEqual(['config/requests.json: copilotDraft: protocol must be https (http is for local testing only)']);
    expect(errorsOf(changed('config/requests.json', (r) => { r.copilotDraft.schema.host = 'copilot.example.com/api'; })))
      .toEqual(['config/requests.json: copilotDraft: host is a domain name, without protocol or path: copilot.example.com/api']);
    expect(errorsOf(changed('config/requests.json', (r) => { r.copilotDraft.schema.host = '10.0.0.7'; })))
      .toEqual(['config/requests.json: copilotDraft: host must be a domain name, not an IP address']);
    expect(errorsOf(changed('config/requests.json', (r) => { r.copilotDraft.schema.headers['X-Copilot-Tenant'] = '<%= iparam.tenant %>'; })))
      .toEqual(['config/requests.json: copilotDraft.headers.X-Copilot-Tenant: iparam.tenant is not in config/iparams.json']);
    expect(errorsOf(changed('config/requests.json', (r) => { r.copilotDraft.schema.headers.Authorization = 'Basic <%= encode(iparam.shared_secret) %>'; })))
      .toEqual(['config/requests.json: copilotDraft.headers.Authorization: unsupported placeholder <%= encode(iparam.shared_secret) %>']);
    expect(errorsOf(changed('config/requests.json', (r) => { r.copilotDraft.options = { maxAttempts: 9, retryDelay: 250 }; }))).toEqual([
      'config/requests.json: copilotDraft: options.maxAttempts must be 1 to 5',
      'config/requests.json: copilotDraft: options.retryDelay must be a multiple of 100 up to 1500',
    ]);
  });

  it('installation parameters without a name or type, a choice without options, a secret with a default', () => {
    expect(errorsOf(changed('config/iparams.json', (p) => {
      p.region = { display_name: 'Region', type: 'dropdown' };
      p.shared_secret.default_value = 'changeme';
      p.note = { type: 'textarea' };
    }))).toEqual([
      'config/iparams.json: shared_secret: a secure parameter cannot have a default_value',
      'config/iparams.json: region: a dropdown needs options',
      'config/iparams.json: note needs a display_name',
      'config/iparams.json: note: type must be one of text, paragraph, dropdown, radio, checkbox, multiselect, number, phone_number, email, url, date, api_key (is "textarea")',
    ]);
  });

  it('scripts from outside the package, missing scripts, and files that are no part of an app', () => {
    const files = app();
    files['app/index.html'] = files['app/index.html'].replace('</head>', '<script src="https://cdn.example.com/lib.js"></script><link rel="modulepreload" href="./assets/gone.js"></head>');
    files['node_modules/x/index.js'] = '';
    files['app/assets/dashboard.js'] += 'import("https://cdn.example.com/x.js");';
    expect(errorsOf(files)).toEqual([
      'node_modules/x/index.js: not part of a Freshworks app (app/, config/, manifest.json)',
      'app/index.html: external script https://cdn.example.com/lib.js (the app\'s files come from its package)',
      'app/index.html: file ./assets/gone.js is not in the package',
      'app/assets/dashboard.js: imports a script from outside the package',
    ]);
  });

  it('warns about a template the code never calls', () => {
    const files = changed('config/requests.json', (r) => { r.copilotUnused = r.copilotAssist; });
    expect(check(files).warnings).toEqual(['config/requests.json: copilotUnused is never called by the code']);
  });

  it('reads an SVG\'s size from width and height, or from its viewBox', () => {
    expect(svgSize('<svg width="64" height="64"></svg>')).toEqual({ width: 64, height: 64 });
    expect(svgSize('<svg viewBox="0 0 64 48"></svg>')).toEqual({ width: 64, height: 48 });
    expect(svgSize('<div></div>')).toBeNull();
  });
});

describe('package:freshworks', () => {
  it('zips app/, config/ and manifest.json from the built pages and freshworks/, and refuses an invalid app', () => {
    const out = mkdtempSync(join(tmpdir(), 'copilot-freshworks-'));
    for (const [path, content] of Object.entries(app()).filter(([p]) => p.startsWith('app/'))) {
      mkdirSync(join(out, path, '..'), { recursive: true });
      writeFileSync(join(out, path), content);
    }
    const { zip } = packageFreshworksApp({ source, out });
    expect(Object.keys(unzipSync(readFileSync(zip))).sort()).toEqual(Object.keys(app()).sort());
    writeFileSync(join(out, 'app/index.html'), PAGE('https://cdn.example.com/app.js'));
    expect(() => packageFreshworksApp({ source, out })).toThrow(/external script https:\/\/cdn\.example\.com\/app\.js/);
  });
});
