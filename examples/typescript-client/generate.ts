import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';

/** The repository's root, from this file's place in the build (dist/examples/typescript-client). */
const ROOT = path.resolve(__dirname, '../../..');
export const OPENAPI_FILE = path.join(ROOT, 'openapi.json');
export const SCHEMA_FILE = path.join(ROOT, 'examples/typescript-client/schema.d.ts');

const HEADER = `/**
 * The types of the Calls API, generated from openapi.json by openapi-typescript: run \`npm run client:generate\`
 * (examples/typescript-client/generate.ts), never edit by hand. Every int64 is \`number | bigint\`: a number below
 * 2^53, a bigint from 2^53 on, as the client's lossless parser reads it (client.ts).
 */
`;

/** `number | bigint`: what {@link parseJson} of client.ts gives for an integer, exact at any size. */
const INT64 = ts.factory.createUnionTypeNode([
  ts.factory.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword),
  ts.factory.createKeywordTypeNode(ts.SyntaxKind.BigIntKeyword),
]);

/** The text of schema.d.ts for a document: openapi-typescript's types, with int64 as `number | bigint`. */
export async function generateSchemaTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, {
    silent: true,
    transform: (schema) =>
      schema.format !== 'int64'
        ? undefined
        : schema.nullable === true
          ? ts.factory.createUnionTypeNode([INT64, ts.factory.createLiteralTypeNode(ts.factory.createNull())])
          : INT64,
  });
  return HEADER + astToString(ast);
}

/**
 * `npm run client:generate`: writes schema.d.ts from the committed openapi.json (a test compares the two). Elsewhere:
 * `generate <openapi.json> <schema.d.ts>`.
 */
async function main(): Promise<void> {
  const [input = OPENAPI_FILE, output = SCHEMA_FILE] = process.argv.slice(2);
  const document = JSON.parse(readFileSync(input, 'utf8')) as object;
  writeFileSync(output, await generateSchemaTypes(document));
  process.stdout.write(`Wrote ${output}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
    process.exitCode = 1;
  });
}
