/**
 * The rules of the `Correspondence` sheet, where every email is on file and
 * which makes each send happen at most once.
 *
 * A message is one row, keyed by request ID, template and recipient. Its
 * Status moves queued -> sending -> sent (or failed). "sending" is written
 * before MailApp is called and "sent" straight after, so a run that dies in
 * between leaves "sending": the message may or may not have gone, and it is
 * reported to the officer as uncertain, never sent again by itself. The
 * officer looks in the Sent folder and sets the Status to "sent" (it went)
 * or "queued" (send it again).
 *
 * A row the officer wrote by hand (a letter, a phone call), with a blank or
 * any other Status, counts as sent: when in doubt, do not send twice.
 */

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** The Status cell as a state; the reason after "failed:" is for the officer. */
export function parseMailStatus(cell: unknown): MailStatus {
  const word = String(cell ?? '')
    .trim()
    .toLowerCase()
    .split(':')[0]
    .trim();
  return word === 'queued' || word === 'sending' || word === 'failed' ? word : 'sent';
}

/** The Status text of a refused send, with why (never a name: the reason comes from MailApp or the template check). */
export function failedStatus(reason: string): string {
  return `failed: ${reason.replace(/\s+/g, ' ').trim()}`;
}

/** Addresses are not case-sensitive in practice; request IDs and template names are matched loosely too. */
export function mailKey(requestId: string, template: string, to: string): string {
  const norm = (s: string) =>
    String(s ?? '')
      .trim()
      .replace(/\s+/g, ' ')
      .toLowerCase();
  return [norm(requestId), norm(template), norm(to)].join('\u0000');
}

export interface CorrespondenceEntry {
  /** Sheet row. */
  row: number;
  requestId: string;
  to: string;
  template: string;
  status: MailStatus;
}

/** When one key has several rows (pasted twice by hand), the strongest says what happened. */
const STRENGTH: Record<MailStatus, number> = { sent: 3, sending: 2, queued: 1, failed: 0 };

export function entriesByKey<E extends CorrespondenceEntry>(entries: readonly E[]): Map<string, E> {
  const byKey = new Map<string, E>();
  for (const e of entries) {
    if (e.requestId.trim() === '' && e.to.trim() === '') continue;
    const key = mailKey(e.requestId, e.template, e.to);
    const have = byKey.get(key);
    if (have === undefined || STRENGTH[e.status] > STRENGTH[have.status]) byKey.set(key, e);
  }
  return byKey;
}

export type MailDecision =
  /** Nothing on file: a new row, queued, then sent. */
  | { action: 'new' }
  /** On file as queued or failed: the same row is sent now. */
  | { action: 'retry'; row: number }
  /** On file as sent, or earlier in this batch: not sent again. */
  | { action: 'skip' }
  /** On file as sending: a run stopped between sending and recording. */
  | { action: 'uncertain'; row: number };

/** What to do with each job, given what is on file. */
export function planMail<E extends CorrespondenceEntry>(
  jobs: ReadonlyArray<{ requestId: string; template: string; to: string }>,
  onFile: Map<string, E>,
): MailDecision[] {
  const seen = new Set<string>();
  return jobs.map((job): MailDecision => {
    const key = mailKey(job.requestId, job.template, job.to);
    if (seen.has(key)) return { action: 'skip' };
    seen.add(key);
    const entry = onFile.get(key);
    if (entry === undefined) return { action: 'new' };
    switch (entry.status) {
      case 'sent':
        return { action: 'skip' };
      case 'sending':
        return { action: 'uncertain', row: entry.row };
      default:
        return { action: 'retry', row: entry.row };
    }
  });
}

/** A queued job's values as stored in its row, so the daily run can send it later. */
export function encodeQueuedValues(values: Readonly<Record<string, string>>): string {
  return JSON.stringify(values);
}

/** The stored values, or null when the cell was edited into something unreadable. */
export function decodeQueuedValues(cell: unknown): Record<string, string> | null {
  const text = String(cell ?? '').trim();
  if (text === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof v === 'string') out[k] = v;
    }
    return out;
  } catch {
    return null;
  }
}

/** How a MailApp error should be handled: the address is at fault, today's quota is spent, or the service is. */
export function classifyMailError(message: string): 'recipient' | 'quota' | 'service' {
  if (/too many times|quota|limit exceeded/i.test(message)) return 'quota';
  if (/invalid email|invalid argument|no recipient|recipient/i.test(message)) return 'recipient';
  return 'service';
}
