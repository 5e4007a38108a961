/**
 * The ten post-results services and what is true of each whatever the board
 * or series: which log it goes in, whether it is charged, whose consent it
 * needs. Fees and deadlines are not here: they change every year and live
 * in the officer's `Services` sheet.
 *
 * Sources: JCQ post-results booklet and the boards' pages, summarised in
 * shared/domain.md §1 and the validation rules at the end of §8.
 */
import { words } from './levels';
import { SERVICE_CODES, type Board, type ServiceCode, type ServiceInfo } from './types';

function service(info: Omit<ServiceInfo, 'log' | 'idPrefix'>): ServiceInfo {
  const scripts = info.code.startsWith('ats-');
  return { ...info, log: scripts ? 'Access to scripts' : 'Requests', idPrefix: scripts ? 'S' : 'R' };
}

const base = {
  priority: false,
  needsRelatedReview: false,
  deadlineFromOutcome: false,
  lateAccepted: true,
  centre: false,
} as const;

/*
 * Charging: the JCQ reviews and appeals are charged by every board, so a blank
 * fee means "not researched yet". Scripts are free at most boards but not all
 * (board-dependent), and MIR and late certification are administrative
 * (Pearson charges for a late cash-in): for those a blank fee means free.
 *
 * Consent: reviews and appeals can lower a mark, so the JCQ consent form
 * (which also covers "any subsequent appeal") is required. Scripts need the
 * JCQ access-to-scripts consent. Moderation is centre-level and cannot lower
 * a published grade; MIR and late certification are corrections.
 *
 * Appeals come in two stages, each its own request linked to the one before:
 * the preliminary appeal (stage 1) follows a review's outcome, the appeal
 * hearing (stage 2) follows the preliminary appeal's. The code `appeal` is
 * stage 1, so rows logged before the hearing existed still read the same.
 *
 * Late certification: OCR's page (seed 004) says "applications will not be
 * accepted after the deadline", so a late one is refused, not taken with a
 * reason. A review of moderation is the centre's request for one component.
 */
export const CATALOGUE: Readonly<Record<ServiceCode, ServiceInfo>> = {
  'clerical-recheck': service({
    ...base,
    code: 'clerical-recheck',
    name: 'Clerical re-check',
    charging: 'paid',
    consent: 'required',
    level: 'component',
  }),
  'review-of-marking': service({
    ...base,
    code: 'review-of-marking',
    name: 'Review of marking',
    charging: 'paid',
    consent: 'required',
    level: 'component',
  }),
  'priority-review-of-marking': service({
    ...base,
    code: 'priority-review-of-marking',
    name: 'Priority review of marking',
    charging: 'paid',
    consent: 'required',
    level: 'component',
    priority: true,
  }),
  'review-of-moderation': service({
    ...base,
    code: 'review-of-moderation',
    name: 'Review of moderation',
    charging: 'paid',
    consent: 'none',
    level: 'component',
    centre: true,
  }),
  appeal: service({
    ...base,
    code: 'appeal',
    name: 'Preliminary appeal',
    charging: 'paid',
    consent: 'required',
    level: 'component',
    needsRelatedReview: true,
    deadlineFromOutcome: true,
  }),
  'appeal-hearing': service({
    ...base,
    code: 'appeal-hearing',
    name: 'Appeal hearing',
    charging: 'paid',
    consent: 'required',
    level: 'component',
    needsRelatedReview: true,
    deadlineFromOutcome: true,
  }),
  mir: service({
    ...base,
    code: 'mir',
    name: 'Missing or incomplete result',
    charging: 'free-unless-priced',
    consent: 'none',
    level: 'qualification',
  }),
  'late-certification': service({
    ...base,
    code: 'late-certification',
    name: 'Late certification',
    charging: 'free-unless-priced',
    consent: 'none',
    level: 'qualification',
    lateAccepted: false,
  }),
  'ats-priority-copy': service({
    ...base,
    code: 'ats-priority-copy',
    name: 'Priority copy of script',
    charging: 'free-unless-priced',
    consent: 'script-access',
    level: 'component',
    priority: true,
  }),
  'ats-copy': service({
    ...base,
    code: 'ats-copy',
    name: 'Copy of script',
    charging: 'free-unless-priced',
    consent: 'script-access',
    level: 'component',
  }),
  'ats-original': service({
    ...base,
    code: 'ats-original',
    name: 'Original script',
    charging: 'free-unless-priced',
    consent: 'script-access',
    level: 'component',
  }),
};

export function isServiceCode(x: unknown): x is ServiceCode {
  return typeof x === 'string' && (SERVICE_CODES as readonly string[]).includes(x);
}

export function serviceInfo(code: ServiceCode): ServiceInfo {
  return CATALOGUE[code];
}

export function serviceName(code: ServiceCode): string {
  return CATALOGUE[code].name;
}

export function logFor(code: ServiceCode): ServiceInfo['log'] {
  return CATALOGUE[code].log;
}

/** Names a sheet may still hold from before the appeal stages had their own names. */
const SERVICE_ALIASES: Readonly<Record<string, ServiceCode>> = {
  'stage 1 appeal': 'appeal',
  'appeal stage 1': 'appeal',
  'stage 2 appeal': 'appeal-hearing',
  'appeal stage 2': 'appeal-hearing',
};

/**
 * A service as an officer may type it in a sheet: the code or the name shown,
 * in any case and spacing ('Review of Marking', ' review-of-marking ').
 */
export function parseServiceCode(text: unknown): ServiceCode | null {
  if (typeof text !== 'string') return null;
  const wanted = text.trim().replace(/\s+/g, ' ').toLowerCase();
  if (wanted === '') return null;
  for (const code of SERVICE_CODES) {
    if (code === wanted || CATALOGUE[code].name.toLowerCase() === wanted) return code;
  }
  return Object.prototype.hasOwnProperty.call(SERVICE_ALIASES, wanted) ? SERVICE_ALIASES[wanted] : null;
}

/*
 * Level 1/2 names are tested first so that, for example, "Cambridge Nationals"
 * is never mistaken for the Level 3 "Cambridge Advanced Nationals", and a
 * name that says both (a mistake) is not treated as Level 3.
 */
const NOT_LEVEL_3 = [
  / gcse /,
  / igcse /,
  / entry level /,
  / elc /,
  / cambridge nationals? /,
  / btec firsts? /,
  / (btec )?tech awards? /,
  / level [12] /,
  / l[12] /,
  / vocational awards? /,
  / (higher|foundation) project /,
];

const LEVEL_3 = [
  / gce /,
  / a ?levels? /,
  / as ?levels? /,
  / as /,
  / a2 /,
  / level 3 /,
  / l3 /,
  / cambridge technicals? /,
  / cambridge advanced nationals? /,
  / btec nationals? /,
  / applied generals? /,
  / core maths? /,
  / mathematical studies /,
  / extended project /,
  / epq /,
  / t ?levels? /,
];

/**
 * AS/A level and the other Level 3 qualifications that a priority review is
 * for (domain.md §1 and §7). An FSMQ is not assumed to be Level 3 unless its
 * name says so: some are Level 2.
 */
export function isLevel3Qualification(qualification: string): boolean {
  const text = words(String(qualification ?? ''));
  if (NOT_LEVEL_3.some((re) => re.test(text))) return false;
  return LEVEL_3.some((re) => re.test(text));
}

function isPearson(board: Board): boolean {
  return / (pearson|edexcel) /.test(words(String(board ?? '')));
}

export const PEARSON_GCSE_PRIORITY_WARNING =
  'Pearson Edexcel once offered a priority review of marking for GCSE: check that it still does before you submit this request.';

/**
 * Whether a priority review of marking may be asked for. JCQ makes it
 * available for A level and Level 3; AQA and OCR do not offer it for GCSE.
 * An older Pearson page reports a GCSE priority service, so at Pearson a GCSE
 * request is allowed but the officer is asked to check it.
 */
export function priorityAllowed(board: Board, qualification: string): { allowed: boolean; warning?: string } {
  if (isLevel3Qualification(qualification)) return { allowed: true };
  if (isPearson(board) && / gcse /.test(words(String(qualification ?? '')))) {
    return { allowed: true, warning: PEARSON_GCSE_PRIORITY_WARNING };
  }
  return { allowed: false };
}
