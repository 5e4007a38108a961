/**
 * Many officers' browsers (or one impatient one) at once: parallel calls to
 * the HTTP endpoint all land, with distinct request IDs, and the workbook on
 * disk is always whole, even when the process is killed mid-burst.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { startServer, type RunningServer } from '../../emulator/server';

const ROOT = resolve(__dirname, '..', '..');
const SEASON_DAY = '2026-08-20';

let distDir: string;
let dataDir: string;
let running: RunningServer | undefined;

beforeAll(() => {
  // A private copy: another run's build empties dist/ before it writes it again (jest's globalSetup built it).
  distDir = mkdtempSync(join(tmpdir(), 'prt-dist-'));
  cpSync(join(ROOT, 'dist'), distDir, { recursive: true });
});

afterAll(() => rmSync(distDir, { recursive: true, force: true }));

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'prt-burst-'));
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** A valid review of marking for DEMO Ahmed, on its own paper so none is a duplicate of another. */
function reviewForm(i: number): Record<string, unknown> {
  return {
    candidateNumber: '0042',
    surname: 'DEMO Ahmed',
    forename: 'Aisha',
    email: 'aisha.ahmed@students.demo.invalid',
    uci: '',
    board: 'AQA',
    qualification: 'GCE A level',
    subject: 'Chemistry',
    component: `7405/${i + 1}`,
    series: 'June 2026',
    service: 'review-of-marking',
    requestedBy: 'candidate',
    teacherEmail: '',
    consent: true,
    consentDate: SEASON_DAY,
    paid: 'yes',
    resultsIssued: '2026-08-13',
    originalMark: '61',
    originalGrade: 'B',
    relatedRequestId: '',
    reason: '',
    indicator: '',
    lateReason: '',
    notes: '',
  };
}

async function post(base: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** Request IDs in the saved workbook's Requests sheet, read from the file as a restart would. */
async function idsAfterRestart(): Promise<string[]> {
  await running?.close();
  running = await startServer({ port: 0, dataDir, distDir, quiet: true });
  const sheet = running.emulator.env.spreadsheet.getSheetByName('Requests')!;
  const rows = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getDisplayValues();
  const col = rows[0].indexOf('Request ID');
  return rows.slice(1).map((r) => r[col]);
}

describe('a burst of calls at the emulator', () => {
  it('lands 50 parallel submitRequest calls as 50 rows with 50 distinct IDs, and a whole workbook file', async () => {
    running = await startServer({ port: 0, dataDir, distDir, quiet: true });
    await post(running.url, '/api/clock', { today: SEASON_DAY });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(running!.url, '/api/run', { fn: 'submitRequest', args: [reviewForm(i)] }),
      ),
    );
    const results = answers.map((a) => a.result as { ok: boolean; requestId?: string; errors?: unknown });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const ids = results.map((r) => r.requestId);
    expect(new Set(ids).size).toBe(50);

    expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(() => JSON.parse(readFileSync(join(dataDir, 'workbook.json'), 'utf8'))).not.toThrow();
    const saved = await idsAfterRestart();
    expect(saved).toHaveLength(50);
    expect([...saved].sort()).toEqual([...ids].sort());
  });

  it('keeps every answered call and a readable workbook when the process is killed mid-burst', async () => {
    // The server as `npm start` runs it, in its own process, so it can be killed with SIGKILL.
    const entry = join(ROOT, '.build', `burst-server-${process.pid}.cjs`);
    await esbuild.build({
      stdin: {
        contents: `require('./emulator/server').startServer({ port: 0, quiet: true, dataDir: process.argv[2], distDir: process.argv[3] })
          .then((r) => console.log('URL ' + r.url));`,
        resolveDir: ROOT,
        loader: 'js',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['gas-local', 'esbuild'],
      outfile: entry,
      logLevel: 'warning',
    });
    let child: ChildProcess | undefined;
    try {
      child = spawn(process.execPath, [entry, dataDir, distDir], { stdio: ['ignore', 'pipe', 'inherit'] });
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child!.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /URL (\S+)/.exec(out);
          if (m) done(m[1]);
        });
        child!.once('exit', (code) => fail(new Error(`the emulator exited with ${code} before listening`)));
      });
      await post(url, '/api/clock', { today: SEASON_DAY });

      const answered: string[] = [];
      let killed = false;
      const calls = Array.from({ length: 50 }, (_, i) =>
        post(url, '/api/run', { fn: 'submitRequest', args: [reviewForm(i)] })
          .then((a) => {
            const r = a.result as { ok: boolean; requestId: string };
            expect(r.ok).toBe(true);
            answered.push(r.requestId);
            // Killed while later calls are still being written.
            if (answered.length === 20 && !killed) {
              killed = true;
              child!.kill('SIGKILL');
            }
          })
          .catch(() => undefined),
      );
      await Promise.all(calls);
      await new Promise<void>((done) =>
        child!.exitCode !== null || child!.signalCode ? done() : child!.once('exit', () => done()),
      );
      expect(child.signalCode).toBe('SIGKILL');
      expect(answered.length).toBeGreaterThanOrEqual(20);
      expect(answered.length).toBeLessThan(50);

      // The file parses, and holds every call that was answered: each was saved before its answer went out.
      expect(() => JSON.parse(readFileSync(join(dataDir, 'workbook.json'), 'utf8'))).not.toThrow();
      const saved = await idsAfterRestart();
      expect(saved).toEqual(expect.arrayContaining(answered));
      expect(new Set(saved).size).toBe(saved.length);
      // A .tmp left by the kill is harmless: the next save replaces it, and the restart read the real file.
      await post(running!.url, '/api/run', { fn: 'setUp', args: [] });
      expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      if (child && child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
      if (existsSync(entry)) rmSync(entry, { force: true });
    }
  });
});
