/**
 * The seal on a queued email: what the add-on queued, written as one text so
 * a keyed digest (HMAC-SHA256, src/mail/seal.ts) can prove at send time that
 * the row in `Correspondence` is the one the add-on wrote. A row typed or
 * pasted in by hand, or one whose recipient, template, request ID or queued
 * values were changed since, no longer matches and is never sent.
 *
 * The subject and body are not sealed: a queued email is filled in again from
 * its template and values when it goes, so those four fields are all that
 * decide what is sent (the Templates and Settings sheets are protected).
 */
import { mailKey } from './correspondence';

export interface SealedFields {
  requestId: string;
  template: string;
  to: string;
  /** The Queued values cell exactly as written (JSON). */
  queuedValues: string;
}

/** The text the digest is taken of; the key-part is normalised as the queue matches rows. */
export function sealPayload(f: SealedFields): string {
  return JSON.stringify(['post-results-tracker/mail/v1', mailKey(f.requestId, f.template, f.to), f.queuedValues]);
}

/** Compares two seals without stopping at the first different character. */
export function sealsMatch(a: string, b: string): boolean {
  const x = String(a ?? '').trim();
  const y = String(b ?? '').trim();
  if (x === '' || x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x.charCodeAt(i) ^ y.charCodeAt(i);
  return diff === 0;
}

export const UNSEALED_REASON =
  'Not sent: this queued row was not written by the add-on for this account (its Seal does not match what was queued), so it may have been added or changed by hand. Check it in Correspondence; if the email is needed, send it again from where it came from.';
