/**
 * The "New request" sidebar. Plain DOM code: the decisions (what a service
 * needs, where an error goes) are in ./form.ts, the shape checks are the
 * server's own checkForm, and the server (submitRequest) is the only judge.
 * Every value from the server is written with textContent.
 */
import { CATALOGUE } from '../../src/domain/catalogue';
import { checkForm } from '../../src/domain/validation';
import type { FieldError } from '../../src/domain/types';
import type {
  Answer,
  BlankConsentFormShown,
  CandidateLookup,
  ConsentFormShown,
  IntakeOptions as IntakeAnswer,
  Submitted,
} from '../../src/shared/answers';
import { byId, el, fill, setOptions, setSuggestions, setText } from '../dom';
import { message } from '../read';
import {
  CANDIDATE_FIELDS,
  CONDITIONAL_FIELDS,
  FORM_FIELDS,
  boardsOf,
  consentDraft,
  consentText,
  emptyValues,
  errorsToShow,
  fieldsToFix,
  fillCandidate,
  findOption,
  lookupMessage,
  notesCounter,
  placeErrors,
  printSavedFormLabel,
  problemOf,
  readCandidate,
  readIntakeOptions,
  readSubmitAnswer,
  seriesOf,
  servicesOf,
  submission,
  successText,
  summarise,
  summaryLabel,
  visibleFields,
  type CandidateDetails,
  type FieldName,
  type FormValues,
  type IntakeOptions,
  type ServiceOption,
} from './newRequestView';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const form = byId<HTMLFormElement>('request');
const banner = byId('form-error');
const notice = byId('notice');
const summaryBox = byId('summary');
const saveButton = byId<HTMLButtonElement>('save');
const clearButton = byId<HTMLButtonElement>('clear');
const printButton = byId<HTMLButtonElement>('print-form');
const lookupStatus = byId('candidateNumber-status');
const notesHint = byId('notes-hint');
const FIELD_SET: ReadonlySet<string> = new Set(FORM_FIELDS);

const controls = {} as Record<FieldName, Control>;
const wrappers = {} as Record<FieldName, HTMLElement>;
const errorBoxes = {} as Record<FieldName, HTMLElement>;
const warningBoxes = {} as Record<FieldName, HTMLElement>;

let options: IntakeOptions | null = null;
/** Fields the officer has changed: only these are judged while typing. */
const touched = new Set<string>();
/** After a submit, every field is judged. */
let submitted = false;
/** The server's errors, shown until the officer changes the field concerned. */
let serverErrors: FieldError[] = [];
/** Fields shown because an error is about them, even if the service would hide them. */
const forced = new Set<string>();
let inFlight = false;
let lastFilled: Partial<CandidateDetails> = {};
let lookupTimer: ReturnType<typeof setTimeout> | undefined;
let lookupSeq = 0;
let lookedUp = '';

/** A failure handler's error: an Error from Apps Script, but read by shape (the emulator's may come from another frame). */

/** The server, for a handler of one answer: only the functions that give that answer can be called. */
function run<A>(onSuccess: (answer: A) => void, onFailure: (error: unknown) => void): ScriptRun<A> {
  return google.script.run.withSuccessHandler(onSuccess).withFailureHandler(onFailure);
}

// ---- Building the page: an error box and a warning box for every field. ----

for (const f of FORM_FIELDS) {
  const control = byId<Control>(f);
  const wrapper = control.closest<HTMLElement>('.field');
  if (wrapper === null) throw new Error(`#${f} is not inside a .field`);
  controls[f] = control;
  wrappers[f] = wrapper;
  const errors = el('div', undefined, 'error');
  errors.id = `${f}-error`;
  errors.setAttribute('aria-live', 'polite');
  const warnings = el('div', undefined, 'warning');
  warnings.id = `${f}-warning`;
  wrapper.appendChild(errors);
  wrapper.appendChild(warnings);
  errorBoxes[f] = errors;
  warningBoxes[f] = warnings;
  const described = [`${f}-hint`, `${f}-status`].filter((id) => document.getElementById(id) !== null);
  control.setAttribute('aria-describedby', [...described, errors.id, warnings.id].join(' '));
}

// ---- Reading and writing the form. ----

function values(): FormValues {
  const v = emptyValues();
  for (const f of FORM_FIELDS) {
    const c = controls[f];
    if (f === 'consent') v.consent = (c as HTMLInputElement).checked;
    else v[f] = c.value;
  }
  return v;
}

function setValue(f: FieldName, value: string | boolean): void {
  const c = controls[f];
  if (c instanceof HTMLInputElement && c.type === 'checkbox') c.checked = value === true;
  else c.value = String(value);
}

function chosenOption(): ServiceOption | null {
  if (options === null) return null;
  return findOption(
    options.services,
    controls.board.value,
    controls.series.value,
    controls.service.value,
    controls.qualification.value,
  );
}

function shownFields(): Set<string> {
  const shown = new Set<string>(visibleFields(chosenOption(), controls.requestedBy.value, options?.today ?? ''));
  for (const f of forced) shown.add(f);
  return shown;
}

function payload(): FormValues {
  return submission(values(), shownFields());
}

// ---- Choices from the Services sheet. ----

function fillSeries(): void {
  const list = options === null ? [] : seriesOf(options.services, controls.board.value);
  setOptions(
    controls.series as HTMLSelectElement,
    controls.board.value ? 'Choose a series' : 'Choose a board first',
    list.map((s) => ({ value: s, label: s })),
    controls.series.value,
    true,
  );
}

function fillServices(): void {
  const list = options === null ? [] : servicesOf(options.services, controls.board.value, controls.series.value);
  setOptions(
    controls.service as HTMLSelectElement,
    controls.series.value ? 'Choose a service' : 'Choose a series first',
    list.map((s) => ({ value: s.service, label: s.name })),
    controls.service.value,
  );
}

function showOptions(loaded: IntakeOptions): void {
  options = loaded;
  setOptions(
    controls.board as HTMLSelectElement,
    'Choose a board',
    boardsOf(loaded.services).map((b) => ({ value: b, label: b })),
    controls.board.value,
    true,
  );
  fillSeries();
  fillServices();
  setSuggestions(byId<HTMLDataListElement>('qualification-list'), loaded.qualifications);
  setSuggestions(byId<HTMLDataListElement>('subject-list'), loaded.subjects);
  setSuggestions(byId<HTMLDataListElement>('component-list'), loaded.components);
  for (const f of ['board', 'series', 'service'] as const) controls[f].disabled = false;
  if (loaded.services.length === 0) {
    showBanner([
      'The Services sheet offers no services yet. Run Set up sheets, fill in the Services sheet, then reopen the sidebar.',
    ]);
  }
  update();
}

function loadOptions(): void {
  for (const f of ['board', 'series', 'service'] as const) {
    setOptions(controls[f] as HTMLSelectElement, 'Loading…', [], '');
    controls[f].disabled = true;
  }
  run(
    (answer: Answer<IntakeAnswer>) => {
      const read = readIntakeOptions(answer);
      if ('errors' in read) {
        showBanner(read.errors.map((e) => e.message));
        return;
      }
      showOptions(read.options);
    },
    (error) => showBanner([`Could not load the Services sheet: ${message(error)}. Close and reopen the sidebar.`]),
  ).getIntakeOptions();
}

// ---- What the chosen service needs. ----

function showSummary(option: ServiceOption | null): void {
  if (option === null) {
    fill(summaryBox, [el('p', 'Choose a board, series and service to see the fee and deadline.', 'hint')]);
    return;
  }
  const s = summarise(option, options?.today ?? '', controls.requestedBy.value);
  const list = el('dl');
  const rows: Array<[string, string]> = [
    ['Fee', s.fee],
    ['Deadline', s.deadline],
    ['Goes to', `the ${s.log} log`],
    ['Consent', s.consent],
  ];
  for (const [term, detail] of rows) {
    list.appendChild(el('dt', term));
    list.appendChild(el('dd', detail, term === 'Deadline' && s.late ? 'late' : undefined));
  }
  const children: Node[] = [list];
  if (s.late) {
    const lateText = CATALOGUE[option.service].lateAccepted
      ? 'The deadline has passed: the officer must give a reason to take it late.'
      : 'The deadline has passed: the board does not accept late applications for this service.';
    children.push(el('p', lateText, 'late'));
  }
  if (s.note !== '') children.push(el('p', s.note, 'hint'));
  fill(summaryBox, children);
}

function update(): void {
  const option = chosenOption();
  const shown = shownFields();
  for (const f of CONDITIONAL_FIELDS) wrappers[f].hidden = !shown.has(f);
  showSummary(option);
  setText(
    byId('component-hint'),
    option?.level === 'qualification'
      ? 'Optional for this service: it is for the whole qualification.'
      : 'The paper, like 7405/1.',
  );
  setText(
    byId('qualification-hint'),
    option?.priority && option.service === 'priority-review-of-marking'
      ? 'A priority review is only for AS/A level and other Level 3 qualifications.'
      : 'Like GCSE or GCE A level.',
  );
  setText(byId('consent-hint'), option === null ? '' : consentText(option.consent, controls.requestedBy.value));
  const counter = notesCounter(controls.notes.value);
  setText(notesHint, counter.text);
  notesHint.classList.toggle('over', counter.over);
}

// ---- Errors beside their fields. ----

function showMessages(box: HTMLElement, messages: readonly string[], prefix: string): void {
  const now = messages.map((m) => `${prefix}${m}`).join('\n');
  const before = Array.from(box.children)
    .map((c) => c.textContent)
    .join('\n');
  if (now === before) return;
  fill(
    box,
    messages.map((m) => {
      const p = el('p');
      p.appendChild(el('strong', prefix));
      p.appendChild(document.createTextNode(m));
      return p;
    }),
  );
}

/** Shows these errors and warnings, every one beside its field; returns the fields in error. */
function render(errors: readonly FieldError[], warnings: readonly FieldError[]): FieldName[] {
  const placed = placeErrors(errors, FIELD_SET);
  const warned = placeErrors(warnings, FIELD_SET);
  let reveal = false;
  for (const f of placed.byField.keys()) {
    if (wrappers[f as FieldName].hidden) {
      forced.add(f);
      reveal = true;
    }
  }
  if (reveal) update();
  const invalid: FieldName[] = [];
  for (const f of FORM_FIELDS) {
    const mine = placed.byField.get(f) ?? [];
    showMessages(errorBoxes[f], mine, 'Error: ');
    showMessages(warningBoxes[f], warned.byField.get(f) ?? [], 'Check: ');
    if (mine.length > 0) {
      controls[f].setAttribute('aria-invalid', 'true');
      invalid.push(f);
    } else {
      controls[f].removeAttribute('aria-invalid');
    }
  }
  return invalid;
}

/** Re-checks the form as the officer types; returns the shape check's answer. */
function validate(): ReturnType<typeof checkForm> {
  const local = checkForm(payload());
  const warnings = submitted ? local.warnings : local.warnings.filter((w) => touched.has(w.field));
  const invalid = render(errorsToShow(local.errors, serverErrors, touched, submitted), warnings);
  if (invalid.length === 0 && banner.querySelector('.problems')) clearBanner();
  return local;
}

function clearBanner(): void {
  fill(banner, []);
}

/** The field's label as the form shows it, for the summary. */
function labelOf(f: FieldName): string {
  const label = document.querySelector(`label[for="${f}"]`);
  return summaryLabel(label?.textContent ?? f);
}

/** The banner: whole-form messages, then (after a submit) the fields to fix, as buttons that go to them. */
function showBanner(messages: readonly string[], invalid: readonly FieldName[] = []): void {
  const children: Node[] = messages.map((m) => el('p', m));
  if (invalid.length > 0) {
    const wrap = el('div', undefined, 'problems');
    wrap.appendChild(
      el('p', invalid.length === 1 ? 'One field needs changing:' : `${invalid.length} fields need changing:`),
    );
    const list = el('ul');
    for (const f of invalid) {
      const item = el('li');
      const go = el('button', labelOf(f), 'link');
      go.type = 'button';
      go.addEventListener('click', () => controls[f].focus());
      item.appendChild(go);
      list.appendChild(item);
    }
    wrap.appendChild(list);
    children.push(wrap);
  }
  fill(banner, children);
}

/** The notice under the title; `action` adds a button after the lines (like printing the saved form). */
function showNotice(lines: readonly string[], ok: boolean, action?: { label: string; onClick: () => void }): void {
  notice.className = lines.length ? `notice ${ok ? 'ok' : 'info'}` : 'notice';
  const children: Node[] = lines.map((l) => el('p', l));
  if (action !== undefined) {
    const button = el('button', action.label, 'secondary');
    button.type = 'button';
    button.addEventListener('click', action.onClick);
    children.push(button);
  }
  fill(notice, children);
}

// ---- Printing the consent form. ----

/** Opens a form in a dialog; the server says what it could not fill, on the form itself. */
function printForm(call: (r: ScriptRun<Answer<ConsentFormShown | BlankConsentFormShown>>) => void, what: string): void {
  call(
    run(
      (answer: Answer<ConsentFormShown | BlankConsentFormShown>) => {
        const problem = problemOf(answer);
        if (problem !== '') showNotice([`Could not open ${what}: ${problem}`], false);
      },
      (error) => showNotice([`Could not open ${what}: ${message(error)}.`], false),
    ),
  );
}

printButton.addEventListener('click', () => {
  printForm((r) => r.showBlankConsentForm(consentDraft(values())), 'the consent form');
});

// ---- Candidate look-up. ----

function lookup(candidateNumber: string): void {
  const seq = ++lookupSeq;
  setText(lookupStatus, `Looking up ${candidateNumber}…`);
  const stale = () => seq !== lookupSeq || controls.candidateNumber.value.trim() !== candidateNumber;
  run(
    (answer: Answer<CandidateLookup>) => {
      if (stale()) return;
      const read = readCandidate(answer);
      if ('problem' in read) {
        setText(lookupStatus, `${read.problem} Type the details.`);
        return;
      }
      const found = read.found;
      lookedUp = candidateNumber;
      const current = {} as CandidateDetails;
      for (const k of CANDIDATE_FIELDS) current[k] = controls[k].value;
      const merged = fillCandidate(current, lastFilled, found);
      for (const k of CANDIDATE_FIELDS) {
        if (merged.values[k] !== current[k]) {
          setValue(k, merged.values[k]);
          serverErrors = serverErrors.filter((e) => e.field !== k);
        }
      }
      lastFilled = merged.filled;
      setText(lookupStatus, lookupMessage(found, merged.kept));
      validate();
    },
    (error) => {
      if (stale()) return;
      setText(lookupStatus, `Could not look up the candidate (${message(error)}) — type the details.`);
    },
  ).lookupCandidate(candidateNumber);
}

function onCandidateNumberInput(): void {
  if (lookupTimer !== undefined) clearTimeout(lookupTimer);
  const n = controls.candidateNumber.value.trim();
  if (!/^\d{4}$/.test(n)) {
    lookupSeq++;
    setText(lookupStatus, '');
    return;
  }
  if (n === lookedUp) return;
  lookupTimer = setTimeout(() => lookup(n), 300);
}

// ---- Submitting. ----

function setBusy(busy: boolean): void {
  inFlight = busy;
  saveButton.disabled = busy;
  setText(saveButton, busy ? 'Saving…' : 'Save request');
  form.setAttribute('aria-busy', String(busy));
}

function focusFirst(invalid: readonly FieldName[]): void {
  if (invalid.length > 0) controls[invalid[0]].focus();
  else banner.focus();
}

/** Ready for the next request: everything cleared except the board and series. */
function resetForm(): void {
  const keep = { board: controls.board.value, series: controls.series.value };
  if (lookupTimer !== undefined) clearTimeout(lookupTimer);
  lookupSeq++;
  lookedUp = '';
  lastFilled = {};
  const blank = emptyValues();
  for (const f of FORM_FIELDS) if (f !== 'board' && f !== 'series') setValue(f, blank[f]);
  controls.board.value = keep.board;
  controls.series.value = keep.series;
  touched.clear();
  forced.clear();
  serverErrors = [];
  submitted = false;
  setText(lookupStatus, '');
  fillServices();
  update();
  render([], []);
  clearBanner();
}

function onSubmit(event: Event): void {
  event.preventDefault();
  if (inFlight) return;
  submitted = true;
  serverErrors = [];
  showNotice([], true);
  const local = validate();
  // The page's own checks are shown at once; the server is still asked, because only it knows the
  // rules (deadline, payment, duplicates), and it saves nothing while any problem remains.
  if (local.errors.length > 0) {
    const placed = placeErrors(local.errors, FIELD_SET);
    showBanner(placed.banner, fieldsToFix(local.errors, FORM_FIELDS) as FieldName[]);
  } else {
    clearBanner();
  }
  setBusy(true);
  run(
    (answer: Answer<Submitted>) => {
      setBusy(false);
      const read = readSubmitAnswer(answer);
      if (read.ok) {
        resetForm();
        const id = read.saved.requestId;
        showNotice(successText(read.saved), true, {
          label: printSavedFormLabel(read.saved),
          onClick: () => printForm((r) => r.showConsentForm(id), `the form for ${id}`),
        });
        controls.candidateNumber.focus();
        return;
      }
      serverErrors = read.errors;
      const all = errorsToShow(local.errors, serverErrors, touched, true);
      const placed = placeErrors(all, FIELD_SET);
      const invalid = render(all, local.warnings);
      showBanner(placed.banner, invalid);
      focusFirst(invalid);
    },
    (error) => {
      setBusy(false);
      showBanner([
        `The request may not have been saved: ${message(error)}. What you typed is still here: check the log, then try again.`,
      ]);
      banner.focus();
    },
  ).submitRequest(payload());
}

// ---- Events. ----

function fieldOf(target: EventTarget | null): FieldName | null {
  if (!(target instanceof HTMLElement)) return null;
  const name = target.getAttribute('name');
  return name !== null && FIELD_SET.has(name) ? (name as FieldName) : null;
}

function changed(f: FieldName): void {
  touched.add(f);
  serverErrors = serverErrors.filter((e) => e.field !== f);
  if (f === 'board' || f === 'series' || f === 'service') {
    // The rules depend on these three: the server's answer no longer holds.
    serverErrors = [];
    forced.clear();
    if (f === 'board') fillSeries();
    if (f !== 'service') fillServices();
  }
}

form.addEventListener('input', (event) => {
  const f = fieldOf(event.target);
  if (f === null) return;
  const hadError = errorBoxes[f].childElementCount > 0 || serverErrors.some((e) => e.field === f);
  changed(f);
  if (f === 'candidateNumber') onCandidateNumberInput();
  // The fee and deadline can depend on the level: show the right one as the qualification is typed.
  if (f === 'notes' || f === 'qualification') update();
  if (hadError) validate();
});

form.addEventListener('change', (event) => {
  const f = fieldOf(event.target);
  if (f === null) return;
  changed(f);
  update();
  validate();
});

form.addEventListener('focusout', (event) => {
  if (fieldOf(event.target) !== null) validate();
});

form.addEventListener('submit', onSubmit);

clearButton.addEventListener('click', () => {
  resetForm();
  showNotice([], true);
  controls.candidateNumber.focus();
});

if (typeof google === 'undefined' || !google.script || !google.script.run) {
  showBanner([
    'This page works only inside the add-on: open it from Extensions › Post-Results Tracker › Open sidebar.',
  ]);
} else {
  loadOptions();
}
update();
