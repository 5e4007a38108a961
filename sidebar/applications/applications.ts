/**
 * "Applications": the linked form's responses not yet taken. Everything the
 * server sends is shown as text (dom.ts), so an answer can never become markup.
 */
import type {
  Answer,
  ApplicationsList,
  ApplicationView as Application,
  ApprovedList,
  Rejected,
} from '../../src/shared/answers';
import { byId, el, fill, setText } from '../dom';
import { aboutLine, approvedText, problemsOf, rejectedText, summaryText } from './applicationsView';

const banner = byId('banner');
const list = byId('list');
const summary = byId('summary');
const approveButton = byId<HTMLButtonElement>('approve');
const done = byId('done');
const doneList = byId('done-list');
let shown: Application[] = [];

function showBanner(messages: readonly string[]): void {
  fill(
    banner,
    messages.map((m) => el('p', m)),
  );
  if (messages.length) banner.focus();
}

function ticked(): Application[] {
  return shown.filter((a) => (document.getElementById(`pick-${a.row}`) as HTMLInputElement | null)?.checked);
}

function updateButton(): void {
  approveButton.disabled = ticked().length === 0;
}

function card(a: Application): HTMLElement {
  const box = el('div', undefined, 'app');
  box.dataset.row = String(a.row);
  const head = el('label');
  const pick = el('input');
  pick.type = 'checkbox';
  pick.id = `pick-${a.row}`;
  pick.disabled = a.problems.length > 0;
  pick.addEventListener('change', updateButton);
  head.appendChild(pick);
  head.appendChild(document.createTextNode(` ${a.candidate} (${a.candidateNumber})`));
  box.appendChild(head);
  box.appendChild(el('p', aboutLine(a)));
  if (a.problems.length || a.warnings.length) {
    const ul = el('ul');
    for (const p of a.problems) ul.appendChild(el('li', p.message, 'problem'));
    for (const w of a.warnings) ul.appendChild(el('li', w.message));
    box.appendChild(ul);
  }
  const reject = el('button', 'Reject…');
  reject.type = 'button';
  reject.addEventListener('click', () => {
    const suggested = a.problems.map((p) => p.message).join(' ');
    const reason = window.prompt(
      `Why is the application of ${a.candidate} not accepted? The candidate reads this.`,
      suggested,
    );
    if (reason === null || reason.trim() === '') return;
    google.script.run
      .withSuccessHandler((r: Answer<Rejected>) => {
        if ((r as { ok?: boolean } | null)?.ok) {
          addDone(rejectedText(a.candidate, (r as { emailed?: string[] }).emailed));
          load();
        } else showBanner(problemsOf(r));
      })
      .withFailureHandler((e) => showBanner([String(e)]))
      .rejectApplication({ row: a.row, key: a.key }, reason);
  });
  box.appendChild(reject);
  return box;
}

function addDone(text: string): void {
  done.hidden = false;
  doneList.appendChild(el('li', text));
}

function load(): void {
  google.script.run
    .withSuccessHandler((r: Answer<ApplicationsList>) => {
      const answer = r as { ok?: boolean; applications?: Application[]; taken?: number } | null;
      if (!answer?.ok || !Array.isArray(answer.applications)) {
        showBanner(problemsOf(r));
        return;
      }
      showBanner([]);
      shown = answer.applications;
      setText(summary, summaryText(shown, answer.taken));
      fill(list, shown.map(card));
      updateButton();
    })
    .withFailureHandler((e) => showBanner([String(e)]))
    .listApplications();
}

approveButton.addEventListener('click', () => {
  const picked = ticked().map((a) => ({ row: a.row, key: a.key }));
  if (!picked.length) return;
  approveButton.disabled = true;
  google.script.run
    .withSuccessHandler((r: Answer<ApprovedList>) => {
      const answer = r as Partial<Answer<ApprovedList>> | null;
      if (!answer?.ok || !Array.isArray(answer.results)) showBanner(problemsOf(r));
      else {
        for (const x of answer.results) addDone(approvedText(x, shown));
      }
      byId('done-title').focus();
      load();
    })
    .withFailureHandler((e) => showBanner([String(e)]))
    .approveApplications(picked);
});
byId('refresh').addEventListener('click', load);
load();
