/**
 * What the Subject access export page shows, as plain functions of the server's answers (so
 * they are tested without a browser). Every text here is shown with
 * textContent, never as HTML.
 */
import type { JsonRow, SubjectAccessAnswer } from '../../src/shared/answers';
import { isObject, plural, refusal, str, UNREADABLE, type Read } from '../read';

/** subjectAccessExport's answer as the page reads it; its date stays in the file downloaded, which is the whole answer. */
export type SubjectAccessResult = Omit<SubjectAccessAnswer, 'exportedOn'>;

export function readSubjectAccess(answer: unknown): Read<SubjectAccessResult> {
  if (!isObject(answer)) return { ok: false, messages: [UNREADABLE] };
  if (answer.ok !== true) return { ok: false, messages: refusal(answer) };
  const rows = (x: unknown) => (Array.isArray(x) ? (x.filter(isObject) as JsonRow[]) : []);
  return {
    ok: true,
    value: {
      candidateNumber: str(answer.candidateNumber),
      candidate: isObject(answer.candidate) ? (answer.candidate as JsonRow) : null,
      candidateRows: rows(answer.candidateRows),
      requests: rows(answer.requests),
      correspondence: rows(answer.correspondence),
      otherSheets: Array.isArray(answer.otherSheets)
        ? answer.otherSheets.filter(isObject).map((s) => ({ sheet: str(s.sheet), rows: rows(s.rows) }))
        : [],
      formResponses: rows(answer.formResponses),
    },
  };
}

export function subjectAccessHeadline(r: SubjectAccessResult): string {
  const copies = r.otherSheets.reduce((n, s) => n + s.rows.length, 0);
  const parts = [
    r.candidateRows.length ? 'a row in Candidates' : 'no row in Candidates',
    plural(r.requests.length, 'request'),
    plural(r.correspondence.length, 'email'),
  ];
  if (r.formResponses.length) parts.push(plural(r.formResponses.length, 'online application'));
  if (copies) parts.push(`${plural(copies, 'row')} in list tabs`);
  return `Candidate ${r.candidateNumber}: ${parts.join(', ')}.`;
}
