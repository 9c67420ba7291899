// Regenerates src/lib/api/openapi.json from the backend (a .NET test starts the real host and writes the
// document it serves) and src/lib/api/generated.ts from it.
// Usage: npm run api:types            (needs dotnet)
//        npm run api:types -- --offline (only regenerates generated.ts from the committed openapi.json)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTypes } from './openapi-types.mjs';

const appDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const repo = resolve(appDir, '..');
const documentPath = join(appDir, 'src/lib/api/openapi.json');
const typesPath = join(appDir, 'src/lib/api/generated.ts');

if (!process.argv.includes('--offline')) {
  const run = spawnSync('dotnet', ['test', join(repo, 'tests/Copilot.Tests'), '--filter', 'FullyQualifiedName~TheSidebarsCopyOfTheOpenApiDocumentIsTheBackends'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, COPILOT_WRITE_OPENAPI: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  if (run.status !== 0) {
    console.error('api:types: the backend could not write its OpenAPI document');
    process.exit(1);
  }
}
writeFileSync(typesPath, await generateTypes(readFileSync(documentPath, 'utf8')));
console.log(`api:types: wrote ${typesPath}`);
