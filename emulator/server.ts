/**
 * The local emulator: the real dist/Code.js, run by gas-local against the
 * in-memory Sheets/Mail stand-in (emulator/gas), behind a small HTTP server
 * on loopback. The page at / shows the workbook like a spreadsheet window;
 * sidebar pages from dist/ talk to the bundle through a google.script.run shim.
 *
 * Everything the bundle does is synchronous, and Node runs one request
 * handler at a time up to its first await, so calls never interleave: a burst
 * of parallel requests is applied one after another, each persisted before
 * the next starts.
 *
 * This file wires the parts in server/ and listens: emulator.ts holds the
 * state (saved through store.ts), routes.ts answers each path, pages.ts
 * serves the page and the sidebars with the shim.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Emulator } from './server/emulator';
import { HttpError, send } from './server/http';
import { buildPage } from './server/pages';
import { routes } from './server/routes';
import type { ServerOptions } from './server/types';
import { errorMessage } from './server/util';

export { dayAfter, formatDate, morningOf } from './server/calendar';
export { DEMO_COLLEAGUE } from './server/demoData';
export { Emulator } from './server/emulator';
export type { CallOutcome, ChartView, PromptAnswer, ServerOptions, SheetView, UiDelta } from './server/types';

/** Both ts-jest (emulator/server.ts) and the start bundle (.build/emulator.cjs) sit one folder below the root. */
const ROOT = resolve(__dirname, '..');
const HOST = '127.0.0.1';

export interface RunningServer {
  url: string;
  server: Server;
  emulator: Emulator;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const distDir = resolve(options.distDir ?? join(ROOT, 'dist'));
  const dataDir = resolve(options.dataDir ?? join(ROOT, '.local'));
  const log = options.quiet ? () => undefined : (line: string) => console.log(line);
  if (!existsSync(join(distDir, 'Code.js'))) {
    throw new Error(`${join(distDir, 'Code.js')} is missing: run "npm run build" first`);
  }
  const emulator = new Emulator({
    dataDir,
    distDir,
    reset: options.reset ?? false,
    log,
    mailQuota: options.mailQuota,
    callCostMs: options.callCostMs,
  });
  const page = buildPage(join(ROOT, 'emulator', 'page'));
  let allowedHosts = new Set<string>();
  const handle = routes(emulator, page, () => allowedHosts);

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) log(`emulator: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Stop reading a body we refused, but let the client read why.
      const headers: Record<string, string> = status === 413 ? { Connection: 'close' } : {};
      send(
        res,
        status,
        'application/json; charset=utf-8',
        JSON.stringify({ error: { message: errorMessage(err) } }),
        headers,
      );
      if (status === 413) req.resume();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, HOST, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  return {
    url: `http://${HOST}:${port}/`,
    server,
    emulator,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** `node .build/emulator.cjs [--reset]`, as scripts/start.mjs runs it. */
export async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((a) => a !== '--reset');
  if (unknown.length) {
    console.error(
      `Unknown option ${unknown.join(' ')}. Usage: npm start [-- --reset]; PORT and DATA_DIR from the environment.`,
    );
    process.exitCode = 2;
    return;
  }
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}"`);
    process.exitCode = 2;
    return;
  }
  const dataDir = resolve(process.env.DATA_DIR || join(ROOT, '.local'));
  let running: RunningServer;
  try {
    running = await startServer({ port, dataDir, reset: argv.includes('--reset') });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      console.error(`Port ${port} is in use: stop what holds it, or choose another with PORT=8081 npm start`);
    else console.error(errorMessage(err));
    process.exitCode = 1;
    return;
  }
  console.log(`Post-Results Tracker emulator: ${running.url}`);
  console.log(`Data folder: ${dataDir}${argv.includes('--reset') ? ' (started clean)' : ''}`);
  console.log(
    `Emails are not sent: they appear in the page's Outbox tab and as .eml files in ${join(dataDir, 'outbox')}`,
  );
  console.log(`The emulator's today is ${running.emulator.today()} (change it on the page). Stop with Ctrl+C.`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
