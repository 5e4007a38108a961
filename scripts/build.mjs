// Builds dist/ exactly as `clasp push` ships it:
//   dist/appsscript.json  the manifest, copied
//   dist/Code.js          the server bundle: an IIFE plus one real top-level
//                         `function` per entry point exported by src/index.ts
//   dist/<Page>.html      each sidebar page, its JS and CSS inlined
// Run: node scripts/build.mjs
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const entry = join(root, 'src/index.ts');

/** Words that mean Node or module machinery leaked into the Apps Script bundle. */
/**
 * Each page folder of sidebar/ and the file it is built to in dist/: the
 * server opens a page by that name (HtmlService.createHtmlOutputFromFile in
 * src/app/pages.ts), so it is part of what clasp ships and stays put.
 */
const PAGE_FILES = {
  newRequest: 'Sidebar',
  updateRequest: 'Update',
  reminders: 'Reminders',
  import: 'Import',
  lists: 'Lists',
  subjectAccess: 'SubjectAccess',
  closeSeason: 'CloseSeason',
  applications: 'Applications',
  payments: 'Payments',
};

const FORBIDDEN = [
  /\brequire\s*\(/,
  /\bprocess\s*\./,
  /\bmodule\s*\.\s*exports\b/,
  /\bexports\s*\./,
  /^\s*import\s/m,
  /^\s*export\s/m,
];

/** Each line that has text, `by` further in. */
function indent(text, by) {
  return text.replace(/^(?=.)/gm, by);
}

/**
 * A page in the frame all pages share (sidebar/page.html): the page gives
 * only its own <head> (a <title>, then what is its own, after the shared
 * style so that it wins) and its <body>; the frame has the rest and the
 * markers the style and script are inlined at.
 */
function framed(frame, source, file) {
  const head = source.match(/^<head>\n([\s\S]*?)^<\/head>$/m);
  const body = source.match(/^<body>\n([\s\S]*?)^<\/body>$/m);
  const title = head && head[1].match(/^[ \t]*(<title>[^<]+<\/title>)\n/m);
  if (!head || !body || !title)
    throw new Error(`${file} needs a <head> with a <title>, and a <body>, each from line start`);
  if (/<!doctype|<html|<meta charset|<base/i.test(source))
    throw new Error(`${file} repeats what sidebar/page.html gives`);
  const own = head[1].replace(title[0], '');
  return frame
    .replace('<!-- page:title -->', () => title[1])
    .replace(/^[ \t]*<!-- page:head -->\n/m, () => indent(own, '  '))
    .replace(/^[ \t]*<!-- page:body -->\n/m, () => indent(body[1], '  '));
}

export async function build({ quiet = false } = {}) {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });

  // 1. Read the entry's export names so no one keeps the list of globals by hand.
  const probe = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'probe',
    logLevel: 'silent',
  });
  const output = Object.values(probe.metafile.outputs).find((o) => o.entryPoint);
  const names = [...output.exports].sort();
  if (names.length === 0) throw new Error('src/index.ts exports no entry points');

  // 2. The real bundle: everything private inside one IIFE, entry points as globals.
  const footer = names.map((n) => `function ${n}() {\n  return __app.${n}.apply(this, arguments);\n}`).join('\n');
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: '__app',
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    outfile: join(dist, 'Code.js'),
    banner: { js: '// Post-Results Tracker: built by scripts/build.mjs. Do not edit; edit src/ and rebuild.' },
    footer: { js: footer },
    logLevel: 'warning',
  });
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  for (const pattern of FORBIDDEN) {
    const m = code.match(pattern);
    if (m) throw new Error(`dist/Code.js contains ${JSON.stringify(m[0])}: Apps Script has no module system`);
  }

  // 3. The manifest.
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));

  // 4. Sidebar pages: sidebar/<feature>/<feature>.html with its <feature>.ts, in the shared frame with the shared CSS.
  const sidebarDir = join(root, 'sidebar');
  const css = existsSync(join(sidebarDir, 'style.css')) ? readFileSync(join(sidebarDir, 'style.css'), 'utf8') : '';
  const frame = readFileSync(join(sidebarDir, 'page.html'), 'utf8').replace(/^<!--[\s\S]*?-->\n/, '');
  const features = readdirSync(sidebarDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(sidebarDir, d.name, `${d.name}.html`)))
    .map((d) => d.name);
  for (const feature of features) {
    if (!PAGE_FILES[feature])
      throw new Error(`sidebar/${feature}/ is a page the build does not name: add it to PAGE_FILES`);
  }
  const pages = [];
  for (const feature of features) {
    const name = PAGE_FILES[feature];
    const page = `${feature}/${feature}.html`;
    pages.push(`${name}.html`);
    const tsFile = join(sidebarDir, feature, `${feature}.ts`);
    let html = readFileSync(join(sidebarDir, page), 'utf8');
    let js = '';
    if (existsSync(tsFile)) {
      const out = await esbuild.build({
        entryPoints: [tsFile],
        bundle: true,
        format: 'iife',
        target: 'es2019',
        platform: 'browser',
        charset: 'utf8',
        minify: true,
        write: false,
        logLevel: 'warning',
      });
      js = out.outputFiles[0].text;
    }
    // An inlined script must not close its own <script> element early.
    const safeJs = js.replace(/<\/(script)/gi, '<\\/$1');
    const safeCss = css.replace(/<\/(style)/gi, '<\\/$1');
    html = framed(frame, html, `sidebar/${page}`)
      .replace('<!-- inline:style -->', () => `<style>\n${safeCss}</style>`)
      .replace('<!-- inline:script -->', () => (js ? `<script>\n${safeJs}</script>` : ''));
    writeFileSync(join(dist, `${name}.html`), html);
  }

  if (!quiet) {
    const sizes = readdirSync(dist).map((f) => `${f} ${readFileSync(join(dist, f)).length} B`);
    console.log(`built dist/: ${sizes.join(', ')}; ${names.length} global functions`);
  }
  return { names, pages: pages.map((p) => basename(p, '.html')) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}
