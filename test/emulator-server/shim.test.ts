import { createContext, runInContext } from 'node:vm';
import { injectShim, SHIM_SOURCE } from '../../emulator/shim';

interface FakeResponse {
  status: number;
  body: string;
}
type Handler = (...a: unknown[]) => void;
type Runner = {
  withSuccessHandler(f: Handler): Runner;
  withFailureHandler(f: Handler): Runner;
  withUserObject(o: unknown): Runner;
} & { [fn: string]: (...args: unknown[]) => unknown };

/** A page with the shim loaded: a vm realm standing in for the sidebar's window. */
function page(
  respond: (body: { fn: string; args: unknown[] }) => FakeResponse | Error = () => ({ status: 200, body: '{}' }),
) {
  const requests: { url: string; init: { method: string; headers: Record<string, string>; body: string } }[] = [];
  const posted: { message: unknown; origin: string }[] = [];
  const ctx = createContext({
    location: { origin: 'http://127.0.0.1:8080' },
    parent: { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) },
    setTimeout: (f: () => void) => setTimeout(f, 0),
    console: { error: () => undefined },
    fetch: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => {
      requests.push({ url, init });
      const answer = respond(JSON.parse(init.body));
      if (answer instanceof Error) return Promise.reject(answer);
      return Promise.resolve({
        ok: answer.status < 400,
        status: answer.status,
        text: () => Promise.resolve(answer.body),
      });
    },
  });
  runInContext('var window = this;', ctx);
  runInContext(SHIM_SOURCE, ctx);
  const google = runInContext('window.google', ctx) as { script: { run: Runner; host: { close(): void } } };
  /** Calls `fn` and resolves with whichever handler fired. */
  const call = (fn: string, args: unknown[], userObject?: unknown) =>
    new Promise<{ ok: boolean; value: unknown; user: unknown }>((done) => {
      let r = google.script.run
        .withSuccessHandler((value, user) => done({ ok: true, value, user }))
        .withFailureHandler((value, user) => done({ ok: false, value, user }));
      if (userObject !== undefined) r = r.withUserObject(userObject);
      r[fn](...args);
    });
  return { ctx, google, requests, posted, call };
}

describe('google.script.run shim', () => {
  it('POSTs the call as JSON and hands the result and user object to the success handler', async () => {
    const p = page(() => ({
      status: 200,
      body: JSON.stringify({ result: { ok: true, matches: [] }, ui: { alerts: [] } }),
    }));
    const out = await p.call('findRequests', ['DEMO', { limit: 3 }], { row: 4 });
    expect(out).toEqual({ ok: true, value: { ok: true, matches: [] }, user: { row: 4 } });
    expect(p.requests).toHaveLength(1);
    expect(p.requests[0].url).toBe('/api/run');
    expect(p.requests[0].init.method).toBe('POST');
    expect(p.requests[0].init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(p.requests[0].init.body)).toEqual({ fn: 'findRequests', args: ['DEMO', { limit: 3 }] });
    // The parent page hears about every finished call, so it can refresh its grid.
    expect(p.posted).toEqual([
      {
        message: { type: 'gas-emulator:ran', fn: 'findRequests', ui: { alerts: [] } },
        origin: 'http://127.0.0.1:8080',
      },
    ]);
  });

  it('gives a void function undefined, as Apps Script does', async () => {
    const out = await page(() => ({ status: 200, body: '{"ui":{"alerts":[]}}' })).call('showSidebar', []);
    expect(out).toEqual({ ok: true, value: undefined, user: undefined });
  });

  it('turns a server exception into an Error for the failure handler', async () => {
    const out = await page(() => ({
      status: 200,
      body: '{"error":{"message":"Script function not found: nope"}}',
    })).call('nope', [], 'u');
    expect(out.ok).toBe(false);
    expect((out.value as Error).message).toBe('Script function not found: nope');
    expect(Object.prototype.toString.call(out.value)).toBe('[object Error]');
    expect(out.user).toBe('u');
  });

  it('fails on HTTP errors, non-JSON answers and an unreachable server', async () => {
    const bad = await page(() => ({ status: 400, body: '{"error":{"message":"args must be an array"}}' })).call(
      'x',
      [],
    );
    expect((bad.value as Error).message).toBe('args must be an array');
    const html = await page(() => ({ status: 502, body: '<html>' })).call('x', []);
    expect((html.value as Error).message).toMatch(/502/);
    const down = await page(() => new Error('connection refused')).call('x', []);
    expect((down.value as Error).message).toMatch(/Could not reach the emulator: connection refused/);
  });

  it.each([
    ['a Date', 'new Date()'],
    ['a function', '(function () {})'],
    ['a Date inside an object', '({ when: new Date() })'],
    ['a class instance', '(new (class Thing {})())'],
    ['a Map', 'new Map()'],
    ['a circular object', '(function () { var o = {}; o.self = o; return o; })()'],
  ])('refuses %s without calling the server, as Apps Script does', async (_what, expr) => {
    const p = page();
    const arg = runInContext(expr, p.ctx) as unknown;
    const out = await p.call('submitRequest', [arg]);
    expect(out.ok).toBe(false);
    expect((out.value as Error).message).toMatch(/Invalid argument to submitRequest/);
    expect(p.requests).toHaveLength(0);
  });

  it('accepts null, nested arrays and objects with a null prototype', async () => {
    const p = page(() => ({ status: 200, body: '{"result":1}' }));
    const arg = runInContext('({ a: [1, "two", null, { b: true }], c: Object.create(null) })', p.ctx) as unknown;
    expect((await p.call('f', [arg, null])).ok).toBe(true);
  });

  it('makes a new runner at each step, so handlers do not leak between calls', async () => {
    const p = page(() => ({ status: 200, body: '{"result":"r"}' }));
    const seen: string[] = [];
    const run = p.google.script.run;
    const first = run.withSuccessHandler(() => seen.push('first'));
    run.withSuccessHandler(() => seen.push('second'));
    first.f();
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['first']);
  });

  it('never looks like a promise, whatever awaits it', () => {
    const run = page().google.script.run as unknown as { then?: unknown };
    expect(run.then).toBeUndefined();
  });

  it('host.close() asks the parent to close the panel', () => {
    const p = page();
    p.google.script.host.close();
    expect(p.posted).toEqual([{ message: { type: 'gas-emulator:close' }, origin: 'http://127.0.0.1:8080' }]);
  });
});

describe('injectShim', () => {
  it('puts the shim first in <head>, before any of the page', () => {
    const html =
      '<!doctype html><html><head class="x"><base target="_top" /><script>page()</script></head><body></body></html>';
    const out = injectShim(html);
    expect(out.startsWith('<!doctype html><html><head class="x"><script>\n(function () {')).toBe(true);
    expect(out.indexOf('page()')).toBeGreaterThan(out.indexOf('g.script.run = runner'));
  });
  it('makes a head when the page has none', () => {
    expect(injectShim('<html><body>x</body></html>')).toMatch(/^<html><head><script>[\s\S]*<\/script><\/head><body>x/);
    expect(injectShim('<p>bare</p>')).toMatch(/^<script>[\s\S]*<\/script><p>bare<\/p>$/);
  });
  it('never closes its own script element early', () => {
    expect(SHIM_SOURCE).not.toMatch(/<\/script/i);
  });
});
