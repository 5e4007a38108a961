/**
 * What the "Results-day reminders" sidebar says, worked out from the
 * server's answers. The answers arrive as `unknown` and are read by shape,
 * so a changed or tampered answer shows as a message, never as a broken page.
 */
import type { QueueAnswer, ReminderChoices, RemindersAnswer } from '../../src/shared/answers';
import type { Read } from '../read';

/** getReminderOptions' answer as the page reads it (the template is the server's to use). */
export type Choices = Omit<ReminderChoices, 'template'>;

export type EmailPreview = RemindersAnswer['preview']['emails'][number];

/**
 * sendResultsDayReminders' answer as the page reads it: the preview's count
 * and emails beside the rest, the uncertain by address. A count an older
 * server does not send reads as 0.
 */
export type ReminderResult = Omit<RemindersAnswer, 'preview' | 'uncertain'> &
  RemindersAnswer['preview'] & { uncertain: string[] };

/** sendQueuedEmails' answer as the page reads it: the uncertain by address. */
export type QueueResult = Omit<QueueAnswer, 'uncertain'> & { uncertain: string[] };

type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const records = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/** An `{ ok: false, errors }` answer, or an answer that is not what was asked for, as messages. */
function failure(answer: unknown): { ok: false; messages: string[] } {
  if (isRecord(answer) && answer.ok === false) {
    const messages = records(answer.errors)
      .map((e) => str(e.message).trim())
      .filter(Boolean);
    if (messages.length > 0) return { ok: false, messages };
  }
  return { ok: false, messages: ['The add-on gave an answer this page cannot read. Nothing was sent.'] };
}

export function readChoices(answer: unknown): Read<Choices> {
  if (!isRecord(answer) || answer.ok !== true) return failure(answer);
  return {
    ok: true,
    value: {
      candidates: num(answer.candidates),
      withoutEmail: num(answer.withoutEmail),
      tutorGroups: strings(answer.tutorGroups),
      qualifications: strings(answer.qualifications),
    },
  };
}

const failedList = (v: unknown) => records(v).map((f) => ({ to: str(f.to), reason: str(f.reason) }));
const uncertainList = (v: unknown) => records(v).map((u) => str(u.to));

export function readReminderResult(answer: unknown): Read<ReminderResult> {
  if (!isRecord(answer) || answer.ok !== true || !isRecord(answer.preview)) return failure(answer);
  return {
    ok: true,
    value: {
      dryRun: answer.dryRun !== false,
      candidates: num(answer.candidates),
      sent: num(answer.sent),
      queued: num(answer.queued),
      skipped: num(answer.skipped),
      sentSoFar: num(answer.sentSoFar),
      total: num(answer.total),
      count: num(answer.preview.count),
      emails: records(answer.preview.emails).map((e) => ({
        to: str(e.to),
        subject: str(e.subject),
        body: str(e.body),
      })),
      withoutEmail: num(answer.withoutEmail),
      leftOut: strings(answer.leftOut),
      unconfirmed: strings(answer.unconfirmed),
      failed: failedList(answer.failed),
      uncertain: uncertainList(answer.uncertain),
      stoppedBecause: str(answer.stoppedBecause),
    },
  };
}

/** The officer's warning before sending: what families will not read about, and why. */
export function unconfirmedText(unconfirmed: readonly string[]): string[] {
  if (unconfirmed.length === 0) return [];
  return [
    `${plural(unconfirmed.length, 'service is', 'services are')} left out of every reminder until the Services sheet has its fee or deadline (families are asked to contact the exams office instead):`,
    ...unconfirmed.map((u) => `- ${u}`),
  ];
}

export function readQueueResult(answer: unknown): Read<QueueResult> {
  if (!isRecord(answer) || answer.ok !== true) return failure(answer);
  return {
    ok: true,
    value: {
      sent: num(answer.sent),
      queued: num(answer.queued),
      failed: failedList(answer.failed),
      uncertain: uncertainList(answer.uncertain),
      stoppedBecause: str(answer.stoppedBecause),
    },
  };
}

export function readLettersResult(answer: unknown): Read<{ letters: number; leftOut: number }> {
  if (!isRecord(answer) || answer.ok !== true) return failure(answer);
  return { ok: true, value: { letters: num(answer.letters), leftOut: num(answer.leftOut) } };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function choicesText(c: Choices): string {
  if (c.candidates === 0) return 'The Candidates sheet is empty: import the candidates from the MIS first.';
  const paper =
    c.withoutEmail === 0
      ? ''
      : ` ${c.withoutEmail} ${c.withoutEmail === 1 ? 'has' : 'have'} no email address: print them a letter.`;
  return `${plural(c.candidates, 'candidate')} in the Candidates sheet.${paper}`;
}

/** The lines above the three previews. */
export function previewText(r: ReminderResult): string[] {
  const lines = [
    r.count === 0
      ? 'No reminder is left to send for these candidates.'
      : r.emails.length === 1
        ? `${plural(r.count, 'reminder')} will be sent. It is below.`
        : `${plural(r.count, 'reminder')} will be sent. The first ${r.emails.length} are below.`,
  ];
  if (r.skipped > 0)
    lines.push(`${plural(r.skipped, 'candidate has', 'candidates have')} had one already this season.`);
  if (r.withoutEmail > 0)
    lines.push(`${plural(r.withoutEmail, 'candidate has', 'candidates have')} no email: print letters below.`);
  return lines;
}

/** The result of Send, as the officer reads it: "Sent 100, queued 150." and why it stopped. */
export function sendText(r: { sent: number; queued: number; stoppedBecause: string }): string[] {
  const lines = [`Sent ${r.sent}, queued ${r.queued}.`];
  if (r.queued > 0) lines.push(r.stoppedBecause || 'The daily check sends the queued ones each morning.');
  return lines;
}

/** Problems to list under the result: refused addresses and sends that may or may not have gone. */
export function problemLines(r: { failed: { to: string; reason: string }[]; uncertain: string[] }): string[] {
  return [
    ...r.failed.map((f) => `Not sent to ${f.to}: ${f.reason}`),
    ...r.uncertain.map(
      (to) =>
        `The email to ${to} may or may not have gone (a run stopped while sending). Check, then set its Status in Correspondence to "sent", or "queued" to send it again.`,
    ),
  ];
}

export function lettersText(r: { letters: number; leftOut: number }, everyone: boolean): string {
  if (r.letters === 0) {
    return everyone
      ? 'No letters: no candidate matches these filters.'
      : 'No letters: every candidate these filters pick has an email address. Tick "every candidate" to print them anyway.';
  }
  const left =
    r.leftOut > 0 ? ` ${plural(r.leftOut, 'candidate was', 'candidates were')} left out (see the dialog).` : '';
  return `${plural(r.letters, 'letter')} opened in a dialog: print from there.${left}`;
}

/** What one sitting of Send has seen: every call's answer and how long it took, as the page measured it. */
export interface Sitting {
  /** Of the batch, on file as sent after the last answer. */
  sentSoFar: number;
  /** Of the batch, still queued after the last answer. */
  queued: number;
  /** Sent by the calls of this sitting, and the time they took (ms, round trip included). */
  sentHere: number;
  msHere: number;
}

export function newSitting(): Sitting {
  return { sentSoFar: 0, queued: 0, sentHere: 0, msHere: 0 };
}

/** The sitting after one more answer that took `ms`. */
export function afterCall(s: Sitting, r: Pick<ReminderResult, 'sent' | 'queued' | 'sentSoFar'>, ms: number): Sitting {
  return {
    // An older server gives no sentSoFar: count what this sitting sent.
    sentSoFar: Math.max(r.sentSoFar, s.sentSoFar + r.sent),
    queued: r.queued,
    sentHere: s.sentHere + r.sent,
    msHere: s.msHere + Math.max(0, ms),
  };
}

/**
 * Whether the page calls again by itself: something is still queued and the
 * last call got some out. A call that sent nothing (the quota is spent, the
 * spreadsheet was busy) would only do the same again, so the page stops and
 * says why; Resume tries again when the officer chooses.
 */
export function keepGoing(r: Pick<ReminderResult, 'sent' | 'queued'>): boolean {
  return r.queued > 0 && r.sent > 0;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** "about 4 minutes" at the rate this sitting's calls have measured, or '' before there is one. */
export function timeLeftText(s: Sitting): string {
  if (s.queued === 0 || s.sentHere === 0 || s.msHere === 0) return '';
  const minutes = (s.queued * (s.msHere / s.sentHere)) / 60_000;
  if (minutes < 1) return 'less than a minute';
  const whole = Math.round(minutes);
  return `about ${whole} ${whole === 1 ? 'minute' : 'minutes'}`;
}

/** "612 of 1,000 sent, 388 to go, about 4 minutes" */
export function progressText(s: Sitting): string {
  const total = s.sentSoFar + s.queued;
  if (s.queued === 0) return `${count(s.sentSoFar)} of ${count(total)} sent. All done.`;
  const left = timeLeftText(s);
  return `${count(s.sentSoFar)} of ${count(total)} sent, ${count(s.queued)} to go${left ? `, ${left}` : ''}`;
}

/** What a screen reader hears for the bar: the same words, never a bare percentage. */
export function progressValueText(s: Sitting): string {
  return `${count(s.sentSoFar)} of ${count(s.sentSoFar + s.queued)} sent`;
}
