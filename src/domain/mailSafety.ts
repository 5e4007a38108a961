/**
 * What the mailer checks on every message before it leaves, whichever path
 * queued it (reminder, outcome, confirmation, digest, any future one):
 *
 * - a header never carries a line break or any other control character
 *   (a CR/LF in the sender's name or subject could start a new header);
 * - the recipient field is exactly one valid address, so one message never
 *   reaches two families.
 *
 * Pure: the mailer (src/mail/mailer.ts) calls these where a row is queued and
 * where a claimed row is about to be sent.
 */
import type { Settings } from './types';
import { isEmailAddress } from './validation';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/**
 * A header's text with every control character (CR, LF, tab, NUL, the
 * Unicode line and paragraph separators, bidirectional overrides) turned into
 * a space, spaces run together, and the ends trimmed.
 */
export function cleanHeader(text: unknown): string {
  return String(text ?? '')
    .replace(CONTROL, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export type RecipientCheck =
  { ok: true; address: string } | { ok: false; problem: 'blank' | 'several' | 'invalid'; count: number };

/** Whether a recipient field holds exactly one valid address (after cleaning), and if not, what is wrong. */
export function checkRecipient(field: unknown): RecipientCheck {
  const text = cleanHeader(field);
  if (text === '') return { ok: false, problem: 'blank', count: 0 };
  // Two "@" is two addresses, however they are separated (comma, semicolon, space, a line break).
  const ats = (text.match(/@/g) ?? []).length;
  if (ats > 1) return { ok: false, problem: 'several', count: ats };
  if (!isEmailAddress(text)) return { ok: false, problem: 'invalid', count: 1 };
  return { ok: true, address: text };
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function howMany(n: number): string {
  return n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : String(n);
}

/**
 * Why a recipient field is refused, in the officer's words, or null when it
 * is exactly one valid address. `field` names the cell the address came from
 * ("the email cell for Pupil, Sam"), `fix` where to mend it ("Candidates row 7").
 * A single malformed address keeps MailApp's own wording ("Invalid email: x@"),
 * so the officer reads one message whichever check met it first.
 */
export function recipientRefusal(to: unknown, source: { field?: string; fix?: string } = {}): string | null {
  const check = checkRecipient(to);
  if (check.ok) return null;
  const field = source.field ?? 'the recipient field';
  const fix = source.fix ? ` Put one address in ${source.fix} and send it again.` : '';
  switch (check.problem) {
    case 'blank':
      return `Not sent: ${field} is empty.${fix}`;
    case 'several':
      return `Not sent: ${field} holds ${howMany(check.count)} addresses; one message goes to one address only.${fix}`;
    default:
      return `Invalid email: ${cleanHeader(to)}`;
  }
}

export interface MailHeaders {
  to: string;
  subject: string;
  replyTo?: string;
  name?: string;
}

/**
 * Every header of a message, as MailApp is given them: recipient, subject,
 * reply-to (the officer) and sender's name (the centre), each cleaned of
 * control characters. A reply-to that is not exactly one address is left off
 * (replies then go to the sending account); a blank name is left to Gmail.
 */
export function mailHeaders(
  settings: Pick<Settings, 'officerEmail' | 'centreName'>,
  to: string,
  subject: string,
): MailHeaders {
  const headers: MailHeaders = { to: cleanHeader(to), subject: cleanHeader(subject) };
  const replyTo = checkRecipient(settings.officerEmail);
  if (replyTo.ok) headers.replyTo = replyTo.address;
  const name = cleanHeader(settings.centreName);
  if (name !== '') headers.name = name;
  return headers;
}
