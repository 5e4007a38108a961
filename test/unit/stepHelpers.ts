/** What the step tests share: the day they run on, the outcome context, and reading a step's answer. */
import type { OutcomeContext } from '../../src/domain/outcomeEffects';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import type { FieldError } from '../../src/domain/types';
import { settings } from './requestFixture';

export const TODAY = '2026-09-01';
export const ctx: OutcomeContext = { today: TODAY, settings, services: SEED_SERVICES };

/** The errors of a refused step, as field -> message. */
export function refusal(answer: { ok: boolean; errors?: FieldError[] }): Record<string, string> {
  expect(answer.ok).toBe(false);
  return Object.fromEntries((answer.errors ?? []).map((e) => [e.field, e.message]));
}

export function accepted<T extends { ok: boolean }>(answer: T): Extract<T, { ok: true }> {
  if (!answer.ok) throw new Error(`Refused: ${JSON.stringify((answer as { errors?: unknown }).errors)}`);
  return answer as Extract<T, { ok: true }>;
}
