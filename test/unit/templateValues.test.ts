import { commonValues, recipientFor, valuesForCandidate, valuesForRequest } from '../../src/domain/templateValues';
import { PLACEHOLDER_NAMES } from '../../src/domain/templates';
import { SCHOOL, amysReview } from './mailFixture';

describe('valuesForRequest', () => {
  it('writes every request value the way a person reads it', () => {
    const values = valuesForRequest(amysReview({ newMark: '66', newGrade: 'A' }), SCHOOL);
    expect(values).toMatchObject({
      forename: 'Amy',
      surname: 'Brown',
      candidateName: 'Amy Brown',
      candidateNumber: '0042',
      subject: 'Chemistry',
      component: '7405/1',
      board: 'AQA',
      qualification: 'GCE A level',
      series: 'June 2026',
      service: 'Review of marking',
      fee: '£48.65',
      deadline: 'Thursday 24 September 2026',
      requestId: 'R-2026-0001',
      received: 'Thursday 20 August 2026',
      originalMark: '61',
      newMark: '66',
      originalGrade: 'B',
      newGrade: 'A',
      scriptRecipient: 'amy.brown@example.org',
      centreName: 'Hillside Academy',
      officerEmail: 'exams@hillside.example.org',
    });
  });

  it('has a key for every request placeholder; the caller adds appealDeadline, digest, servicesTable, today and rejectionReason', () => {
    const keys = Object.keys(valuesForRequest(amysReview(), SCHOOL));
    const callerSupplies = ['digest', 'servicesTable', 'today', 'rejectionReason'];
    expect([...keys].sort()).toEqual(PLACEHOLDER_NAMES.filter((n) => !callerSupplies.includes(n)).sort());
  });

  it('takes the appeal deadline and today from the caller as ISO dates and writes them out', () => {
    const values = valuesForRequest(amysReview(), SCHOOL, {
      appealDeadline: '2026-10-10',
      today: '2026-09-10',
      digest: 'x',
    });
    // A Saturday: the school is closed, so the family is also given the Friday before.
    expect(values.appealDeadline).toBe(
      'Saturday 10 October 2026 (a Saturday, when school is closed: please tell us by Friday 9 October 2026)',
    );
    expect(values.today).toBe('Thursday 10 September 2026');
    expect(values.digest).toBe('x');
  });

  it('writes a free service as Free and a qualification-level one as the whole qualification', () => {
    const values = valuesForRequest(amysReview({ service: 'mir', fee: null, component: '', deadline: '' }), SCHOOL);
    expect(values.fee).toBe('Free');
    expect(values.component).toBe('whole qualification');
    expect(values.service).toBe('Missing or incomplete result');
    // Unknown stays empty, so a template that needs it is refused rather than sent with a gap.
    expect(values.deadline).toBe('');
  });

  it('sends a script to the teacher who asked for it, and everything else to the candidate', () => {
    const teachers = amysReview({
      service: 'ats-copy',
      requestedBy: 'teacher',
      teacherEmail: 'r.shah@hillside.example.org',
    });
    expect(valuesForRequest(teachers, SCHOOL).scriptRecipient).toBe('r.shah@hillside.example.org');
    expect(recipientFor(teachers)).toBe('r.shah@hillside.example.org');
    expect(recipientFor(amysReview({ requestedBy: 'teacher', teacherEmail: 'r.shah@hillside.example.org' }))).toBe(
      'amy.brown@example.org',
    );
    expect(recipientFor(amysReview({ email: '' }))).toBe('');
  });
});

describe('commonValues and valuesForCandidate', () => {
  it('take the centre from Settings', () => {
    expect(commonValues(SCHOOL)).toEqual({
      centreName: 'Hillside Academy',
      centreAddress: 'Hill Road, Leeds LS6 2AA',
      officerName: 'Jo Patel',
      officerEmail: 'exams@hillside.example.org',
      sltContact: 'Mr Okafor (Deputy Head), in the library until 1pm',
      enquiriesContact: 'the exams office (exams@hillside.example.org, 0113 496 0000)',
    });
  });

  it('name a candidate without stray spaces', () => {
    expect(valuesForCandidate({ candidateNumber: '2058', surname: ' Ng ', forename: 'Li' })).toEqual({
      forename: 'Li',
      surname: 'Ng',
      candidateName: 'Li Ng',
      candidateNumber: '2058',
    });
  });
});
