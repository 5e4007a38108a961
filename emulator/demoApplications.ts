/**
 * The demo's linked application form: a "Form responses 1" sheet as Google
 * Forms makes it, with three DEMO applications that show the Applications
 * page's three cases: one ready to approve, one past the service's deadline
 * (AQA's priority review of marking closed on 20/08/2026, the day before the
 * demo starts) and one without the candidate's consent.
 */
export const DEMO_RESPONSES_SHEET = 'Form responses 1';

export const DEMO_APPLICATION_HEADERS = [
  'Timestamp',
  'Candidate number',
  'Surname',
  'Forename',
  'Email',
  'Exam board',
  'Qualification',
  'Subject',
  'Component',
  'Series',
  'Service',
  'Requested by',
  'Priority reason',
  'Consent',
  'Who pays',
] as const;

type Answers = Record<Exclude<(typeof DEMO_APPLICATION_HEADERS)[number], 'Timestamp'>, string>;

const CLEAN: Answers = {
  'Candidate number': '0107',
  Surname: 'DEMO Brown',
  Forename: 'Oliver',
  Email: 'oliver.brown@students.demo.invalid',
  'Exam board': 'AQA',
  Qualification: 'GCE A level',
  Subject: 'Chemistry',
  Component: '7405/1',
  Series: 'June 2026',
  Service: 'Review of marking',
  'Requested by': 'Candidate',
  'Priority reason': '',
  Consent: 'I agree',
  'Who pays': 'Parent or carer (online payment)',
};

export const DEMO_APPLICATIONS: readonly Answers[] = [
  CLEAN,
  {
    ...CLEAN,
    'Candidate number': '0213',
    Surname: 'DEMO Chen',
    Forename: 'Mei',
    Email: 'mei.chen@students.demo.invalid',
    Subject: 'Biology',
    Component: '7402/1',
    Service: 'Priority review of marking',
    'Priority reason': 'My university place depends on this grade',
  },
  {
    ...CLEAN,
    'Candidate number': '0388',
    Surname: 'DEMO Davies',
    Forename: 'Rhys',
    Email: 'rhys.davies@students.demo.invalid',
    Subject: 'Physics',
    Component: '7408/1',
    Consent: '',
  },
];

/** The sheet's rows, header first; each response arrived an hour after the one before, the last at `now`. */
export function demoApplicationRows(now: Date): unknown[][] {
  const n = DEMO_APPLICATIONS.length;
  return [
    [...DEMO_APPLICATION_HEADERS],
    ...DEMO_APPLICATIONS.map((a, i) => [
      new Date(now.getTime() - (n - 1 - i) * 3_600_000),
      ...DEMO_APPLICATION_HEADERS.slice(1).map((h) => a[h as keyof Answers]),
    ]),
  ];
}
