import { paymentsHeadline, paymentsLists, paymentText } from '../../sidebar/payments/paymentsView';
import type { PaymentsAnswer } from '../../src/shared/answers';

const payment = { line: 2, payer: 'J DEMO', pupil: '', reference: 'R-2026-0001', pence: 4865, date: '21/08/2026' };

const answer = {
  matched: [{ payment, requestId: 'R-2026-0001', by: 'reference' }],
  ambiguous: [],
  unmatchedPayments: [{ ...payment, line: 3, payer: '', reference: 'school trip' }],
  unpaid: ['R-2026-0002'],
  refused: [{ line: 4, reason: 'No amount.' }],
  applied: 1,
} as unknown as PaymentsAnswer;

describe('the Match payments page', () => {
  it('says each payment by line, amount, date, payer and reference', () => {
    expect(paymentText(payment)).toBe('line 2: £48.65 on 21/08/2026, J DEMO, “R-2026-0001”');
  });

  it('heads a preview with what it would do, and an apply with what it did', () => {
    expect(paymentsHeadline(answer, false)).toBe('1 to mark paid, 0 to check, 1 with no request.');
    expect(paymentsHeadline(answer, true)).toBe('1 marked paid.');
  });

  it('lists each kind, the refused lines among those to check, and none for an empty list', () => {
    expect(paymentsLists(answer)).toEqual({
      matched: ['R-2026-0001 ← line 2: £48.65 on 21/08/2026, J DEMO, “R-2026-0001” (by reference)'],
      ambiguous: ['line 4: No amount.'],
      unmatched: ['line 3: £48.65 on 21/08/2026, no payer, “school trip”'],
      unpaid: ['R-2026-0002'],
    });
    expect(paymentsLists({ ...answer, refused: [] }).ambiguous).toEqual(['none']);
  });
});
