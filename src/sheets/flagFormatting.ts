/**
 * Row colours for flagged requests: conditional formatting on each log,
 * driven by its Flags column, so the daily check only writes text and the
 * colours follow by themselves (a per-cell background would cost a call per
 * row, and would stay behind when a row is sorted or its flag clears).
 *
 * One rule set per log, installed by setUp and re-applied on every run: the
 * add-on's rules are found again by the marker in their formula, replaced in
 * place, and the officer's own rules are left as they are.
 *
 * A rule's range is fixed cells (rows 2 to the sheet's last row when it was
 * applied). Sheets widens it for rows inserted inside it, but rows added
 * below its last row (insertRowsAfter at the end, appendRow) fall outside, and
 * no Google page says an open-ended "A2:Z" range stays open once stored. So
 * whenever the add-on grows a log past its last row it applies the rules
 * again over the new size (coverGrownLog), and Set up does it for rows an
 * officer added below.
 */
import type { Table } from './table';
import { headerKey } from '../domain/schema';
import { FLAGS, type FlagLabel } from '../domain/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** Always true: it marks the add-on's rules (to find them again) without changing what they compute. */
export const FLAG_RULE_MARKER = 'Post-Results Tracker flags';
const MARKER_CALL = `LEN("${FLAG_RULE_MARKER}")>0`;

/** Something is late: red. */
const URGENT: readonly FlagLabel[] = [
  FLAGS.deadlinePassed,
  FLAGS.outcomeOverdue,
  FLAGS.notAcknowledged,
  FLAGS.followUpOverdue,
];
export const URGENT_BACKGROUND = '#f4c7c3';
/** Something to do soon: amber. */
export const FLAGGED_BACKGROUND = '#fce8b2';

/** 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function regexLiteral(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** The two formulas, first match wins: red when something is late, amber for any other flag. */
export function flagFormulas(flagsColumn: number): { urgent: string; flagged: string } {
  const cell = `$${columnLetter(flagsColumn)}2`;
  const pattern = URGENT.map(regexLiteral).join('|');
  return {
    urgent: `=AND(${MARKER_CALL}, REGEXMATCH(${cell}&"", "${pattern}"))`,
    flagged: `=AND(${MARKER_CALL}, LEN(${cell})>0)`,
  };
}

function isOurs(rule: Rule): boolean {
  const condition = rule.getBooleanCondition();
  if (condition === null) return false;
  return condition.getCriteriaValues().some((v) => String(v).includes(MARKER_CALL));
}

/**
 * Installs (or puts back) the colour rules on a log whose header row holds
 * `Flags`. Does nothing on a sheet without that header.
 */
export function applyFlagFormatting(sheet: Sheet): void {
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const headers = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  const index = headers.findIndex((h) => headerKey(h) === headerKey('Flags'));
  if (index < 0) return;
  setFlagRules(sheet, index);
}

/**
 * Call straight after the add-on has added rows past a table's last row: a
 * log (one with Flags) gets its colour rules over every row again; any
 * other sheet is left alone.
 */
export function coverGrownLog(table: Table): void {
  const index = table.index.get(headerKey('Flags'));
  if (index !== undefined) setFlagRules(table.sheet, index);
}

function setFlagRules(sheet: Sheet, index: number): void {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const range = sheet.getRange(2, 1, rows, sheet.getMaxColumns());
  const { urgent, flagged } = flagFormulas(index + 1);
  const ours: Rule[] = [
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(urgent)
      .setBackground(URGENT_BACKGROUND)
      .setRanges([range])
      .build(),
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(flagged)
      .setBackground(FLAGGED_BACKGROUND)
      .setRanges([range])
      .build(),
  ];
  const rules: Rule[] = [];
  let placed = false;
  for (const rule of sheet.getConditionalFormatRules()) {
    if (!isOurs(rule)) rules.push(rule);
    else if (!placed) {
      rules.push(...ours);
      placed = true;
    }
  }
  if (!placed) rules.push(...ours);
  sheet.setConditionalFormatRules(rules);
}
