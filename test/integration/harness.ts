/**
 * Loads the BUILT add-on (dist/) into the in-memory Apps Script stand-in, the
 * same way the local emulator does, and calls its global functions with
 * arguments and results passed through JSON as google.script.run passes them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions } from '../../emulator/gas';
import { loadBundle } from '../../emulator/gas/loadBundle';

export const DIST = join(__dirname, '..', '..', 'dist');

export function distHtmlFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(DIST).filter((f) => f.endsWith('.html'))) {
    files[basename(f, '.html')] = readFileSync(join(DIST, f), 'utf8');
  }
  return files;
}

export interface AddOn {
  env: GasEnvironment;
  /** Calls a global function of the bundle as google.script.run would (JSON in, JSON out). */
  // Answers are checked by the tests' own expectations, so they are loosely typed here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run<T = any>(name: string, ...args: unknown[]): T;
  /** The raw sandbox, for calls that pass non-JSON values (e.g. trigger events). */
  bundle: Record<string, (...args: unknown[]) => unknown>;
}

export function loadAddOn(options: GasEnvironmentOptions = {}): AddOn {
  const env = createGasEnvironment({ now: '2026-08-20T09:00:00Z', htmlFiles: distHtmlFiles(), ...options });
  return withBundle(env);
}

/** A second copy of the bundle on the same workbook: another officer's browser, or another trigger run. */
export function withBundle(env: GasEnvironment, distDir = DIST): AddOn {
  const bundle = loadBundle(distDir, env);
  const run = (name: string, ...args: unknown[]) => {
    const fn = bundle[name];
    if (typeof fn !== 'function') throw new Error(`The bundle has no global function ${name}`);
    const result = fn(...(JSON.parse(JSON.stringify(args)) as unknown[]));
    return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  };
  return { env, run, bundle };
}

/** A set-up workbook, as the officer has it after "Set up sheets". */
export function setUpAddOn(options: GasEnvironmentOptions = {}): AddOn {
  const addOn = loadAddOn(options);
  const result = addOn.run('setUp');
  if (!result.ok) throw new Error(`setUp failed: ${JSON.stringify(result.errors)}`);
  return addOn;
}

/** Every value of a sheet as the stand-in holds it (header row first). */
export function sheetValues(env: GasEnvironment, name: string): unknown[][] {
  const sheet = env.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return sheet.getDataRange().getValues();
}

/** Rows of a sheet as objects keyed by header. */
export function sheetRecords(env: GasEnvironment, name: string): Record<string, unknown>[] {
  const [headers, ...rows] = sheetValues(env, name);
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(headers.map((h, i) => [String(h), r[i]])));
}

export { reviewForm } from '../fixtures/forms';
