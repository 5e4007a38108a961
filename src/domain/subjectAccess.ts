/**
 * One person's data, for a subject access request under UK GDPR: which rows
 * of the sheets are about the candidate, and none about anybody else.
 *
 * - Requests: every row of either log with the candidate's number.
 * - Correspondence: every message about one of those requests, and every
 *   message not about any request (a results-day reminder) sent to one of the
 *   candidate's addresses (their own, their parent's, or one given on a
 *   request). A message about another candidate's request is never included,
 *   even when it went to a shared family address: it is about the sibling.
 */

/** Addresses in a To cell: several may be separated by commas or semicolons. */
export function addressesIn(to: string): string[] {
  return String(to ?? '')
    .split(/[,;]/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

export interface MessageRef {
  requestId: string;
  to: string;
}

export function isAboutCandidate(
  message: MessageRef,
  ownRequestIds: ReadonlySet<string>,
  everyRequestId: ReadonlySet<string>,
  ownAddresses: ReadonlySet<string>,
): boolean {
  const id = message.requestId.trim();
  if (ownRequestIds.has(id)) return true;
  if (everyRequestId.has(id)) return false;
  return addressesIn(message.to).some((a) => ownAddresses.has(a));
}
