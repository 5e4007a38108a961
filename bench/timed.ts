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

export function timedBundle(dist: string, env: GasEnvironment, cost: CallCost): BundleContext {
  const globals = hookedGlobals(env.globals, ({ service, method }) => env.clock.advanceMs(cost(service, method)));
  return loadBundle(dist, { ...env, globals });
}
