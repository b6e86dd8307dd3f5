// Fails when src/api/schema.d.ts is stale relative to ../openapi.yaml.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const spec = join(root, '..', 'openapi.yaml');
const committed = join(root, 'src', 'api', 'schema.d.ts');
const dir = mkdtempSync(join(tmpdir(), 'ncen-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  const bin = join(root, 'node_modules', '.bin', 'openapi-typescript');
  try {
    execFileSync(bin, [spec, '-o', fresh], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    process.stderr.write(String(e.stdout ?? '') + String(e.stderr ?? ''));
    console.error('check:api: openapi-typescript could not turn ../openapi.yaml into types (see above).');
    process.exit(1);
  }
  execFileSync(process.execPath, [join(root, 'scripts', 'api-header.mjs'), fresh]);
  if (readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error('src/api/schema.d.ts is stale: run `npm run gen:api` and commit the result.');
    process.exit(1);
  }
  console.log('src/api/schema.d.ts is up to date with ../openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
