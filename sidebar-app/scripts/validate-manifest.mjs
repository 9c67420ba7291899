// Checks a ZAF v2 manifest with the rules of Zendesk's own validator
// (zendesk_apps_support, lib/zendesk_apps_support/validations/manifest.rb and secure_settings.rb).
// Usage: node scripts/validate-manifest.mjs [path/to/manifest.json] [--template]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth', 'mtls'];
export const SECURE_SCOPES = ['header', 'body', 'url', 'jwt_secret_key', 'jwt_claim', 'basic_auth_username', 'basic_auth_password'];
export const FRAMEWORK_VERSIONS = ['2.0'];
export const LOCATIONS = {
  support: ['ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar', 'top_bar', 'nav_bar', 'ticket_editor', 'background', 'modal', 'system_top_bar'],
  chat: ['chat_sidebar'],
  sell: ['deal_card', 'lead_card', 'person_card', 'company_card', 'top_bar', 'background', 'modal', 'note_editor', 'call_log_editor', 'email_editor'],
};
/** The unpackaged manifest carries these until `npm run package` writes the real URL in. */
export const TEMPLATE_PLACEHOLDERS = ['{BACKEND_URL}', '{BACKEND_HOST}'];
const VALID_LOCALE = /^[a-z]{2,3}(-[a-z]{2,4})?(-x-[a-z0-9]+)?$/i;
const ICONS = { nav_bar: 'assets/icon_nav_bar.svg', top_bar: 'assets/icon_top_bar.svg', ticket_editor: 'assets/icon_ticket_editor.svg' };
const BOOLEANS = ['private', 'signedUrls', 'singleInstall', 'requirementsOnly', 'marketingOnly'];

const isString = (v) => typeof v === 'string';
const isPlaceholder = (v, template) => template && TEMPLATE_PLACEHOLDERS.some((p) => v.includes(p));

function validUrl(value) {
  try { const u = new URL(value); return u.protocol === 'https:' || u.protocol === 'http:'; } catch { return false; }
}

function locationUrlError(url, { template, hasFile }) {
  if (url.includes('{{setting.')) return null;
  if (isPlaceholder(url, template)) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.hostname === 'localhost' ? null : `location URL must be https (or localhost): ${url}`;
  } catch {
    return url.startsWith('assets/') && hasFile(url) ? null : `location URL is neither an absolute https URL nor a file under assets/: ${url}`;
  }
}

/**
 * @param {unknown} manifest parsed manifest.json
 * @param {{template?: boolean, hasFile?: (path: string) => boolean}} options
 * @returns {{errors: string[], warnings: string[]}}
 */
export function validateManifest(manifest, { template = false, hasFile = () => true } = {}) {
  const errors = [];
  const warnings = [];
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return { errors: ['manifest must be a JSON object'], warnings };
  const m = manifest;

  for (const key of ['name', 'author', 'defaultLocale']) if (m[key] === undefined) errors.push(`missing required key: ${key}`);
  if (m.name !== undefined && !isString(m.name)) errors.push('name must be a string');
  if (m.author !== undefined) {
    if (typeof m.author !== 'object' || m.author === null) errors.push('author must be an object');
    else {
      for (const f of ['name', 'email', 'url']) {
        if (!isString(m.author[f])) errors.push(`author ${f} is required and must be a string`);
      }
      if (isString(m.author.url) && !validUrl(m.author.url)) errors.push(`author url is not a valid URL: ${m.author.url}`);
    }
  }
  for (const f of ['defaultLocale', 'version', 'frameworkVersion']) {
    if (m[f] !== undefined && !isString(m[f])) errors.push(`${f} must be a string`);
  }
  if (isString(m.defaultLocale)) {
    if (!VALID_LOCALE.test(m.defaultLocale)) errors.push(`invalid defaultLocale: ${m.defaultLocale}`);
    else if (!hasFile(`translations/${m.defaultLocale}.json`)) errors.push(`missing translation file translations/${m.defaultLocale}.json`);
  }
  for (const f of BOOLEANS) if (m[f] !== undefined && typeof m[f] !== 'boolean') errors.push(`${f} must be true or false`);
  if (m.domainWhitelist !== undefined && !(Array.isArray(m.domainWhitelist) && m.domainWhitelist.every(isString))) {
    errors.push('domainWhitelist must be an array of strings');
  }

  // Locations, and the framework version they require.
  const locations = [];
  if (m.location !== undefined) {
    if (typeof m.location !== 'object' || m.location === null || Array.isArray(m.location)) errors.push('location must be an object of hosts');
    else {
      for (const [hostName, places] of Object.entries(m.location)) {
        if (!LOCATIONS[hostName]) { errors.push(`invalid host in location: ${hostName}`); continue; }
        for (const [place, value] of Object.entries(places ?? {})) {
          if (!LOCATIONS[hostName].includes(place)) errors.push(`invalid ${hostName} location: ${place}`);
          locations.push({ place, value });
        }
      }
    }
  }
  if (!m.requirementsOnly && !m.marketingOnly) {
    if (locations.length === 0) errors.push('missing required key: location');
    if (m.frameworkVersion === undefined) errors.push('missing required key: frameworkVersion');
    else if (!FRAMEWORK_VERSIONS.includes(m.frameworkVersion)) errors.push(`frameworkVersion ${m.frameworkVersion} is not served (use ${FRAMEWORK_VERSIONS.join(', ')})`);
  }
  for (const { place, value } of locations) {
    const options = isString(value) ? { url: value } : value;
    if (!options || typeof options !== 'object') { errors.push(`location ${place} must be a URL or an object with url`); continue; }
    if (isString(options.url) && options.url !== '') {
      const e = locationUrlError(options.url, { template, hasFile });
      if (e) errors.push(`${place}: ${e}`);
    } else if (options.autoLoad !== false) {
      errors.push(`${place}: location URL is blank`);
    }
    for (const f of ['flexible', 'signed', 'autoLoad']) {
      if (options[f] !== undefined && typeof options[f] !== 'boolean') errors.push(`${place}: ${f} must be true or false`);
    }
    // Zendesk draws these locations' buttons from an SVG icon the app must ship.
    if (ICONS[place] && !hasFile(ICONS[place])) errors.push(`${place}: missing icon ${ICONS[place]}`);
  }
  if (!template) {
    const text = JSON.stringify(m);
    for (const p of TEMPLATE_PLACEHOLDERS) if (text.includes(p)) errors.push(`placeholder ${p} left in the manifest: package it with --backend-url`);
  }

  // Parameters.
  if (m.parameters !== undefined && !Array.isArray(m.parameters)) errors.push('parameters must be an array');
  const parameters = Array.isArray(m.parameters) ? m.parameters : [];
  const names = parameters.map((p) => p?.name);
  const dupes = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (dupes.length) errors.push(`duplicate parameters: ${dupes.join(', ')}`);
  if (parameters.filter((p) => p?.type === 'oauth').length > 1) errors.push('at most one oauth parameter');
  for (const p of parameters) {
    if (!p || !isString(p.name) || p.name === '') { errors.push('every parameter needs a name'); continue; }
    const at = `parameters.${p.name}`;
    if (p.name === 'name') errors.push(`${at}: "name" cannot be a parameter name`);
    if (!PARAMETER_TYPES.includes(p.type ?? 'text')) errors.push(`${at}: invalid type ${p.type} (one of ${PARAMETER_TYPES.join(', ')})`);
    for (const f of ['required', 'secure']) if (p[f] !== undefined && typeof p[f] !== 'boolean') errors.push(`${at}.${f} must be true or false`);
    if (p.type === 'hidden' && p.required) errors.push(`${at}: a hidden parameter cannot be required`);
    if (p.type === 'oauth' && p.secure) errors.push(`${at}: an oauth parameter cannot be secure`);
    if (p.secure) {
      if (p.default !== undefined) errors.push(`${at}: a secure parameter cannot have a default`);
      if (!Array.isArray(p.scopes) || p.scopes.length === 0) errors.push(`${at}: a secure parameter must declare scopes (${SECURE_SCOPES.join(', ')})`);
      else for (const s of p.scopes) if (!SECURE_SCOPES.includes(s)) errors.push(`${at}: unknown scope ${s}`);
    } else if (/token|key|pwd|password/i.test(p.name) && ['text', 'password', undefined].includes(p.type)) {
      warnings.push(`${at}: looks like a secret but is not secure`);
    }
    if (p.type === 'hidden' && p.default !== undefined) warnings.push(`${at}: hidden parameters should not carry a default`);
  }
  return { errors, warnings };
}

function main() {
  const args = process.argv.slice(2);
  const template = args.includes('--template');
  const path = resolve(args.find((a) => !a.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '../../manifest.json'));
  const root = dirname(path);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.error(`${path}: ${e.message}`);
    process.exit(1);
  }
  const { errors, warnings } = validateManifest(manifest, { template, hasFile: (f) => existsSync(join(root, f)) });
  for (const w of warnings) console.warn(`warning: ${w}`);
  for (const e of errors) console.error(`error: ${e}`);
  console.log(errors.length ? `${path}: ${errors.length} error(s)` : `${path}: valid`);
  process.exit(errors.length ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
