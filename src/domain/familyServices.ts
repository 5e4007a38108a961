/**
 * The services a family reads about on results day: the `{{servicesTable}}`
 * of the reminder, the letter and the application information. Families act
 * on every line, so a line is there only when it is true for them today: a
 * service whose deadline has passed is left out, a candidate whose levels are
 * known sees the fee and deadline for those levels only, and a service whose
 * fee or deadline the officer has not yet confirmed is left out with a line
 * to ask the exams office (the officer is told which before sending).
 */
import { formatFee, formatLongDate } from './formats';
import { CATALOGUE } from './catalogue';
import { LEVEL_NAMES, levelOf, levelsText, listParts } from './levels';
import { chooseForLevel, matchKey, type ServiceChoice } from './services';
import {
  SERVICE_CODES,
  type Board,
  type IsoDate,
  type QualificationLevel,
  type ServiceCode,
  type ServiceRow,
} from './types';

/**
 * Services a candidate can ask for. Moderation is the centre's (not one
 * candidate's), and missing results and late certification are the office's
 * own corrections, so they are not offered in a reminder.
 */
export const CANDIDATE_SERVICES: readonly ServiceCode[] = SERVICE_CODES.filter(
  (c) => c !== 'review-of-moderation' && c !== 'mir' && c !== 'late-certification' && c !== 'appeal-hearing',
);

export const ASK_THE_OFFICE =
  'Some services are not listed yet because their fee or deadline is still to be confirmed by the board: ask the exams office about them.';

export interface FamilyServicesOptions {
  /** Only these boards. */
  boards?: readonly Board[];
  /** The candidate's levels, where known: only the rows that price and date them. Empty: every row. */
  levels?: readonly QualificationLevel[];
  /** The day it is sent: a service whose deadline is before it is left out. */
  today?: IsoDate;
}

/** The levels in a Candidates Qualification cell ("GCE A level; GCSE"); none when it names none the add-on knows. */
export function candidateLevels(qualification: string): QualificationLevel[] {
  const levels: QualificationLevel[] = [];
  for (const part of listParts(qualification)) {
    const level = levelOf(part);
    if (level !== null && !levels.includes(level)) levels.push(level);
  }
  return levels;
}

/** A paid service with no fee, or a deadline-bound service with no deadline: not yet confirmed. */
export function isUnconfirmed(row: ServiceRow): boolean {
  const info = CATALOGUE[row.service];
  return (row.fee === null && info.charging === 'paid') || (row.deadline === null && !info.deadlineFromOutcome);
}

/** The rows families may read, and the ones left out for want of a confirmed fee or deadline. */
function servesLevel(row: ServiceRow, choice: ServiceChoice): boolean {
  return choice.kind === 'found' && choice.row === row;
}

export function familyServices(
  services: readonly ServiceRow[],
  options: FamilyServicesOptions = {},
): { rows: ServiceRow[]; unconfirmed: ServiceRow[] } {
  const wanted = options.boards === undefined ? null : new Set(options.boards.map(matchKey));
  const levels = options.levels ?? [];
  const rows: ServiceRow[] = [];
  const unconfirmed: ServiceRow[] = [];
  for (const row of services) {
    if (!CANDIDATE_SERVICES.includes(row.service)) continue;
    if (wanted !== null && !wanted.has(matchKey(row.board))) continue;
    if (levels.length > 0) {
      const siblings = services.filter(
        (s) =>
          s.service === row.service &&
          matchKey(s.board) === matchKey(row.board) &&
          matchKey(s.series) === matchKey(row.series),
      );
      if (!levels.some((l) => servesLevel(row, chooseForLevel(siblings, l)))) continue;
    }
    if (options.today !== undefined && row.deadline !== null && row.deadline < options.today) continue;
    (isUnconfirmed(row) ? unconfirmed : rows).push(row);
  }
  return { rows, unconfirmed };
}

function feeText(row: ServiceRow): string {
  return row.fee === null || row.fee === 0 ? 'free' : formatFee(row.fee);
}

function deadlineText(row: ServiceRow): string {
  if (row.deadline !== null) return `apply by ${formatLongDate(row.deadline)}`;
  return "only after a review: ask as soon as you have the review's outcome";
}

function levelLabel(row: ServiceRow): string {
  return row.levels.length === 0 ? 'other levels' : levelsText(row.levels);
}

/** The officer's list of what was left out: "OCR, June 2026, Review of marking (GCSE): fee not confirmed". */
export function unconfirmedLines(rows: readonly ServiceRow[]): string[] {
  return rows.map((r) => {
    const missing = [
      r.fee === null && CATALOGUE[r.service].charging === 'paid' ? 'fee' : '',
      r.deadline === null && !CATALOGUE[r.service].deadlineFromOutcome ? 'deadline' : '',
    ].filter((m) => m !== '');
    const level = r.levels.length === 0 ? '' : ` (${levelsText(r.levels)})`;
    return `${r.board}, ${r.series}, ${CATALOGUE[r.service].name}${level}: ${missing.join(' and ')} not confirmed`;
  });
}

/**
 * The `{{servicesTable}}` value: for each board (and series) in the order of
 * the `Services` sheet, a heading line and one "- " line per service, with its
 * fee and deadline; where a service is priced by level, the level is named.
 * Then, when a priority review is still open for the candidate, the line that
 * asks them to say so today; and when anything was left out unconfirmed, the
 * line to ask the exams office.
 */
export function servicesTable(
  services: readonly ServiceRow[],
  boards?: readonly Board[],
  options: Omit<FamilyServicesOptions, 'boards'> = {},
): string {
  const { rows, unconfirmed } = familyServices(services, { ...options, boards });
  const groups: { heading: string; rows: ServiceRow[] }[] = [];
  for (const row of rows) {
    const heading = `${row.board}, ${row.series}`;
    let group = groups.find((g) => matchKey(g.heading) === matchKey(heading));
    if (group === undefined) {
      group = { heading, rows: [] };
      groups.push(group);
    }
    group.rows.push(row);
  }
  const paragraphs = groups.map((g) => {
    const sorted = [...g.rows].sort((a, b) => SERVICE_CODES.indexOf(a.service) - SERVICE_CODES.indexOf(b.service));
    const lines = sorted.map((r) => {
      const byLevel = sorted.filter((s) => s.service === r.service).length > 1;
      const name = CATALOGUE[r.service].name + (byLevel ? ` (${levelLabel(r)})` : '');
      return `- ${name}: ${feeText(r)}; ${deadlineText(r)}`;
    });
    return [g.heading, ...lines].join('\n');
  });
  const priority = rows.filter((r) => r.service === 'priority-review-of-marking' && r.deadline !== null);
  if (priority.length > 0) {
    const last = priority.map((r) => r.deadline as IsoDate).sort()[priority.length - 1];
    const levels = options.levels ?? [];
    const who =
      levels.length > 0 && levels.every((l) => l === 'a-level' || l === 'l3-vocational')
        ? `${levels.map((l) => LEVEL_NAMES[l]).join(' or ')} grade`
        : 'A level (or other Level 3) grade';
    paragraphs.push(
      `If a university or college place depends on an ${who}, tell us today: a priority review of marking may be possible (the last day to ask is ${formatLongDate(last)}).`,
    );
  }
  if (unconfirmed.length > 0) paragraphs.push(ASK_THE_OFFICE);
  return paragraphs.join('\n\n');
}
