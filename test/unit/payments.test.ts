import { matchPayments, parsePence, readPayments } from '../../src/domain/payments';
import { request } from './requestFixture';

describe('payment reports', () => {
  it('reads amounts as pence, with or without £ and thousands commas', () => {
    expect(parsePence('£48.65')).toBe(4865);
    expect(parsePence('1,048.6')).toBe(104860);
    expect(parsePence('-5.00')).toBeNull();
  });

  it('refuses a file without a reference, amount or date column and names what it has', () => {
    const read = readPayments('Name,Total\nA,1\n');
    expect(read).toEqual({ ok: false, message: expect.stringContaining('no reference, date column') });
  });

  it('never applies a request ID whose amount is not its fee', () => {
    const read = readPayments('Reference,Amount,Date\nR-2026-0001,40.00,21/08/2026\n');
    if (!read.ok) throw new Error(read.message);
    const m = matchPayments(read.payments, [request({ paid: 'no' })]);
    expect(m.matched).toEqual([]);
    expect(m.ambiguous[0].why).toContain('is not the fee of R-2026-0001 (£48.65)');
  });

  it('shows two payments for one request and applies neither', () => {
    const read = readPayments('Reference,Amount,Date\nR-2026-0001,48.65,21/08/2026\nR20260001,48.65,22/08/2026\n');
    if (!read.ok) throw new Error(read.message);
    const m = matchPayments(read.payments, [request({ paid: 'no' })]);
    expect(m.matched).toEqual([]);
    expect(m.ambiguous.map((a) => a.why)).toEqual([
      'More than one payment in the report is for this request.',
      'More than one payment in the report is for this request.',
    ]);
    expect(m.unpaid).toEqual(['R-2026-0001']);
  });
});
