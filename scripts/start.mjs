// `npm start`: bundles the emulator server (emulator/server.ts) and runs it on
// the dist/ that `npm run build` just made. CLI arguments pass through:
//   npm start -- --reset      forget the saved workbook and outbox
// PORT (default 8080) and DATA_DIR (default .local/) come from the environment.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// server.ts finds the repository as the parent of its own folder: keep the bundle one level down.
const outfile = join(root, '.build', 'emulator.cjs');

await esbuild.build({
  stdin: {
    contents:
      "require('./emulator/server').main(process.argv.slice(2)).catch((e) => { console.error(e.message || e); process.exit(1); });",
    resolveDir: root,
    sourcefile: 'emulator-main.js',
    loader: 'js',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // gas-local reads files at run time; esbuild ships a native binary: both load from node_modules.
  external: ['gas-local', 'esbuild'],
  sourcemap: 'inline',
  outfile,
  logLevel: 'warning',
});

// Stack traces from the bundle point at emulator/*.ts.
process.setSourceMapsEnabled(true);
createRequire(import.meta.url)(outfile);
