/**
 * "Match payments": the payment system's report against the unpaid requests.
 * Preview writes nothing; Apply matches again under the lock (against the
 * logs as they are then) and marks only the matched requests paid, in one
 * write per log.
 */
import { matchPayments, readPayments, type Payment } from '../domain/payments';
import { LOG_COLUMNS, SHEET } from '../domain/schema';
import type { FieldError, LogName } from '../domain/types';
import { withDocumentLock } from '../sheets/lock';
import { readLog, type Log } from '../sheets/requestLog';
import { patchRows } from '../sheets/rowPatch';
import { requireHeaders } from '../sheets/table';
import { activeSpreadsheet, timeZoneOf } from '../sheets/workbook';
import { answer, type Answer } from './respond';
import type { PaymentsAnswer } from '../shared/answers';

const LOGS: readonly LogName[] = [SHEET.requests, SHEET.scripts];
const PAID_SPECS = LOG_COLUMNS.filter((c) => ['Paid', 'Paid on', 'Payment reference'].includes(c.header));
/** The longest CSV text taken in one call (a season's payments are a few hundred lines). */
const MAX_CSV_CHARS = 2_000_000;

function refuse(message: string): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field: 'csv', message }] };
}

function plan(csvText: unknown, logs: readonly Log[]): Answer<PaymentsAnswer> {
  if (typeof csvText !== 'string' || csvText.length > MAX_CSV_CHARS)
    return refuse('Paste or choose the payment report (a CSV file).');
  const read = readPayments(csvText);
  if (!read.ok) return refuse(read.message);
  const matched = matchPayments(
    read.payments,
    logs.flatMap((l) => l.requests),
  );
  return { ok: true, ...matched, refused: read.refused, applied: 0 };
}

/** `previewPayments(csvText)`: what the report would mark paid, and what it leaves; writes nothing. */
export function previewPayments(csvText: unknown): Answer<PaymentsAnswer> {
  return answer((): Answer<PaymentsAnswer> => {
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    return plan(
      csvText,
      LOGS.map((n) => readLog(ss, n, tz)),
    );
  });
}

function referenceOf(p: Payment): string {
  return [p.reference, p.payer]
    .filter((s) => s !== '')
    .join(' / ')
    .slice(0, 200);
}

/** `applyPayments(csvText)`: marks the matched requests paid (Paid on, Payment reference), all in one hold. */
export function applyPayments(csvText: unknown): Answer<PaymentsAnswer> {
  return answer((): Answer<PaymentsAnswer> => {
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    return withDocumentLock((): Answer<PaymentsAnswer> => {
      const logs = LOGS.map((n) => readLog(ss, n, tz));
      const planned = plan(csvText, logs);
      if (!planned.ok) return planned;
      for (const log of logs) requireHeaders(log.table, PAID_SPECS);
      let applied = 0;
      for (const log of logs) {
        const changes = new Map<number, Record<string, unknown>>();
        for (const m of planned.matched) {
          const req = log.requests.find((r) => r.requestId === m.requestId);
          if (!req) continue;
          changes.set(req.row, { Paid: 'yes', 'Paid on': m.payment.date, 'Payment reference': referenceOf(m.payment) });
        }
        patchRows(log.table, PAID_SPECS, changes, tz);
        applied += changes.size;
      }
      return { ...planned, applied };
    });
  });
}
