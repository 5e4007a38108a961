/**
 * What a recorded outcome was, read from the log's own columns, so a grade
 * typed straight into the log counts as much as one recorded by the add-on.
 * The follow-ups, deadlines and emails all start from classifyOutcome.
 */
import { isIsoDate } from './calendar';
import { compareGrades, normaliseGrade } from './grades';
import { MODERATION_OUTCOMES, type PostResultsRequest, type ModerationOutcome } from './types';
import { isResultService, isReview, isScript } from './stages';

export type OutcomeKind =
  | 'grade-raised'
  | 'grade-lowered'
  /** The grade changed but no scale the add-on knows says which way. */
  | 'grade-changed'
  | 'mark-changed'
  | 'no-change'
  | 'script'
  /** A missing result or late certification: the board issued a result (or a different one). */
  | 'result-issued'
  /** The board confirmed the result the candidate already had. */
  | 'result-confirmed'
  /** Review of moderation: the centre's marks reinstated, or the moderated marks raised. */
  | 'moderation-raised'
  /** Review of moderation: marks lowered; grades published in the series are not lowered. */
  | 'moderation-lowered'
  | 'moderation-unchanged';

export function isGradeChange(kind: OutcomeKind | null): boolean {
  return kind === 'grade-raised' || kind === 'grade-lowered' || kind === 'grade-changed';
}

/**
 * Outcomes after which the school's records change: the MIS and an updated
 * Statement of Results (the school's procedure, seed 000). A grade change, a
 * result issued where there was none (or a different one), and moderated
 * marks raised (some candidates' grades may rise).
 */
export function changesRecords(kind: OutcomeKind | null): boolean {
  return isGradeChange(kind) || kind === 'result-issued' || kind === 'moderation-raised';
}

/** The grade did not change, so the candidate (or the centre) may take it to the next stage of appeal. */
export function noGradeChange(kind: OutcomeKind | null): boolean {
  return (
    kind === 'no-change' || kind === 'mark-changed' || kind === 'moderation-unchanged' || kind === 'moderation-lowered'
  );
}

export function isModerationOutcome(x: unknown): x is ModerationOutcome {
  return typeof x === 'string' && (MODERATION_OUTCOMES as readonly string[]).includes(x);
}

/** What each moderation outcome means, as the officer reads it. */
export const MODERATION_OUTCOME_TEXT: Readonly<Record<ModerationOutcome, string>> = {
  reinstated: "The centre's original marks were reinstated",
  raised: "The moderated marks were raised, but not to the centre's original marks",
  unchanged: 'The moderated marks did not change',
  lowered: 'The moderated marks were lowered',
};

function markNumber(mark: string): number | null {
  const s = String(mark ?? '').trim();
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

function sameMark(a: string, b: string): boolean {
  const x = markNumber(a);
  const y = markNumber(b);
  if (x !== null && y !== null) return x === y;
  return normaliseGrade(a) === normaliseGrade(b);
}

/**
 * What the recorded outcome was, from the log's own columns; null while there
 * is no outcome or it is too incomplete to judge (a review with no new grade,
 * or no original grade to compare it with).
 */
export function classifyOutcome(
  req: Pick<
    PostResultsRequest,
    'service' | 'qualification' | 'outcomeReceived' | 'originalGrade' | 'newGrade' | 'originalMark' | 'newMark'
  > &
    Partial<Pick<PostResultsRequest, 'moderationOutcome'>>,
): OutcomeKind | null {
  if (!isIsoDate(req.outcomeReceived)) return null;
  if (isScript(req.service)) return 'script';
  if (isResultService(req.service)) return resultChanged(req) ? 'result-issued' : 'result-confirmed';
  if (!isReview(req.service)) return null;
  const moderation = String(req.moderationOutcome ?? '').trim();
  if (req.service === 'review-of-moderation' && isModerationOutcome(moderation)) {
    if (moderation === 'reinstated' || moderation === 'raised') return 'moderation-raised';
    return moderation === 'lowered' ? 'moderation-lowered' : 'moderation-unchanged';
  }
  if (req.newGrade.trim() === '' || req.originalGrade.trim() === '') return null;
  switch (compareGrades(req.qualification, req.originalGrade, req.newGrade)) {
    case 'up':
      return 'grade-raised';
    case 'down':
      return 'grade-lowered';
    case 'unknown':
      return 'grade-changed';
    default: {
      const marked = req.newMark.trim() !== '' && req.originalMark.trim() !== '';
      return marked && !sameMark(req.originalMark, req.newMark) ? 'mark-changed' : 'no-change';
    }
  }
}

/** A missing result or late certification: a result where there was none, or a different one. */
function resultChanged(
  req: Pick<PostResultsRequest, 'qualification' | 'originalGrade' | 'newGrade' | 'originalMark' | 'newMark'>,
): boolean {
  const had = req.originalGrade.trim();
  if (had === '') return req.newGrade.trim() !== '';
  if (compareGrades(req.qualification, had, req.newGrade) !== 'same') return true;
  return req.newMark.trim() !== '' && !sameMark(req.originalMark, req.newMark);
}
