/**
 * What the Applications page says about each online application, as plain
 * functions of the server's answers (so they are tested without a browser).
 * Every text here is shown with textContent, never as HTML.
 */
import { formatMoney, formatUkDate } from '../../src/domain/formats';
import type { FieldError } from '../../src/domain/types';
import type { ApplicationView as Application, Approved } from '../../src/shared/answers';

/** The server's messages for a refusal, or a plain one when it did not answer. */
export function problemsOf(r: unknown): string[] {
  const errors = (r as { errors?: FieldError[] } | null)?.errors;
  return Array.isArray(errors) ? errors.map((e) => String(e.message)) : ['The add-on did not answer; try again.'];
}

/** 'Review of marking · AQA Biology 8461/1H · received 21/08/2026 · fee £48.65 · deadline 25/09/2026'. */
export function aboutLine(a: Application): string {
  const about = [
    a.service,
    `${a.board} ${a.subject} ${a.component}`.trim(),
    a.received ? `received ${formatUkDate(a.received)}` : 'date received not known',
  ];
  if (a.fee !== null) about.push(`fee ${formatMoney(a.fee)}`);
  if (a.deadline) about.push(`deadline ${formatUkDate(a.deadline)}`);
  return about.join(' · ');
}

export function summaryText(shown: readonly Application[], taken: number | undefined): string {
  return `${shown.length} waiting, ${shown.filter((a) => a.problems.length === 0).length} ready to approve; ${taken ?? 0} already taken.`;
}

export function rejectedText(candidate: string, emailed: readonly string[] | undefined): string {
  return `${candidate}: rejected, ${(emailed ?? []).length ? 'emailed' : 'not emailed'}`;
}

/** One approval's line: the request it became, or why it was not taken. */
export function approvedText(x: Approved, shown: readonly Application[]): string {
  const who = shown.find((a) => a.row === x.row)?.candidate ?? `row ${x.row}`;
  return x.ok
    ? `${who}: ${x.requestId ?? ''}${x.emailed?.length ? ', confirmation emailed' : ''}`
    : `${who}: not taken. ${(x.errors ?? []).map((e) => e.message).join(' ')}`;
}
