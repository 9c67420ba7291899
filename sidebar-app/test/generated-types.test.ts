import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { generateTypes } from '../scripts/openapi-types.mjs';

// The backend's side of the check (the committed openapi.json is what the backend serves) is
// tests/Copilot.Tests/Vocabulary/VocabularyOpenApiTests.cs; this is the sidebar's side.
describe('generated wire types', () => {
  it('are what openapi-typescript makes of the committed OpenAPI document', async () => {
    const api = resolve(import.meta.dirname, '../src/lib/api');
    const expected = await generateTypes(readFileSync(resolve(api, 'openapi.json'), 'utf8'));
    expect(readFileSync(resolve(api, 'generated.ts'), 'utf8'), 'src/lib/api/generated.ts is out of date: run `npm run api:types`').toBe(expected);
  });
});
