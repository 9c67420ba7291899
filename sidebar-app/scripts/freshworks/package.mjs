// Lays out the Freshworks app in dist-freshworks/ (app/ from `vite build --mode freshworks`, config/ and manifest.json
// from freshworks/), checks it with the validator, and zips it for upload as a custom app:
// dist-freshworks/copilot-freshworks-app.zip. Run by `npm run package:freshworks` after the build.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { readApp, validateFreshworksApp } from './validate.mjs';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function packageFreshworksApp({ source = join(appDir, 'freshworks'), out = join(appDir, 'dist-freshworks') } = {}) {
  if (!existsSync(join(out, 'app', 'index.html'))) throw new Error(`${relative(process.cwd(), out)}/app is not built: run \`vite build --mode freshworks\` first`);
  cpSync(join(source, 'manifest.json'), join(out, 'manifest.json'));
  cpSync(join(source, 'config'), join(out, 'config'), { recursive: true });
  const files = Object.fromEntries(Object.entries(readApp(out)).filter(([path]) => !path.endsWith('.zip')));
  const { errors, warnings } = validateFreshworksApp(files);
  if (errors.length) throw new Error(`the Freshworks app is not valid:\n  ${errors.join('\n  ')}`);
  const zip = join(out, 'copilot-freshworks-app.zip');
  mkdirSync(dirname(zip), { recursive: true });
  writeFileSync(zip, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  return { zip, files: Object.keys(files).sort(), warnings };
}

function main() {
  try {
    const { zip, files, warnings } = packageFreshworksApp();
    for (const w of warnings) console.warn(`warning: ${w}`);
    console.log(`wrote ${relative(process.cwd(), zip)}: ${files.length} files (${files.filter((f) => !f.startsWith('app/assets/')).join(', ')}, app/assets/…)`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
