import { isWorkingDay } from '../../src/domain/calendar';
import { defaultSettings, parseSettings, SETTING_DEFINITIONS } from '../../src/domain/settings';
import type { Settings } from '../../src/domain/types';

const FIELDS: (keyof Settings)[] = [
  'centreName',
  'centreNumber',
  'centreAddress',
  'officerName',
  'officerEmail',
  'sltContact',
  'enquiriesContact',
  'sltViewers',
  'logEditors',
  'acknowledgementWorkingDays',
  'appealWindowDays',
  'reasonsWindowDays',
  'appealHearingWindowDays',
  'eprsWindowDays',
  'bankHolidays',
  'resultsDays',
  'retentionMonths',
  'unpaidReminderDays',
  'copyToParents',
  'sltViewSpreadsheet',
];

describe('the Settings sheet’s rows', () => {
  it('cover every setting, with the keys of the contract, in order', () => {
    expect(SETTING_DEFINITIONS.map((d) => d.key)).toEqual([
      'Centre name',
      'Centre number',
      'Centre address',
      'Exams officer name',
      'Exams officer email',
      'SLT contact on results day',
      'Enquiries contact',
      'SLT viewers',
      'Log editors',
      'Acknowledgement working days',
      'Appeal window days',
      'Appeal window after reasons days',
      'Appeal hearing window days',
      'EPRS window days',
      'Bank holidays',
      'Results days',
      'Retention months',
      'Unpaid reminder days',
      'Copy emails to parents',
      'SLT view spreadsheet',
    ]);
    expect(SETTING_DEFINITIONS.map((d) => d.field)).toEqual(FIELDS);
  });

  it('each explains itself to the officer in one line', () => {
    for (const d of SETTING_DEFINITIONS) {
      expect(d.about.length).toBeGreaterThan(10);
      expect(d.about).not.toMatch(/\n/);
    }
  });

  it('start from 2 working days to acknowledge, a 30-day appeal window (15 days from reasons), 14 days to ask for a hearing, Ofqual’s 21 days for EPRS, 18 months’ retention, unpaid requests chased after 7 days and no copies to parents', () => {
    expect(defaultSettings()).toEqual({
      centreName: '',
      centreNumber: '',
      centreAddress: '',
      officerName: '',
      officerEmail: '',
      sltContact: '',
      enquiriesContact: '',
      sltViewers: [],
      logEditors: [],
      acknowledgementWorkingDays: 2,
      appealWindowDays: 30,
      reasonsWindowDays: 15,
      appealHearingWindowDays: 14,
      eprsWindowDays: 21,
      bankHolidays: expect.any(Array),
      resultsDays: expect.any(Array),
      retentionMonths: 18,
      unpaidReminderDays: 7,
      copyToParents: false,
      sltViewSpreadsheet: false,
    });
  });

  it('start with the June 2026 results days: A level and Level 3 on 13 August, GCSE and Level 1/2 on 20 August', () => {
    expect(defaultSettings().resultsDays).toEqual([
      { series: 'June 2026', level: 'a-level', date: '2026-08-13' },
      { series: 'June 2026', level: 'l3-vocational', date: '2026-08-13' },
      { series: 'June 2026', level: 'gcse', date: '2026-08-20' },
      { series: 'June 2026', level: 'l12-vocational', date: '2026-08-20' },
    ]);
  });

  it('read results days as the officer types them, one day for every level of a series, and report what cannot be read', () => {
    const { settings, problems } = parseSettings([
      [
        'Results days',
        'November 2026: 14/01/2027\nJune 2027 GCSE 19/08/2027; June 2027 A level - 12/08/2027; sometime',
      ],
    ]);
    expect(settings.resultsDays).toEqual([
      { series: 'November 2026', level: null, date: '2027-01-14' },
      { series: 'June 2027', level: 'gcse', date: '2027-08-19' },
      { series: 'June 2027', level: 'a-level', date: '2027-08-12' },
    ]);
    expect(problems).toEqual([
      {
        key: 'Results days',
        message:
          'Results days: "sometime" is not a series, a level and a date (like "June 2026 GCSE: 20/08/2026"), so it is left out.',
      },
    ]);
  });

  it('come with the England and Wales bank holidays for 2026 and 2027, as data the officer can edit', () => {
    const { bankHolidays } = defaultSettings();
    expect(bankHolidays).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]);
    // Every bank holiday (or substitute day) falls on a weekday.
    for (const d of bankHolidays) expect(isWorkingDay(d, [])).toBe(true);
  });
});

describe('reading the Settings sheet', () => {
  it('reads what the officer typed', () => {
    const { settings, problems } = parseSettings([
      ['Centre name', 'Example Academy'],
      ['Centre number', '68199'],
      ['Exams officer email', 'exams@example.sch.uk'],
      ['SLT viewers', 'head@example.sch.uk, deputy@example.sch.uk\nhead@example.sch.uk'],
      ['Acknowledgement working days', 3],
      ['Appeal window days', '14'],
      ['Bank holidays', '25/12/2026\n2026-12-28, 01/01/2027'],
      ['Retention months', '24'],
    ]);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      centreName: 'Example Academy',
      centreNumber: '68199',
      officerEmail: 'exams@example.sch.uk',
      sltViewers: ['head@example.sch.uk', 'deputy@example.sch.uk'],
      acknowledgementWorkingDays: 3,
      appealWindowDays: 14,
      bankHolidays: ['2026-12-25', '2026-12-28', '2027-01-01'],
      retentionMonths: 24,
    });
  });

  it('matches a setting whatever its case and spacing', () => {
    expect(parseSettings([['  appeal   WINDOW days ', '21']]).settings.appealWindowDays).toBe(21);
  });

  it('uses the default for a setting left blank or missing', () => {
    const { settings, problems } = parseSettings([
      ['Appeal window days', ''],
      ['Retention months', null],
    ]);
    expect(settings.appealWindowDays).toBe(30);
    expect(settings.retentionMonths).toBe(18);
    expect(settings.acknowledgementWorkingDays).toBe(2);
    expect(problems).toEqual([]);
  });

  it('puts back the leading zero a General cell drops from a centre number', () => {
    expect(parseSettings([['Centre number', 6819]]).settings.centreNumber).toBe('06819');
  });

  it('ignores the officer’s own rows', () => {
    expect(parseSettings([['My reminder', 'order more envelopes']]).problems).toEqual([]);
  });

  it.each<[string, unknown, keyof Settings, unknown, string]>([
    [
      'Appeal window days',
      'thirty',
      'appealWindowDays',
      30,
      'Appeal window days should be a whole number of days from 1 to 365; "thirty" is not, so 30 is used.',
    ],
    [
      'Appeal window days',
      0,
      'appealWindowDays',
      30,
      'Appeal window days should be a whole number of days from 1 to 365; "0" is not, so 30 is used.',
    ],
    [
      'Acknowledgement working days',
      2.5,
      'acknowledgementWorkingDays',
      2,
      'Acknowledgement working days should be a whole number of working days from 1 to 30; "2.5" is not, so 2 is used.',
    ],
    [
      'Retention months',
      '3',
      'retentionMonths',
      18,
      'Retention months should be a whole number of months from 6 to 120 (JCQ requires consent forms to be kept at least 6 months after the outcome); "3" is not, so 18 is used.',
    ],
    [
      'Centre number',
      '681990',
      'centreNumber',
      '',
      'Centre number should be 5 digits, like 68199; "681990" is not, so it is left blank.',
    ],
    [
      'Exams officer email',
      'exams.example.sch.uk',
      'officerEmail',
      '',
      'Exams officer email "exams.example.sch.uk" is not an email address, so it is left blank.',
    ],
  ])('reports %s = %j by name and falls back to the default', (key, value, field, fallback, message) => {
    const { settings, problems } = parseSettings([[key, value]]);
    expect(settings[field]).toEqual(fallback);
    expect(problems).toEqual([{ key, message }]);
  });

  it('leaves out an SLT viewer that is not an email address and keeps the rest', () => {
    const { settings, problems } = parseSettings([['SLT viewers', 'head@example.sch.uk; Mr Jones']]);
    expect(settings.sltViewers).toEqual(['head@example.sch.uk']);
    expect(problems).toEqual([
      { key: 'SLT viewers', message: 'SLT viewers: "Mr Jones" is not an email address, so it is left out.' },
    ]);
  });

  it('reads Log editors as a list of email addresses, each once, leaving out what is not an address', () => {
    const { settings, problems } = parseSettings([
      ['Log editors', 'deputy.exams@example.sch.uk, data@example.sch.uk\nDEPUTY.EXAMS@example.sch.uk; Mrs Khan'],
    ]);
    expect(settings.logEditors).toEqual(['deputy.exams@example.sch.uk', 'data@example.sch.uk']);
    expect(problems).toEqual([
      { key: 'Log editors', message: 'Log editors: "Mrs Khan" is not an email address, so it is left out.' },
    ]);
  });

  it('leaves out a bank holiday that is not a date and keeps the rest', () => {
    const { settings, problems } = parseSettings([['Bank holidays', '25/12/2026, Boxing Day, 2026-02-30']]);
    expect(settings.bankHolidays).toEqual(['2026-12-25']);
    expect(problems).toEqual([
      {
        key: 'Bank holidays',
        message: 'Bank holidays: "Boxing Day" is not a date (like 25/12/2026), so it is left out.',
      },
      {
        key: 'Bank holidays',
        message: 'Bank holidays: "2026-02-30" is not a date (like 25/12/2026), so it is left out.',
      },
    ]);
  });

  it('reads a single bank holiday that the sheet turned into a date', () => {
    expect(parseSettings([['Bank holidays', '2026-12-25']]).settings.bankHolidays).toEqual(['2026-12-25']);
  });

  it('uses the first of two rows for the same setting, and says so', () => {
    const { settings, problems } = parseSettings([
      ['Appeal window days', '30'],
      ['Appeal Window Days', '14'],
    ]);
    expect(settings.appealWindowDays).toBe(30);
    expect(problems).toEqual([
      {
        key: 'Appeal window days',
        message: 'Appeal window days appears more than once in Settings; the first one is used.',
      },
    ]);
  });

  it('copes with rows that are not pairs', () => {
    expect(parseSettings([null, 'x', [42, 'y']] as never).settings).toEqual(defaultSettings());
    expect(parseSettings(undefined as never).settings).toEqual(defaultSettings());
  });
});

describe('Copy emails to parents', () => {
  const read = (value: string) => parseSettings([['Copy emails to parents', value]]);

  it('is on only when the officer says Yes (or yes, Y, true, on)', () => {
    for (const yes of ['Yes', 'yes', 'Y', 'TRUE', 'on']) expect(read(yes).settings.copyToParents).toBe(true);
    for (const no of ['No', 'n', 'false', 'Off', '']) expect(read(no).settings.copyToParents).toBe(false);
  });

  it('anything else is reported by name and taken as No: nobody is copied on a guess', () => {
    const { settings, problems } = read('sometimes');
    expect(settings.copyToParents).toBe(false);
    expect(problems).toEqual([
      {
        key: 'Copy emails to parents',
        message: 'Copy emails to parents should be Yes or No; "sometimes" is neither, so No is used.',
      },
    ]);
  });
});
