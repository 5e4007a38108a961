/**
 * Loading the built bundle into a vm context, and calling its functions the
 * way the sidebar (google.script.run) and a trigger would.
 */
import * as gas from 'gas-local';
import type { GasEnvironment } from './index';

export type BundleContext = Record<string, (...args: unknown[]) => unknown>;

/**
 * Runs every .js file under `distDir` in a fresh vm context whose globals are
 * the environment's services. Each call makes a new context (a new
 * "execution") over the same spreadsheet, locks and outbox.
 */
export function loadBundle(distDir: string, env: GasEnvironment): BundleContext {
  return gas.require(distDir, { ...env.globals }) as BundleContext;
}

function findProhibited(v: unknown, path: string): string | null {
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Date]' || typeof v === 'function') return path || 'value';
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = findProhibited(v[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      const hit = findProhibited(x, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * Calls a server function as google.script.run does: arguments and result
 * cross as JSON. A Date or function in the arguments is refused, and a
 * result holding a Date reaches the client as null, as on Apps Script.
 */
export function callAsScriptRun(ctx: BundleContext, name: string, args: unknown[] = []): unknown {
  const fn = ctx[name];
  if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
  const bad = findProhibited(args, '');
  if (bad) throw new Error(`Failed due to illegal value in property: ${bad}`);
  const result = fn(...(JSON.parse(JSON.stringify(args)) as unknown[]));
  if (result === undefined) return undefined;
  if (findProhibited(result, '')) return null;
  return JSON.parse(JSON.stringify(result)) as unknown;
}

/** Calls a function as a time-driven trigger would: no UI is available meanwhile. */
export function callAsTrigger(env: GasEnvironment, ctx: BundleContext, name: string, event: unknown = {}): unknown {
  const fn = ctx[name];
  if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
  const before = env.ui.available;
  env.ui.available = false;
  try {
    return fn(event);
  } finally {
    env.ui.available = before;
  }
}
