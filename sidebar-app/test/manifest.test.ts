import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module script without types
import { validateManifest } from '../scripts/validate-manifest.mjs';
// @ts-expect-error plain ES module script without types
import { packageApp, parseBackendUrl } from '../scripts/package.mjs';

const repo = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(repo, 'manifest.json'), 'utf8'));
const hasFile = (f: string) => existsSync(join(repo, f));
const check = (m: unknown, template = true) => validateManifest(m, { template, hasFile }).errors as string[];
const clone = () => JSON.parse(JSON.stringify(manifest));

describe('manifest', () => {
  it('is a valid ZAF v2 manifest template', () => {
    expect(check(manifest)).toEqual([]);
  });

  it('asks for the backend URL and keeps the shared secret secure, scoped and without default', () => {
    const byName = Object.fromEntries(manifest.parameters.map((p: { name: string }) => [p.name, p]));
    expect(byName.backend_url).toMatchObject({ type: 'url', required: true });
    expect(byName.shared_secret).toMatchObject({ secure: true, scopes: ['jwt_secret_key'] });
    expect(byName.shared_secret.default).toBeUndefined();
    expect(manifest.location.support.ticket_sidebar).toMatchObject({ flexible: true, signed: true });
  });

  it('opens the team-lead dashboard from the top bar, signed, with its icon', () => {
    expect(manifest.location.support.nav_bar).toEqual({ url: '{BACKEND_URL}/dashboard/', signed: true });
    expect(check(manifest, true)).toEqual([]);
    expect(validateManifest(manifest, { template: true, hasFile: (f: string) => f !== 'assets/icon_nav_bar.svg' && hasFile(f) }).errors)
      .toContain('nav_bar: missing icon assets/icon_nav_bar.svg');
  });

  it('refuses a manifest without author or default locale', () => {
    const m = clone();
    delete m.author;
    delete m.defaultLocale;
    expect(check(m)).toEqual(expect.arrayContaining(['missing required key: author', 'missing required key: defaultLocale']));
  });

  it('refuses locations without a framework version', () => {
    const m = clone();
    delete m.frameworkVersion;
    expect(check(m)).toContain('missing required key: frameworkVersion');
  });

  it('refuses unknown parameter types', () => {
    const m = clone();
    m.parameters.push({ name: 'colour', type: 'dropdown' });
    expect(check(m).some((e) => e.includes('invalid type dropdown'))).toBe(true);
  });

  it('refuses a secure parameter with a default or without allowed scopes', () => {
    const m = clone();
    m.parameters[1].default = 'x';
    m.parameters[1].scopes = ['everywhere'];
    const errors = check(m);
    expect(errors).toContain('parameters.shared_secret: a secure parameter cannot have a default');
    expect(errors).toContain('parameters.shared_secret: unknown scope everywhere');
  });

  it('refuses a plain-http location and a placeholder left in a packaged manifest', () => {
    const m = clone();
    m.location.support.ticket_sidebar.url = 'http://copilot.example.com/sidebar/';
    expect(check(m).some((e) => e.includes('must be https'))).toBe(true);
    expect(check(clone(), false).some((e) => e.includes('placeholder'))).toBe(true);
  });
});

/** The app's languages as Zendesk names its locales (the translation files Zendesk reads for the app's listing and settings). */
const ZENDESK_LOCALES = ['en', 'de', 'fr', 'es', 'pt-br', 'nl', 'it'];

describe('Zendesk translations', () => {
  const read = (locale: string) => JSON.parse(readFileSync(join(repo, 'translations', `${locale}.json`), 'utf8'));
  const paths = (o: object, prefix = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? paths(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  const english = read('en');

  it.each(ZENDESK_LOCALES)('%s names and describes the app and its settings, with every key of English', (locale) => {
    const own = read(locale);
    expect(paths(own).sort()).toEqual(paths(english).sort());
    for (const key of paths(english)) {
      const value = key.split('.').reduce((o, k) => o[k], own);
      expect(typeof value === 'string' && value.trim().length > 0, `${locale} ${key}`).toBe(true);
    }
    if (locale !== 'en') expect(own.app.long_description).not.toBe(english.app.long_description);
  });
});

describe('package', () => {
  it('writes a zip with the backend URL in the manifest and its host whitelisted', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zaf-')), 'app.zip');
    packageApp({ backendUrl: 'https://copilot.example.com/', out });
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['assets/icon_nav_bar.svg', 'assets/logo-small.png', 'assets/logo.png', 'manifest.json',
      ...ZENDESK_LOCALES.map((l) => `translations/${l}.json`).sort()]);
    const packaged = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(packaged.location.support.ticket_sidebar.url).toBe('https://copilot.example.com/sidebar/');
    expect(packaged.location.support.nav_bar.url).toBe('https://copilot.example.com/dashboard/');
    expect(packaged.domainWhitelist).toEqual(['copilot.example.com']);
    expect(validateManifest(packaged, { hasFile: (f: string) => f in files }).errors).toEqual([]);
    expect([...files['assets/logo.png'].slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it('refuses backend URLs that are not https, carry credentials or a query', () => {
    expect(() => parseBackendUrl('http://copilot.example.com')).toThrow(/https/);
    expect(() => parseBackendUrl('https://u:p@copilot.example.com')).toThrow(/credentials/);
    expect(() => parseBackendUrl('https://copilot.example.com/?a=1')).toThrow(/query/);
    expect(() => parseBackendUrl('not a url')).toThrow(/not a URL/);
    expect(parseBackendUrl('http://localhost:5000').base).toBe('http://localhost:5000');
  });
});
