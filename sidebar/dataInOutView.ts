/**
 * What the data-in-and-out pages show, as plain functions of the server's
 * answers (so they are tested without a browser). Answers arrive as
 * `unknown` and are read by shape: anything unreadable becomes a plain
 * message rather than a broken page. Every text here is shown with
 * textContent, never as HTML.
 */
import { formatMoney } from '../src/domain/formats';

export type Read<T> = { ok: true; value: T } | { ok: false; messages: string[] };

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const UNREADABLE = 'The add-on sent an answer this page cannot read. Close it, open it again and retry.';

/** The server's own messages for a refusal (`{ ok: false, errors }`), or a plain one. */
export function refusal(answer: unknown): string[] {
  if (isObject(answer) && Array.isArray(answer.errors)) {
    const messages = answer.errors
      .map((e) => (isObject(e) && typeof e.message === 'string' ? e.message : ''))
      .filter((m) => m !== '');
    if (messages.length) return messages;
  }
  return [UNREADABLE];
}

function num(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}

function str(x: unknown): string {
  return typeof x === 'string' ? x : x === null || x === undefined ? '' : String(x);
}

function lineNotes(x: unknown): { line: number; reason: string }[] {
  return Array.isArray(x) ? x.filter(isObject).map((n) => ({ line: num(n.line), reason: str(n.reason) })) : [];
}

/** A failure handler's error, read by shape. */
export function failureText(error: unknown): string {
  const text =
    typeof error === 'string'
      ? error
      : isObject(error) && typeof error.message === 'string'
        ? error.message
        : 'no reason given';
  return `The add-on could not be reached (${text.trim() || 'no reason given'}). Nothing was changed; try again.`;
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

export interface ImportResult {
  dryRun: boolean;
  added: number;
  updated: number;
  unchanged: number;
  refused: { line: number; reason: string }[];
  warnings: { line: number; reason: string }[];
  unmatched: string[];
  columns: { header: string; column: string }[];
}

export function readImport(answer: unknown): Read<ImportResult> {
  if (!isObject(answer)) return { ok: false, messages: [UNREADABLE] };
  if (answer.ok !== true) return { ok: false, messages: refusal(answer) };
  return {
    ok: true,
    value: {
      dryRun: answer.dryRun === true,
      added: num(answer.added),
      updated: num(answer.updated),
      unchanged: num(answer.unchanged),
      refused: lineNotes(answer.refused),
      warnings: lineNotes(answer.warnings),
      unmatched: Array.isArray(answer.unmatched) ? answer.unmatched.map(str) : [],
      columns: Array.isArray(answer.columns)
        ? answer.columns.filter(isObject).map((c) => ({ header: str(c.header), column: str(c.column) }))
        : [],
    },
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The headline of a preview or of a finished import. */
export function importHeadline(r: ImportResult): string {
  const counts = `${plural(r.added, 'new candidate')}, ${r.updated} updated, ${r.unchanged} unchanged, ${plural(r.refused.length, 'row')} refused`;
  if (r.dryRun) {
    return r.added + r.updated === 0
      ? `Nothing to import: ${counts}.`
      : `Preview: ${counts}. Nothing is saved until you press Import.`;
  }
  return `Imported: ${counts}.`;
}

export function lineText(n: { line: number; reason: string }): string {
  return `Line ${n.line}: ${n.reason}`;
}

/** Files from the MIS are UTF-8 or, from older Windows exports, Windows-1252: a UTF-8 read full of � is the second. */
export function looksMisdecoded(text: string): boolean {
  return text.includes('\uFFFD');
}

// ---------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------

export interface ListResult {
  rows: Record<string, string | number>[];
  csv: string;
  fileName: string;
  sheet: string;
  total: number | null;
}

export function readList(answer: unknown): Read<ListResult> {
  if (!isObject(answer)) return { ok: false, messages: [UNREADABLE] };
  if (answer.ok !== true) return { ok: false, messages: refusal(answer) };
  if (!Array.isArray(answer.rows) || typeof answer.csv !== 'string') return { ok: false, messages: [UNREADABLE] };
  return {
    ok: true,
    value: {
      rows: answer.rows.filter(isObject) as Record<string, string | number>[],
      csv: answer.csv,
      fileName: str(answer.fileName) || 'list.csv',
      sheet: str(answer.sheet),
      total: typeof answer.total === 'number' ? answer.total : null,
    },
  };
}

/** One line per row of a list, for a 300-pixel sidebar. */
export function listRowText(row: Record<string, string | number>): string {
  const name = `${str(row.Surname)}, ${str(row.Forename)} (${str(row['Candidate number'])})`;
  const paper = [row.Subject, row.Component].map(str).filter(Boolean).join(' ');
  if ('New grade' in row) return `${name}: ${paper} ${str(row['Original grade'])} → ${str(row['New grade'])}`;
  if ('Amount' in row)
    return `${name}: ${formatMoney(num(row.Amount))} to ${str(row['Paid by']).toLowerCase()}, ${paper}`;
  const deadline = str(row.Deadline) ? `, deadline ${str(row.Deadline)}` : '';
  return `${name}: ${str(row.Service)}, ${paper}${deadline}`;
}

export function listHeadline(kind: 'mis' | 'board' | 'refunds', r: ListResult, board = ''): string {
  const n = r.rows.length;
  if (kind === 'mis')
    return n ? `${plural(n, 'grade change')} to enter in the MIS.` : 'No grade change is waiting for the MIS.';
  if (kind === 'refunds') {
    return n ? `${plural(n, 'refund')} due, ${formatMoney(r.total ?? 0)} in all.` : 'No refund is due.';
  }
  return n ? `${plural(n, 'request')} to enter on the ${board} site.` : `Nothing is waiting to go to ${board}.`;
}

/** A link target that downloads `text` as a file (a data: URL needs no object URL to revoke). */
export function downloadHref(text: string, type: string): string {
  return `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
}

// ---------------------------------------------------------------------------
// Subject access
// ---------------------------------------------------------------------------

type JsonRow = Record<string, string | number | boolean>;

export interface SubjectAccessResult {
  candidateNumber: string;
  candidate: JsonRow | null;
  candidateRows: JsonRow[];
  requests: JsonRow[];
  correspondence: JsonRow[];
  otherSheets: { sheet: string; rows: JsonRow[] }[];
  formResponses: JsonRow[];
}

export function readSubjectAccess(answer: unknown): Read<SubjectAccessResult> {
  if (!isObject(answer)) return { ok: false, messages: [UNREADABLE] };
  if (answer.ok !== true) return { ok: false, messages: refusal(answer) };
  const rows = (x: unknown) => (Array.isArray(x) ? (x.filter(isObject) as JsonRow[]) : []);
  return {
    ok: true,
    value: {
      candidateNumber: str(answer.candidateNumber),
      candidate: isObject(answer.candidate) ? (answer.candidate as JsonRow) : null,
      candidateRows: rows(answer.candidateRows),
      requests: rows(answer.requests),
      correspondence: rows(answer.correspondence),
      otherSheets: Array.isArray(answer.otherSheets)
        ? answer.otherSheets.filter(isObject).map((s) => ({ sheet: str(s.sheet), rows: rows(s.rows) }))
        : [],
      formResponses: rows(answer.formResponses),
    },
  };
}

export function subjectAccessHeadline(r: SubjectAccessResult): string {
  const copies = r.otherSheets.reduce((n, s) => n + s.rows.length, 0);
  const parts = [
    r.candidateRows.length ? 'a row in Candidates' : 'no row in Candidates',
    plural(r.requests.length, 'request'),
    plural(r.correspondence.length, 'email'),
  ];
  if (r.formResponses.length) parts.push(plural(r.formResponses.length, 'online application'));
  if (copies) parts.push(`${plural(copies, 'row')} in list tabs`);
  return `Candidate ${r.candidateNumber}: ${parts.join(', ')}.`;
}

// ---------------------------------------------------------------------------
// Closing the season
// ---------------------------------------------------------------------------

export interface CloseSeasonResult {
  dryRun: boolean;
  retentionMonths: number;
  retentionDate: string;
  removed: Record<string, number>;
  requests: { sheet: string; requestId: string; countedFrom: string }[];
  listTabs: string[];
  kept: Record<string, number>;
  archived: { requests: number; feesPaid: number; refundsIssued: number };
  warnings: string[];
}

export function readCloseSeason(answer: unknown): Read<CloseSeasonResult> {
  if (!isObject(answer)) return { ok: false, messages: [UNREADABLE] };
  if (answer.ok !== true) return { ok: false, messages: refusal(answer) };
  const counts = (x: unknown): Record<string, number> =>
    isObject(x) ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, num(v)])) : {};
  const archived = isObject(answer.archived) ? answer.archived : {};
  return {
    ok: true,
    value: {
      dryRun: answer.dryRun === true,
      retentionMonths: num(answer.retentionMonths),
      retentionDate: str(answer.retentionDate),
      removed: counts(answer.removed),
      requests: Array.isArray(answer.requests)
        ? answer.requests
            .filter(isObject)
            .map((r) => ({ sheet: str(r.sheet), requestId: str(r.requestId), countedFrom: str(r.countedFrom) }))
        : [],
      listTabs: Array.isArray(answer.listTabs) ? answer.listTabs.map(str) : [],
      kept: counts(answer.kept),
      archived: {
        requests: num(archived.requests),
        feesPaid: num(archived.feesPaid),
        refundsIssued: num(archived.refundsIssued),
      },
      warnings: Array.isArray(answer.warnings) ? answer.warnings.map(str) : [],
    },
  };
}

/** Per sheet, what goes (or went): 'Requests: 3 rows'. */
export function removalLines(r: CloseSeasonResult): string[] {
  return Object.entries(r.removed)
    .filter(([sheet, n]) => n > 0 || r.listTabs.includes(sheet))
    .map(([sheet, n]) =>
      r.listTabs.includes(sheet) ? `The list tab "${sheet}" (${plural(n, 'row')})` : `${sheet}: ${plural(n, 'row')}`,
    );
}

export function keptLine(r: CloseSeasonResult): string {
  const k = r.kept;
  return (
    `Kept: ${num(k.open)} still open, ${num(k['follow-up'])} with a refund, MIS update or Statement of Results still to do, ` +
    `${num(k.recent)} not yet ${r.retentionMonths} months old` +
    (num(k.undated) ? `, ${num(k.undated)} with no date to count from (check them by hand)` : '') +
    '.'
  );
}

export function closeHeadline(r: CloseSeasonResult): string {
  const total = Object.values(r.removed).reduce((a, b) => a + b, 0);
  if (r.dryRun) {
    return total === 0
      ? `Nothing is older than ${r.retentionDate} (${r.retentionMonths} months ago): nothing would be deleted.`
      : `Personal data counted from before ${r.retentionDate} (${r.retentionMonths} months ago) will be deleted:`;
  }
  return `Season closed: ${plural(r.archived.requests, 'request')} archived as totals and deleted.`;
}
