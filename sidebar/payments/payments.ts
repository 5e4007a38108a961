/** "Match payments": preview the report's matches, then apply exactly the text previewed. */
import type { FieldError } from '../../src/domain/types';
import type { Answer, PaymentsAnswer } from '../../src/shared/answers';
import { byId, el, fill, setText } from '../dom';
import { paymentsHeadline, paymentsLists } from './paymentsView';

/** What previewPayments and applyPayments answer, read once `ok` is checked. */
type Shown = PaymentsAnswer & { ok: boolean; errors?: FieldError[] };

const banner = byId('banner');
const text = byId<HTMLTextAreaElement>('text');
const applyButton = byId<HTMLButtonElement>('apply');
let previewed: string | null = null;

function list(id: string, items: string[]): void {
  fill(
    byId(id),
    items.map((t) => el('li', t)),
  );
}
function problems(messages: string[]): void {
  fill(
    banner,
    messages.map((m) => el('p', m)),
  );
  if (messages.length) banner.focus();
}

function show(a: Shown, applied: boolean): void {
  byId('result').hidden = false;
  setText(byId('headline'), paymentsHeadline(a, applied));
  const lists = paymentsLists(a);
  for (const id of ['matched', 'ambiguous', 'unmatched', 'unpaid'] as const) list(id, lists[id]);
  byId('headline').focus();
}

function call(fn: 'previewPayments' | 'applyPayments', csv: string): void {
  problems([]);
  const runner = google.script.run
    .withSuccessHandler((r: Answer<PaymentsAnswer>) => {
      // Read by shape all the same: a missing answer is a refusal.
      const a = r as Shown | null;
      if (!a?.ok) {
        problems((a?.errors ?? [{ message: 'The add-on did not answer; try again.' }]).map((e) => e.message));
        return;
      }
      previewed = fn === 'previewPayments' ? csv : null;
      applyButton.disabled = previewed === null || a.matched.length === 0;
      show(a, fn === 'applyPayments');
    })
    .withFailureHandler((e) => problems([String(e)]));
  if (fn === 'previewPayments') runner.previewPayments(csv);
  else runner.applyPayments(csv);
}

byId<HTMLInputElement>('file').addEventListener('change', (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    text.value = String(reader.result ?? '');
    previewed = null;
    applyButton.disabled = true;
  };
  reader.readAsText(file);
});
text.addEventListener('input', () => {
  previewed = null;
  applyButton.disabled = true;
});
byId<HTMLFormElement>('payments').addEventListener('submit', (e) => {
  e.preventDefault();
  call('previewPayments', text.value);
});
applyButton.addEventListener('click', () => {
  if (previewed !== null) call('applyPayments', previewed);
});
