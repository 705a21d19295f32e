/**
 * `npm run openapi [-- --out file.json]`: the OpenAPI document, built from the code without a
 * database (Nest's preview mode instantiates nothing), to stdout or a file. The admin's types
 * are generated from it (admin/scripts/generate-api-types.mjs).
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { previewOpenApiDocument } from '../openapi-document';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const text = `${JSON.stringify(await previewOpenApiDocument(), null, 2)}\n`;
  if (values.out) await writeFile(values.out, text);
  else process.stdout.write(text);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
