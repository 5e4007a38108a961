/**
 * Loading the built bundle into a vm context, and calling its functions the
 * way the sidebar (google.script.run) and a trigger would.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as gas from 'gas-local';
import type { TriggerData } from './state';

/**
 * What loading and calling the bundle needs of an environment. index.ts's
 * GasEnvironment has all of it; naming only this keeps index.ts (which
 * re-exports this module) out of this module's imports.
 */
export interface BundleEnvironment {
  globals: Record<string, unknown>;
  locks: { endExecution(): void };
  ui: { available: boolean };
  readonly triggers: readonly TriggerData[];
  asTrigger<T>(trigger: TriggerData, fn: () => T): T;
  withGrantedScopes<T>(scopes: readonly string[] | null, fn: () => T): T;
}

export type BundleContext = Record<string, (...args: unknown[]) => unknown>;

/**
 * Runs every .js file under `distDir` in a fresh vm context whose globals are
 * the environment's services. Each call makes a new context (a new
 * "execution") over the same spreadsheet, locks and outbox.
 */
export function loadBundle(distDir: string, env: BundleEnvironment): BundleContext {
  const ctx = gas.require(distDir, { ...env.globals }) as BundleContext;
  return asExecutions(ctx, env, entryPoints(distDir), manifestScopes(distDir));
}

/**
 * The oauthScopes of the bundle's appsscript.json: all Apps Script grants a
 * script that lists them. null (no manifest, or no list) grants what it uses.
 */
export function manifestScopes(distDir: string): string[] | null {
  const path = join(distDir, 'appsscript.json');
  if (!existsSync(path)) return null;
  const scopes = (JSON.parse(readFileSync(path, 'utf8')) as { oauthScopes?: unknown }).oauthScopes;
  return Array.isArray(scopes) ? scopes.map(String) : null;
}

/** The script's own top-level functions (what google.script.run, menus and triggers can call). */
function entryPoints(distDir: string): string[] {
  const names: string[] = [];
  for (const file of readdirSync(distDir).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const m of code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)) names.push(m[1]);
  }
  return names;
}

/** How many calls into any bundle of each environment are under way (a call may start another). */
const running = new WeakMap<object, number>();

/**
 * Each outermost call into a bundle is one execution: when it ends, however
 * it ends, the locks it still holds are freed, as Apps Script frees a killed
 * run's locks. A call made while another is under way (a test's second
 * "browser" saving in the middle of a batch) is part of the same moment, so
 * only the last one out frees them.
 */
function asExecutions(
  ctx: BundleContext,
  env: BundleEnvironment,
  names: readonly string[],
  scopes: readonly string[] | null,
): BundleContext {
  const key = env.locks;
  for (const name of names) {
    const fn = ctx[name];
    if (typeof fn !== 'function') continue;
    ctx[name] = function (this: unknown, ...args: unknown[]) {
      running.set(key, (running.get(key) ?? 0) + 1);
      try {
        return env.withGrantedScopes(scopes, () => fn.apply(this, args));
      } finally {
        const left = (running.get(key) ?? 1) - 1;
        running.set(key, left);
        if (left === 0) env.locks.endExecution();
      }
    };
  }
  return ctx;
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
export function callAsTrigger(env: BundleEnvironment, ctx: BundleContext, name: string, event: unknown = {}): unknown {
  const fn = ctx[name];
  if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
  // An installable trigger runs as whoever created it.
  const trigger = env.triggers.find((t) => t.handler === name);
  if (trigger) return env.asTrigger(trigger, () => fn(event));
  const before = env.ui.available;
  env.ui.available = false;
  try {
    return fn(event);
  } finally {
    env.ui.available = before;
  }
}
