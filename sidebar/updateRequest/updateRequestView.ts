/**
 * What the "Update a request" sidebar decides, without the DOM: how a match
 * reads in the list, which steps a request can take next, which fields an
 * outcome needs, what to tell the officer after a change. Pure, so jest can
 * test it in node. Answers from the server are read by shape: nothing is
 * trusted to be there.
 */
import { formatUkDate } from '../../src/domain/formats';
import type { FieldError } from '../../src/domain/types';
import type { RequestMatch, RequestsFound } from '../../src/shared/answers';

/** findRequests' answer as the page reads it: each match read by shape (Match below). */
export type Found = Omit<RequestsFound, 'matches'> & { matches: Match[] };

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function text(x: unknown): string {
  return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '';
}

function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
}

const TEXT_KEYS = [
  'requestId',
  'sheet',
  'candidateNumber',
  'surname',
  'forename',
  'subject',
  'component',
  'service',
  'serviceName',
  'board',
  'status',
  'received',
  'deadline',
  'submittedToBoard',
  'boardReference',
  'acknowledged',
  'outcomeReceived',
  'originalGrade',
  'originalMark',
  'newGrade',
  'newMark',
  'requestedBy',
  'email',
  'teacherEmail',
  'refundIssued',
  'misUpdated',
  'sorIssued',
  'refundNote',
  'flags',
  'candidatesCovered',
  'moderationOutcome',
] as const satisfies ReadonlyArray<keyof RequestMatch>;

/**
 * One row of findRequests().matches as the page reads it: the server's
 * RequestMatch fields it uses, each text field read as plain text (nothing is
 * trusted to be a date or a status until the page checks it).
 */
export type Match = { [K in (typeof TEXT_KEYS)[number]]: string } & Pick<
  RequestMatch,
  'isScript' | 'refundDue' | 'openFollowUps'
>;

function readMatch(x: unknown): Match | null {
  if (!isRecord(x) || text(x.requestId) === '') return null;
  const m = {} as Match;
  for (const k of TEXT_KEYS) m[k] = text(x[k]);
  m.isScript = x.isScript === true;
  m.refundDue = x.refundDue === true;
  m.openFollowUps = strings(x.openFollowUps);
  return m;
}

/** A server answer's errors, or one saying the answer could not be read. */
export function readErrors(answer: unknown): FieldError[] {
  if (isRecord(answer) && Array.isArray(answer.errors)) {
    const errors = answer.errors
      .filter(isRecord)
      .map((e) => ({ field: text(e.field) || 'form', message: text(e.message) || 'Something went wrong.' }));
    if (errors.length > 0) return errors;
  }
  return [
    { field: 'form', message: 'The add-on gave an answer the sidebar cannot read. Close and reopen the sidebar.' },
  ];
}

export function readFound(answer: unknown): { ok: true; found: Found } | { ok: false; errors: FieldError[] } {
  if (!isRecord(answer) || answer.ok !== true || !Array.isArray(answer.matches)) {
    return { ok: false, errors: readErrors(answer) };
  }
  const matches = answer.matches.map(readMatch).filter((m): m is Match => m !== null);
  return { ok: true, found: { matches, more: answer.more === true, today: text(answer.today) } };
}

/** The line a match shows in the list: enough to tell two requests of one candidate apart. */
export function matchLabel(m: Match): string {
  const name = [m.surname, m.forename].filter((s) => s !== '').join(', ');
  const paper = [m.subject, m.component].filter((s) => s !== '').join(' ');
  return [m.requestId, name, paper, m.serviceName || m.service, m.status].filter((s) => s !== '').join(' · ');
}

/** "3 requests found", or what to do when there are none or too many. */
export function foundText(found: Found, query: string): string {
  const n = found.matches.length;
  if (n === 0)
    return `No request matches "${query}". Try part of the surname, the 4-digit candidate number or the request ID.`;
  const base = n === 1 ? '1 request found.' : `${n} requests found.`;
  return found.more ? `${base} Only the first ${n} are shown: type more of the name.` : base;
}

function uk(date: string): string {
  return date === '' ? '' : formatUkDate(date);
}

/** The facts of the chosen request, as term / detail pairs (blank ones left out). */
export function summaryRows(m: Match): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['Candidate', `${m.forename} ${m.surname} (${m.candidateNumber})`.trim()],
    ['Exam', [m.board, m.subject, m.component].filter((s) => s !== '').join(' ')],
    ['Service', m.serviceName || m.service],
    ['Status', m.status],
    ['Received', uk(m.received)],
    ['Board deadline', uk(m.deadline)],
    [
      'Submitted',
      [uk(m.submittedToBoard), m.boardReference ? `ref. ${m.boardReference}` : ''].filter(Boolean).join(', '),
    ],
    ['Acknowledged', uk(m.acknowledged)],
    ['Outcome', uk(m.outcomeReceived)],
    ['Grade', [m.originalGrade, m.newGrade].filter(Boolean).join(' → ')],
    ['Mark', [m.originalMark, m.newMark].filter(Boolean).join(' → ')],
    ['Candidates covered', m.candidatesCovered],
    ['Moderation', MODERATION_TEXT[m.moderationOutcome] ?? m.moderationOutcome],
    ['Flags', m.flags],
  ];
  return rows.filter(([, v]) => v.trim() !== '');
}

export type StepName = 'submission' | 'acknowledgement' | 'outcome' | 'followUps' | 'withdraw';

const DONE = new Set(['Closed', 'Withdrawn']);

/**
 * The steps the request can take now. The server decides (and says why not);
 * this only avoids offering what cannot be done: no acknowledgement before a
 * submission, nothing after an outcome but its follow-ups.
 */
export function stepsFor(m: Match): StepName[] {
  if (m.status === 'Withdrawn') return [];
  const steps: StepName[] = [];
  const open = !DONE.has(m.status);
  const hasOutcome = m.outcomeReceived !== '';
  if (open && !hasOutcome && m.acknowledged === '') steps.push('submission');
  if (open && !hasOutcome && m.submittedToBoard !== '') {
    if (m.acknowledged === '') steps.push('acknowledgement');
    steps.push('outcome');
  }
  if (hasOutcome && m.openFollowUps.length > 0) steps.push('followUps');
  if (open && !hasOutcome) steps.push('withdraw');
  return steps;
}

const MODERATION_TEXT: Readonly<Record<string, string>> = {
  reinstated: "Centre's original marks reinstated",
  raised: "Marks raised (not to the centre's original)",
  unchanged: 'No change to the moderated marks',
  lowered: 'Marks lowered',
};

/**
 * Which outcome fields apply: a review's grades (and the originals the log
 * lacks), a script's link, or what a review of moderation decided (it covers
 * the centre's sample, so it has no one grade).
 */
export function outcomeFields(m: Match): {
  grades: boolean;
  originalGrade: boolean;
  originalMark: boolean;
  script: boolean;
  moderation: boolean;
} {
  const moderation = m.service === 'review-of-moderation';
  const grades = !m.isScript && !moderation;
  const review = grades && m.service !== 'mir' && m.service !== 'late-certification';
  return {
    grades,
    originalGrade: review && m.originalGrade === '',
    originalMark: review && m.originalMark === '',
    script: m.isScript,
    moderation,
  };
}

/** The outcome in one line: a script is ready, a result issued, or whether the grade changed. */
export function outcomeLine(answer: Record<string, unknown>): string {
  switch (text(answer.kind)) {
    case 'script':
      return 'The script is ready.';
    case 'result-issued':
      return 'The board issued the result.';
    case 'result-confirmed':
      return 'The board confirmed the result already issued.';
    case 'moderation-raised':
      return "The moderated marks were raised (or the centre's reinstated).";
    case 'moderation-lowered':
      return 'The moderated marks were lowered; published grades stay as they are.';
    case 'moderation-unchanged':
      return 'The moderated marks did not change.';
    case 'mark-changed':
      return 'The mark changed, but the grade did not.';
    default:
      return answer.gradeChanged === true ? 'The grade changed.' : 'The grade did not change.';
  }
}

/** The choices of who a script goes to, each with the address it goes to. */
export function recipientChoices(m: Match): Array<{ value: string; label: string }> {
  const choices = [{ value: 'candidate', label: `The candidate${m.email ? ` (${m.email})` : ''}` }];
  if (m.teacherEmail !== '') choices.push({ value: 'teacher', label: `The teacher (${m.teacherEmail})` });
  return choices;
}

export function defaultRecipient(m: Match): string {
  return m.requestedBy === 'teacher' && m.teacherEmail !== '' ? 'teacher' : 'candidate';
}

/** The follow-up fields still to fill in. */
export function followUpFields(m: Match): Array<'refundIssuedOn' | 'misUpdatedOn' | 'sorIssuedOn'> {
  const fields: Array<'refundIssuedOn' | 'misUpdatedOn' | 'sorIssuedOn'> = [];
  if (m.openFollowUps.includes('refund')) fields.push('refundIssuedOn');
  if (m.openFollowUps.includes('mis')) fields.push('misUpdatedOn');
  if (m.openFollowUps.includes('sor')) fields.push('sorIssuedOn');
  return fields;
}

/** What the officer is told after a change, one line each, from the server's answer. */
export function resultLines(step: StepName, answer: Record<string, unknown>): string[] {
  const id = text(answer.requestId);
  const status = text(answer.status);
  const lines: string[] = [];
  const said: Record<StepName, string> = {
    submission: 'Submission recorded',
    acknowledgement: 'Acknowledgement recorded',
    outcome: 'Outcome recorded',
    followUps: 'Follow-ups recorded',
    withdraw: 'Request withdrawn',
  };
  lines.push(`${said[step]} for ${id}. Status: ${status}.`);
  if (step === 'outcome') {
    lines.push(outcomeLine(answer));
    const emailed = strings(answer.emailed);
    const queued = strings(answer.queued);
    if (emailed.length > 0) lines.push(`Emailed: ${emailed.join(', ')}.`);
    if (queued.length > 0) lines.push(`Queued to send later: ${queued.join(', ')}.`);
    if (emailed.length === 0 && queued.length === 0) lines.push('Nobody was emailed.');
  }
  for (const f of strings(answer.followUps)) lines.push(`To do: ${f}`);
  if (step === 'followUps') {
    const open = strings(answer.open);
    lines.push(
      open.length === 0 ? 'Nothing is left to do: the request is closed.' : `Still to do: ${open.join('; ')}.`,
    );
  }
  for (const w of strings(answer.warnings)) lines.push(`Note: ${w}`);
  return lines;
}
