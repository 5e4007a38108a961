import { csvSafe, readCsv, toCsv } from '../../src/domain/csv';

describe('reading a CSV file exported from the MIS', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes as parts of one value', () => {
    const read = readCsv('Surname,Notes\r\n"Smith, Jr","said ""hi""\r\nthen left"\r\nBrown,x\r\n');
    expect(read).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['Surname', 'Notes'] },
        { line: 2, cells: ['Smith, Jr', 'said "hi"\r\nthen left'] },
        { line: 4, cells: ['Brown', 'x'] },
      ],
    });
  });

  it('drops the byte-order mark Excel puts at the start, so the first header matches', () => {
    const read = readCsv('\uFEFFCandidate No,Surname\n0042,Brown\n');
    expect(read.ok && read.records[0].cells[0]).toBe('Candidate No');
  });

  it('counts physical lines across blank lines, CR, LF and CRLF endings and multi-line values', () => {
    const read = readCsv('a\n\nb\r"two\nlines"\r\nc\n"three\r\nlines\rhere"\nd');
    expect(read.ok && read.records.map((r) => [r.line, r.cells[0].slice(0, 5)])).toEqual([
      [1, 'a'],
      [2, ''],
      [3, 'b'],
      [4, 'two\nl'],
      [6, 'c'],
      [7, 'three'],
      [10, 'd'],
    ]);
  });

  it('refuses a file whose quotation mark is never closed, naming the line, instead of reading the rest as one value', () => {
    const read = readCsv('Surname,Forename\nBrown,Amy\n"Cole,Ben\nDale,Cat\n');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/line 3/);
  });

  it('keeps a stray quotation mark inside an unquoted value as written', () => {
    const read = readCsv('Name,Height\nBrown,5\'10"\n');
    expect(read.ok && read.records[1].cells).toEqual(['Brown', '5\'10"']);
  });

  it('says an empty file is empty', () => {
    expect(readCsv('\uFEFF  \r\n')).toEqual({ ok: false, message: 'The file is empty.' });
  });
});

describe('writing a CSV for Excel, the MIS or finance', () => {
  it('starts with a byte-order mark, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv(['Surname', 'Note'], [{ Surname: 'Smith, Jr', Note: 'line one\nline "two"' }]);
    expect(csv).toBe('\uFEFFSurname,Note\r\n"Smith, Jr","line one\nline ""two"""\r\n');
    expect(readCsv(csv)).toMatchObject({
      ok: true,
      records: [{ cells: ['Surname', 'Note'] }, { cells: ['Smith, Jr', 'line one\nline "two"'] }],
    });
  });

  it('never lets a value run as a formula when the file is opened in a spreadsheet', () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx'].map(csvSafe)).toEqual([
      '\'=HYPERLINK("x")',
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
    ]);
    expect(csvSafe("O'Brien")).toBe("O'Brien");
    expect(toCsv(['Surname'], [{ Surname: '=1+1' }])).toContain("'=1+1");
  });

  it('writes numbers as numbers and blanks as empty fields', () => {
    expect(toCsv(['Amount', 'Note'], [{ Amount: 48.65, Note: '' }])).toBe('\uFEFFAmount,Note\r\n48.65,\r\n');
  });
});
