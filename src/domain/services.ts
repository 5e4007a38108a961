/**
 * The `Services` sheet: the officer's research before the season, one row per
 * board, series and service. The officer types it by hand, so every cell is
 * read the way a person meant it ('£48.65', 'Review of marking', '24/09/2026')
 * and every row that cannot be used is reported, never silently dropped.
 *
 * A blank fee stays null: it means "not researched yet", not "free".
 */
import { parseUkOrIsoDate } from './calendar';
import { CATALOGUE, parseServiceCode } from './catalogue';
import { formatFee } from './formats';
import { LEVEL_NAMES, levelOf, levelsText, parseLevels } from './levels';
import {
  SERVICE_CODES,
  type Board,
  type IsoDate,
  type QualificationLevel,
  type ServiceCode,
  type ServiceRow,
} from './types';

export interface ServicesProblem {
  /** The sheet row (header is row 1). */
  row: number;
  message: string;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function text(v: unknown): string {
  if (isBlank(v)) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' ? v.trim() : '';
}

/** Case and spacing do not make a different board or series ('June  2026' is 'june 2026'). */
export function matchKey(s: string): string {
  return String(s ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** A fee as typed: 48.65, '48.65', '£48.65', '£1,048.00'. Undefined when it cannot be read. */
function readFee(v: unknown): number | null | undefined {
  if (isBlank(v)) return null;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v
    .trim()
    .replace(/^£\s*/, '')
    .replace(/,(?=\d{3}\b)/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined;
  return Number(s);
}

function readDays(v: unknown): number | null | undefined {
  if (isBlank(v)) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

function readDeadline(v: unknown): IsoDate | null | undefined {
  if (isBlank(v)) return null;
  return parseUkOrIsoDate(v) ?? undefined;
}

function describe(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v.trim()) : String(v);
}

/**
 * Rows as the sheet adapter reads them (keys `board`, `series`, `service`,
 * `level`, `fee`, `deadline`, `turnaroundDays`, `notes`; dates already ISO strings).
 * A record may carry its sheet row number as `row`; otherwise rows are taken
 * to start at row 2 with none skipped.
 *
 * A row without board, series or a known service is left out; a bad fee,
 * deadline or turnaround is reported and read as blank, so a paid service
 * with an unreadable fee is refused until the officer corrects it. A blank
 * Level serves every level; a row for named levels wins over it for those
 * levels. When a board, series and service appear twice for the same level,
 * the first row is used.
 */
export function parseServices(rows: ReadonlyArray<Record<string, unknown>>): {
  services: ServiceRow[];
  problems: ServicesProblem[];
} {
  const services: ServiceRow[] = [];
  const problems: ServicesProblem[] = [];
  const firstRow = new Map<string, number>();
  const forLevel = (l: QualificationLevel | '') => (l === '' ? '' : ` for ${LEVEL_NAMES[l]}`);

  (Array.isArray(rows) ? rows : []).forEach((raw, i) => {
    const record: Record<string, unknown> = raw !== null && typeof raw === 'object' ? raw : {};
    const row = typeof record.row === 'number' && Number.isInteger(record.row) ? record.row : i + 2;
    const say = (message: string) => problems.push({ row, message: `Row ${row}: ${message}` });

    const board = text(record.board);
    const series = text(record.series);
    const service = parseServiceCode(text(record.service));
    if (board === '') say('the Board is blank, so the row is not used.');
    if (series === '') say('the Series is blank, so the row is not used.');
    if (service === null) {
      say(
        isBlank(record.service)
          ? 'the Service is blank, so the row is not used.'
          : `${describe(record.service)} is not a service the add-on knows, so the row is not used. Use one of: ${SERVICE_CODES.join(', ')}.`,
      );
    }
    if (board === '' || series === '' || service === null) return;

    const parsedLevels = parseLevels(text(record.level));
    if (parsedLevels.unknown.length > 0) {
      say(
        `the Level ${describe(record.level)} is not one the add-on knows (${parsedLevels.unknown.map((u) => JSON.stringify(u)).join(', ')}), so the row is not used. Use ${Object.values(LEVEL_NAMES).join(', ')}, several separated by commas, or leave it blank for every level.`,
      );
      return;
    }
    const levels = parsedLevels.levels;
    const slots: Array<QualificationLevel | ''> = levels.length === 0 ? [''] : levels;
    const keys = slots.map((l) => ({
      level: l,
      key: [matchKey(board), matchKey(series), service, l].join('\u0000'),
    }));
    const clash = keys.find((k) => firstRow.has(k.key));
    if (clash !== undefined) {
      const earlier = firstRow.get(clash.key);
      say(
        `${board}, ${series}, ${CATALOGUE[service].name}${forLevel(clash.level)} is already on row ${earlier}; only row ${earlier} is used.`,
      );
      return;
    }
    keys.forEach((k) => firstRow.set(k.key, row));

    const fee = readFee(record.fee);
    if (fee === undefined) {
      say(`the Fee ${describe(record.fee)} is not an amount in pounds (like 48.65), so it is treated as blank.`);
    }
    const deadline = readDeadline(record.deadline);
    if (deadline === undefined) {
      say(`the Deadline ${describe(record.deadline)} is not a date (like 24/09/2026), so it is treated as blank.`);
    }
    const turnaroundDays = readDays(record.turnaroundDays);
    if (turnaroundDays === undefined) {
      say(
        `the Turnaround days ${describe(record.turnaroundDays)} is not a whole number of days, so it is treated as blank.`,
      );
    }
    services.push({
      board,
      series,
      service,
      levels,
      fee: fee ?? null,
      deadline: deadline ?? null,
      turnaroundDays: turnaroundDays ?? null,
      notes: text(record.notes),
    });
  });
  return { services, problems };
}

/**
 * Which Services row prices and dates a request. The row for the
 * qualification's level wins; a row with a blank Level serves any level it
 * does not name. When the qualification gives no level and the board prices
 * levels differently, there is no one answer (`ambiguous`); when the board's
 * rows name only other levels, the service is not listed for this level
 * (`notForLevel`).
 */
export type ServiceChoice<R extends PricedRow = ServiceRow> =
  | { kind: 'found'; row: R }
  | { kind: 'none' }
  | { kind: 'ambiguous'; rows: R[] }
  | { kind: 'notForLevel'; level: QualificationLevel; rows: R[] };

/** What choosing needs of a row: the sidebar's copies of the Services rows have it too. */
export type PricedRow = Pick<ServiceRow, 'board' | 'series' | 'service' | 'levels' | 'fee' | 'deadline'>;

export function chooseService<R extends PricedRow>(
  services: readonly R[],
  board: Board,
  series: string,
  code: ServiceCode,
  qualification = '',
): ServiceChoice<R> {
  const b = matchKey(board);
  const s = matchKey(series);
  const rows = services.filter((r) => r.service === code && matchKey(r.board) === b && matchKey(r.series) === s);
  return chooseForLevel(rows, levelOf(qualification));
}

/** chooseService among one board's rows for one series and service, for a level already worked out. */
export function chooseForLevel<R extends PricedRow>(
  rows: readonly R[],
  level: QualificationLevel | null,
): ServiceChoice<R> {
  if (rows.length === 0) return { kind: 'none' };
  const everyLevel = rows.find((r) => r.levels.length === 0);
  if (level !== null) {
    const exact = rows.find((r) => r.levels.includes(level));
    if (exact !== undefined) return { kind: 'found', row: exact };
    if (everyLevel !== undefined) return { kind: 'found', row: everyLevel };
    return { kind: 'notForLevel', level, rows: [...rows] };
  }
  const first = everyLevel ?? rows[0];
  const same = rows.every((r) => r.fee === first.fee && r.deadline === first.deadline);
  return same ? { kind: 'found', row: first } : { kind: 'ambiguous', rows: [...rows] };
}

/**
 * The row for a request, or null. Where the level is unknown and the rows
 * differ, the first row in the sheet is taken: callers that charge a fee use
 * chooseService and ask for the qualification instead.
 */
export function findService(
  services: readonly ServiceRow[],
  board: Board,
  series: string,
  code: ServiceCode,
  qualification = '',
): ServiceRow | null {
  const choice = chooseService(services, board, series, code, qualification);
  if (choice.kind === 'found') return choice.row;
  if (choice.kind === 'ambiguous') return choice.rows.find((r) => r.levels.length === 0) ?? choice.rows[0];
  return null;
}

/** "GCSE £42.00, AS/A level £48.65": the differences the officer must choose between. */
export function levelFees(rows: readonly PricedRow[]): string {
  return rows
    .map(
      (r) =>
        `${r.levels.length === 0 ? 'other levels' : levelsText(r.levels)} ${r.fee === null ? 'fee not known' : formatFee(r.fee)}`,
    )
    .join(', ');
}

function distinct(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = matchKey(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Boards in the order the officer listed them, each once, spelt as first written. */
export function boardsOffered(services: readonly ServiceRow[]): Board[] {
  return distinct(services.map((r) => r.board));
}

/** Series in the order listed, for one board or for all. */
export function seriesOffered(services: readonly ServiceRow[], board?: Board): string[] {
  const b = board === undefined ? null : matchKey(board);
  return distinct(services.filter((r) => b === null || matchKey(r.board) === b).map((r) => r.series));
}

/** The rows for one board and series, in the catalogue's order (the order of the sidebar's list). */
export function servicesOffered(services: readonly ServiceRow[], board: Board, series: string): ServiceRow[] {
  const b = matchKey(board);
  const s = matchKey(series);
  const rows = services.filter((r) => matchKey(r.board) === b && matchKey(r.series) === s);
  return SERVICE_CODES.map((code) => rows.find((r) => r.service === code)).filter(
    (r): r is ServiceRow => r !== undefined,
  );
}
