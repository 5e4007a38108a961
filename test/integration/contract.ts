/**
 * The server functions `../shared/contract.md` promises, read from the
 * contract itself so the test follows the document rather than a copy of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CONTRACT = join(__dirname, '..', '..', '..', 'shared', 'contract.md');

export function contractFunctionNames(): string[] {
  if (!existsSync(CONTRACT)) throw new Error(`The contract is missing at ${CONTRACT}`);
  const text = readFileSync(CONTRACT, 'utf8');
  const section = text.slice(text.indexOf('## Server functions'));
  const names = new Set<string>();
  for (const m of section.matchAll(/`([a-zA-Z]+)\(/g)) names.add(m[1]);
  return [...names].sort();
}

/**
 * Contract functions whose issue has not landed yet. Each issue removes its
 * names from here; the test fails if a listed name appears (so the list
 * shrinks honestly) or an unlisted one is missing.
 */
export const NOT_YET_BUILT: ReadonlyArray<string> = [];
