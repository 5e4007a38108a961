import {
  classifyMailError,
  decodeQueuedValues,
  encodeQueuedValues,
  entriesByKey,
  failedStatus,
  mailKey,
  parseMailStatus,
  planMail,
  type CorrespondenceEntry,
} from '../../src/domain/correspondence';

const entry = (row: number, status: CorrespondenceEntry['status'], to = 'amy@example.org'): CorrespondenceEntry => ({
  row,
  requestId: 'R-2026-0001',
  template: 'Request received',
  to,
  status,
});
const job = (to = 'amy@example.org', template = 'Request received') => ({ requestId: 'R-2026-0001', template, to });

describe('the Status column', () => {
  it.each([
    ['queued', 'queued'],
    ['Sending', 'sending'],
    ['sent', 'sent'],
    ['failed: Invalid email: amy@', 'failed'],
    // Written by hand (a letter, a phone call), or anything else: on file, so never sent again.
    ['', 'sent'],
    ['posted', 'sent'],
  ])('%p reads as %p', (cell, status) => {
    expect(parseMailStatus(cell)).toBe(status);
  });

  it('keeps the reason of a failure on one line', () => {
    expect(failedStatus('Invalid email:\n amy@')).toBe('failed: Invalid email: amy@');
  });
});

describe('exactly once: what a job does, given what is on file', () => {
  it('a job never seen is new; one on file as sent is skipped', () => {
    const onFile = entriesByKey([entry(2, 'sent')]);
    expect(planMail([job(), job('ben@example.org')], onFile)).toEqual([{ action: 'skip' }, { action: 'new' }]);
  });

  it('matches request ID, template and address loosely (case and spaces)', () => {
    expect(mailKey(' r-2026-0001', 'request  received', 'Amy@Example.org ')).toBe(
      mailKey('R-2026-0001', 'Request received', 'amy@example.org'),
    );
  });

  it('a different template or recipient for the same request is a different email', () => {
    const onFile = entriesByKey([entry(2, 'sent')]);
    expect(planMail([job('amy@example.org', 'Outcome: no change')], onFile)).toEqual([{ action: 'new' }]);
  });

  it('a "sending" row is uncertain: never sent again automatically', () => {
    expect(planMail([job()], entriesByKey([entry(7, 'sending')]))).toEqual([{ action: 'uncertain', row: 7 }]);
  });

  it('a queued or failed row is sent from the same row', () => {
    expect(planMail([job()], entriesByKey([entry(4, 'queued')]))).toEqual([{ action: 'retry', row: 4 }]);
    expect(planMail([job()], entriesByKey([entry(5, 'failed')]))).toEqual([{ action: 'retry', row: 5 }]);
  });

  it('the same job twice in one batch goes once', () => {
    expect(planMail([job(), job('AMY@example.org')], new Map())).toEqual([{ action: 'new' }, { action: 'skip' }]);
  });

  it('when a key has several rows, the one that says most is believed (sent over failed)', () => {
    const onFile = entriesByKey([entry(2, 'failed'), entry(3, 'sent'), entry(4, 'queued')]);
    expect(planMail([job()], onFile)).toEqual([{ action: 'skip' }]);
  });
});

describe('queued values', () => {
  it('round-trip through the sheet cell', () => {
    const values = { forename: 'Amy', servicesTable: 'AQA\n- Review: £48.65' };
    expect(decodeQueuedValues(encodeQueuedValues(values))).toEqual(values);
  });

  it('an edited, unreadable cell gives null rather than a half-filled email', () => {
    expect(decodeQueuedValues('{"forename": "Am')).toBeNull();
    expect(decodeQueuedValues('[1,2]')).toBeNull();
    expect(decodeQueuedValues('')).toBeNull();
  });
});

describe('MailApp errors', () => {
  it.each([
    ['Invalid email: amy@', 'recipient'],
    ['Failed to send email: no recipient', 'recipient'],
    ['Service invoked too many times for one day: email.', 'quota'],
    ['Service unavailable: Email', 'service'],
  ])('%p is a %p problem', (message, kind) => {
    expect(classifyMailError(message)).toBe(kind);
  });
});
