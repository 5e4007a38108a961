/**
 * PropertiesService with Apps Script's storage limits (9 KB a value, 500 KB
 * a store), so code that parks a big JSON blob in properties fails here too.
 */
import { instrument } from './counter';
import type { Ctx } from './state';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function storeSize(store: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of store) n += bytes(k) + bytes(v);
  return n;
}

export class Properties {
  constructor(
    readonly _ctx: Ctx,
    readonly _store: Map<string, string>,
  ) {}

  /** Checks a batch of writes against both limits before any is made. */
  private _checkWrites(entries: [string, string][], deleteOthers: boolean): void {
    const next = new Map(deleteOthers ? [] : this._store);
    for (const [k, v] of entries) {
      if (bytes(v) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
      next.set(k, v);
    }
    if (storeSize(next) > MAX_STORE_BYTES) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }

  getProperty(key: unknown): string | null {
    return this._store.get(String(key)) ?? null;
  }
  setProperty(key: unknown, value: unknown): Properties {
    if (key === null || key === undefined || key === '') throw new Error('Invalid argument: key');
    const entry: [string, string] = [String(key), String(value)];
    this._checkWrites([entry], false);
    this._store.set(...entry);
    return this;
  }
  setProperties(properties: unknown, deleteAllOthers?: unknown): Properties {
    if (typeof properties !== 'object' || properties === null) throw new Error('Invalid argument: properties');
    const entries = Object.entries(properties).map(([k, v]): [string, string] => [k, String(v)]);
    this._checkWrites(entries, Boolean(deleteAllOthers));
    if (deleteAllOthers) this._store.clear();
    for (const [k, v] of entries) this._store.set(k, v);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  deleteProperty(key: unknown): Properties {
    this._store.delete(String(key));
    return this;
  }
  deleteAllProperties(): Properties {
    this._store.clear();
    return this;
  }
}
instrument(Properties, 'Properties', 'Properties');

/** The active user's store; the environment's first user keeps `ctx.properties.user`. */
export function userStore(ctx: Ctx): Map<string, string> {
  const active = ctx.user.active.trim().toLowerCase();
  if (active === ctx.user.first.trim().toLowerCase()) {
    return ctx.properties.user;
  }
  let store = ctx.otherUsersProperties.get(active);
  if (store === undefined) {
    store = new Map();
    ctx.otherUsersProperties.set(active, store);
  }
  return store;
}

export class PropertiesServiceImpl {
  constructor(readonly _ctx: Ctx) {}

  getScriptProperties(): Properties {
    return new Properties(this._ctx, this._ctx.properties.script);
  }
  getDocumentProperties(): Properties {
    return new Properties(this._ctx, this._ctx.properties.document);
  }
  /** Each user's own store: another user of the same script never sees it (the first user's is `properties.user`). */
  getUserProperties(): Properties {
    return new Properties(this._ctx, userStore(this._ctx));
  }
}
instrument(PropertiesServiceImpl, 'Properties', 'PropertiesService');
