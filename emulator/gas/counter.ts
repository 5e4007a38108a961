/**
 * Counts service calls, the cost that matters on Apps Script (each one is a
 * round trip there). Every public method of every service class is wrapped
 * once; a call made by the emulator itself inside another call is not
 * counted, so the numbers are what the script asked for.
 */

import { scopeCheck } from './scopes';

export type ServiceName =
  | 'Spreadsheet'
  | 'Mail'
  | 'Lock'
  | 'Properties'
  | 'Script'
  | 'Html'
  | 'Utilities'
  | 'Session'
  | 'Logger'
  | 'Sheets'
  | 'Drive';

export class CallCounter {
  private counts = new Map<string, number>();
  depth = 0;

  hit(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  total(service?: ServiceName): number {
    let sum = 0;
    for (const [key, n] of this.counts) if (!service || key.startsWith(`${service}.`)) sum += n;
    return sum;
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  reset(): void {
    this.counts.clear();
  }
}

export interface Counted {
  /** `grantedScopes`: the manifest's oauthScopes while a bundle call runs; null when nothing holds calls to scopes. */
  readonly _ctx: { counter: CallCounter; grantedScopes: ReadonlySet<string> | null };
}

/** Every instrumented class, so a test can hold each method to the reference's scope list. */
export const instrumented: { service: ServiceName; className: string; methods: string[] }[] = [];

/**
 * Wraps every public prototype method of `cls` so calls are counted as
 * `service.className.method`, and a call the script makes is refused, as Apps
 * Script refuses it, when the manifest grants none of the scopes it needs.
 */
export function instrument(cls: { prototype: object }, service: ServiceName, className: string): void {
  const proto = cls.prototype;
  const methods: string[] = [];
  instrumented.push({ service, className, methods });
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const original = desc.value as (...args: unknown[]) => unknown;
    const key = `${service}.${className}.${name}`;
    methods.push(name);
    const checkScopes = scopeCheck(service, className, name);
    const counted = function (this: Counted, ...args: unknown[]): unknown {
      const counter = this._ctx.counter;
      if (counter.depth === 0) {
        checkScopes(this._ctx.grantedScopes);
        counter.hit(key);
      }
      counter.depth++;
      try {
        return original.apply(this, args);
      } finally {
        counter.depth--;
      }
    };
    Object.defineProperty(proto, name, { ...desc, value: counted });
  }
}
