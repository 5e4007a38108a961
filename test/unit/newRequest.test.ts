import { newLogRow, type Taking } from '../../src/domain/newRequest';
import type { RequestForm } from '../../src/domain/types';
import { reviewRequestForm } from '../fixtures/forms';

/** Amy Brown's review of marking as the form sends it, checked. */
function form(over: Partial<RequestForm> = {}): RequestForm {
  return reviewRequestForm({ notes: 'Typed by the officer', ...over });
}

const TAKING: Taking = {
  requestId: 'R-2026-0007',
  sheet: 'Requests',
  received: '2026-08-21',
  consentSource: 'paper form',
  fee: 48.65,
  paid: 'yes',
  deadline: '2026-09-24',
  notes: 'Accepted after the board’s deadline: post delayed\nTyped by the officer',
};

describe('a new request goes into its log as Received, nothing else done yet', () => {
  it('keeps what the form says, with the ID, log, fee, deadline and notes taking decided', () => {
    const row = newLogRow(form(), TAKING);
    expect(row).toMatchObject({
      requestId: 'R-2026-0007',
      sheet: 'Requests',
      received: '2026-08-21',
      candidateNumber: '0042',
      surname: 'Brown',
      originalGrade: 'B',
      originalMark: '61',
      consentSource: 'paper form',
      fee: 48.65,
      paid: 'yes',
      deadline: '2026-09-24',
      notes: 'Accepted after the board’s deadline: post delayed\nTyped by the officer',
    });
  });

  it('has status Received, no flag, and every later step blank', () => {
    const row = newLogRow(form(), TAKING);
    expect(row.status).toBe('Received');
    expect(row.flags).toBe('');
    for (const step of [
      'paidOn',
      'paymentReference',
      'submittedToBoard',
      'boardReference',
      'acknowledged',
      'outcomeReceived',
      'newGrade',
      'newMark',
      'moderationOutcome',
      'scriptLink',
      'refundIssued',
      'misUpdated',
      'sorIssued',
    ] as const) {
      expect([step, row[step]]).toEqual([step, '']);
    }
  });

  it('records where consent was given only when the candidate consented', () => {
    expect(newLogRow(form({ consent: false, consentDate: '' }), TAKING).consentSource).toBe('');
  });

  it('a service with no deadline has a blank Deadline, not "null"', () => {
    expect(newLogRow(form(), { ...TAKING, deadline: null }).deadline).toBe('');
  });

  it('how the fee stands is what taking decided: an approved application is marked paid', () => {
    expect(newLogRow(form({ paid: 'no' }), { ...TAKING, paid: 'yes' }).paid).toBe('yes');
  });
});
