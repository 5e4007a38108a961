/**
 * One request being judged by the officer's rules, for the tests of each rule
 * on its own. June 2026: A level results day was Thursday 13 August 2026, GCSE
 * results day Thursday 20 August; today is Friday 21 August. The Services sheet
 * is the seed.
 */
import { RuleCheck, type ExistingRequest, type RuleContext } from '../../src/domain/ruleCheck';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import { parseSettings } from '../../src/domain/settings';
import type { RequestFormDraft } from '../../src/domain/types';
import { NIAMH, reviewRequestForm } from '../fixtures/forms';

export const settings = parseSettings([['Centre number', '68199']]).settings;

export function context(over: Partial<RuleContext> = {}): RuleContext {
  return { today: '2026-08-21', services: SEED_SERVICES, settings, existing: [], ...over };
}

/** Niamh O'Brien's review of marking of AQA A level Chemistry paper 1, as checkForm hands it on. */
export function draft(over: Partial<RequestFormDraft> = {}): RequestFormDraft {
  return { ...reviewRequestForm(NIAMH), ...over };
}

export function judging(over: Partial<RequestFormDraft> = {}, ctx: Partial<RuleContext> = {}): RuleCheck {
  return new RuleCheck(draft(over), context(ctx));
}

/** Niamh's earlier review of the same paper, its outcome in. */
export function earlier(over: Partial<ExistingRequest> = {}): ExistingRequest {
  return {
    requestId: 'R-2026-0003',
    candidateNumber: '2058',
    board: 'AQA',
    component: '7405/1',
    service: 'review-of-marking',
    status: 'Outcome received',
    outcomeReceived: '2026-08-18',
    subject: 'Chemistry',
    series: 'June 2026',
    ...over,
  };
}

/** The messages found, field by field. */
export function found(list: readonly { field: string; message: string }[]): [string, string][] {
  return list.map((e) => [e.field, e.message]);
}
