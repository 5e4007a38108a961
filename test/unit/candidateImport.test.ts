import {
  matchHeaders,
  planCandidateImport,
  type ExistingCandidate,
  type ImportPlan,
} from '../../src/domain/candidateImport';
import { UCI_CHECK_LETTERS, uciRemainder } from '../../src/domain/uci';

/** A well-formed UCI first given by centre 68199 in 2001 to `number`. */
function uci(number: string): string {
  const first12 = `681990${'01'}${number}`;
  return first12 + UCI_CHECK_LETTERS[uciRemainder(first12)];
}

function plan(csv: string, existing: ExistingCandidate[] = []): ImportPlan {
  const answer = planCandidateImport(csv, existing);
  if (!answer.ok) throw new Error(answer.message);
  return answer.plan;
}

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

describe('matching the headers of SIMS, Arbor and Bromcom exports', () => {
  it('SIMS: Adno is the admission number, never the candidate number; Exam Candidate Number is', () => {
    const m = matchHeaders([
      'Adno',
      'Legal Surname',
      'Forename',
      'Reg',
      'Exam Candidate Number',
      'UCI',
      'Primary Email',
      'Parent Email',
    ]);
    expect(m.columns).toEqual({
      candidateNumber: 4,
      surname: 1,
      forename: 2,
      email: 6,
      parentEmail: 7,
      tutorGroup: 3,
      uci: 5,
    });
    expect(m.unmatched).toEqual(['Adno']);
  });

  it('Arbor: legal names, Registration Form, Primary Contact Email for the parent; the rest listed as not imported', () => {
    const m = matchHeaders([
      'Student',
      'Legal First Name',
      'Legal Last Name',
      'Candidate Number',
      'Unique Candidate Identifier',
      'Registration Form',
      'Email Address',
      'Primary Contact Email',
      'Date of Birth',
    ]);
    expect(m.used).toEqual([
      { header: 'Candidate Number', column: 'Candidate number' },
      { header: 'Legal Last Name', column: 'Surname' },
      { header: 'Legal First Name', column: 'Forename' },
      { header: 'Email Address', column: 'Email' },
      { header: 'Primary Contact Email', column: 'Parent email' },
      { header: 'Registration Form', column: 'Tutor group' },
      { header: 'Unique Candidate Identifier', column: 'UCI' },
    ]);
    expect(m.unmatched).toEqual(['Student', 'Date of Birth']);
  });

  it('Bromcom: Candidate No, Preferred Forename, Reg Group, Contact Email; Admission Number left out', () => {
    const m = matchHeaders([
      'Candidate No.',
      'Legal Surname',
      'Preferred Forename',
      'Reg Group',
      'UCI',
      'Contact Email',
      'Primary Contact Email',
      'Admission Number',
    ]);
    expect(m.columns).toMatchObject({ candidateNumber: 0, forename: 2, tutorGroup: 3, email: 5, parentEmail: 6 });
    expect(m.unmatched).toEqual(['Admission Number']);
  });

  it('prefers the legal name when both legal and preferred are exported, and lists the other as not imported', () => {
    const m = matchHeaders(['Candidate Number', 'Preferred Forename', 'Legal Forename', 'Surname']);
    expect(m.columns.forename).toBe(2);
    expect(m.unmatched).toEqual(['Preferred Forename']);
  });

  it('ignores case, spaces and punctuation: "CANDIDATE_NO", " e-mail ", "Form"', () => {
    const m = matchHeaders(['CANDIDATE_NO', 'Surname', ' e-mail ', 'Form']);
    expect(m.columns).toMatchObject({ candidateNumber: 0, email: 2, tutorGroup: 3 });
  });
});

describe('planning an import', () => {
  const SIMS = crlf([
    'Adno,Legal Surname,Forename,Reg,Exam Candidate Number,UCI,Primary Email,Parent Email',
    `001234,Brown,Amy,13B,0042,${uci('0042')},amy.brown@example.org,parent.brown@example.org`,
    `001235,O'Neill,Seán,13C,1001,${uci('1001')},sean.oneill@example.org,`,
  ]);

  it('adds every candidate of a SIMS file to an empty sheet, values kept exactly', () => {
    const p = plan('\uFEFF' + SIMS);
    expect(p.added).toEqual([
      {
        candidateNumber: '0042',
        surname: 'Brown',
        forename: 'Amy',
        email: 'amy.brown@example.org',
        parentEmail: 'parent.brown@example.org',
        tutorGroup: '13B',
        uci: uci('0042'),
      },
      {
        candidateNumber: '1001',
        surname: "O'Neill",
        forename: 'Seán',
        email: 'sean.oneill@example.org',
        parentEmail: '',
        tutorGroup: '13C',
        uci: uci('1001'),
      },
    ]);
    expect(p).toMatchObject({ updated: [], unchanged: 0, refused: [], unmatched: ['Adno'], headerLine: 1 });
  });

  it('updates a candidate with the same number, changing only what differs, and leaves the same ones unchanged', () => {
    const existing: ExistingCandidate[] = [
      {
        row: 2,
        values: {
          candidateNumber: '0042',
          surname: 'Brown',
          forename: 'Amy',
          email: 'old@example.org',
          parentEmail: 'parent.brown@example.org',
          tutorGroup: '12B',
          uci: uci('0042'),
        },
      },
      {
        row: 3,
        values: {
          candidateNumber: '1001',
          surname: "O'Neill",
          forename: 'Seán',
          email: 'sean.oneill@example.org',
          parentEmail: 'keep@example.org',
          tutorGroup: '13C',
          uci: uci('1001').toLowerCase(),
        },
      },
    ];
    const p = plan(SIMS, existing);
    expect(p.added).toEqual([]);
    expect(p.updated).toEqual([{ row: 2, changes: { email: 'amy.brown@example.org', tutorGroup: '13B' } }]);
    // A blank parent email in the file does not clear the sheet's; the UCI differs only in case.
    expect(p.unchanged).toBe(1);
  });

  it('reads a Bromcom file with quoted commas and line breaks, a BOM and CRLF line ends', () => {
    const file =
      '\uFEFF' +
      crlf([
        'Candidate No,Legal Surname,Preferred Forename,Reg Group,UCI,Contact Email,Notes',
        `"0042","Brown, Jr","Amy","13B",${uci('0042')},amy@example.org,"Left early,`,
        'back Tuesday"',
        `0043,Cole,"Ben",13B,,ben@example.org,`,
        `0044,"Dale","Cat",13C,,bad-address,`,
      ]);
    const p = plan(file);
    expect(p.added.map((c) => [c.candidateNumber, c.surname, c.forename])).toEqual([
      ['0042', 'Brown, Jr', 'Amy'],
      ['0043', 'Cole', 'Ben'],
    ]);
    // The quoted line break makes the second record two lines long: Dale is on line 5.
    expect(p.refused).toEqual([{ line: 5, reason: 'The email is not an email address (like name@school.org.uk).' }]);
    expect(p.unmatched).toEqual(['Notes']);
  });

  it('refuses ten bad rows one by one, each with its line in the file and its reason, and adds the good ones', () => {
    const file = crlf([
      'Candidate Number,Surname,Forename,Email,Parent Email,UCI',
      '0100,Good,One,one@example.org,,', // 2
      '12345,Long,Number,,,', // 3
      'AB12,Letters,Number,,,', // 4
      ',No,Number,,,', // 5
      '0101,Bad,Email,not-an-email,,', // 6
      '0102,Bad,Parent,,parent@,', // 7
      '0103,Short,Uci,,,68199001', // 8
      `0104,Wrong,Letter,,,${uci('0104').slice(0, 12)}1`, // 9
      '0100,Twice,Same,,,', // 10
      '0105,,Nameless,,,', // 11
      '"0106","Two', // 12
      'Lines",Name,,,', // 13
      '0107,Good,Two,,,', // 14
    ]);
    const p = plan(file);
    expect(p.added.map((c) => c.candidateNumber)).toEqual(['0100', '0107']);
    expect(p.refused.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const reason = (line: number) => p.refused.find((r) => r.line === line)?.reason;
    expect(reason(3)).toMatch(/5 digits.*admission number/);
    expect(reason(4)).toBe('The candidate number is not 4 digits.');
    expect(reason(5)).toBe('There is no candidate number.');
    expect(reason(6)).toMatch(/email is not an email address/);
    expect(reason(7)).toMatch(/parent email is not an email address/);
    expect(reason(8)).toMatch(/UCI has 13 characters; it has 8/);
    expect(reason(9)).toMatch(/UCI ends with a check letter/);
    expect(reason(10)).toBe('The same candidate number is on line 2.');
    expect(reason(11)).toBe('A new candidate needs a surname.');
    expect(reason(12)).toMatch(/surname runs over more than one line/);
    // Refusals point at the line, never repeat the identifiers themselves.
    expect(p.refused.map((r) => r.reason).join(' ')).not.toMatch(/12345|68199001|not-an-email/);
  });

  it('reads a candidate number that lost its leading zeros in Excel as 4 digits, with a warning', () => {
    const p = plan('Candidate Number,Surname,Forename\n42,Brown,Amy\n7,Cole,Ben\n');
    expect(p.added.map((c) => c.candidateNumber)).toEqual(['0042', '0007']);
    expect(p.warnings.map((w) => w.line)).toEqual([2, 3]);
    expect(p.warnings[0].reason).toMatch(/leading zeros/);
  });

  it('keeps the first of several parent addresses in one cell, with a warning', () => {
    const p = plan(
      'Candidate Number,Surname,Forename,Parent Email\n0042,Brown,Amy,"mum@example.org; dad@example.org"\n',
    );
    expect(p.added[0].parentEmail).toBe('mum@example.org');
    expect(p.warnings).toEqual([{ line: 2, reason: expect.stringMatching(/2 addresses; the first is imported/) }]);
  });

  it('skips a title line above the headers and blank lines, counting them in line numbers', () => {
    const p = plan('Exam candidates 2026\n\nCandidate Number,Surname,Forename\n\n0042,Brown,Amy\nabc,Cole,Ben\n');
    expect(p.headerLine).toBe(3);
    expect(p.added).toHaveLength(1);
    expect(p.refused).toEqual([{ line: 6, reason: 'The candidate number is not 4 digits.' }]);
  });

  it('keeps a name that begins with = as the name it is', () => {
    const p = plan('Candidate Number,Surname,Forename\n0042,=SUM(A1),+Amy\n');
    expect(p.added[0]).toMatchObject({ surname: '=SUM(A1)', forename: '+Amy' });
  });

  it('refuses a file without a candidate number column, naming Adno as the wrong number', () => {
    const answer = planCandidateImport('Adno,Surname,Forename\n1234,Brown,Amy\n', []);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.message).toMatch(/"Adno" is the school's own number/);
    expect(!answer.ok && answer.unmatched).toEqual(['Adno', 'Surname', 'Forename']);
  });

  it('imports the same file twice: the second time everything is unchanged', () => {
    const first = plan(SIMS);
    const existing = first.added.map((values, i) => ({ row: i + 2, values }));
    expect(plan(SIMS, existing)).toMatchObject({ added: [], updated: [], unchanged: 2, refused: [] });
  });
});
