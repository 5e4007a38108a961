/**
 * The stand-in answers every call at once, so an operation that watches the
 * clock (the mailer stops sending at its time budget and queues the rest)
 * never meets its limit there. This loads the bundle with every service call
 * moving the virtual clock on by what it would cost on Apps Script, so such
 * an operation does what it would do for real within one execution.
 */
import type { GasEnvironment } from '../emulator/gas';
import { hookedGlobals } from '../emulator/gas/hooks';
import { loadBundle, type BundleContext } from '../emulator/gas/loadBundle';

export type CallCost = (service: string, method: string) => number;

/** What Apps Script allows one execution (a trigger run, a menu item, a google.script.run call). */
export const EXECUTION_LIMIT_MS = 360_000;
export const EXECUTION_KILLED = 'Exceeded maximum execution time';

export interface TimedOptions {
  /**
   * Kill an execution as Apps Script does once it has run this long: the
   * call that crosses the limit never takes effect and every call after it
   * throws, so nothing the run does afterwards (a catch that records
   * "sent", a finally that releases) reaches the spreadsheet or the outbox.
   */
  executionLimitMs?: number;
}

export interface TimedBundle {
  bundle: BundleContext;
  /**
   * Each outermost call so far: how long it took on the virtual clock, whether
   * it was killed, and its wall time here (the stand-in's work plus the
   * script's CPU, which the virtual clock does not charge).
   */
  executions: { name: string; ms: number; killed: boolean; realMs: number }[];
}

export function timedBundle(dist: string, env: GasEnvironment, cost: CallCost): BundleContext {
  return timedExecutions(dist, env, cost).bundle;
}

export function timedExecutions(
  dist: string,
  env: GasEnvironment,
  cost: CallCost,
  options: TimedOptions = {},
): TimedBundle {
  const limit = options.executionLimitMs;
  let started = 0;
  let real = 0;
  let depth = 0;
  let killed = false;
  const globals = hookedGlobals(env.globals, ({ service, method }) => {
    if (killed) throw new Error(EXECUTION_KILLED);
    env.clock.advanceMs(cost(service, method));
    if (limit !== undefined && depth > 0 && env.clock.now().getTime() - started > limit) {
      killed = true;
      throw new Error(EXECUTION_KILLED);
    }
  });
  const bundle = loadBundle(dist, { ...env, globals });
  const executions: TimedBundle['executions'] = [];
  for (const [name, fn] of Object.entries(bundle)) {
    // The context holds the globals too (Date, SpreadsheetApp…): only the script's own functions are executions.
    if (typeof fn !== 'function' || name in globals) continue;
    bundle[name] = function (this: unknown, ...args: unknown[]) {
      if (depth++ === 0) {
        real = performance.now();
        started = env.clock.now().getTime();
        killed = false;
      }
      try {
        return fn.apply(this, args);
      } finally {
        if (--depth === 0) {
          executions.push({ name, ms: env.clock.now().getTime() - started, killed, realMs: performance.now() - real });
        }
      }
    };
  }
  return { bundle, executions };
}
