/**
 * Consent: marks and grades can go down as well as up, so a review or appeal
 * needs the candidate's written consent first; so does every script, whoever
 * asked (JCQ's script consent form; domain.md §8). Consent is dated, and only
 * counts once results are out.
 */
import { isIsoDate } from './calendar';
import { formatUkDate } from './formats';
import { CATALOGUE } from './catalogue';
import type { RuleCheck } from './ruleCheck';
import { resultsDayFor } from './resultsDays';
import type { IsoDate, ServiceCode } from './types';
import { capital, withArticle } from './wording';

/** Why the service needs consent, in the words the officer reads when it is missing. */
function whyConsent(code: ServiceCode, requestedBy: string): string {
  if (CATALOGUE[code].consent === 'required') {
    return `${capital(withArticle(code))} needs the candidate's written consent: marks and grades can go down as well as up, so the candidate must agree in writing first.`;
  }
  return requestedBy === 'teacher'
    ? "A teacher wants this script to use in class, so the candidate's written consent is needed first."
    : "The candidate's written consent to the centre seeing their script is needed first.";
}

/**
 * The day results came out for this candidate. Results are never out before
 * the level's results day (Settings); a later date the officer gives (a result
 * issued late) counts from that day instead. A results date in the future is
 * already an error; judging consent by it would only add a second one.
 */
function resultsOutOn(c: RuleCheck): IsoDate | null {
  const { form, ctx } = c;
  const levelDay = ctx.resultsDay ?? resultsDayFor(ctx.settings.resultsDays ?? [], form.series, form.qualification);
  const given = isIsoDate(form.resultsIssued) && form.resultsIssued <= ctx.today ? form.resultsIssued : null;
  return given !== null && (levelDay === null || given > levelDay) ? given : levelDay;
}

/** Consent ticked, dated, and given on or after results day, for every service that needs it. */
export function consentRule(c: RuleCheck, code: ServiceCode): void {
  const { form } = c;
  if (CATALOGUE[code].consent === 'none') return;
  if (!form.consent) c.add('consent', whyConsent(code, form.requestedBy));
  else if (form.consentDate === '') c.add('consentDate', 'Enter the date the candidate gave written consent.');
  const resultsDay = resultsOutOn(c);
  if (isIsoDate(form.consentDate) && isIsoDate(resultsDay) && form.consentDate < resultsDay) {
    c.add(
      'consentDate',
      `The consent date ${formatUkDate(form.consentDate)} is before results day (${formatUkDate(resultsDay)}): consent can only be collected after results are published.`,
    );
  }
}
