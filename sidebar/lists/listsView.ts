/**
 * What the Lists page shows, as plain functions of the server's answers (so
 * they are tested without a browser). Every text here is shown with
 * textContent, never as HTML.
 */
import { formatMoney } from '../../src/domain/formats';
import type { ListRow } from '../../src/domain/dataLists';
import type { ListAnswer, RefundList } from '../../src/shared/answers';
import { isObject, num, plural, refusal, str, UNREADABLE, type Read } from '../read';

/** A list's answer as the page reads it: no tab is '', and only the refunds' list has a total. */
export type ListResult = Omit<ListAnswer, 'sheet'> & {
  sheet: NonNullable<ListAnswer['sheet']>;
  total: RefundList['total'] | null;
};

export function readList(answer: unknown): Read<ListResult> {
  if (!isObject(answer)) return { ok: false, messages: [UNREADABLE] };
  if (answer.ok !== true) return { ok: false, messages: refusal(answer) };
  if (!Array.isArray(answer.rows) || typeof answer.csv !== 'string') return { ok: false, messages: [UNREADABLE] };
  return {
    ok: true,
    value: {
      rows: answer.rows.filter(isObject) as ListRow[],
      csv: answer.csv,
      fileName: str(answer.fileName) || 'list.csv',
      sheet: str(answer.sheet),
      total: typeof answer.total === 'number' ? answer.total : null,
    },
  };
}

/** One line per row of a list, for a 300-pixel sidebar. */
export function listRowText(row: ListRow): string {
  const name = `${str(row.Surname)}, ${str(row.Forename)} (${str(row['Candidate number'])})`;
  const paper = [row.Subject, row.Component].map(str).filter(Boolean).join(' ');
  if ('New grade' in row) return `${name}: ${paper} ${str(row['Original grade'])} → ${str(row['New grade'])}`;
  if ('Amount' in row)
    return `${name}: ${formatMoney(num(row.Amount))} to ${str(row['Paid by']).toLowerCase()}, ${paper}`;
  const deadline = str(row.Deadline) ? `, deadline ${str(row.Deadline)}` : '';
  return `${name}: ${str(row.Service)}, ${paper}${deadline}`;
}

export function listHeadline(kind: 'mis' | 'board' | 'refunds', r: ListResult, board = ''): string {
  const n = r.rows.length;
  if (kind === 'mis')
    return n ? `${plural(n, 'grade change')} to enter in the MIS.` : 'No grade change is waiting for the MIS.';
  if (kind === 'refunds') {
    return n ? `${plural(n, 'refund')} due, ${formatMoney(r.total ?? 0)} in all.` : 'No refund is due.';
  }
  return n ? `${plural(n, 'request')} to enter on the ${board} site.` : `Nothing is waiting to go to ${board}.`;
}
