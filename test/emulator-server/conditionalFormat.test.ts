import { evaluateRules, parseFormula, serialOf, type RuleInput } from '../../emulator/conditionalFormat';

const TODAY = serialOf('2026-08-27');

/** A log with a header row: Request ID, Flags, Paid, Deadline (serial), Status. */
const LOG = [
  ['Request ID', 'Flags', 'Paid', 'Deadline', 'Status'],
  ['R-2026-0001', 'Unacknowledged', 'yes', serialOf('2026-09-24'), 'Submitted'],
  ['R-2026-0002', '', 'no', serialOf('2026-08-20'), 'Received'],
  ['R-2026-0003', 'Refund due; Unacknowledged', 'yes', null, 'Outcome received'],
  ['R-2026-0004', null, 'waived', serialOf('2026-08-27'), 'Closed'],
];

/** A rule over rows 2 to 1000 and all five columns, as a flagging rule is written. */
function rowRule(formula: string, background = '#f4cccc', fontColor: string | null = null): RuleInput {
  return {
    ranges: [{ row: 2, column: 1, numRows: 999, numColumns: 5 }],
    criteria: 'CUSTOM_FORMULA',
    args: [formula],
    background,
    fontColor,
  };
}

/** Which data rows (by request ID) a rule set colours, and with what. */
function colouredRows(rules: RuleInput[], values: unknown[][] = LOG): Record<string, string> {
  const out = evaluateRules(rules, values as never, TODAY);
  expect(out.unsupported).toEqual([]);
  const coloured: Record<string, string> = {};
  out.backgrounds.forEach((row, i) => {
    if (i === 0) return;
    // Every cell of a row rule has the same colour as its first.
    expect(new Set(row)).toEqual(new Set([row[0]]));
    if (row[0]) coloured[String(values[i][0])] = row[0];
  });
  return coloured;
}

describe('conditional formatting as the grid shows it', () => {
  it('colours the rows whose Flags mention a flag, with SEARCH anchored on the column', () => {
    expect(colouredRows([rowRule('=SEARCH("unacknowledged",$B2)')])).toEqual({
      'R-2026-0001': '#f4cccc',
      'R-2026-0003': '#f4cccc',
    });
    expect(colouredRows([rowRule('=ISNUMBER(SEARCH("Refund due", $B2))', '#fff2cc')])).toEqual({
      'R-2026-0003': '#fff2cc',
    });
    expect(colouredRows([rowRule('=REGEXMATCH($B2, "Refund|Unack")')])).toEqual({
      'R-2026-0001': '#f4cccc',
      'R-2026-0003': '#f4cccc',
    });
  });

  it('colours rows with any flag at all, and leaves a blank or empty Flags cell alone', () => {
    expect(Object.keys(colouredRows([rowRule('=$B2<>""')]))).toEqual(['R-2026-0001', 'R-2026-0003']);
    expect(Object.keys(colouredRows([rowRule('=LEN(TRIM($B2))>0')]))).toEqual(['R-2026-0001', 'R-2026-0003']);
    expect(Object.keys(colouredRows([rowRule('=NOT(ISBLANK($B2))')]))).toEqual(['R-2026-0001', 'R-2026-0003']);
  });

  it('compares dates with TODAY() and text case-insensitively', () => {
    expect(Object.keys(colouredRows([rowRule('=AND($D2<>"", $D2<TODAY(), $E2<>"Closed")')]))).toEqual(['R-2026-0002']);
    expect(Object.keys(colouredRows([rowRule('=$D2-TODAY()<=0')]))).toEqual([
      'R-2026-0002',
      'R-2026-0003',
      'R-2026-0004',
    ]);
    expect(Object.keys(colouredRows([rowRule('=OR($C2="NO", $E2="closed")')]))).toEqual(['R-2026-0002', 'R-2026-0004']);
  });

  it("colours rows by the add-on's own flag rules: red when something is late, amber for any other flag", () => {
    // The shapes src/sheets/flagFormatting.ts installs: an always-true marker, then the test on the Flags column.
    const marker = 'LEN("Post-Results Tracker flags")>0';
    const late = 'Board deadline passed: not submitted|Outcome overdue|Not acknowledged by the board|Follow-up overdue';
    const log = [
      ['Request ID', 'Flags'],
      ['R-1', 'Not acknowledged by the board'],
      ['R-2', 'Refund due; Update MIS'],
      ['R-3', null],
      ['R-4', 'Refund due; Outcome overdue'],
    ];
    const rule = (formula: string, background: string): RuleInput => ({
      ranges: [{ row: 2, column: 1, numRows: 999, numColumns: 2 }],
      criteria: 'CUSTOM_FORMULA',
      args: [formula],
      background,
      fontColor: null,
    });
    expect(
      colouredRows(
        [
          rule(`=AND(${marker}, REGEXMATCH($B2&"", "${late}"))`, '#f4c7c3'),
          rule(`=AND(${marker}, LEN($B2)>0)`, '#fce8b2'),
        ],
        log,
      ),
    ).toEqual({ 'R-1': '#f4c7c3', 'R-2': '#fce8b2', 'R-4': '#f4c7c3' });
  });

  it('applies only the first rule that holds for a cell, in the order the rules are listed', () => {
    expect(
      colouredRows([rowRule('=SEARCH("Refund",$B2)', '#fff2cc'), rowRule('=SEARCH("Unacknowledged",$B2)', '#f4cccc')]),
    ).toEqual({ 'R-2026-0001': '#f4cccc', 'R-2026-0003': '#fff2cc' });
  });

  it('moves relative references with the cell and keeps $-anchored ones', () => {
    // Each cell of column B compared with the cell to its right: only row 2 has "Unacknowledged" beside "yes".
    const rule: RuleInput = {
      ranges: [{ row: 2, column: 2, numRows: 4, numColumns: 1 }],
      criteria: 'CUSTOM_FORMULA',
      args: ['=AND(B2<>"", C2="yes", $A$1="Request ID")'],
      background: '#d9ead3',
      fontColor: '#274e13',
    };
    const out = evaluateRules([rule], LOG as never, TODAY);
    expect(out.backgrounds.map((r) => r[1])).toEqual([null, '#d9ead3', null, '#d9ead3', null]);
    expect(out.fontColors[1]).toEqual([null, '#274e13', null, null, null]);
    // Nothing outside the rule's range.
    expect(out.backgrounds[1][0]).toBeNull();
  });

  it('shows the simple built-in conditions too', () => {
    const col = (criteria: string, args: unknown[]): (string | null)[] =>
      evaluateRules(
        [
          {
            ranges: [{ row: 2, column: 2, numRows: 4, numColumns: 1 }],
            criteria,
            args,
            background: '#f00',
            fontColor: null,
          },
        ],
        LOG as never,
        TODAY,
      ).backgrounds.map((r) => r[1]);
    expect(col('TEXT_CONTAINS', ['refund'])).toEqual([null, null, null, '#f00', null]);
    expect(col('CELL_NOT_EMPTY', [])).toEqual([null, '#f00', null, '#f00', null]);
    expect(col('CELL_EMPTY', [])).toEqual([null, null, '#f00', null, '#f00']);
    expect(col('TEXT_EQUAL_TO', ['UNACKNOWLEDGED'])).toEqual([null, '#f00', null, null, null]);
  });

  it('reports a formula it cannot evaluate rather than guessing a colour', () => {
    const out = evaluateRules([rowRule('=VLOOKUP($A2, Other!A:B, 2, FALSE)="x"')], LOG as never, TODAY);
    expect(out.unsupported).toEqual([expect.stringContaining('VLOOKUP')]);
    expect(out.backgrounds.flat().every((c) => c === null)).toBe(true);
    expect(() => parseFormula('=$B2<>""')).not.toThrow();
    expect(() => parseFormula('=SUM(A1:A3)>0')).toThrow(/SUM/);
  });

  it('treats a formula that errors as not holding', () => {
    expect(colouredRows([rowRule('=SEARCH("nowhere",$B2)')])).toEqual({});
    expect(colouredRows([rowRule('=1/0')])).toEqual({});
    expect(colouredRows([rowRule('=IFERROR(SEARCH("nowhere",$B2), TRUE)')])).toEqual({
      'R-2026-0001': '#f4cccc',
      'R-2026-0002': '#f4cccc',
      'R-2026-0003': '#f4cccc',
      'R-2026-0004': '#f4cccc',
    });
  });
});
