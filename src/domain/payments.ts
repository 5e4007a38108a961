/**
 * A payment system's report (ParentPay, SCOPAY, Tucasi, or a plain bank
 * list) matched to the unpaid requests. Pure: the adapter reads the logs and
 * writes only what `matchPayments` calls matched.
 *
 * A payment matches a request when its reference holds the request ID
 * (R-2026-0042, R20260042) and the amount is the fee; failing an ID, when the
 * candidate (number, or surname and forename) is named in it and the amount
 * is the fee of exactly one of their unpaid requests. Anything else is shown,
 * never applied: two requests it could be, two payments for one request, an
 * ID with another amount.
 */
import { formatMoney } from './formats';
import { parseUkOrIsoDate } from './calendar';
import { columnsBySynonym, headerWords } from './candidateImport';
import { readCsv } from './csv';
import { formatRequestId } from './requestId';
import type { IsoDate, PostResultsRequest } from './types';

export const PAYMENT_FIELDS = ['payer', 'pupil', 'reference', 'amount', 'date'] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

/** Headers the payment systems' exports use, best first (compared as headerWords). */
export const PAYMENT_HEADER_SYNONYMS: Readonly<Record<PaymentField, readonly string[]>> = {
  payer: ['payer', 'payer name', 'paid by', 'parent name', 'parent', 'account holder', 'name'],
  pupil: ['pupil', 'pupil name', 'child', 'child name', 'student', 'student name', 'candidate', 'consumer'],
  reference: ['reference', 'payment reference', 'ref', 'your reference', 'description', 'narrative', 'item', 'details'],
  amount: ['amount', 'amount paid', 'paid', 'value', 'credit', 'total', 'gross'],
  date: ['date', 'payment date', 'date paid', 'transaction date', 'paid on', 'created'],
};

export interface Payment {
  line: number;
  payer: string;
  pupil: string;
  reference: string;
  /** Pence, so 48.65 + 0.1 never goes astray. */
  pence: number;
  date: IsoDate;
}

export type PaymentsRead =
  { ok: true; payments: Payment[]; refused: { line: number; reason: string }[] } | { ok: false; message: string };

/** "£1,048.65", "48.65", "48.65 CR" as pence; null when it is not an amount paid in. */
export function parsePence(text: string): number | null {
  const s = text.replace(/[£,\s]|GBP|CR/gi, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [pounds, p = ''] = s.split('.');
  return Number(pounds) * 100 + Number(p.padEnd(2, '0'));
}

export function readPayments(text: string): PaymentsRead {
  const read = readCsv(text);
  if (!read.ok) return read;
  const records = read.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (records.length === 0) return { ok: false, message: 'The file is empty.' };
  const words = records[0].cells.map(headerWords);
  const col = columnsBySynonym(words, PAYMENT_FIELDS, PAYMENT_HEADER_SYNONYMS);
  const missing = (['reference', 'amount', 'date'] as const).filter((f) => col[f] === undefined);
  if (missing.length > 0) {
    return {
      ok: false,
      message: `The file's first line has no ${missing.join(', ')} column (it has: ${records[0].cells.join(', ')}). Export the payment report with payer, reference, amount and date.`,
    };
  }
  const payments: Payment[] = [];
  const refused: { line: number; reason: string }[] = [];
  for (const r of records.slice(1)) {
    const get = (f: PaymentField) => (col[f] === undefined ? '' : String(r.cells[col[f] as number] ?? '').trim());
    const pence = parsePence(get('amount'));
    const date = parseUkOrIsoDate(get('date').split(/[\sT]/)[0]);
    if (pence === null || pence === 0) {
      refused.push({ line: r.line, reason: `"${get('amount')}" is not an amount paid in.` });
      continue;
    }
    if (date === null) {
      refused.push({ line: r.line, reason: `"${get('date')}" is not a date.` });
      continue;
    }
    payments.push({ line: r.line, payer: get('payer'), pupil: get('pupil'), reference: get('reference'), pence, date });
  }
  return { ok: true, payments, refused };
}

export type Unpaid = Pick<
  PostResultsRequest,
  'requestId' | 'candidateNumber' | 'surname' | 'forename' | 'fee' | 'paid' | 'status'
>;

/** Requests waiting for a payment: a fee, Paid = no, not withdrawn. */
export function isAwaitingPayment(r: Unpaid): boolean {
  return r.paid === 'no' && r.fee !== null && r.fee > 0 && r.status !== 'Withdrawn';
}

export interface PaymentMatch {
  payment: Payment;
  requestId: string;
  by: 'request ID' | 'candidate and amount';
}

export interface PaymentsMatched {
  matched: PaymentMatch[];
  /** Shown to the officer, never applied. */
  ambiguous: { payment: Payment; requestIds: string[]; why: string }[];
  unmatchedPayments: Payment[];
  /** Requests still awaiting a payment after this report. */
  unpaid: string[];
}

const ID_IN_TEXT = /\b([RS])[-\s]?(\d{4})[-\s]?(\d{4})\b/gi;

function idsIn(text: string): string[] {
  return [...text.matchAll(ID_IN_TEXT)]
    .filter((m) => Number(m[3]) >= 1)
    .map((m) => formatRequestId(m[1].toUpperCase() as 'R' | 'S', Number(m[2]), Number(m[3])));
}

function pence(fee: number | null): number {
  return Math.round((fee ?? 0) * 100);
}

function names(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9\u00c0-\u024f']+/g, ' ')} `;
}

function namesCandidate(p: Payment, r: Unpaid): boolean {
  const about = names(`${p.pupil} ${p.reference}`);
  if (/^\d{4}$/.test(r.candidateNumber) && about.includes(` ${r.candidateNumber} `)) return true;
  const surname = names(r.surname).trim();
  const forename = names(r.forename).trim();
  return surname !== '' && forename !== '' && about.includes(` ${surname} `) && about.includes(` ${forename} `);
}

export function matchPayments(payments: readonly Payment[], requests: readonly Unpaid[]): PaymentsMatched {
  const waiting = requests.filter(isAwaitingPayment);
  const byId = new Map(waiting.map((r) => [r.requestId.toUpperCase(), r]));
  const proposed: { payment: Payment; requestId: string; by: PaymentMatch['by'] }[] = [];
  const ambiguous: PaymentsMatched['ambiguous'] = [];
  const unmatchedPayments: Payment[] = [];
  for (const p of payments) {
    const ids = [...new Set(idsIn(`${p.reference} ${p.pupil}`))];
    const named = ids.map((id) => byId.get(id)).filter((r): r is Unpaid => r !== undefined);
    if (ids.length > 0 && named.length > 0) {
      const exact = named.filter((r) => pence(r.fee) === p.pence);
      if (named.length === 1 && exact.length === 1)
        proposed.push({ payment: p, requestId: exact[0].requestId, by: 'request ID' });
      else if (exact.length === 1 && named.length > 1)
        ambiguous.push({
          payment: p,
          requestIds: named.map((r) => r.requestId),
          why: 'The reference names more than one request.',
        });
      else
        ambiguous.push({
          payment: p,
          requestIds: named.map((r) => r.requestId),
          why: `The amount ${formatMoney(p.pence / 100)} is not the fee of ${named.map((r) => `${r.requestId} (${formatMoney(r.fee ?? 0)})`).join(', ')}.`,
        });
      continue;
    }
    const candidates = waiting.filter((r) => pence(r.fee) === p.pence && namesCandidate(p, r));
    if (candidates.length === 1)
      proposed.push({ payment: p, requestId: candidates[0].requestId, by: 'candidate and amount' });
    else if (candidates.length > 1)
      ambiguous.push({
        payment: p,
        requestIds: candidates.map((r) => r.requestId),
        why: 'The candidate has more than one unpaid request of that amount: ask which it is for.',
      });
    else unmatchedPayments.push(p);
  }
  // Two payments for one request: neither is applied on a guess.
  const count = new Map<string, number>();
  for (const m of proposed) count.set(m.requestId, (count.get(m.requestId) ?? 0) + 1);
  const matched: PaymentMatch[] = [];
  for (const m of proposed) {
    if ((count.get(m.requestId) ?? 0) > 1) {
      ambiguous.push({
        payment: m.payment,
        requestIds: [m.requestId],
        why: 'More than one payment in the report is for this request.',
      });
    } else matched.push(m);
  }
  const paid = new Set(matched.map((m) => m.requestId));
  return {
    matched,
    ambiguous,
    unmatchedPayments,
    unpaid: waiting.filter((r) => !paid.has(r.requestId)).map((r) => r.requestId),
  };
}
