/**
 * "Lists": the MIS list (and marking it done), a board's submission list and
 * the refunds due. Each can be downloaded as CSV or added as a sheet tab.
 */
import type { Answer, ListAnswer, ListOptions, MisMarked } from '../../src/shared/answers';
import { byId, el, fill, setOptions, downloadHref } from '../dom';
import { listHeadline, listRowText, readList, type ListResult } from './listsView';
import { failureText, plural, refusal } from '../read';

type Kind = 'mis' | 'board' | 'refunds';

const banner = byId('banner');
const boardSelect = byId<HTMLSelectElement>('board');
const misDoneBox = byId('mis-done-box');
const misDone = byId<HTMLButtonElement>('mis-done');
let misIds: string[] = [];

function showProblems(messages: readonly string[]): void {
  fill(
    banner,
    messages.map((m) => el('p', m)),
  );
  banner.focus();
}

/** A link that saves the CSV: a Blob URL where the browser has one, else a data: URL. */
function downloadLink(r: ListResult): HTMLAnchorElement {
  const link = el('a', `Download ${r.fileName}`, 'download');
  link.download = r.fileName;
  try {
    link.href = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }));
  } catch {
    link.href = downloadHref(r.csv, 'text/csv');
  }
  return link;
}

function call(kind: Kind, toSheet: boolean, done: (answer: Answer<ListAnswer>) => void): void {
  const run = google.script.run
    .withSuccessHandler(done)
    .withFailureHandler((error: unknown) => showProblems([failureText(error)]));
  if (kind === 'mis') run.misUpdateList({ toSheet });
  else if (kind === 'refunds') run.refundList({ toSheet });
  else run.boardSubmissionList(boardSelect.value, { toSheet });
}

function render(kind: Kind, out: HTMLElement, r: ListResult, board: string): void {
  const nodes: Node[] = [el('p', listHeadline(kind, r, board))];
  if (r.rows.length) {
    const rows = el('ul', undefined, 'lines');
    fill(
      rows,
      r.rows.map((row) => el('li', listRowText(row))),
    );
    nodes.push(rows, downloadLink(r));
    const toSheet = el('button', 'Add as a sheet tab', 'secondary');
    toSheet.type = 'button';
    const status = el('p', undefined, 'hint');
    status.setAttribute('role', 'status');
    toSheet.addEventListener('click', () => {
      toSheet.disabled = true;
      call(kind, true, (answer) => {
        toSheet.disabled = false;
        const read = readList(answer);
        if (!read.ok) showProblems(read.messages);
        else status.textContent = `Added the sheet tab “${read.value.sheet}”.`;
      });
    });
    nodes.push(toSheet, status);
  }
  fill(out, nodes);
  if (kind === 'mis') {
    misIds = r.rows.map((row) => String(row['Request ID'] ?? '')).filter((id) => id !== '');
    misDoneBox.hidden = misIds.length === 0;
    misDone.textContent =
      misIds.length === 1 ? 'Mark this one as entered in the MIS' : `Mark these ${misIds.length} as entered in the MIS`;
  }
}

function show(kind: Kind, button: HTMLButtonElement, out: HTMLElement): void {
  if (kind === 'board' && boardSelect.value === '') {
    showProblems(['Choose a board first.']);
    boardSelect.focus();
    return;
  }
  fill(banner, []);
  const board = boardSelect.value;
  button.disabled = true;
  call(kind, false, (answer) => {
    button.disabled = false;
    const read = readList(answer);
    if (!read.ok) showProblems(read.messages);
    else render(kind, out, read.value, board);
  });
}

for (const kind of ['mis', 'board', 'refunds'] as const) {
  const button = byId<HTMLButtonElement>(`${kind}-show`);
  button.addEventListener('click', () => show(kind, button, byId(`${kind}-out`)));
}

misDone.addEventListener('click', () => {
  if (misIds.length === 0) return;
  misDone.disabled = true;
  google.script.run
    .withSuccessHandler((answer: Answer<MisMarked>) => {
      misDone.disabled = false;
      // Read by shape all the same: an answer that is not an object is shown as a refusal.
      const a = answer as Partial<Answer<MisMarked>> | null;
      if (a && a.ok === true) {
        misDoneBox.hidden = true;
        fill(byId('mis-out'), [
          el('p', `Recorded today as “MIS updated” on ${plural(Number(a.updated) || 0, 'request')}.`),
        ]);
        misIds = [];
      } else showProblems(refusal(answer));
    })
    .withFailureHandler((error: unknown) => {
      misDone.disabled = false;
      showProblems([failureText(error)]);
    })
    .markMisUpdated(misIds);
});

google.script.run
  .withSuccessHandler((answer: Answer<ListOptions>) => {
    const a = answer as Partial<Answer<ListOptions>> | null;
    const boards = a && a.ok === true && Array.isArray(a.boards) ? a.boards.map(String) : [];
    if (!(a && a.ok === true)) showProblems(refusal(answer));
    setOptions(
      boardSelect,
      'Choose a board',
      boards.map((b) => ({ value: b, label: b })),
      '',
    );
  })
  .withFailureHandler((error: unknown) => showProblems([failureText(error)]))
  .getListOptions();
