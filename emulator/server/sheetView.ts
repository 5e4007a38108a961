/**
 * A sheet as the page draws it: display values, the colours conditional
 * formatting gives them, dropdowns, tick boxes, widths and charts, read
 * from the stand-in a range at a time.
 */
import { evaluateRules, serialOf, type RuleInput } from '../conditionalFormat';
import { parseTyped, type ParseContext } from '../gas/values';
import { formatDate } from './calendar';
import type { ChartLike, ChartView, RangeLike, SheetLike, SheetView } from './types';
import { errorMessage, str } from './util';

const MAX_ROWS = 500;
/** Blank rows drawn below the last used one, so the officer can type a new row in. */
const SPARE_ROWS = 5;
/** Sheets' width for a column nobody has sized, in pixels (the stand-in's getColumnWidth answers it too). */
const DEFAULT_COLUMN_WIDTH = 100;

/** Rules already reported, so a rule the emulator cannot evaluate is logged once, not at every refresh. */
const reportedRules = new Set<string>();

export function sheetView(
  sheet: SheetLike,
  timeZone: string,
  today: string,
  parse: ParseContext,
  log: (line: string) => void,
): SheetView {
  const totalRows = sheet.getLastRow();
  const totalColumns = sheet.getLastColumn();
  const n = Math.min(totalRows, MAX_ROWS);
  if (n < 1 || totalColumns < 1) return { name: sheet.getName(), rows: [], totalRows, totalColumns, spareRows: 0 };
  const spareRows = totalRows <= MAX_ROWS ? Math.max(0, Math.min(SPARE_ROWS, sheet.getMaxRows() - totalRows)) : 0;
  const range = sheet.getRange(1, 1, n, totalColumns);
  const rows = range.getDisplayValues().map((r) => r.map(String));
  const values = range.getValues();
  const backgrounds = range.getBackgrounds().map((r) => r.map((c) => String(c ?? '')));
  let fontColors: string[][] | undefined;
  const rules = readRules(sheet);
  let unshownRules: string[] | undefined;
  if (rules.length > 0) {
    const formulaValues = values.map((r) => r.map((v) => formulaValue(v, timeZone)));
    let formats: ReturnType<typeof evaluateRules>;
    try {
      formats = evaluateRules(rules, formulaValues, serialOf(today));
    } catch (err) {
      // A rule the evaluator trips on must not cost the officer the whole page.
      formats = {
        backgrounds: [],
        fontColors: [],
        unsupported: [`the rules could not be evaluated: ${errorMessage(err)}`],
      };
    }
    formats.backgrounds.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c) backgrounds[i][j] = c;
      }),
    );
    if (formats.fontColors.some((r) => r.some(Boolean))) {
      fontColors = formats.fontColors.map((r) => r.map((c) => c ?? ''));
    }
    if (formats.unsupported.length > 0) {
      unshownRules = formats.unsupported;
      for (const reason of formats.unsupported) {
        const key = `${sheet.getName()}: ${reason}`;
        if (!reportedRules.has(key)) log(`Conditional formatting on ${key}`);
        reportedRules.add(key);
      }
    }
  }
  const { formulas, edits } = editTexts(range, rows, values, parse);
  // Spare rows too: a new row typed into a log gets the column's dropdown, as in Sheets.
  const validations = sheet.getRange(1, 1, n + spareRows, totalColumns).getDataValidations();
  const checkboxes = validations
    .slice(0, n)
    .map((r) => r.map((v) => v !== null && String(v.getCriteriaType()) === 'CHECKBOX'));
  const hasCheckboxes = checkboxes.some((r) => r.some(Boolean));
  const dropdowns = dropdownsOf(validations);
  const charts = sheet.getCharts().map(chartView);
  const columnWidths = Array.from({ length: totalColumns }, (_, c) => sheet.getColumnWidth(c + 1));
  const sized = columnWidths.some((w) => w !== DEFAULT_COLUMN_WIDTH);
  const wraps = range.getWraps();
  const wrapped = wraps.some((r) => r.some(Boolean));
  const bold = range.getFontWeights().map((r) => r.map((w) => w === 'bold'));
  const hasBold = bold.some((r) => r.some(Boolean));
  // Most cells are white: leave the array out rather than ship thousands of '#ffffff'.
  const coloured = backgrounds.some((r) => r.some((c) => c !== '' && c.toLowerCase() !== '#ffffff' && c !== 'white'));
  return {
    name: sheet.getName(),
    rows,
    ...(coloured ? { backgrounds } : {}),
    ...(fontColors ? { fontColors } : {}),
    ...(unshownRules ? { unshownRules } : {}),
    ...(hasCheckboxes ? { checkboxes } : {}),
    ...(sized ? { columnWidths } : {}),
    ...(wrapped ? { wraps } : {}),
    ...(hasBold ? { bold } : {}),
    ...(formulas.length ? { formulas } : {}),
    ...(Object.keys(edits).length ? { edits } : {}),
    ...(dropdowns ? { dropdowns } : {}),
    ...(charts.length ? { charts } : {}),
    totalRows,
    totalColumns,
    spareRows,
  };
}

/**
 * What the page needs to edit a cell as Sheets does. The emulator does not
 * calculate formulas, so a formula cell shows its text (the add-on reads
 * #ERROR! from it). The edit box starts with what Sheets' formula bar holds:
 * the formula, or a quote before text that would otherwise be read as a
 * number, date or formula again, so opening a cell and pressing Enter never
 * changes it.
 */
function editTexts(
  range: RangeLike,
  rows: string[][],
  values: unknown[][],
  parse: ParseContext,
): { formulas: string[]; edits: Record<string, string> } {
  const formulas: string[] = [];
  const edits: Record<string, string> = {};
  const numberFormats = range.getNumberFormats();
  range.getFormulas().forEach((r, i) =>
    r.forEach((f, j) => {
      if (f) {
        formulas.push(`${i}:${j}`);
        rows[i][j] = f;
        return;
      }
      const v = values[i][j];
      if (typeof v !== 'string' || v === '' || numberFormats[i][j] === '@') return;
      const again = parseTyped(v, parse);
      if (again.formula !== undefined || again.value !== v) edits[`${i}:${j}`] = `'${v}`;
    }),
  );
  return { formulas, edits };
}

/** Cells whose rule shows a dropdown (a list, or the values of a range), each list sent once. */
function dropdownsOf(
  validations: ({ getCriteriaType(): unknown; getCriteriaValues(): unknown[] } | null)[][],
): SheetView['dropdowns'] {
  const lists: string[][] = [];
  const known = new Map<string, number>();
  const cells: Record<string, number> = {};
  validations.forEach((r, i) =>
    r.forEach((rule, j) => {
      if (!rule) return;
      const type = String(rule.getCriteriaType());
      if (type !== 'VALUE_IN_LIST' && type !== 'VALUE_IN_RANGE') return;
      const [source, showDropdown] = rule.getCriteriaValues();
      if (showDropdown === false) return;
      const items =
        type === 'VALUE_IN_LIST'
          ? (source as unknown[]).map(String)
          : ((source as RangeLike | null)?.getValues().flat() ?? []).filter((v) => v !== '').map(String);
      const list = [...new Set(items)];
      const key = JSON.stringify(list);
      let index = known.get(key);
      if (index === undefined) {
        index = lists.push(list) - 1;
        known.set(key, index);
      }
      cells[`${i}:${j}`] = index;
    }),
  );
  return lists.length ? { lists, cells } : undefined;
}

function chartView(chart: ChartLike): ChartView {
  const ranges = chart.getRanges().filter((r): r is RangeLike => r !== null);
  // Several ranges side by side (labels in one, figures in another) read as one table.
  const parts = ranges.map((r) => r.getDisplayValues().map((row) => row.map(String)));
  const height = Math.max(0, ...parts.map((p) => p.length));
  const data = Array.from({ length: height }, (_, i) => parts.flatMap((p) => p[i] ?? []));
  const info = chart.getContainerInfo();
  const options = chart.getOptions();
  return {
    title: str(options.get('title')),
    type: str(options.get('type')) || 'chart',
    anchor: `${columnLetters(info.getAnchorColumn())}${info.getAnchorRow()}`,
    source: ranges.map((r) => r.getA1Notation()).join(', '),
    data,
    ...(options.get('isStacked') === true ? { stacked: true } : {}),
  };
}

function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function readRules(sheet: SheetLike): RuleInput[] {
  return sheet.getConditionalFormatRules().flatMap((rule) => {
    const condition = rule.getBooleanCondition();
    // Gradient (colour scale) rules have no boolean condition: not shown.
    if (!condition) return [];
    const ranges = rule
      .getRanges()
      .filter((r): r is NonNullable<typeof r> => r !== null)
      .map((r) => ({ row: r.getRow(), column: r.getColumn(), numRows: r.getNumRows(), numColumns: r.getNumColumns() }));
    return [
      {
        ranges,
        criteria: String(condition.getCriteriaType()),
        args: condition.getCriteriaValues(),
        background: condition.getBackground(),
        fontColor: condition.getFontColor(),
      },
    ];
  });
}

/** A cell as a formula reads it: blank is null, a date is its serial day number in the spreadsheet's zone. */
function formulaValue(v: unknown, timeZone: string): number | string | boolean | null {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  // Dates from the bundle's realm fail instanceof: test the tag.
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    return Number.isNaN(d.getTime()) ? null : serialOf(formatDate(d, timeZone));
  }
  return String(v);
}
