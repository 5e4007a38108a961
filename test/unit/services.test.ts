import {
  boardsOffered,
  chooseService,
  findService,
  parseServices,
  seriesOffered,
  servicesOffered,
} from '../../src/domain/services';

const row = (over: Record<string, unknown> = {}) => ({
  board: 'AQA',
  series: 'June 2026',
  service: 'review-of-marking',
  fee: 48.65,
  deadline: '2026-09-24',
  turnaroundDays: 20,
  notes: 'check before season',
  ...over,
});

describe('reading the Services sheet', () => {
  it('reads a row as the officer typed it', () => {
    const { services, problems } = parseServices([row()]);
    expect(problems).toEqual([]);
    expect(services).toEqual([
      {
        board: 'AQA',
        series: 'June 2026',
        service: 'review-of-marking',
        levels: [],
        fee: 48.65,
        deadline: '2026-09-24',
        turnaroundDays: 20,
        notes: 'check before season',
      },
    ]);
  });

  it.each([
    [48.65, 48.65],
    ['48.65', 48.65],
    ['£48.65', 48.65],
    [' £ 8.70 ', 8.7],
    ['£1,048.00', 1048],
    [0, 0],
    ['0', 0],
    ['0.00', 0],
  ])('reads the fee %j as £%d', (fee, expected) => {
    expect(parseServices([row({ fee })]).services[0].fee).toBe(expected);
  });

  it.each([[''], ['   '], [null], [undefined]])('reads a blank fee (%j) as null, because blank is not free', (fee) => {
    const { services, problems } = parseServices([row({ fee })]);
    expect(services[0].fee).toBeNull();
    expect(problems).toEqual([]);
  });

  it.each([['free'], ['-5'], [-5], ['48.655'], ['£'], [true]])(
    'reports a fee it cannot read (%j) and treats it as blank',
    (fee) => {
      const { services, problems } = parseServices([row({ fee })]);
      expect(services[0].fee).toBeNull();
      const shown = typeof fee === 'string' ? JSON.stringify(fee.trim()) : String(fee);
      expect(problems).toEqual([
        {
          row: 2,
          message: `Row 2: the Fee ${shown} is not an amount in pounds (like 48.65), so it is treated as blank.`,
        },
      ]);
    },
  );

  it('accepts the service as its code or its name, in any case', () => {
    const { services } = parseServices([
      row({ service: 'Review of Marking' }),
      row({ service: 'CLERICAL-RECHECK' }),
      row({ service: 'Copy of script' }),
    ]);
    expect(services.map((s) => s.service)).toEqual(['review-of-marking', 'clerical-recheck', 'ats-copy']);
  });

  it('reads a deadline typed the UK way, and a blank deadline as null', () => {
    expect(parseServices([row({ deadline: '24/09/2026' })]).services[0].deadline).toBe('2026-09-24');
    expect(parseServices([row({ deadline: '' })]).services[0].deadline).toBeNull();
  });

  it('reports a deadline that is not a date and treats it as blank', () => {
    const { services, problems } = parseServices([row({ deadline: 'end of Sept' })]);
    expect(services[0].deadline).toBeNull();
    expect(problems).toEqual([
      {
        row: 2,
        message: 'Row 2: the Deadline "end of Sept" is not a date (like 24/09/2026), so it is treated as blank.',
      },
    ]);
  });

  it('reads turnaround days as a whole number, and reports one that is not', () => {
    expect(parseServices([row({ turnaroundDays: '15' })]).services[0].turnaroundDays).toBe(15);
    expect(parseServices([row({ turnaroundDays: '' })]).services[0].turnaroundDays).toBeNull();
    const { services, problems } = parseServices([row({ turnaroundDays: 'about 20' })]);
    expect(services[0].turnaroundDays).toBeNull();
    expect(problems).toEqual([
      {
        row: 2,
        message: 'Row 2: the Turnaround days "about 20" is not a whole number of days, so it is treated as blank.',
      },
    ]);
  });

  it('leaves out a row without a board, series or known service, and says which row and why', () => {
    const { services, problems } = parseServices([
      row({ board: '' }),
      row({ series: ' ' }),
      row({ service: '' }),
      row({ service: 'Re-mark' }),
      row(),
    ]);
    expect(services).toHaveLength(1);
    expect(problems).toEqual([
      { row: 2, message: 'Row 2: the Board is blank, so the row is not used.' },
      { row: 3, message: 'Row 3: the Series is blank, so the row is not used.' },
      { row: 4, message: 'Row 4: the Service is blank, so the row is not used.' },
      {
        row: 5,
        message:
          'Row 5: "Re-mark" is not a service the add-on knows, so the row is not used. Use one of: clerical-recheck, review-of-marking, priority-review-of-marking, review-of-moderation, appeal, appeal-hearing, mir, late-certification, ats-priority-copy, ats-copy, ats-original.',
      },
    ]);
  });

  it('uses the first of two rows for the same board, series and service, and reports the second', () => {
    const { services, problems } = parseServices([row({ fee: 48.65 }), row({ board: 'aqa', fee: 42 })]);
    expect(services).toHaveLength(1);
    expect(services[0].fee).toBe(48.65);
    expect(problems).toEqual([
      { row: 3, message: 'Row 3: aqa, June 2026, Review of marking is already on row 2; only row 2 is used.' },
    ]);
  });

  it('reads the Level as the officer writes it: one level, several, or blank for every level', () => {
    const { services, problems } = parseServices([
      row({ level: 'GCSE', fee: 42 }),
      row({ level: 'AS/A level, Level 3 vocational', fee: 48.65 }),
      row({ level: 'Level 1/2 vocational; Other', fee: 40 }),
      row({ board: 'OCR', level: '' }),
      row({ board: 'WJEC Eduqas', level: 'All levels' }),
    ]);
    expect(problems).toEqual([]);
    expect(services.map((s) => s.levels)).toEqual([
      ['gcse'],
      ['a-level', 'l3-vocational'],
      ['l12-vocational', 'other'],
      [],
      [],
    ]);
  });

  it('a GCSE row and an every-level row for the same service both stand; a second GCSE row is reported', () => {
    const { services, problems } = parseServices([
      row({ level: 'GCSE', fee: 42 }),
      row({ fee: 48.65 }),
      row({ level: 'gcse', fee: 40 }),
    ]);
    expect(services.map((s) => s.fee)).toEqual([42, 48.65]);
    expect(problems).toEqual([
      { row: 4, message: 'Row 4: AQA, June 2026, Review of marking for GCSE is already on row 2; only row 2 is used.' },
    ]);
  });

  it('a Level it does not know is reported and the row is not used, rather than charging the wrong candidates', () => {
    const { services, problems } = parseServices([row({ level: 'GCSE, Year 12' })]);
    expect(services).toEqual([]);
    expect(problems[0].message).toBe(
      'Row 2: the Level "GCSE, Year 12" is not one the add-on knows ("Year 12"), so the row is not used. Use GCSE, AS/A level, Level 1/2 vocational, Level 3 vocational, Other, several separated by commas, or leave it blank for every level.',
    );
  });

  it('uses the sheet row number the adapter gives, when it skipped blank rows', () => {
    expect(parseServices([row({ row: 9, board: '' })]).problems[0].row).toBe(9);
  });

  it('copes with rubbish instead of rows', () => {
    expect(parseServices(null as never)).toEqual({ services: [], problems: [] });
    const { problems } = parseServices([null as never]);
    expect(problems.map((p) => p.message)).toEqual([
      'Row 2: the Board is blank, so the row is not used.',
      'Row 2: the Series is blank, so the row is not used.',
      'Row 2: the Service is blank, so the row is not used.',
    ]);
  });
});

describe('which row prices a request: the one for its qualification level', () => {
  const rows = parseServices([
    row({ level: 'GCSE', fee: 42 }),
    row({ fee: 48.65 }),
    row({
      service: 'priority-review-of-marking',
      level: 'AS/A level, Level 3 vocational',
      fee: 57.85,
      deadline: '2026-08-20',
    }),
  ]).services;

  it('a GCSE takes the GCSE row, an A level the row for every other level', () => {
    expect(chooseService(rows, 'AQA', 'June 2026', 'review-of-marking', 'GCSE')).toMatchObject({
      kind: 'found',
      row: { fee: 42 },
    });
    expect(chooseService(rows, 'AQA', 'June 2026', 'review-of-marking', 'GCE A level')).toMatchObject({
      kind: 'found',
      row: { fee: 48.65 },
    });
  });

  it('with no qualification, the rows disagree, so there is no one fee', () => {
    expect(chooseService(rows, 'AQA', 'June 2026', 'review-of-marking', '').kind).toBe('ambiguous');
  });

  it('a service listed only for A level and Level 3 is not there for a GCSE', () => {
    expect(chooseService(rows, 'AQA', 'June 2026', 'priority-review-of-marking', 'GCSE')).toMatchObject({
      kind: 'notForLevel',
      level: 'gcse',
    });
    expect(chooseService(rows, 'AQA', 'June 2026', 'priority-review-of-marking', 'BTEC National')).toMatchObject({
      kind: 'found',
      row: { fee: 57.85 },
    });
  });

  it('a board with no such row has none, whatever the level', () => {
    expect(chooseService(rows, 'OCR', 'June 2026', 'review-of-marking', 'GCSE')).toEqual({ kind: 'none' });
  });
});

describe('what the Services sheet offers', () => {
  const { services } = parseServices([
    row({ board: 'AQA', service: 'review-of-marking' }),
    row({ board: 'AQA', service: 'clerical-recheck' }),
    row({ board: 'OCR', service: 'clerical-recheck' }),
    row({ board: 'AQA', series: 'November 2026', service: 'clerical-recheck' }),
    row({ board: 'Pearson Edexcel', service: 'mir' }),
  ]);

  it('finds a row whatever the case and spacing of board and series', () => {
    expect(findService(services, ' aqa ', 'june  2026', 'clerical-recheck')?.board).toBe('AQA');
    expect(findService(services, 'OCR', 'June 2026', 'review-of-marking')).toBeNull();
  });

  it('lists each board once, in the officer’s order', () => {
    expect(boardsOffered(services)).toEqual(['AQA', 'OCR', 'Pearson Edexcel']);
  });

  it('lists the series for one board, or for all', () => {
    expect(seriesOffered(services, 'AQA')).toEqual(['June 2026', 'November 2026']);
    expect(seriesOffered(services, 'OCR')).toEqual(['June 2026']);
    expect(seriesOffered(services)).toEqual(['June 2026', 'November 2026']);
  });

  it('lists a board’s services for a series in the catalogue’s order', () => {
    expect(servicesOffered(services, 'AQA', 'June 2026').map((r) => r.service)).toEqual([
      'clerical-recheck',
      'review-of-marking',
    ]);
    expect(servicesOffered(services, 'CCEA', 'June 2026')).toEqual([]);
  });
});
