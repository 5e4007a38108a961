/**
 * The "Results-day reminders" sidebar: filters, a preview of the first three
 * emails and the count (a dry run on the server), then Send; letters for the
 * candidates told on paper; and the queue. Everything from the server is
 * written with textContent.
 */
import { byId, el, fill } from './dom';
import {
  choicesText,
  lettersText,
  previewText,
  problemLines,
  readChoices,
  readLettersResult,
  readQueueResult,
  readReminderResult,
  sendText,
  unconfirmedText,
  type Choices,
  type EmailPreview,
} from './remindersView';

const form = byId<HTMLFormElement>('filters');
const summary = byId('summary');
const banner = byId('banner');
const qualificationField = byId('qualification-field');
const qualification = byId<HTMLSelectElement>('qualification');
const tutorGroup = byId<HTMLSelectElement>('tutorGroup');
const previewButton = byId<HTMLButtonElement>('preview');
const previewArea = byId('preview-area');
const previewLines = byId('preview-text');
const previews = byId('previews');
const sendButton = byId<HTMLButtonElement>('send');
const result = byId('result');
const everyone = byId<HTMLInputElement>('everyone');
const lettersButton = byId<HTMLButtonElement>('letters');
const lettersResult = byId('letters-result');
const queueButton = byId<HTMLButtonElement>('queue');
const queueResult = byId('queue-result');

/** The filters the shown preview was made with: Send sends exactly those. */
let previewed: { qualification: string; tutorGroup: string } | null = null;

function filters(): { qualification: string; tutorGroup: string } {
  return { qualification: qualification.value, tutorGroup: tutorGroup.value };
}

function message(error: unknown): string {
  if (typeof error === 'string' && error.trim() !== '') return error;
  if (error !== null && typeof error === 'object' && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return 'no reason given';
}

function showBanner(messages: string[]): void {
  fill(
    banner,
    messages.map((m) => el('p', m)),
  );
  if (messages.length > 0) banner.focus();
}

function lines(box: HTMLElement, text: string[], problems: string[] = [], className = 'info'): void {
  const nodes: Node[] = text.map((t) => el('p', t));
  if (problems.length > 0) {
    const list = el('ul');
    for (const p of problems) list.appendChild(el('li', p));
    nodes.push(list);
  }
  fill(box, nodes);
  box.className = `notice lines ${className}`;
}

function busy(button: HTMLButtonElement, on: boolean, label?: string): void {
  button.disabled = on;
  if (label !== undefined) button.textContent = label;
}

function run(onSuccess: (answer: unknown) => void, onFailure: (error: unknown) => void): GoogleScriptRun {
  return google.script.run.withSuccessHandler(onSuccess).withFailureHandler(onFailure);
}

function setOptions(select: HTMLSelectElement, first: string, values: string[]): void {
  const nodes: Node[] = [];
  const all = el('option', first);
  all.value = '';
  nodes.push(all);
  for (const v of values) {
    const o = el('option', v);
    o.value = v;
    nodes.push(o);
  }
  fill(select, nodes);
}

function showChoices(c: Choices): void {
  summary.textContent = choicesText(c);
  setOptions(tutorGroup, 'Every tutor group', c.tutorGroups);
  setOptions(qualification, 'Every qualification', c.qualifications);
  qualificationField.hidden = c.qualifications.length === 0;
}

function emailCard(e: EmailPreview, i: number): HTMLElement {
  const card = el('article', undefined, 'email');
  card.setAttribute('aria-label', `Preview ${i + 1}`);
  card.appendChild(el('h3', `To: ${e.to}`));
  const subject = el('p');
  subject.appendChild(el('strong', 'Subject: '));
  subject.appendChild(document.createTextNode(e.subject));
  card.appendChild(subject);
  card.appendChild(el('pre', e.body, 'body'));
  return card;
}

function resetPreview(): void {
  previewed = null;
  previewArea.hidden = true;
  fill(previews, []);
}

form.addEventListener('change', resetPreview);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  showBanner([]);
  fill(result, []);
  const asked = filters();
  busy(previewButton, true, 'Preparing the preview…');
  run(
    (answer) => {
      busy(previewButton, false, 'Preview');
      const read = readReminderResult(answer);
      if (!read.ok) {
        resetPreview();
        showBanner(read.messages);
        return;
      }
      previewed = asked;
      fill(
        previewLines,
        [...previewText(read.value), ...read.value.leftOut, ...unconfirmedText(read.value.unconfirmed)].map((t) =>
          el('p', t),
        ),
      );
      fill(previews, read.value.emails.map(emailCard));
      sendButton.hidden = read.value.count === 0;
      sendButton.textContent = `Send ${read.value.count} ${read.value.count === 1 ? 'reminder' : 'reminders'}`;
      previewArea.hidden = false;
    },
    (error) => {
      busy(previewButton, false, 'Preview');
      showBanner([`The preview could not be made: ${message(error)}`]);
    },
  ).sendResultsDayReminders({ dryRun: true, ...asked });
});

sendButton.addEventListener('click', () => {
  if (previewed === null) return;
  showBanner([]);
  busy(sendButton, true, 'Sending…');
  busy(previewButton, true);
  run(
    (answer) => {
      busy(previewButton, false);
      const read = readReminderResult(answer);
      resetPreview();
      busy(sendButton, false);
      if (!read.ok) {
        showBanner(read.messages);
        return;
      }
      lines(result, sendText(read.value), [...read.value.leftOut, ...problemLines(read.value)], 'ok');
      result.focus();
    },
    (error) => {
      busy(previewButton, false);
      busy(sendButton, false, 'Send');
      showBanner([`Sending stopped: ${message(error)}. Check the Correspondence sheet before trying again.`]);
    },
  ).sendResultsDayReminders({ dryRun: false, ...previewed });
});

lettersButton.addEventListener('click', () => {
  const all = everyone.checked;
  busy(lettersButton, true);
  lettersResult.textContent = 'Preparing the letters…';
  run(
    (answer) => {
      busy(lettersButton, false);
      const read = readLettersResult(answer);
      lettersResult.textContent = read.ok ? lettersText(read.value, all) : read.messages.join(' ');
    },
    (error) => {
      busy(lettersButton, false);
      lettersResult.textContent = `The letters could not be made: ${message(error)}`;
    },
  ).showResultsDayLetters({ ...filters(), everyone: all });
});

queueButton.addEventListener('click', () => {
  busy(queueButton, true);
  run(
    (answer) => {
      busy(queueButton, false);
      const read = readQueueResult(answer);
      if (!read.ok) lines(queueResult, read.messages, [], 'info');
      else lines(queueResult, sendText(read.value), problemLines(read.value), 'ok');
    },
    (error) => {
      busy(queueButton, false);
      lines(queueResult, [`The queue could not be sent: ${message(error)}`]);
    },
  ).sendQueuedEmails();
});

run(
  (answer) => {
    const read = readChoices(answer);
    if (read.ok) showChoices(read.value);
    else {
      summary.textContent = '';
      showBanner(read.messages);
    }
  },
  (error) => {
    summary.textContent = '';
    showBanner([`The candidates could not be loaded: ${message(error)}`]);
  },
).getReminderOptions();
