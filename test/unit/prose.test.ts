import { readableValue } from '../../src/domain/prose';

describe('what the officer reads on a page, not what is stored', () => {
  it.each([
    ['Fee', 48.65, '£48.65'],
    ['Amount', 1048, '£1,048.00'],
    ['Consent', true, 'Yes'],
    ['Consent', false, 'No'],
    ['Received', '2025-02-27', '27/02/2025'],
    ['Sent', '2026-08-20T09:15:00.000Z', '20/08/2026 09:15'],
    ['Service', 'priority-review-of-marking', 'Priority review of marking'],
    ['Requested by', 'teacher', 'Teacher'],
    ['Original mark', 61, '61'],
    ['Surname', 'review-of-marking', 'review-of-marking'],
  ])('%s %j reads %j', (header, value, shown) => {
    expect(readableValue(header, value)).toBe(shown);
  });
});
