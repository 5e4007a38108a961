/**
 * "Import candidates": the officer picks the MIS's CSV file (read here with
 * FileReader) or pastes its text; Preview asks the server what would change
 * (dryRun), Import does it. The text goes to the server in one call.
 */
import type { Answer, ImportAnswer } from '../../src/shared/answers';
import { byId, el, fill, setText } from '../dom';
import { importHeadline, lineText, looksMisdecoded, readImport, type ImportResult } from './importView';
import { failureText } from '../read';

const form = byId<HTMLFormElement>('import');
const fileInput = byId<HTMLInputElement>('file');
const fileStatus = byId('file-status');
const textArea = byId<HTMLTextAreaElement>('text');
const previewButton = byId<HTMLButtonElement>('preview');
const confirmButton = byId<HTMLButtonElement>('confirm');
const banner = byId('banner');
const result = byId('result');
const headline = byId('headline');

/** The text that was previewed: Import sends exactly this, and only while it is unchanged. */
let previewed: string | null = null;
let busy = false;

function showProblems(messages: readonly string[]): void {
  fill(
    banner,
    messages.map((m) => el('p', m)),
  );
  banner.focus();
}

function clearProblems(): void {
  fill(banner, []);
}

function showList(boxId: string, listId: string, items: readonly string[]): void {
  byId(boxId).hidden = items.length === 0;
  fill(
    byId(listId),
    items.map((t) => el('li', t)),
  );
}

function show(r: ImportResult): void {
  result.hidden = false;
  setText(headline, importHeadline(r));
  showList(
    'columns-box',
    'columns',
    r.columns.map((c) => `${c.column} ← “${c.header}”`),
  );
  showList('unmatched-box', 'unmatched', r.unmatched);
  showList('refused-box', 'refused', r.refused.map(lineText));
  showList('warnings-box', 'warnings', r.warnings.map(lineText));
  headline.focus();
}

function setBusy(on: boolean): void {
  busy = on;
  previewButton.disabled = on;
  confirmButton.disabled = on || previewed === null;
  form.setAttribute('aria-busy', on ? 'true' : 'false');
}

function send(dryRun: boolean): void {
  const text = dryRun ? textArea.value : previewed;
  if (busy || text === null) return;
  if (text.trim() === '') {
    showProblems(['Choose the CSV file exported from the MIS, or paste its text.']);
    return;
  }
  clearProblems();
  if (dryRun) previewed = null;
  setBusy(true);
  google.script.run
    .withSuccessHandler((answer: Answer<ImportAnswer>) => {
      const read = readImport(answer);
      if (!read.ok) {
        previewed = null;
        setBusy(false);
        showProblems(read.messages);
        return;
      }
      previewed = read.value.dryRun && read.value.added + read.value.updated > 0 ? text : null;
      setBusy(false);
      show(read.value);
    })
    .withFailureHandler((error: unknown) => {
      previewed = null;
      setBusy(false);
      showProblems([failureText(error)]);
    })
    .importCandidates(text, { dryRun });
}

function readFile(file: File, encoding: string, then: (text: string) => void): void {
  const reader = new FileReader();
  reader.onload = () => then(typeof reader.result === 'string' ? reader.result : '');
  reader.onerror = () => showProblems(['The file could not be read. Save it again from the MIS and choose it again.']);
  reader.readAsText(file, encoding);
}

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  setText(fileStatus, `Reading ${file.name}…`);
  readFile(file, 'utf-8', (text) => {
    const done = (t: string, note: string) => {
      textArea.value = t;
      previewed = null;
      confirmButton.disabled = true;
      setText(fileStatus, `${file.name}: ${t.split(/\r\n|\r|\n/).length} lines read${note}. Press Preview.`);
    };
    if (looksMisdecoded(text)) readFile(file, 'windows-1252', (t) => done(t, ' (as a Windows file)'));
    else done(text, '');
  });
});

textArea.addEventListener('input', () => {
  previewed = null;
  confirmButton.disabled = true;
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  send(true);
});

confirmButton.addEventListener('click', () => send(false));
