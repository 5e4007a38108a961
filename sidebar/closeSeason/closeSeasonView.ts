/**
 * What the Close season page shows, as plain functions of the server's answers (so
 * they are tested without a browser). Every text here is shown with
 * textContent, never as HTML.
 */
import type { CloseSeasonAnswer } from '../../src/shared/answers';
import { isObject, num, plural, refusal, str, UNREADABLE, type Read } from '../read';

/**
 * closeSeason's answer as the page reads it: every field of CloseSeasonAnswer
 * but the archive's rows, each count read as a number (0 when missing).
 */
export type CloseSeasonResult = Omit<CloseSeasonAnswer, 'kept' | 'archived'> & {
  kept: Partial<CloseSeasonAnswer['kept']>;
  archived: Pick<CloseSeasonAnswer['archived'], 'requests' | 'feesPaid' | 'refundsIssued'>;
};

export function readCloseSeason(answer: unknown): Read<CloseSeasonResult> {
  if (!isObject(answer)) return { ok: false, messages: [UNREADABLE] };
  if (answer.ok !== true) return { ok: false, messages: refusal(answer) };
  const counts = (x: unknown): Record<string, number> =>
    isObject(x) ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, num(v)])) : {};
  const archived = isObject(answer.archived) ? answer.archived : {};
  return {
    ok: true,
    value: {
      dryRun: answer.dryRun === true,
      retentionMonths: num(answer.retentionMonths),
      retentionDate: str(answer.retentionDate),
      removed: counts(answer.removed),
      requests: Array.isArray(answer.requests)
        ? answer.requests
            .filter(isObject)
            .map((r) => ({ sheet: str(r.sheet), requestId: str(r.requestId), countedFrom: str(r.countedFrom) }))
        : [],
      listTabs: Array.isArray(answer.listTabs) ? answer.listTabs.map(str) : [],
      kept: counts(answer.kept),
      archived: {
        requests: num(archived.requests),
        feesPaid: num(archived.feesPaid),
        refundsIssued: num(archived.refundsIssued),
      },
      warnings: Array.isArray(answer.warnings) ? answer.warnings.map(str) : [],
    },
  };
}

/** Per sheet, what goes (or went): 'Requests: 3 rows'. */
export function removalLines(r: CloseSeasonResult): string[] {
  return Object.entries(r.removed)
    .filter(([sheet, n]) => n > 0 || r.listTabs.includes(sheet))
    .map(([sheet, n]) =>
      r.listTabs.includes(sheet) ? `The list tab "${sheet}" (${plural(n, 'row')})` : `${sheet}: ${plural(n, 'row')}`,
    );
}

export function keptLine(r: CloseSeasonResult): string {
  const k = r.kept;
  return (
    `Kept: ${num(k.open)} still open, ${num(k['follow-up'])} with a refund, MIS update or Statement of Results still to do, ` +
    `${num(k.recent)} not yet ${r.retentionMonths} months old` +
    (num(k.undated) ? `, ${num(k.undated)} with no date to count from (check them by hand)` : '') +
    '.'
  );
}

export function closeHeadline(r: CloseSeasonResult): string {
  const total = Object.values(r.removed).reduce((a, b) => a + b, 0);
  if (r.dryRun) {
    return total === 0
      ? `Nothing is older than ${r.retentionDate} (${r.retentionMonths} months ago): nothing would be deleted.`
      : `Personal data counted from before ${r.retentionDate} (${r.retentionMonths} months ago) will be deleted:`;
  }
  return `Season closed: ${plural(r.archived.requests, 'request')} archived as totals and deleted.`;
}
