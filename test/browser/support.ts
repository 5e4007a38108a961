/**
 * What every browser test needs: Debian's Chromium driven by playwright-core,
 * a fresh user-data folder, and the emulator server started in this process
 * on a free port with its own data folder and its own copy of dist/.
 *
 * A missing Chromium is a failure with the fix in the message, never a skip:
 * a browser test that quietly does not run proves nothing.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { startServer, type RunningServer, type ServerOptions } from '../../emulator/server';

export const ROOT = resolve(__dirname, '..', '..');
/** Screenshots land here; git ignores it. */
export const RESULTS_DIR = join(ROOT, 'test-results');

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH, else Debian's package; throws a message that says how to get one. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `The browser tests need Chromium and found none at ${path}` +
        (process.env.CHROMIUM_PATH ? ' (from CHROMIUM_PATH)' : '') +
        '. Install it with "sudo apt-get install -y chromium" (as .ci/run does), ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return path;
}

export interface Session {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  /** Closes the browser and the server and removes every temporary folder. */
  close(): Promise<void>;
}

/** The emulator on a free port with a clean data folder, and a headless Chromium with a fresh profile. */
export async function openSession(
  opts: {
    viewport?: { width: number; height: number };
    locale?: string;
    /** The emulator's mail quota and clock speed (see ServerOptions). */
    server?: Pick<ServerOptions, 'mailQuota' | 'callCostMs'>;
  } = {},
): Promise<Session> {
  // The officer's own browser is en-GB (the sidebars' date inputs show day first); a test may choose another.
  const locale = opts.locale ?? 'en-GB';
  const executablePath = chromiumPath();
  // jest's globalSetup builds dist/ unless SKIP_BUILD is set; a lone run of one file still needs it.
  if (!existsSync(join(ROOT, 'dist', 'Code.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  }
  // A private copy of dist/: a build started elsewhere empties dist/ before it writes it again.
  const distDir = mkdtempSync(join(tmpdir(), 'prt-browser-dist-'));
  cpSync(join(ROOT, 'dist'), distDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'prt-browser-data-'));
  const profile = mkdtempSync(join(tmpdir(), 'prt-browser-profile-'));
  const cleanUp = (): void => {
    for (const dir of [distDir, dataDir, profile]) rmSync(dir, { recursive: true, force: true });
  };
  let server: RunningServer | undefined;
  try {
    server = await startServer({ port: 0, dataDir, distDir, quiet: true, ...opts.server });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...LAUNCH_ARGS, `--lang=${locale}`],
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      // The emulator page forbids scripts it did not serve; axe-core is injected, so the audit needs this.
      bypassCSP: true,
      locale,
      timezoneId: 'Europe/London',
    });
    context.setDefaultTimeout(10_000);
    const page = context.pages()[0] ?? (await context.newPage());
    const running = server;
    return {
      server: running,
      context,
      page,
      dataDir,
      close: async () => {
        await context.close().catch(() => undefined);
        await running.close();
        cleanUp();
      },
    };
  } catch (err) {
    await server?.close();
    cleanUp();
    throw err;
  }
}

/** Problems the page itself reports: uncaught errors and console errors. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await target.screenshot({ path });
  return path;
}

/** The side panel's frame, where the add-on's sidebars and dialogs open. */
export function sidebar(page: Page): FrameLocator {
  return page.frameLocator('#panel-frame');
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core's WCAG 2 A and AA rules on the page as it is now; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: unknown }> } })
      .axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations as AxeViolation[];
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation and element, readable in a failed expectation. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`),
  );
}

/** POSTs JSON to the emulator's HTTP API, as the emulator page does. */
export async function postApi(session: Session, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(new URL(path, session.server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Calls a global function of the bundle through the emulator, for set-up steps a test does not walk by hand. */
export async function runOnServer(session: Session, fn: string, ...args: unknown[]): Promise<Record<string, unknown>> {
  return (await postApi(session, '/api/run', { fn, args })) as Record<string, unknown>;
}
