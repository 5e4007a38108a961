/**
 * `npm run bench`: how the BUILT add-on (dist/Code.js) would feel in Sheets.
 *
 * On Apps Script the cost of an operation is dominated by its service calls
 * (each one a round trip to Google's servers), then by CPU time. So each
 * operation runs on the in-memory stand-in against logs of 100 to 50,000 rows
 * and is measured three ways: the service calls the stand-in counted, the
 * median wall time in Node, and an Apps Script estimate built from both with
 * the per-call costs in COST (sources in docs/performance.md).
 *
 * Beside the add-on, bench/naive.ts does the same jobs the common per-cell way
 * on the same workbook, to show what batching buys.
 */
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  callAsTrigger,
  createGasEnvironment,
  type GasEnvironment,
  type SerializedWorkbook,
  type SpreadsheetAppService,
} from '../emulator/gas';
import { loadBundle, type BundleContext } from '../emulator/gas/loadBundle';
import { seasonRecords, seasonWorkbook } from './fixtures';
import { naiveDailyCheck, naiveSubmitRequest } from './naive';
import { timedBundle } from './timed';
import { reviewForm } from '../test/fixtures/forms';

/**
 * Per-call costs on Apps Script, in ms (see docs/performance.md for the
 * sources and why these values). Utilities, Session and Logger run inside the
 * script's own process and count as CPU time.
 */
export const COST = { spreadsheetMs: 50, mailSendMs: 500, otherServiceMs: 50 } as const;
const ROUND_TRIP_SERVICES = ['Lock', 'Properties', 'Script', 'Html'] as const;
/** Apps Script's limit on one execution, manual or trigger. */
const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export interface Row {
  operation: string;
  rows: string;
  runs: number;
  status: 'ok' | 'not built yet' | 'failed';
  note?: string;
  spreadsheetCalls?: number;
  mailCalls?: number;
  /** In-process services (Utilities, Session, Logger): not round trips, counted as CPU, shown because they can grow with rows. */
  utilitiesCalls?: number;
  /** Of mailCalls, the sendEmail calls (the rest, e.g. getRemainingDailyQuota, cost like any round trip). */
  mailSends?: number;
  otherCalls?: number;
  medianMs?: number;
  minMs?: number;
  estimateMs?: number;
  /** The busiest methods of the first run, to see where calls go. */
  topMethods?: Record<string, number>;
  /** The first run's answer, arrays shown by their length. */
  answer?: unknown;
}

interface Options {
  root: string;
  sizes: number[];
  runs: number;
  /**
   * Wall-clock budget of one measurement: an operation whose first run is slow
   * gets fewer runs (never fewer than 3), so the whole bench stays under 5
   * minutes on 2 cores. The runs actually made are in the table and the JSON.
   */
  budgetMs: number;
  out: string;
}

interface RunContext {
  dist: string;
  env: GasEnvironment;
  bundle: BundleContext;
  size: number;
  run: number;
}

interface Operation {
  name: string;
  /** The bundle's global function this measures; absent for the naive reference. */
  global?: string;
  /** Clock of the workbook it runs on. */
  now: string;
  /** Candidates sheet size. */
  candidates?: number;
  /** Fixed size instead of the log sizes (e.g. 1,000 reminder recipients). */
  fixedRows?: { requests: number; label: string };
  call(ctx: RunContext): unknown;
}

const SEASON_NOW = '2026-09-15T06:00:00Z';
const TODAY = SEASON_NOW.slice(0, 10);

/** A new request for a paper none of the fixture rows use, so it is never a duplicate. */
function newForm(run: number): Record<string, unknown> {
  return reviewForm({ subject: 'Physics', component: `7408/${run + 1}` });
}

const awaitingBySize = new Map<number, string[]>();

/** A request whose outcome is awaited (submitted and acknowledged): what recordOutcome is for. */
function awaitingOutcome(size: number, run: number): string {
  let waiting = awaitingBySize.get(size);
  if (!waiting) {
    waiting = seasonRecords(size, { today: TODAY })
      // A review of moderation's outcome is the board's decision on the sample, not a grade: another form.
      .filter((r) => r.Status === 'Acknowledged' && r.Service !== 'review-of-moderation')
      .map((r) => String(r['Request ID']));
    awaitingBySize.set(size, waiting);
  }
  if (waiting.length === 0) throw new Error(`No acknowledged request among ${size} rows`);
  return waiting[run % waiting.length];
}

const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

function scriptRun(ctx: RunContext, name: string, ...args: unknown[]): unknown {
  const fn = ctx.bundle[name];
  return json(fn(...(json(args) as unknown[])));
}

const OPERATIONS: Operation[] = [
  {
    name: 'submitRequest',
    global: 'submitRequest',
    now: SEASON_NOW,
    call: (ctx) => scriptRun(ctx, 'submitRequest', newForm(ctx.run)),
  },
  {
    name: 'submitRequest (naive reference)',
    now: SEASON_NOW,
    call: (ctx) => ({
      ok: true,
      requestId: naiveSubmitRequest(
        ctx.env.globals.SpreadsheetApp as SpreadsheetAppService,
        newForm(ctx.run) as Record<string, string | boolean>,
        TODAY,
      ),
    }),
  },
  {
    name: 'recordOutcome',
    global: 'recordOutcome',
    now: SEASON_NOW,
    call: (ctx) =>
      scriptRun(ctx, 'recordOutcome', awaitingOutcome(ctx.size, ctx.run), {
        receivedOn: TODAY,
        newMark: '64',
        newGrade: 'A',
        scriptLink: '',
      }),
  },
  {
    name: 'runDailyCheck',
    global: 'runDailyCheck',
    now: SEASON_NOW,
    call: (ctx) => json(callAsTrigger(ctx.env, ctx.bundle, 'runDailyCheck', { triggerUid: 'bench' })),
  },
  {
    name: 'runDailyCheck (naive reference)',
    now: SEASON_NOW,
    call: (ctx) => ({
      ok: true,
      flagged: naiveDailyCheck(ctx.env.globals.SpreadsheetApp as SpreadsheetAppService, TODAY),
    }),
  },
  {
    name: 'refreshSltDashboard',
    global: 'refreshSltDashboard',
    now: SEASON_NOW,
    call: (ctx) => scriptRun(ctx, 'refreshSltDashboard'),
  },
  {
    name: 'sendResultsDayReminders',
    global: 'sendResultsDayReminders',
    // The week before GCSE results day, when the reminder goes out.
    now: '2026-08-17T07:00:00Z',
    candidates: 1000,
    fixedRows: { requests: 0, label: '1,000 candidates' },
    call: (ctx) => scriptRun(ctx, 'sendResultsDayReminders', { dryRun: false }),
  },
  {
    // The same run with the virtual clock moving by each call's Apps Script cost: what one execution gets
    // through before the mailer's time budget stops it and queues the rest for the daily trigger.
    name: 'sendResultsDayReminders (clock at Apps Script speed)',
    global: 'sendResultsDayReminders',
    now: '2026-08-17T07:00:00Z',
    candidates: 1000,
    fixedRows: { requests: 0, label: '1,000 candidates' },
    call: (ctx) => {
      const bundle = timedBundle(ctx.dist, ctx.env, (service, method) =>
        service === 'Mail' && method === 'sendEmail' ? COST.mailSendMs : COST.spreadsheetMs,
      );
      return scriptRun({ ...ctx, bundle }, 'sendResultsDayReminders', { dryRun: false });
    },
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function htmlFiles(dist: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(dist).filter((f) => f.endsWith('.html'))) {
    files[f.slice(0, -5)] = readFileSync(join(dist, f), 'utf8');
  }
  return files;
}

function countsOf(env: GasEnvironment): {
  spreadsheet: number;
  mail: number;
  sends: number;
  other: number;
  utilities: number;
} {
  const other = ROUND_TRIP_SERVICES.reduce((sum, s) => sum + env.calls.total(s), 0);
  return {
    spreadsheet: env.calls.total('Spreadsheet'),
    mail: env.calls.total('Mail'),
    sends: env.calls.byMethod()['Mail.MailApp.sendEmail'] ?? 0,
    other,
    utilities: env.calls.total('Utilities') + env.calls.total('Session') + env.calls.total('Logger'),
  };
}

/** An answer made small for the JSON: arrays become their length, long strings are cut. */
function summary(x: unknown, depth = 0): unknown {
  if (Array.isArray(x)) return `[${x.length}]`;
  if (typeof x === 'string') return x.length > 120 ? `${x.slice(0, 120)}…` : x;
  if (x && typeof x === 'object' && depth < 2) {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, summary(v, depth + 1)]));
  }
  return x;
}

function topMethods(env: GasEnvironment, n = 6): Record<string, number> {
  return Object.fromEntries(
    Object.entries(env.calls.byMethod())
      .sort(([, a], [, b]) => b - a)
      .slice(0, n),
  );
}

function answerError(result: unknown): string | null {
  if (result && typeof result === 'object' && (result as { ok?: unknown }).ok === false) {
    const errors = (result as { errors?: { field: string; message: string }[] }).errors ?? [];
    return errors.map((e) => `${e.field}: ${e.message}`).join(' | ') || 'ok: false';
  }
  return null;
}

function measure(
  dist: string,
  op: Operation,
  size: number,
  label: string,
  workbook: SerializedWorkbook,
  opts: Options,
  html: Record<string, string>,
): Row {
  let runs = opts.runs;
  const times: number[] = [];
  let first: Row | null = null;
  for (let run = 0; run < runs; run++) {
    // Every run starts from the same workbook, so runs are alike and the first is not special.
    const env = createGasEnvironment({ workbook, htmlFiles: html, mailQuota: 1500 });
    const bundle = loadBundle(dist, env);
    if (op.global && typeof bundle[op.global] !== 'function') {
      return { operation: op.name, rows: label, runs: 0, status: 'not built yet' };
    }
    env.calls.reset();
    const t0 = performance.now();
    let result: unknown;
    try {
      result = op.call({ dist, env, bundle, size, run });
    } catch (err) {
      return { operation: op.name, rows: label, runs: run, status: 'failed', note: String(err) };
    }
    times.push(performance.now() - t0);
    if (run === 0) runs = Math.min(opts.runs, Math.max(3, Math.floor(opts.budgetMs / Math.max(1, times[0]))));
    const error = answerError(result);
    if (error) return { operation: op.name, rows: label, runs: run, status: 'failed', note: error.slice(0, 300) };
    if (first === null) {
      const c = countsOf(env);
      first = {
        operation: op.name,
        rows: label,
        runs,
        status: 'ok',
        spreadsheetCalls: c.spreadsheet,
        mailCalls: c.mail,
        mailSends: c.sends,
        otherCalls: c.other,
        utilitiesCalls: c.utilities,
        topMethods: topMethods(env),
        answer: summary(result),
      };
    }
  }
  const row = first as Row;
  row.runs = times.length;
  row.medianMs = Math.round(median(times) * 10) / 10;
  row.minMs = Math.round(Math.min(...times) * 10) / 10;
  row.estimateMs = Math.round(
    (row.spreadsheetCalls ?? 0) * COST.spreadsheetMs +
      (row.mailSends ?? 0) * COST.mailSendMs +
      ((row.mailCalls ?? 0) - (row.mailSends ?? 0) + (row.otherCalls ?? 0)) * COST.otherServiceMs +
      row.medianMs,
  );
  return row;
}

function fmt(n: number | undefined): string {
  return n === undefined ? '' : n.toLocaleString('en-GB');
}

function seconds(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms >= 100000 ? `${Math.round(ms / 1000).toLocaleString('en-GB')} s` : `${(ms / 1000).toFixed(2)} s`;
}

export function markdownTable(rows: Row[]): string {
  const lines = [
    '| operation | rows | Spreadsheet calls | Mail calls (sent) | other round trips | Utilities calls | median in Node (runs) | Apps Script estimate |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    if (r.status !== 'ok') {
      lines.push(`| ${r.operation} | ${r.rows} | ${r.status}${r.note ? `: ${r.note}` : ''} | | | | | |`);
      continue;
    }
    const over = (r.estimateMs ?? 0) > EXECUTION_LIMIT_MS ? ' (over the 6-min limit)' : '';
    lines.push(
      `| ${r.operation} | ${r.rows} | ${fmt(r.spreadsheetCalls)} | ${fmt(r.mailCalls)} (${fmt(r.mailSends)}) | ${fmt(r.otherCalls)} | ${fmt(r.utilitiesCalls)} | ` +
        `${r.medianMs?.toFixed(1)} ms (${r.runs}) | ${seconds(r.estimateMs)}${over} |`,
    );
  }
  return lines.join('\n');
}

interface Ratio {
  operation: string;
  rows: string;
  addOnCalls: number;
  naiveCalls: number;
  callRatio: number;
  estimateRatio: number;
}

function ratios(rows: Row[]): Ratio[] {
  const out: Ratio[] = [];
  for (const naive of rows.filter((r) => r.operation.endsWith('(naive reference)') && r.status === 'ok')) {
    const name = naive.operation.replace(' (naive reference)', '');
    const addOn = rows.find((r) => r.operation === name && r.rows === naive.rows && r.status === 'ok');
    if (!addOn) continue;
    const calls = (r: Row) => (r.spreadsheetCalls ?? 0) + (r.mailCalls ?? 0) + (r.otherCalls ?? 0);
    out.push({
      operation: name,
      rows: naive.rows,
      addOnCalls: calls(addOn),
      naiveCalls: calls(naive),
      callRatio: Math.round((calls(naive) / Math.max(1, calls(addOn))) * 10) / 10,
      estimateRatio: Math.round(((naive.estimateMs ?? 0) / Math.max(1, addOn.estimateMs ?? 1)) * 10) / 10,
    });
  }
  return out;
}

function ratioTable(list: Ratio[]): string {
  const lines = [
    '| operation | rows | add-on calls | naive calls | naive / add-on (calls) | naive / add-on (estimate) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of list) {
    lines.push(
      `| ${r.operation} | ${r.rows} | ${fmt(r.addOnCalls)} | ${fmt(r.naiveCalls)} | ${fmt(r.callRatio)}× | ${fmt(r.estimateRatio)}× |`,
    );
  }
  return lines.join('\n');
}

function bundleSizes(dist: string): { file: string; bytes: number; gzipBytes: number }[] {
  return readdirSync(dist)
    .filter((f) => f.endsWith('.html') || f === 'Code.js')
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(dist, f));
      return { file: `dist/${f}`, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
    });
}

function parseArgs(argv: string[], root: string): Options {
  const opts: Options = {
    root,
    sizes: [100, 1000, 10000, 50000],
    runs: 5,
    budgetMs: 8000,
    out: join(root, 'bench', 'results', 'results.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.sizes = [100, 1000];
    else if (a === '--sizes') opts.sizes = argv[++i].split(',').map(Number);
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--out') opts.out = argv[++i];
  }
  if (opts.runs < 1 || opts.sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('bad --runs or --sizes');
  return opts;
}

/**
 * `dist` is the bundle run.mjs built and copied aside, so another `npm test` rebuilding dist/ in the same
 * working tree meanwhile cannot pull it from under a measurement.
 */
export async function main(argv: string[], root: string, dist: string): Promise<void> {
  const opts = parseArgs(argv, root);
  const html = htmlFiles(dist);
  const started = performance.now();
  const results: Row[] = [];
  const workbooks = new Map<string, SerializedWorkbook>();
  const workbookFor = (now: string, requests: number, candidates: number) => {
    const key = `${now}|${requests}|${candidates}`;
    let wb = workbooks.get(key);
    if (!wb) {
      wb = seasonWorkbook(dist, { now, requests, candidates, htmlFiles: html });
      workbooks.set(key, wb);
    }
    return wb;
  };

  for (const size of opts.sizes) {
    for (const op of OPERATIONS.filter((o) => !o.fixedRows)) {
      const t = performance.now();
      const row = measure(dist, op, size, fmt(size), workbookFor(op.now, size, op.candidates ?? 0), opts, html);
      results.push(row);
      process.stdout.write(
        `  ${op.name} @ ${fmt(size)}: ${row.status}${row.status === 'ok' ? `, ${row.spreadsheetCalls} Spreadsheet calls` : ''} (${((performance.now() - t) / 1000).toFixed(1)} s)\n`,
      );
    }
    // Free the big snapshots before the next size.
    workbooks.clear();
  }
  for (const op of OPERATIONS.filter((o) => o.fixedRows)) {
    const fixed = op.fixedRows as { requests: number; label: string };
    const row = measure(
      dist,
      op,
      fixed.requests,
      fixed.label,
      workbookFor(op.now, fixed.requests, op.candidates ?? 0),
      opts,
      html,
    );
    results.push(row);
    process.stdout.write(`  ${op.name} @ ${fixed.label}: ${row.status}\n`);
  }

  const sizes = bundleSizes(dist);
  const ratioList = ratios(results);
  const report = {
    generated: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${platform()} ${release()}`,
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
    },
    costModel: { ...COST, roundTripServices: ROUND_TRIP_SERVICES, cpu: 'median wall time in Node' },
    sizes: opts.sizes,
    runs: { wanted: opts.runs, budgetMsPerMeasurement: opts.budgetMs, minimum: 3 },
    results,
    naiveRatios: ratioList,
    bundle: sizes,
    benchSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  mkdirSync(join(opts.out, '..'), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);

  console.log('\nService calls and time per operation (built bundle on the in-memory stand-in)\n');
  console.log(markdownTable(results));
  console.log('\nThe add-on against the naive per-cell reference, same workbook\n');
  console.log(ratioTable(ratioList));
  console.log('\nBundle sizes\n');
  console.log('| file | bytes | gzip |\n| --- | ---: | ---: |');
  for (const s of sizes) console.log(`| ${s.file} | ${fmt(s.bytes)} | ${fmt(s.gzipBytes)} |`);
  console.log(
    `\nEstimate = Spreadsheet calls × ${COST.spreadsheetMs} ms + emails sent × ${COST.mailSendMs} ms + other round trips (Lock, Properties, Script, Html, other MailApp) × ${COST.otherServiceMs} ms + Node median (CPU).`,
  );
  console.log(`Results: ${opts.out} (bench took ${report.benchSeconds} s)`);
}
