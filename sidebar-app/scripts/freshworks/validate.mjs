// Checks a Freshworks app (platform 3.0) as Freshworks' own `fdk validate` and its upload review would, for the rules
// this app can break: layout and required files, the manifest (platform version, modules, locations, icons, declared
// request templates), request templates (hosts, protocol, placeholders, which installation parameters go where),
// installation parameters, the pages' scripts, and the templates the code calls. The FDK is not available here.
// Usage: node scripts/freshworks/validate.mjs <app.zip | app folder>
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { placeholders } from './templates.mjs';

export const PLATFORM_VERSION = '3.0';
/** The modules and locations a Freshdesk app may use (Freshworks' developer docs, platform 3.0). */
export const LOCATIONS = {
  common: ['full_page_app', 'cti_global_sidebar'],
  support_ticket: ['ticket_sidebar', 'ticket_requester_info', 'ticket_top_navigation', 'ticket_background', 'ticket_conversation_editor', 'ticket_attachment', 'new_ticket_requester_info', 'new_ticket_background', 'time_entry_background'],
  support_contact: ['contact_sidebar'],
  support_company: ['company_sidebar'],
};
const MANIFEST_KEYS = ['platform-version', 'modules', 'engines', 'dependencies'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const IPARAM_TYPES = ['text', 'paragraph', 'dropdown', 'radio', 'checkbox', 'multiselect', 'number', 'phone_number', 'email', 'url', 'date', 'api_key'];
const WITH_OPTIONS = ['dropdown', 'radio', 'multiselect'];
const MAX_TEMPLATES = 100;
const ICON_SIZE = 64;
const TOP_LEVEL = /^(app\/|config\/|manifest\.json$|README\.md$)/;
/** Templates the code calls are named "copilot…" (src/lib/host/freshworks/backend.ts). */
const CALLED_TEMPLATE = /["'`](copilot[A-Z][A-Za-z0-9_]*)["'`]/g;

const text = (bytes) => new TextDecoder().decode(bytes);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function json(files, path, errors) {
  if (!(path in files)) return undefined;
  try {
    return JSON.parse(text(files[path]));
  } catch (e) {
    errors.push(`${path}: not JSON (${e.message})`);
    return null;
  }
}

/** An app-relative file reference (a location's url or icon): relative, inside app/, present. */
function appFile(files, ref, what, errors) {
  if (typeof ref !== 'string' || ref === '') { errors.push(`${what} is missing`); return null; }
  if (/^[a-z]+:|^\/\/|^\//i.test(ref) || ref.split('/').includes('..')) { errors.push(`${what} must be a path inside app/: ${ref}`); return null; }
  const path = `app/${ref}`;
  if (!(path in files)) { errors.push(`${what}: app/${ref} is not in the package`); return null; }
  return path;
}

/** Width and height of an SVG's root element, from its attributes or else its viewBox. */
export function svgSize(svg) {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!root) return null;
  const attr = (name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1];
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  const width = parseFloat(attr('width') ?? '') || box?.[2];
  const height = parseFloat(attr('height') ?? '') || box?.[3];
  return width && height ? { width, height } : null;
}

function checkManifest(files, manifest, errors) {
  const declared = new Set();
  if (!isObject(manifest)) { errors.push('manifest.json must be a JSON object'); return declared; }
  for (const key of Object.keys(manifest)) {
    if (!MANIFEST_KEYS.includes(key)) errors.push(`manifest.json: "${key}" is not a platform ${PLATFORM_VERSION} key (${key === 'product' || key === 'whitelisted-domains' ? 'a platform 2.x key' : `use ${MANIFEST_KEYS.join(', ')}`})`);
  }
  if (manifest['platform-version'] !== PLATFORM_VERSION) errors.push(`manifest.json: platform-version must be "${PLATFORM_VERSION}" (is ${JSON.stringify(manifest['platform-version'])})`);
  if (!isObject(manifest.engines) || typeof manifest.engines.node !== 'string' || typeof manifest.engines.fdk !== 'string') {
    errors.push('manifest.json: engines must name the node and fdk versions');
  }
  if (!isObject(manifest.modules)) { errors.push('manifest.json: modules is missing'); return declared; }
  const modules = Object.entries(manifest.modules);
  if (!modules.some(([name]) => name !== 'common')) errors.push('manifest.json: modules needs at least one module besides common');
  for (const [name, module] of modules) {
    if (!LOCATIONS[name]) { errors.push(`manifest.json: unknown module ${name}`); continue; }
    if (!isObject(module)) { errors.push(`manifest.json: module ${name} must be an object`); continue; }
    for (const [place, location] of Object.entries(module.location ?? {})) {
      const at = `${name}.location.${place}`;
      if (!LOCATIONS[name].includes(place)) { errors.push(`manifest.json: ${place} is not a location of ${name} (${LOCATIONS[name].join(', ')})`); continue; }
      const page = appFile(files, location?.url, `${at}.url`, errors);
      if (page && !page.endsWith('.html')) errors.push(`${at}.url must be an HTML page: ${location.url}`);
      const icon = appFile(files, location?.icon, `${at}.icon`, errors);
      if (!icon) continue;
      if (!icon.endsWith('.svg')) { errors.push(`${at}.icon must be an SVG: ${location.icon}`); continue; }
      const size = svgSize(text(files[icon]));
      if (!size || size.width !== ICON_SIZE || size.height !== ICON_SIZE) errors.push(`${at}.icon must be ${ICON_SIZE}×${ICON_SIZE} (${icon} is ${size ? `${size.width}×${size.height}` : 'of no readable size'})`);
    }
    for (const template of Object.keys(module.requests ?? {})) declared.add(template);
  }
  return declared;
}

function checkIparams(iparams, errors) {
  const secure = new Set();
  const known = new Set();
  if (iparams === undefined) return { known, secure };
  if (!isObject(iparams)) { errors.push('config/iparams.json must be a JSON object'); return { known, secure }; }
  for (const [name, p] of Object.entries(iparams)) {
    const at = `config/iparams.json: ${name}`;
    known.add(name);
    if (!isObject(p)) { errors.push(`${at} must be an object`); continue; }
    if (typeof p.display_name !== 'string' || p.display_name === '') errors.push(`${at} needs a display_name`);
    if (!IPARAM_TYPES.includes(p.type)) errors.push(`${at}: type must be one of ${IPARAM_TYPES.join(', ')} (is ${JSON.stringify(p.type)})`);
    for (const flag of ['required', 'secure']) if (p[flag] !== undefined && typeof p[flag] !== 'boolean') errors.push(`${at}: ${flag} must be true or false`);
    if (WITH_OPTIONS.includes(p.type) && !(Array.isArray(p.options) && p.options.length > 0)) errors.push(`${at}: a ${p.type} needs options`);
    if (p.secure) {
      secure.add(name);
      if (p.default_value !== undefined) errors.push(`${at}: a secure parameter cannot have a default_value`);
    }
  }
  return { known, secure };
}

/** Where each kind of placeholder may go (Freshworks' request method docs: host takes no secure iparam, no context). */
function checkPlaceholders(at, field, value, { known, secure }, errors) {
  for (const p of placeholders(value)) {
    if (p.invalid !== undefined) { errors.push(`${at}.${field}: unsupported placeholder <%= ${p.invalid} %>`); continue; }
    if (p.scope === 'iparam') {
      if (!known.has(p.name)) errors.push(`${at}.${field}: iparam.${p.name} is not in config/iparams.json`);
      else if (secure.has(p.name) && field.split('.')[0] !== 'headers') errors.push(`${at}.${field}: the secure iparam.${p.name} may only go in headers`);
    } else if (field === 'host') {
      errors.push(`${at}.host: context.${p.name} cannot set the host`);
    }
  }
}

function checkTemplates(requests, iparams, errors) {
  const names = new Set();
  if (requests === undefined) return names;
  if (!isObject(requests)) { errors.push('config/requests.json must be a JSON object'); return names; }
  const entries = Object.entries(requests);
  if (entries.length > MAX_TEMPLATES) errors.push(`config/requests.json: at most ${MAX_TEMPLATES} templates (has ${entries.length})`);
  for (const [name, template] of entries) {
    const at = `config/requests.json: ${name}`;
    names.add(name);
    if (!/^[A-Za-z0-9_-]+$/.test(name)) errors.push(`${at}: a template name has letters, digits, _ and - only`);
    const s = template?.schema;
    if (!isObject(s)) { errors.push(`${at} needs a schema`); continue; }
    if (!METHODS.includes(s.method)) errors.push(`${at}: method must be one of ${METHODS.join(', ')}`);
    if (s.protocol !== undefined && s.protocol !== 'https') errors.push(`${at}: protocol must be https (http is for local testing only)`);
    if (typeof s.host !== 'string' || s.host === '') errors.push(`${at}: host is required`);
    else {
      if (/:\/\/|\//.test(s.host)) errors.push(`${at}: host is a domain name, without protocol or path: ${s.host}`);
      if (/^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(s.host)) errors.push(`${at}: host must be a domain name, not an IP address`);
      checkPlaceholders(at, 'host', s.host, iparams, errors);
    }
    if (s.path !== undefined) {
      if (typeof s.path !== 'string' || !s.path.startsWith('/')) errors.push(`${at}: path must start with /`);
      else if (s.path.includes('?')) errors.push(`${at}: the query goes in query, not in path`);
      else checkPlaceholders(at, 'path', s.path, iparams, errors);
    }
    for (const part of ['headers', 'query']) {
      if (s[part] === undefined) continue;
      if (!isObject(s[part])) { errors.push(`${at}: ${part} must be an object`); continue; }
      for (const [k, v] of Object.entries(s[part])) {
        if (typeof v !== 'string' && !(part === 'query' && typeof v === 'number')) errors.push(`${at}: ${part}.${k} must be a string`);
        else checkPlaceholders(at, `${part}.${k}`, v, iparams, errors);
      }
    }
    const o = template.options ?? {};
    if (o.maxAttempts !== undefined && !(Number.isInteger(o.maxAttempts) && o.maxAttempts >= 1 && o.maxAttempts <= 5)) errors.push(`${at}: options.maxAttempts must be 1 to 5`);
    if (o.retryDelay !== undefined && !(Number.isInteger(o.retryDelay) && o.retryDelay >= 0 && o.retryDelay <= 1500 && o.retryDelay % 100 === 0)) errors.push(`${at}: options.retryDelay must be a multiple of 100 up to 1500`);
  }
  return names;
}

/** Pages load scripts from the package or Freshworks' client (`{{{appclient}}}`) only; the code calls declared templates only. */
function checkCode(files, { declared, templates, secure }, errors, warnings) {
  const called = new Set();
  for (const [path, bytes] of Object.entries(files)) {
    if (!path.startsWith('app/')) continue;
    const source = text(bytes);
    if (path.endsWith('.html')) {
      const refs = [...source.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']*)["']/gi), ...source.matchAll(/<link\b[^>]*\bhref\s*=\s*["']([^"']*)["']/gi)];
      for (const [tag, src] of refs) {
        if (src === '{{{appclient}}}') continue;
        const what = tag.startsWith('<script') ? 'script' : 'file';
        if (/^[a-z]+:|^\/\//i.test(src)) { errors.push(`${path}: external ${what} ${src} (the app's files come from its package)`); continue; }
        if (!(resolve('/', join(path, '..'), src).slice(1) in files)) errors.push(`${path}: ${what} ${src} is not in the package`);
      }
    }
    if (path.endsWith('.js') || path.endsWith('.html')) {
      if (/\bimport\s*\(\s*["'`](https?:)?\/\//.test(source)) errors.push(`${path}: imports a script from outside the package`);
      for (const [, name] of source.matchAll(CALLED_TEMPLATE)) called.add(name);
      for (const name of secure) {
        if (new RegExp(`["'\`]${name}["'\`]`).test(source)) errors.push(`${path}: names the secure iparam ${name} (secure iparams are for request templates only)`);
      }
    }
  }
  for (const name of called) {
    if (!templates.has(name)) errors.push(`the code calls the template ${name}, which config/requests.json does not define`);
    else if (!declared.has(name)) errors.push(`the code calls the template ${name}, which manifest.json does not declare`);
  }
  for (const name of templates) if (!called.has(name)) warnings.push(`config/requests.json: ${name} is never called by the code`);
}

/**
 * @param {Record<string, Uint8Array>} files the package, by path ("manifest.json", "app/index.html", …)
 * @returns {{errors: string[], warnings: string[]}}
 */
export function validateFreshworksApp(files) {
  const errors = [];
  const warnings = [];
  for (const path of Object.keys(files)) if (!TOP_LEVEL.test(path)) errors.push(`${path}: not part of a Freshworks app (app/, config/, manifest.json)`);
  const manifest = json(files, 'manifest.json', errors);
  if (manifest === undefined) { errors.push('manifest.json is missing'); return { errors, warnings }; }
  const declared = checkManifest(files, manifest, errors);
  const iparams = checkIparams(json(files, 'config/iparams.json', errors), errors);
  const requests = json(files, 'config/requests.json', errors);
  if (declared.size > 0 && requests === undefined) errors.push('manifest.json declares request templates, but config/requests.json is missing');
  const templates = checkTemplates(requests, iparams, errors);
  for (const name of declared) if (requests && !templates.has(name)) errors.push(`manifest.json declares the template ${name}, which config/requests.json does not define`);
  checkCode(files, { declared, templates, secure: iparams.secure }, errors, warnings);
  return { errors, warnings };
}

/** The files of a zip, or of a folder laid out as the zip would be. */
export function readApp(path) {
  if (statSync(path).isFile()) return unzipSync(readFileSync(path));
  const files = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(path, full).split('\\').join('/')] = readFileSync(full);
    }
  };
  walk(path);
  return files;
}

function main() {
  const path = process.argv[2];
  if (!path || !existsSync(path)) {
    console.error('usage: node scripts/freshworks/validate.mjs <app.zip | app folder>');
    process.exit(2);
  }
  const { errors, warnings } = validateFreshworksApp(readApp(path));
  for (const w of warnings) console.warn(`warning: ${w}`);
  for (const e of errors) console.error(`error: ${e}`);
  console.log(errors.length ? `${path}: ${errors.length} error(s)` : `${path}: valid Freshworks app`);
  process.exit(errors.length ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
