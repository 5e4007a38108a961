/**
 * "Close season": a dry run lists exactly what would be deleted; only then,
 * with CLOSE SEASON typed, does the server delete it. The server checks the
 * phrase again: this page is only a help.
 */
import type { Answer, CloseSeasonAnswer } from '../../src/shared/answers';
import { formatMoney } from '../../src/domain/formats';
import { byId, el, fill, setText } from '../dom';
import { closeHeadline, keptLine, readCloseSeason, removalLines, type CloseSeasonResult } from './closeSeasonView';
import { failureText, plural } from '../read';

const PHRASE = 'CLOSE SEASON';
const listButton = byId<HTMLButtonElement>('list');
const banner = byId('banner');
const plan = byId('plan');
const headline = byId('headline');
const confirmForm = byId<HTMLFormElement>('confirm-form');
const confirmInput = byId<HTMLInputElement>('confirm');
const deleteButton = byId<HTMLButtonElement>('delete');

function showProblems(messages: readonly string[]): void {
  fill(
    banner,
    messages.map((m) => el('p', m)),
  );
  banner.focus();
}

function lines(id: string, items: readonly string[]): void {
  fill(
    byId(id),
    items.map((t) => el('li', t)),
  );
}

function show(r: CloseSeasonResult): void {
  plan.hidden = false;
  setText(headline, closeHeadline(r));
  lines('removals', removalLines(r));
  byId('requests-title').hidden = r.requests.length === 0;
  lines(
    'requests',
    r.requests.map((q) => `${q.requestId} (${q.sheet}), counted from ${q.countedFrom}`),
  );
  setText(byId('kept'), keptLine(r));
  setText(
    byId('archive'),
    `Archived as totals: ${plural(r.archived.requests, 'request')}, fees paid ${formatMoney(r.archived.feesPaid)}, refunds issued ${formatMoney(r.archived.refundsIssued)}.`,
  );
  lines('warnings', r.warnings);
  const something = Object.values(r.removed).some((n) => n > 0) || r.listTabs.length > 0;
  confirmForm.hidden = !(r.dryRun && something);
  confirmInput.value = '';
  deleteButton.disabled = true;
  headline.focus();
}

function run(options: { dryRun: boolean; confirm?: string }, button: HTMLButtonElement): void {
  fill(banner, []);
  button.disabled = true;
  google.script.run
    .withSuccessHandler((answer: Answer<CloseSeasonAnswer>) => {
      button.disabled = false;
      const read = readCloseSeason(answer);
      if (!read.ok) showProblems(read.messages);
      else show(read.value);
    })
    .withFailureHandler((error: unknown) => {
      button.disabled = false;
      showProblems([failureText(error)]);
    })
    .closeSeason(options);
}

listButton.addEventListener('click', () => run({ dryRun: true }, listButton));

confirmInput.addEventListener('input', () => {
  deleteButton.disabled = confirmInput.value.trim() !== PHRASE;
});

confirmForm.addEventListener('submit', (e) => {
  e.preventDefault();
  if (confirmInput.value.trim() !== PHRASE) return;
  run({ dryRun: false, confirm: PHRASE }, deleteButton);
});
