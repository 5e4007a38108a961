/**
 * The stand-in answers every call at once, so an operation that watches the
 * clock (the mailer stops sending at its time budget and queues the rest)
 * never meets its limit there. This loads the bundle with every service call
 * moving the virtual clock on by what it would cost on Apps Script, so such
 * an operation does what it would do for real within one execution.
 */
import type { GasEnvironment } from '../emulator/gas';
import { loadBundle, type BundleContext } from '../emulator/gas/loadBundle';

export type CallCost = (service: string, method: string) => number;

export function timedBundle(dist: string, env: GasEnvironment, cost: CallCost): BundleContext {
  const isService = (x: unknown): x is object => x !== null && typeof x === 'object' && '_ctx' in x;
  const originals = new WeakMap<object, object>();
  const unwrap = (x: unknown) => (x !== null && typeof x === 'object' && originals.has(x) ? originals.get(x) : x);
  const wrap = <T>(target: T, service: string): T => {
    if (!isService(target)) return target;
    const proxy = new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop.startsWith('_') || prop === 'constructor') {
          return value;
        }
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(t, args.map(unwrap));
          env.clock.advanceMs(cost(service, prop));
          return Array.isArray(result) ? result.map((x) => wrap(x, service)) : wrap(result, service);
        };
      },
    });
    originals.set(proxy, target);
    return proxy;
  };
  const g = env.globals;
  const globals = {
    ...g,
    SpreadsheetApp: wrap(g.SpreadsheetApp, 'Spreadsheet'),
    MailApp: wrap(g.MailApp, 'Mail'),
    LockService: wrap(g.LockService, 'Lock'),
    PropertiesService: wrap(g.PropertiesService, 'Properties'),
  };
  // loadBundle reads only the globals.
  return loadBundle(dist, { globals } as unknown as GasEnvironment);
}
