/**
 * emulator/ imports in one direction only: no module reaches itself through
 * its imports, type-only ones included (issue 18). The walk reads each file's
 * import, export-from, require and `declare module` specifiers as TypeScript
 * does (ts.preProcessFile), so a cycle hidden in `import type` counts too.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The cycles a depth-first walk meets, at least one through every knot of
 * modules, each as "a.ts -> b.ts -> a.ts" (relative to `root`, from its first file by name).
 */
function importCycles(root: string): string[] {
  const files = tsFiles(root).sort();
  const known = new Set(files);
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name))
      .map((base) => [`${base}.ts`, join(base, 'index.ts'), base].find((f) => known.has(f)))
      .filter((f): f is string => f !== undefined);
    imports.set(file, [...new Set(targets)].sort());
  }
  const cycles = new Set<string>();
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    const at = path.indexOf(file);
    if (at >= 0) {
      const loop = path.slice(at);
      const first = loop.indexOf([...loop].sort()[0]);
      const turned = [...loop.slice(first), ...loop.slice(0, first)];
      cycles.add([...turned, turned[0]].map((f) => relative(root, f)).join(' -> '));
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const next of imports.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  files.forEach(visit);
  return [...cycles].sort();
}

describe('emulator imports', () => {
  it('have no cycles', () => {
    expect(importCycles(join(__dirname, '..', '..', 'emulator'))).toEqual([]);
  });

  it('finds and names a cycle closed by a type-only import and an export-from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B[];\n");
      writeFileSync(join(dir, 'b.ts'), "import { c } from './c';\nexport type B = typeof c;\n");
      writeFileSync(join(dir, 'c.ts'), "export type { A } from './a';\nexport const c = 1;\n");
      writeFileSync(join(dir, 'd.ts'), "import { c } from './c';\nexport const d = c;\n");
      expect(importCycles(dir)).toEqual(['a.ts -> b.ts -> c.ts -> a.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
