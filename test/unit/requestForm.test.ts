/**
 * Each rule of the request form on its own: what the officer typed, read into
 * the draft, and the message beside the field when it cannot be.
 */
import {
  FormReading,
  keepFreeText,
  readConsent,
  readDates,
  readEmails,
  readIndicator,
  readOriginalMark,
  readPaid,
  readRelatedRequest,
  readRequestedBy,
  readService,
  readUci,
  requireCandidate,
  requireExam,
  requirePriorityDetails,
} from '../../src/domain/requestForm';
import { found } from './ruleFixture';

/** The form read as far as its service (a review of marking unless it says), which the other rules depend on. */
function reading(input: Record<string, unknown>): FormReading {
  const f = new FormReading({ service: 'review-of-marking', ...input });
  keepFreeText(f);
  readService(f);
  return f;
}

describe('reading the text of every field (FormReading)', () => {
  it('trims spaces around a value, takes a number as text, and keeps what was typed inside', () => {
    const f = new FormReading({ surname: "  O'Brien-Smith ", candidateNumber: 2058 });
    expect([f.raw.surname, f.raw.candidateNumber]).toEqual(["O'Brien-Smith", '2058']);
  });

  it('refuses a value that is not text, one too long, and one with a hidden character, and does not ask for them again', () => {
    const f = new FormReading({ surname: { a: 1 }, forename: 'x'.repeat(101), subject: 'Chem\tistry' });
    expect(found(f.errors)).toEqual([
      ['surname', 'Surname must be text.'],
      ['forename', 'Forename can be at most 100 characters; this one has 101.'],
      ['subject', 'Subject contains a hidden control character (such as a tab or line break); please retype it.'],
    ]);
    expect([f.missing('surname'), f.missing('email')]).toEqual([false, true]);
  });

  it('a form that is not a form at all is said once, for the whole form', () => {
    expect(found(new FormReading(null).errors)).toEqual([
      ['form', 'The request form was empty or could not be read. Please fill it in again.'],
    ]);
  });
});

describe('the service (readService)', () => {
  it('by its code or its name', () => {
    expect(reading({ service: 'Review of marking' }).form.service).toBe('review-of-marking');
  });

  it('one the add-on does not know, or none', () => {
    expect(found(reading({ service: 'Remark' }).errors)).toEqual([
      ['service', '"Remark" is not a service the add-on knows; choose one from the list.'],
    ]);
    const none = new FormReading({});
    readService(none);
    expect(found(none.errors)).toEqual([['service', 'Choose a service.']]);
  });
});

describe('who asked (readRequestedBy) and whether it is paid (readPaid)', () => {
  it('the candidate or a teacher, in any case; a centre request is a teacher’s and waived', () => {
    const f = reading({ service: 'review-of-marking', requestedBy: 'Teacher', paid: 'YES' });
    readRequestedBy(f);
    readPaid(f);
    expect([f.form.requestedBy, f.form.paid]).toEqual(['teacher', 'yes']);
    const centre = reading({ service: 'review-of-moderation', requestedBy: 'candidate', paid: 'no' });
    readRequestedBy(centre);
    readPaid(centre);
    expect([centre.form.requestedBy, centre.form.paid]).toEqual(['teacher', 'waived']);
  });

  it('a blank Paid is not paid yet; anything else is refused', () => {
    const f = reading({ service: 'review-of-marking', requestedBy: 'parent', paid: 'maybe' });
    readRequestedBy(f);
    readPaid(f);
    expect(f.form.paid).toBe('no');
    expect(found(f.errors)).toEqual([
      ['requestedBy', 'Requested by must be the candidate or a teacher, not "parent".'],
      ['paid', 'Paid must be yes, no or waived, not "maybe".'],
    ]);
  });
});

describe('consent is a tick box (readConsent)', () => {
  it('ticked, unticked, or refused', () => {
    const ticked = reading({ consent: true });
    readConsent(ticked);
    expect(ticked.form.consent).toBe(true);
    const typed = reading({ consent: 'yes' });
    readConsent(typed);
    expect(found(typed.errors)).toEqual([['consent', 'Consent must be ticked or left unticked.']]);
  });
});

describe('the candidate (requireCandidate)', () => {
  it('a 4-digit number, a surname and a forename', () => {
    const f = reading({ service: 'review-of-marking', candidateNumber: '58' });
    requireCandidate(f);
    expect(found(f.errors)).toEqual([
      ['candidateNumber', 'The candidate number must be 4 digits, like 2058; "58" is not.'],
      ['surname', "Enter the candidate's surname."],
      ['forename', "Enter the candidate's forename."],
    ]);
  });

  it('0000 is not a candidate number', () => {
    const f = reading({ service: 'review-of-marking', candidateNumber: '0000', surname: 'A', forename: 'B' });
    requireCandidate(f);
    expect(f.errors.map((e) => e.message)).toEqual([
      'Candidate number 0000 is not used: candidate numbers run from 0001 to 9999.',
    ]);
  });

  it('a review of moderation names the candidates it covers instead', () => {
    const f = reading({ service: 'review-of-moderation' });
    requireCandidate(f);
    expect(found(f.errors)).toEqual([
      [
        'candidatesCovered',
        'Enter the candidates a review of moderation covers: their candidate numbers (like 0042, 0107), or "whole cohort".',
      ],
    ]);
  });
});

describe('the UCI (readUci)', () => {
  it('is kept without spaces, in capitals', () => {
    const f = reading({ uci: '68199 0012 058g' });
    readUci(f);
    expect([f.form.uci, f.errors]).toEqual(['681990012058G', []]);
  });
});

describe('whoever asked must hear the outcome (readEmails)', () => {
  it('a candidate’s review needs the candidate’s email', () => {
    const f = reading({ service: 'review-of-marking', requestedBy: 'candidate' });
    readRequestedBy(f);
    readEmails(f);
    expect(found(f.errors)).toEqual([['email', "Enter the candidate's email, so they can be told the outcome."]]);
  });

  it('a teacher’s script goes to the teacher, so needs the teacher’s email, not the candidate’s', () => {
    const f = reading({ service: 'ats-copy', requestedBy: 'teacher' });
    readRequestedBy(f);
    readEmails(f);
    expect(found(f.errors)).toEqual([
      ['teacherEmail', "Enter the teacher's email, so the script can be sent to them."],
    ]);
  });

  it('an address that does not look like one is refused', () => {
    const f = reading({ service: 'review-of-marking', requestedBy: 'candidate', email: 'niamh at school' });
    readRequestedBy(f);
    readEmails(f);
    expect(found(f.errors)).toEqual([['email', 'Email "niamh at school" does not look like an email address.']]);
  });
});

describe('the exam (requireExam) and a priority service’s details (requirePriorityDetails)', () => {
  it('board, series, subject, and the paper for a service asked one paper at a time', () => {
    const f = reading({ service: 'review-of-marking' });
    requireExam(f);
    expect(found(f.errors)).toEqual([
      ['board', 'Choose the exam board.'],
      ['series', 'Choose the series, like June 2026.'],
      ['subject', 'Enter the subject, like Chemistry.'],
      [
        'component',
        'Enter the component (the paper), like 7405/1: a review of marking is asked for one paper at a time.',
      ],
    ]);
  });

  it('a priority review needs the qualification and the reason it is needed', () => {
    const f = reading({ service: 'priority-review-of-marking' });
    requirePriorityDetails(f);
    expect(found(f.errors)).toEqual([
      [
        'qualification',
        'Enter the qualification, like GCE A level: it decides whether a priority review of marking can be asked for.',
      ],
      [
        'reason',
        'Give the reason a priority review of marking is needed (for example, a university place depends on it).',
      ],
    ]);
  });
});

describe('dates, the original mark, the request an appeal follows, and the MIR indicator', () => {
  it('a typed UK date is written as ISO; a non-date is refused', () => {
    const f = reading({ consentDate: '14/08/2026', resultsIssued: 'soon' });
    readDates(f);
    expect(f.form.consentDate).toBe('2026-08-14');
    expect(found(f.errors)).toEqual([
      ['resultsIssued', 'Results issued "soon" is not a date: type it like 21/08/2026.'],
    ]);
  });

  it('the original mark is a number (readOriginalMark)', () => {
    const f = reading({ originalMark: 'fifty' });
    readOriginalMark(f);
    expect(found(f.errors)).toEqual([['originalMark', 'The original mark must be a number, like 54; "fifty" is not.']]);
  });

  it('an appeal names the review it follows, by an ID in any case (readRelatedRequest)', () => {
    const typed = reading({ service: 'appeal', relatedRequestId: 'r-2026-0042' });
    readRelatedRequest(typed);
    expect(typed.form.relatedRequestId).toBe('R-2026-0042');
    const blank = reading({ service: 'appeal' });
    readRelatedRequest(blank);
    expect(found(blank.errors)).toEqual([
      ['relatedRequestId', "An appeal must name the review it follows: enter that request's ID, like R-2026-0042."],
    ]);
  });

  it('a missing result names the indicator on the results (readIndicator)', () => {
    const typed = reading({ service: 'mir', indicator: 'x' });
    readIndicator(typed);
    expect(typed.form.indicator).toBe('X');
    const blank = reading({ service: 'mir' });
    readIndicator(blank);
    expect(found(blank.errors)).toEqual([
      ['indicator', 'Choose the indicator shown on the results: X, #, Q or missing.'],
    ]);
  });
});
