/**
 * The "Results-day reminders" sidebar: filters, a preview of the first three
 * emails and the count (a dry run on the server), then Send, which keeps
 * calling until the batch is out (with Pause and Resume); letters for the
 * candidates told on paper; and the queue. Everything from the server is
 * written with textContent.
 */
import { byId, el, fill } from '../dom';
import type { Answer, LettersShown, QueueAnswer, ReminderChoices, RemindersAnswer } from '../../src/shared/answers';
import { message } from '../read';
import {
  afterCall,
  choicesText,
  keepGoing,
  newSitting,
  progressText,
  progressValueText,
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
const sending = byId('sending');
const sendProgress = byId<HTMLProgressElement>('send-progress');
const sendStatus = byId('send-status');
const pauseButton = byId<HTMLButtonElement>('pause');
const resumeButton = byId<HTMLButtonElement>('resume');

/** The filters the shown preview was made with: Send sends exactly those. */
let previewed: { qualification: string; tutorGroup: string } | null = null;

function filters(): { qualification: string; tutorGroup: string } {
  return { qualification: qualification.value, tutorGroup: tutorGroup.value };
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

/** The server, for a handler of one answer: only the functions that give that answer can be called. */
function run<A>(onSuccess: (answer: A) => void, onFailure: (error: unknown) => void): ScriptRun<A> {
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
    (answer: Answer<RemindersAnswer>) => {
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

/**
 * One sitting of Send: the page calls the server again each time an answer
 * comes back with reminders still queued, so a year group goes out without
 * the officer pressing again. Each call stops inside the server's time
 * budget (well inside Apps Script's 6 minutes) and queues the rest; nothing
 * here decides who is sent what, so closing the page loses nothing.
 */
let sitting = newSitting();
let sittingFilters: { qualification: string; tutorGroup: string } | null = null;
let pauseAsked = false;
let calling = false;
let callsAnswered = 0;

function showProgress(state: 'sending' | 'paused' | 'stopped' | 'done', extra: string[] = []): void {
  const total = Math.max(1, sitting.sentSoFar + sitting.queued);
  const value = Math.min(sitting.sentSoFar, total);
  sendProgress.max = total;
  sendProgress.value = value;
  sendProgress.setAttribute('aria-valuemax', String(total));
  sendProgress.setAttribute('aria-valuenow', String(value));
  sendProgress.setAttribute('aria-valuetext', progressValueText(sitting));
  const words =
    state === 'paused'
      ? `Paused: ${progressText(sitting)}.`
      : state === 'sending' && callsAnswered === 0
        ? 'Sending the first reminders…'
        : progressText(sitting);
  fill(
    sendStatus,
    [words, ...extra].map((t) => el('p', t)),
  );
  sending.dataset.state = state;
  sending.dataset.calls = String(callsAnswered);
  sending.hidden = false;
  pauseButton.hidden = state !== 'sending';
  pauseButton.disabled = pauseAsked;
  pauseButton.textContent = pauseAsked ? 'Pausing after this batch…' : 'Pause sending';
  resumeButton.hidden = state !== 'paused' && state !== 'stopped';
}

function sendBatch(): void {
  if (sittingFilters === null || calling) return;
  calling = true;
  const began = Date.now();
  run(
    (answer: Answer<RemindersAnswer>) => {
      calling = false;
      callsAnswered++;
      const read = readReminderResult(answer);
      if (!read.ok) {
        busy(previewButton, false);
        showProgress('stopped', read.messages);
        return;
      }
      sitting = afterCall(sitting, read.value, Date.now() - began);
      const problems = [...read.value.leftOut, ...problemLines(read.value)];
      if (problems.length > 0) lines(result, [], problems, 'info');
      if (sitting.queued === 0) {
        busy(previewButton, false);
        showProgress('done');
        lines(result, sendText({ sent: sitting.sentHere, queued: 0, stoppedBecause: '' }), problems, 'ok');
        result.focus();
      } else if (!keepGoing(read.value)) {
        busy(previewButton, false);
        showProgress('stopped', [read.value.stoppedBecause || 'The daily check sends the queued ones each morning.']);
      } else if (pauseAsked) {
        pauseAsked = false;
        busy(previewButton, false);
        showProgress('paused');
        resumeButton.focus();
      } else {
        showProgress('sending');
        sendBatch();
      }
    },
    (error) => {
      calling = false;
      callsAnswered++;
      pauseAsked = false;
      busy(previewButton, false);
      showProgress('stopped', [
        `Sending stopped: ${message(error)}. Check the Correspondence sheet, then press Resume to send what is still queued.`,
      ]);
    },
  ).sendResultsDayReminders({ dryRun: false, ...sittingFilters });
}

sendButton.addEventListener('click', () => {
  if (previewed === null) return;
  showBanner([]);
  fill(result, []);
  sittingFilters = previewed;
  sitting = newSitting();
  callsAnswered = 0;
  pauseAsked = false;
  resetPreview();
  busy(previewButton, true);
  showProgress('sending');
  sendBatch();
});

pauseButton.addEventListener('click', () => {
  // The call under way finishes its batch (stopping it half way would gain nothing); no further call is made.
  pauseAsked = true;
  showProgress('sending');
});

resumeButton.addEventListener('click', () => {
  pauseAsked = false;
  busy(previewButton, true);
  showProgress('sending');
  pauseButton.focus();
  sendBatch();
});

lettersButton.addEventListener('click', () => {
  const all = everyone.checked;
  busy(lettersButton, true);
  lettersResult.textContent = 'Preparing the letters…';
  run(
    (answer: Answer<LettersShown>) => {
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
    (answer: Answer<QueueAnswer>) => {
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
  (answer: Answer<ReminderChoices>) => {
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
