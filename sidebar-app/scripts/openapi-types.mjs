// The sidebar's and dashboard's wire types, generated from the backend's OpenAPI document with
// openapi-typescript. One function, used by `npm run api:types` and by test/generated-types.test.ts,
// so the check compares exactly what the script writes.
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = `/**
 * GENERATED from src/lib/api/openapi.json (the backend's /openapi/v1.json) by \`npm run api:types\`.
 * Do not edit: change the C# records or the vocabulary (src/Copilot.Api/Vocabulary/) and regenerate.
 */

`;

/** @param {string} documentJson */
export async function generateTypes(documentJson) {
  const ast = await openapiTS(JSON.parse(documentJson), { alphabetize: true, enumValues: true });
  return HEADER + astToString(ast);
}
