// Prepends the "do not edit" header to a generated schema file (idempotent).
import { readFileSync, writeFileSync } from 'node:fs';

const HEADER =
  '/**\n * GENERATED FILE — DO NOT EDIT.\n * Produced by `npm run gen:api` (openapi-typescript) from ../openapi.yaml.\n */\n\n';

const file = process.argv[2];
if (!file) {
  console.error('usage: api-header.mjs <file>');
  process.exit(2);
}
const body = readFileSync(file, 'utf8');
if (!body.startsWith(HEADER)) writeFileSync(file, HEADER + body);
