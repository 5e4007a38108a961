/**
 * The "Update a request" sidebar: find a request, then record what happened
 * to it (submitted, acknowledged, outcome, follow-ups, withdrawn). The
 * decisions are in ./updateSteps.ts; the server is the only judge of what
 * may be recorded. Everything from the server is written with textContent.
 */
import type { Answer, Progress, RequestsFound } from '../../src/shared/answers';
import type { FieldError } from '../../src/domain/types';
import { byId, el, fill, setOptions, setText } from '../dom';
import { message } from '../read';
import {
  defaultRecipient,
  followUpFields,
  foundText,
  matchLabel,
  outcomeFields,
  readErrors,
  readFound,
  recipientChoices,
  resultLines,
  stepsFor,
  summaryRows,
  type Match,
  type StepName,
} from './updateRequestView';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const FIELDS = [
  'query',
  'submittedOn',
  'boardReference',
  'acknowledgedOn',
  'receivedOn',
  'originalGrade',
  'originalMark',
  'newGrade',
  'newMark',
  'moderationOutcome',
  'scriptLink',
  'scriptRecipient',
  'refundIssuedOn',
  'misUpdatedOn',
  'sorIssuedOn',
  'reason',
] as const;
type Field = (typeof FIELDS)[number];

const STEPS: readonly StepName[] = ['submission', 'acknowledgement', 'outcome', 'followUps', 'withdraw'];

/** The server function that records each step. */
const SERVER_FUNCTION = {
  submission: 'recordSubmission',
  acknowledgement: 'recordAcknowledgement',
  outcome: 'recordOutcome',
  followUps: 'recordFollowUp',
  withdraw: 'withdrawRequest',
} as const satisfies Readonly<Record<StepName, keyof ScriptRun<Answer<Progress>>>>;

const banner = byId('banner');
const searchForm = byId<HTMLFormElement>('search');
const findButton = byId<HTMLButtonElement>('find');
const results = byId('results');
const resultsHeading = byId('results-heading');
const resultsStatus = byId('results-status');
const matchList = byId('matches');
const requestBox = byId('request');
const requestHeading = byId('request-heading');
const summary = byId('request-summary');
const notice = byId('notice');
const noSteps = byId('no-steps');
const backButton = byId<HTMLButtonElement>('back');

const controls = {} as Record<Field, Control>;
const wrappers = {} as Record<Field, HTMLElement>;
const errorBoxes = {} as Record<Field, HTMLElement>;
const forms = {} as Record<StepName, HTMLFormElement>;

let current: Match | null = null;
let today = '';
let busy = false;

for (const f of FIELDS) {
  const control = byId<Control>(f);
  const wrapper = control.closest<HTMLElement>('.field');
  if (wrapper === null) throw new Error(`#${f} is not inside a .field`);
  controls[f] = control;
  wrappers[f] = wrapper;
  const box = el('div', undefined, 'error');
  box.id = `${f}-error`;
  box.setAttribute('aria-live', 'polite');
  wrapper.appendChild(box);
  errorBoxes[f] = box;
  const hint = document.getElementById(`${f}-hint`);
  control.setAttribute('aria-describedby', [hint ? hint.id : '', box.id].filter(Boolean).join(' '));
}
for (const s of STEPS) forms[s] = byId<HTMLFormElement>(`${s}-form`);

/** The server, for a handler of one answer: only the functions that give that answer can be called. */
function server<A>(onSuccess: (answer: A) => void): ScriptRun<A> {
  return google.script.run.withSuccessHandler(onSuccess).withFailureHandler((error) => {
    setBusy(false);
    showBanner([`The add-on could not be reached (${message(error)}). Nothing new was recorded; try again.`]);
  });
}

// ---- Messages. ----

function showBanner(lines: readonly string[]): void {
  fill(
    banner,
    lines.map((l) => el('p', l)),
  );
  if (lines.length > 0) banner.focus();
}

function showNotice(lines: readonly string[]): void {
  notice.className = lines.length > 0 ? 'notice ok' : 'notice';
  fill(
    notice,
    lines.map((l) => el('p', l)),
  );
}

function clearErrors(): void {
  for (const f of FIELDS) {
    fill(errorBoxes[f], []);
    controls[f].removeAttribute('aria-invalid');
  }
}

/** Each error beside its field; those about no field on show go to the banner. Returns the fields in error. */
function showErrors(errors: readonly FieldError[], within: HTMLElement): Field[] {
  clearErrors();
  const invalid: Field[] = [];
  const general: string[] = [];
  for (const e of errors) {
    const f = e.field as Field;
    const shown =
      (FIELDS as readonly string[]).includes(e.field) && within.contains(controls[f]) && !wrappers[f].hidden;
    if (!shown) {
      general.push(e.message);
      continue;
    }
    const p = el('p');
    p.appendChild(el('strong', 'Error: '));
    p.appendChild(document.createTextNode(e.message));
    errorBoxes[f].appendChild(p);
    controls[f].setAttribute('aria-invalid', 'true');
    if (!invalid.includes(f)) invalid.push(f);
  }
  fill(
    banner,
    general.map((m) => el('p', m)),
  );
  if (invalid.length > 0) controls[invalid[0]].focus();
  else if (general.length > 0) banner.focus();
  return invalid;
}

function setBusy(on: boolean): void {
  busy = on;
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button'))) b.disabled = on;
  document.querySelector('main')?.setAttribute('aria-busy', String(on));
}

// ---- Finding. ----

function showMatches(list: readonly Match[], text: string): void {
  results.hidden = false;
  setText(resultsStatus, text);
  fill(
    matchList,
    list.map((m) => {
      const item = el('li');
      const button = el('button', matchLabel(m));
      button.type = 'button';
      button.addEventListener('click', () => choose(m));
      item.appendChild(button);
      return item;
    }),
  );
}

let lastMatches: Match[] = [];

function search(event: Event): void {
  event.preventDefault();
  if (busy) return;
  const query = controls.query.value.trim();
  if (query === '') {
    showErrors(
      [{ field: 'query', message: 'Type a request ID, a candidate number or part of a surname.' }],
      searchForm,
    );
    return;
  }
  clearErrors();
  fill(banner, []);
  setBusy(true);
  setText(findButton, 'Finding…');
  server((answer: Answer<RequestsFound>) => {
    setBusy(false);
    setText(findButton, 'Find');
    const read = readFound(answer);
    if (!read.ok) {
      showErrors(read.errors, searchForm);
      return;
    }
    today = read.found.today;
    lastMatches = read.found.matches;
    requestBox.hidden = true;
    current = null;
    showMatches(lastMatches, foundText(read.found, query));
    if (lastMatches.length === 1) choose(lastMatches[0]);
    else resultsHeading.focus();
  }).findRequests(query);
}

// ---- One request. ----

function choose(m: Match): void {
  current = m;
  results.hidden = lastMatches.length <= 1;
  requestBox.hidden = false;
  showNotice([]);
  fill(banner, []);
  clearErrors();
  for (const s of STEPS) forms[s].reset();
  render(m);
  requestHeading.focus();
}

function render(m: Match): void {
  setText(requestHeading, `${m.requestId}: ${m.forename} ${m.surname}`.trim());
  const facts: Node[] = [];
  for (const [term, detail] of summaryRows(m)) {
    facts.push(el('dt', term), el('dd', detail));
  }
  fill(summary, facts);

  const steps = stepsFor(m);
  for (const s of STEPS) forms[s].hidden = !steps.includes(s);
  noSteps.hidden = steps.length > 0;

  const o = outcomeFields(m);
  wrappers.newGrade.hidden = !o.grades;
  wrappers.newMark.hidden = !o.grades;
  wrappers.moderationOutcome.hidden = !o.moderation;
  wrappers.originalGrade.hidden = !o.originalGrade;
  wrappers.originalMark.hidden = !o.originalMark;
  wrappers.scriptLink.hidden = !o.script;
  wrappers.scriptRecipient.hidden = !o.script;
  if (o.script) {
    setOptions(controls.scriptRecipient as HTMLSelectElement, 'Choose who', recipientChoices(m), defaultRecipient(m));
  }

  const open = followUpFields(m);
  for (const f of ['refundIssuedOn', 'misUpdatedOn', 'sorIssuedOn'] as const) wrappers[f].hidden = !open.includes(f);
  setText(byId('refundIssuedOn-hint'), m.refundDue ? m.refundNote : '');

  for (const f of FIELDS) {
    const c = controls[f];
    if (c instanceof HTMLInputElement && c.type === 'date' && today !== '') c.max = today;
  }
}

/** The values of the shown fields of one form, by name. */
function valuesOf(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of FIELDS) {
    if (form.contains(controls[f]) && !wrappers[f].hidden) values[f] = controls[f].value.trim();
  }
  return values;
}

function refresh(requestId: string, lines: string[]): void {
  server((answer: Answer<RequestsFound>) => {
    setBusy(false);
    const read = readFound(answer);
    const fresh = read.ok ? read.found.matches.find((x) => x.requestId === requestId) : undefined;
    if (fresh !== undefined) {
      current = fresh;
      lastMatches = lastMatches.map((x) => (x.requestId === requestId ? fresh : x));
      showMatches(lastMatches, resultsStatus.textContent ?? '');
      for (const s of STEPS) forms[s].reset();
      render(fresh);
    }
    showNotice(lines);
    notice.focus();
  }).findRequests(requestId);
}

function record(step: StepName, event: Event): void {
  event.preventDefault();
  if (busy || current === null) return;
  const form = forms[step];
  const requestId = current.requestId;
  const input = valuesOf(form);
  clearErrors();
  fill(banner, []);
  showNotice([]);
  setBusy(true);
  // Every step's function answers at least the request's new status (Progress).
  const call = server((answer: Answer<Progress>) => {
    if (answer !== null && typeof answer === 'object' && (answer as { ok?: unknown }).ok === true) {
      refresh(requestId, resultLines(step, answer as Record<string, unknown>));
      return;
    }
    setBusy(false);
    showErrors(readErrors(answer), form);
  });
  call[SERVER_FUNCTION[step]](requestId, input);
}

// ---- Events. ----

searchForm.addEventListener('submit', search);
for (const s of STEPS) forms[s].addEventListener('submit', (event) => record(s, event));

for (const f of FIELDS) {
  controls[f].addEventListener('input', () => {
    if (errorBoxes[f].childElementCount > 0) {
      fill(errorBoxes[f], []);
      controls[f].removeAttribute('aria-invalid');
    }
  });
}

backButton.addEventListener('click', () => {
  requestBox.hidden = true;
  current = null;
  if (lastMatches.length > 1) {
    results.hidden = false;
    resultsHeading.focus();
  } else {
    controls.query.focus();
  }
});

if (typeof google === 'undefined' || !google.script || !google.script.run) {
  showBanner([
    'This page works only inside the add-on: open it from Extensions › Post-Results Tracker › Update a request.',
  ]);
}
