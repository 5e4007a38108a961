/**
 * The routes: what each path of the emulator answers. Pages and assets come
 * from ./pages.ts; /api/* reads or changes the emulator's state.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Emulator } from './emulator';
import { servePage, type PageAssets } from './pages';
import { HttpError, decodePathPart, readJson, send, sendJson } from './http';
import type { PromptAnswer } from './types';

/** The answers /api/menu queues for the questions a menu item asks, checked before anything runs. */
function readAnswers(value: unknown): PromptAnswer[] | undefined {
  if (value === undefined) return undefined;
  const buttons = ['OK', 'CANCEL', 'YES', 'NO', 'CLOSE'];
  if (
    !Array.isArray(value) ||
    value.length > 10 ||
    !value.every(
      (a) =>
        a !== null &&
        typeof a === 'object' &&
        buttons.includes((a as { button?: unknown }).button as string) &&
        ['string', 'undefined'].includes(typeof (a as { text?: unknown }).text),
    )
  ) {
    throw new HttpError(
      400,
      'answers must be a list of { "button": "OK" | "CANCEL" | "YES" | "NO" | "CLOSE", "text": "..." }',
    );
  }
  return value.map((a: { button: PromptAnswer['button']; text?: string }) => ({
    button: a.button,
    text: a.text ?? '',
  }));
}

export function routes(
  emulator: Emulator,
  page: PageAssets,
  /** Host headers the server answers to: its own address, known once it listens. */
  allowedHosts: () => ReadonlySet<string>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async function handle(req, res) {
    // DNS rebinding: a hostile name that resolves to 127.0.0.1 still carries its own Host header.
    if (!allowedHosts().has(String(req.headers.host ?? '').toLowerCase())) {
      throw new HttpError(403, 'Unexpected Host header: open the emulator at the address it printed');
    }
    const origin = req.headers.origin;
    if (
      req.method === 'POST' &&
      origin !== undefined &&
      !allowedHosts().has(origin.replace(/^http:\/\//, '').toLowerCase())
    ) {
      throw new HttpError(403, 'Cross-origin calls are refused');
    }
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const get = method === 'GET' || method === 'HEAD';

    if (get && servePage(res, path, page, emulator)) return;
    if (path === '/api/state' && get) return sendJson(res, 200, emulator.state());
    if (path === '/api/functions' && get) return sendJson(res, 200, { functions: emulator.functionNames() });

    if (path === '/api/export' && get) {
      const sheet = url.searchParams.get('sheet') ?? '';
      const csv = emulator.csv(sheet);
      if (csv === undefined) throw new HttpError(404, `No sheet called "${sheet}"`);
      const file = `${sheet.replace(/[^\w -]+/g, '').trim() || 'sheet'}.csv`;
      return send(res, 200, 'text/csv; charset=utf-8', csv, {
        'Content-Disposition': `attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(file)}`,
      });
    }
    const eml = /^\/api\/outbox\/([^/]+)$/.exec(path);
    if (eml && get) {
      const name = decodePathPart(eml[1]);
      const text = emulator.store.readEml(name);
      if (text === undefined) throw new HttpError(404, 'No such message');
      return send(res, 200, 'message/rfc822', text, {
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    }

    if (method === 'POST' && path.startsWith('/api/')) {
      const body = await readJson(req);
      switch (path) {
        case '/api/run': {
          const args = body.args === undefined ? [] : body.args;
          if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
          return sendJson(res, 200, emulator.run(body.fn, args));
        }
        case '/api/menu': {
          const fn = body.functionName;
          if (!emulator.menu().some((m) => m.functionName === fn)) {
            throw new HttpError(400, `"${String(fn)}" is not an item of the add-on menu`);
          }
          return sendJson(res, 200, emulator.menuItem(fn as string, readAnswers(body.answers)));
        }
        case '/api/clock': {
          if (typeof body.today === 'string') emulator.setToday(body.today);
          else if (typeof body.advanceDays === 'number') emulator.advanceDays(body.advanceDays);
          else throw new HttpError(400, 'Send { "today": "YYYY-MM-DD" } or { "advanceDays": n }');
          return sendJson(res, 200, { today: emulator.today() });
        }
        case '/api/trigger':
          return sendJson(res, 200, emulator.fireTrigger(body.handler));
        case '/api/edit':
          return sendJson(res, 200, emulator.edit(body));
      }
    }
    const known = [
      '/',
      '/api/state',
      '/api/export',
      '/api/run',
      '/api/menu',
      '/api/clock',
      '/api/trigger',
      '/api/edit',
    ];
    if (known.includes(path)) throw new HttpError(405, `${method} is not allowed on ${path}`);
    throw new HttpError(404, `Nothing at ${path}`);
  };
}
