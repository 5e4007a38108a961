// `npm run bench`: builds dist/ (as clasp ships it), bundles bench/main.ts
// with esbuild, and runs it. Arguments pass through:
//   npm run bench -- --quick            100 and 1,000 rows only
//   npm run bench -- --sizes 100,10000  chosen log sizes
//   npm run bench -- --runs 3           runs per measurement (default 5)
//   npm run bench -- --out file.json    where the JSON goes (default bench/results/results.json)
import * as esbuild from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../scripts/build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, '.build', 'bench.cjs');

await build({ quiet: true });
// Measure a copy: another engineer's `npm test` in this working tree rebuilds dist/ at any moment.
const dist = join(root, '.build', 'bench-dist');
rmSync(dist, { recursive: true, force: true });
cpSync(join(root, 'dist'), dist, { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'bench', 'main.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // gas-local reads the bundle's files at run time: load it from node_modules.
  external: ['gas-local', 'esbuild'],
  sourcemap: 'inline',
  outfile,
  logLevel: 'warning',
});
process.setSourceMapsEnabled(true);
try {
  await createRequire(import.meta.url)(outfile).main(process.argv.slice(2), root, dist);
} catch (err) {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
}
