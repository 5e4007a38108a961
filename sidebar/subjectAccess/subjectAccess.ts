/**
 * "Subject access export": one candidate's data, shown record by record and
 * downloadable as one JSON file. Values are written with textContent only.
 */
import type { Answer, SubjectAccessAnswer } from '../../src/shared/answers';
import { readableValue } from '../../src/domain/prose';
import { byId, el, fill, setText, downloadHref } from '../dom';
import { readSubjectAccess, subjectAccessHeadline, type SubjectAccessResult } from './subjectAccessView';
import { failureText } from '../read';

const form = byId<HTMLFormElement>('find');
const input = byId<HTMLInputElement>('candidateNumber');
const go = byId<HTMLButtonElement>('go');
const banner = byId('banner');
const result = byId('result');
const headline = byId('headline');
const download = byId<HTMLAnchorElement>('download');
const sections = byId('sections');

function showProblems(messages: readonly string[]): void {
  fill(
    banner,
    messages.map((m) => el('p', m)),
  );
  banner.focus();
}

function record(row: Record<string, string | number | boolean>): HTMLElement {
  const box = el('div', undefined, 'record');
  const list = el('dl');
  for (const [k, v] of Object.entries(row)) {
    if (v === '' || v === null) continue;
    list.append(el('dt', k), el('dd', readableValue(k, v)));
  }
  box.append(list);
  return box;
}

function section(title: string, rows: Record<string, string | number | boolean>[]): HTMLElement[] {
  return [el('h3', `${title} (${rows.length})`), ...(rows.length ? rows.map(record) : [el('p', 'None.', 'hint')])];
}

function show(r: SubjectAccessResult, answer: unknown): void {
  result.hidden = false;
  setText(headline, subjectAccessHeadline(r));
  const json = JSON.stringify(answer, null, 2);
  download.download = `subject-access-${r.candidateNumber}.json`;
  try {
    download.href = URL.createObjectURL(new Blob([json], { type: 'application/json;charset=utf-8' }));
  } catch {
    download.href = downloadHref(json, 'application/json');
  }
  fill(sections, [
    ...section('Candidates', r.candidateRows),
    ...section('Requests', r.requests),
    ...section('Emails (Correspondence)', r.correspondence),
    ...section('Online applications (form responses)', r.formResponses),
    ...r.otherSheets.flatMap((s) => section(`List tab “${s.sheet}”`, s.rows)),
  ]);
  headline.focus();
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const number = input.value.trim();
  if (!/^\d{4}$/.test(number)) {
    input.setAttribute('aria-invalid', 'true');
    showProblems(['A candidate number is 4 digits, e.g. 0042.']);
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  fill(banner, []);
  go.disabled = true;
  google.script.run
    .withSuccessHandler((answer: Answer<SubjectAccessAnswer>) => {
      go.disabled = false;
      const read = readSubjectAccess(answer);
      if (!read.ok) showProblems(read.messages);
      else show(read.value, answer);
    })
    .withFailureHandler((error: unknown) => {
      go.disabled = false;
      showProblems([failureText(error)]);
    })
    .subjectAccessExport(number);
});
