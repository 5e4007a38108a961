/**
 * The values that fill a template's placeholders, written for people: dates
 * as "Thursday 24 September 2026", a fee as "£48.65" or "Free", a service by
 * its name. A value that is not known is '' and the renderer refuses a
 * template that uses it, so nobody gets "Dear ," or a blank deadline.
 */
import { isIsoDate } from './calendar';
import { CATALOGUE, isServiceCode } from './catalogue';
import { DEFAULT_EPRS_WINDOW_DAYS } from './deadlines';
import { familyDeadline, formatFee, formatLongDate } from './formats';
import type { PostResultsRequest, ServiceCode, Settings, TemplateName } from './types';

/** The centre's own details, from `Settings`: the same in every message. */
export function commonValues(settings: Settings): Record<string, string> {
  return {
    centreName: settings.centreName,
    centreAddress: settings.centreAddress,
    officerName: settings.officerName,
    officerEmail: settings.officerEmail,
    sltContact: settings.sltContact,
    enquiriesContact: settings.enquiriesContact,
  };
}

export interface CandidateNames {
  candidateNumber: string;
  surname: string;
  forename: string;
}

/** A candidate's own placeholders, for messages that are not about one request (the results-day reminder). */
export function valuesForCandidate(candidate: CandidateNames): Record<string, string> {
  const forename = candidate.forename.trim();
  const surname = candidate.surname.trim();
  return {
    forename,
    surname,
    candidateName: [forename, surname].filter((s) => s !== '').join(' '),
    candidateNumber: candidate.candidateNumber.trim(),
  };
}

/** Placeholders that hold a day: given as `YYYY-MM-DD` by a caller, they are written out in full. */
const DATE_VALUES = new Set(['deadline', 'received', 'appealDeadline', 'eprsDeadline', 'reviewDeadline', 'today']);
/** Days a family must act by: a weekend or bank holiday also gives the school's last working day before it. */
const FAMILY_DEADLINES = new Set(['appealDeadline', 'eprsDeadline', 'reviewDeadline']);

function longDate(date: string): string {
  return date === '' ? '' : formatLongDate(date);
}

/**
 * Every placeholder a message about `req` may use. `extra` adds or overrides
 * values the request does not hold: `appealDeadline` (worked out by the daily
 * check from the outcome), `digest`, `servicesTable`, `today`. A date given
 * in `extra` as `YYYY-MM-DD` is written out like the others.
 */
export function valuesForRequest(
  req: PostResultsRequest,
  settings: Settings,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const values: Record<string, string> = {
    ...commonValues(settings),
    ...valuesForCandidate(req),
    subject: req.subject,
    // A qualification-level service (a missing result, late certification) has no paper.
    component: req.component.trim() === '' ? 'whole qualification' : req.component,
    board: req.board,
    qualification: req.qualification,
    series: req.series,
    service: isServiceCode(req.service) ? CATALOGUE[req.service].name : String(req.service ?? ''),
    fee: formatFee(req.fee),
    deadline: longDate(req.deadline),
    requestId: req.requestId,
    received: longDate(req.received),
    originalMark: req.originalMark,
    newMark: req.newMark,
    originalGrade: req.originalGrade,
    newGrade: req.newGrade,
    appealDeadline: '',
    eprsDeadline: '',
    reviewDeadline: '',
    eprsWindowDays: String(settings.eprsWindowDays ?? DEFAULT_EPRS_WINDOW_DAYS),
    previousResult: '',
    scriptLink: req.scriptLink,
    scriptRecipient: recipientFor(req),
    teacherEmail: req.teacherEmail,
  };
  for (const [key, value] of Object.entries(extra)) {
    const v = String(value ?? '');
    const day = v.trim();
    if (FAMILY_DEADLINES.has(key) && isIsoDate(day)) values[key] = familyDeadline(day, settings.bankHolidays ?? []);
    else values[key] = DATE_VALUES.has(key) && isIsoDate(day) ? formatLongDate(day) : v;
  }
  return values;
}

/**
 * Who hears about a request: the teacher who asked for a script (the script
 * goes to them), otherwise the candidate. '' when there is no address: the
 * candidate is told on paper.
 */
export function recipientFor(
  req: Pick<PostResultsRequest, 'service' | 'requestedBy' | 'teacherEmail' | 'email'>,
): string {
  const script = isServiceCode(req.service) && CATALOGUE[req.service].log === 'Access to scripts';
  if (script && req.requestedBy === 'teacher' && req.teacherEmail.trim() !== '') return req.teacherEmail.trim();
  return req.email.trim();
}

/** The email that confirms a new request: an appeal and a missing result have their own wording. */
export function confirmationTemplate(service: ServiceCode): TemplateName {
  if (service === 'appeal' || service === 'appeal-hearing') return 'Appeal received';
  if (service === 'mir') return 'Missing or incomplete result raised';
  return 'Request received';
}
