// Measures the JavaScript a browser must load to show the sign-in route
// (the entry chunk, the sign-in route chunk, and their static imports),
// gzipped, from Vite's manifest. Fails when over the budget.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_KB = Number(process.env.SIGNIN_BUDGET_KB ?? 250);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const signInKey = Object.keys(manifest).find((k) => k.endsWith('features/auth/routes/SignInPage.tsx'));
if (!entryKey || !signInKey) {
  console.error('bundle-size: entry or sign-in chunk not found in the manifest');
  process.exit(1);
}

const files = new Set();
const css = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const c of chunk.css ?? []) css.add(c);
  for (const imp of chunk.imports ?? []) visit(imp);
};
visit(entryKey);
visit(signInKey);

const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const rows = [...files].map((f) => ({ file: f, raw: readFileSync(join(dist, f)).length, gzip: gz(f) }));
const totalGzip = rows.reduce((s, r) => s + r.gzip, 0);
const totalRaw = rows.reduce((s, r) => s + r.raw, 0);
const cssGzip = [...css].reduce((s, f) => s + gz(f), 0);
const kb = (n) => (n / 1024).toFixed(1);

for (const r of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${r.file.padEnd(48)} ${kb(r.raw).padStart(8)} KB  ${kb(r.gzip).padStart(7)} KB gz`);
const summary = {
  route: '/signin',
  js_files: rows.length,
  js_raw_bytes: totalRaw,
  js_gzip_bytes: totalGzip,
  css_gzip_bytes: cssGzip,
  budget_gzip_bytes: BUDGET_KB * 1024,
};
writeFileSync(join(dist, 'bundle-size.json'), JSON.stringify(summary, null, 2) + '\n');
console.log(`sign-in route initial JS: ${kb(totalGzip)} KB gzipped (${kb(totalRaw)} KB raw, ${rows.length} files; CSS ${kb(cssGzip)} KB gz); budget ${BUDGET_KB} KB`);
if (totalGzip > BUDGET_KB * 1024) {
  console.error(`bundle-size: over budget by ${kb(totalGzip - BUDGET_KB * 1024)} KB`);
  process.exit(1);
}
