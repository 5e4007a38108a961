/**
 * The stand-in's services seen through a hook: every public method call of
 * SpreadsheetApp, MailApp, LockService and PropertiesService (and of every
 * object they return) first goes through `onCall`. Tests use it to make a
 * service fail at the nth call or to interleave another execution; the bench
 * uses it to move the clock on by what each call costs on Apps Script.
 */
export interface ServiceCall {
  service: string;
  /** e.g. 'Range', 'Sheet', 'MailApp'. */
  className: string;
  method: string;
  args: readonly unknown[];
}

export function hookedGlobals(
  globals: Record<string, unknown>,
  onCall: (call: ServiceCall) => void,
): Record<string, unknown> {
  const targets = new WeakMap<object, object>();
  const unwrap = (x: unknown): unknown => (x !== null && typeof x === 'object' && targets.has(x) ? targets.get(x) : x);
  // The stand-in's service objects carry their context; plain values pass through untouched.
  const isService = (x: unknown): x is object => x !== null && typeof x === 'object' && '_ctx' in x;
  const wrap = <T>(target: T, service: string): T => {
    if (!isService(target)) return target;
    const proxy = new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop.startsWith('_') || prop === 'constructor') {
          return value;
        }
        return (...args: unknown[]) => {
          onCall({ service, className: t.constructor.name, method: prop, args });
          const result = (value as (...a: unknown[]) => unknown).apply(t, args.map(unwrap));
          return Array.isArray(result) ? result.map((x) => wrap(x, service)) : wrap(result, service);
        };
      },
    });
    targets.set(proxy, target);
    return proxy;
  };
  return {
    ...globals,
    SpreadsheetApp: wrap(globals.SpreadsheetApp, 'Spreadsheet'),
    MailApp: wrap(globals.MailApp, 'Mail'),
    LockService: wrap(globals.LockService, 'Lock'),
    PropertiesService: wrap(globals.PropertiesService, 'Properties'),
  };
}
