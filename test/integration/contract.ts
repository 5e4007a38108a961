/**
 * The server functions the project's contract (`docs/contract.md`) names,
 * read from the document itself so the test follows it rather than a copy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CONTRACT = join(__dirname, '..', '..', 'docs', 'contract.md');

function namesIn(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/`([a-zA-Z]+)\(/g)) names.add(m[1]);
  return [...names].sort();
}

/** Functions of "## Server functions": the surface first promised. */
export function contractFunctionNames(): string[] {
  const text = readFileSync(CONTRACT, 'utf8');
  const start = text.indexOf('## Server functions');
  const end = text.indexOf('## Beyond the first contract');
  return namesIn(text.slice(start, end < 0 ? undefined : end));
}

/** Every function the contract names anywhere, the extensions included. */
export function documentedFunctionNames(): string[] {
  return namesIn(readFileSync(CONTRACT, 'utf8'));
}
