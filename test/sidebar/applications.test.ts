import {
  aboutLine,
  approvedText,
  problemsOf,
  rejectedText,
  summaryText,
} from '../../sidebar/applications/applicationsView';
import type { ApplicationView } from '../../src/shared/answers';

const application: ApplicationView = {
  row: 3,
  key: 'k3',
  received: '2026-08-21',
  candidateNumber: '0042',
  candidate: 'Ada DEMO',
  email: 'ada@example.invalid',
  board: 'AQA',
  subject: 'Biology',
  component: '8461/1H',
  service: 'Review of marking',
  consent: true,
  paid: 'no',
  inCandidates: true,
  fee: 48.65,
  deadline: '2026-09-25',
  problems: [],
  warnings: [],
};

describe('the Applications page', () => {
  it('says what an application asks for, with UK dates and the fee', () => {
    expect(aboutLine(application)).toBe(
      'Review of marking · AQA Biology 8461/1H · received 21/08/2026 · fee £48.65 · deadline 25/09/2026',
    );
    expect(aboutLine({ ...application, received: '', fee: null, deadline: null, component: '' })).toBe(
      'Review of marking · AQA Biology · date received not known',
    );
  });

  it('counts those waiting and those ready to approve', () => {
    const blocked = { ...application, row: 4, problems: [{ field: 'consent', message: 'No consent.' }] };
    expect(summaryText([application, blocked], 2)).toBe('2 waiting, 1 ready to approve; 2 already taken.');
    expect(summaryText([], undefined)).toBe('0 waiting, 0 ready to approve; 0 already taken.');
  });

  it('says what became of each approval and rejection', () => {
    expect(approvedText({ row: 3, ok: true, requestId: 'R-2026-0007', emailed: ['a@x'] }, [application])).toBe(
      'Ada DEMO: R-2026-0007, confirmation emailed',
    );
    expect(approvedText({ row: 9, ok: false, errors: [{ field: 'fee', message: 'No fee.' }] }, [application])).toBe(
      'row 9: not taken. No fee.',
    );
    expect(rejectedText('Ada DEMO', ['a@x'])).toBe('Ada DEMO: rejected, emailed');
    expect(rejectedText('Ada DEMO', undefined)).toBe('Ada DEMO: rejected, not emailed');
  });

  it("shows the server's messages, or a plain one when it did not answer", () => {
    expect(problemsOf({ ok: false, errors: [{ field: 'form', message: 'Busy.' }] })).toEqual(['Busy.']);
    expect(problemsOf(null)).toEqual(['The add-on did not answer; try again.']);
  });
});
