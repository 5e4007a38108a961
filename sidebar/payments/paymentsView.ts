/**
 * What the Match payments page says, as plain functions of the server's
 * answers (so they are tested without a browser). Every text here is shown
 * with textContent, never as HTML.
 */
import { formatMoney } from '../../src/domain/formats';
import type { Payment } from '../../src/domain/payments';
import type { PaymentsAnswer } from '../../src/shared/answers';

/** 'line 3: £48.65 on 21/08/2026, J Smith, “R-2026-0001”'. */
export function paymentText(p: Payment): string {
  return `line ${p.line}: ${formatMoney(p.pence / 100)} on ${p.date}, ${p.payer || 'no payer'}, “${p.reference}”`;
}

export function paymentsHeadline(a: PaymentsAnswer, applied: boolean): string {
  return applied
    ? `${a.applied} marked paid.`
    : `${a.matched.length} to mark paid, ${a.ambiguous.length} to check, ${a.unmatchedPayments.length} with no request.`;
}

/** The page's four lists, each line as shown; an empty list reads 'none'. */
export function paymentsLists(a: PaymentsAnswer): Record<'matched' | 'ambiguous' | 'unmatched' | 'unpaid', string[]> {
  const orNone = (items: string[]) => (items.length ? items : ['none']);
  return {
    matched: orNone(a.matched.map((m) => `${m.requestId} ← ${paymentText(m.payment)} (by ${m.by})`)),
    ambiguous: orNone([
      ...a.ambiguous.map((m) => `${paymentText(m.payment)}: ${m.why} ${m.requestIds.join(', ')}`),
      ...a.refused.map((r) => `line ${r.line}: ${r.reason}`),
    ]),
    unmatched: orNone(a.unmatchedPayments.map(paymentText)),
    unpaid: orNone(a.unpaid),
  };
}
