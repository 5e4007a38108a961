/**
 * Printable pages, for candidates told on paper: a letter per candidate from
 * the same templates as the emails, and the pre-filled application and
 * consent form the procedure says to give a candidate who asks for a service.
 *
 * Each is one self-contained HTML page the officer prints from the browser:
 * one sheet of A4 per letter (CSS page breaks), the centre's name and
 * address at the top. Every value is escaped here; the page's only script is
 * the Print button's, which holds no data.
 */
import { formatFee, formatLongDate } from './formats';
import { CATALOGUE, isServiceCode } from './catalogue';
import { escapeHtml, type RenderedEmail } from './templates';
import type { IsoDate, PostResultsRequest, RequestForm, ServiceInfo, Settings } from './types';

export interface LetterCandidate {
  candidateNumber: string;
  surname: string;
  forename: string;
  tutorGroup?: string;
}

export interface Letter {
  candidate: LetterCandidate;
  email: RenderedEmail;
}

const STYLE = `
@page { size: A4; margin: 18mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 12pt/1.45 Arial, Helvetica, sans-serif; color: #000; background: #fff; }
.toolbar { position: sticky; top: 0; display: flex; gap: 12px; align-items: center; padding: 8px 12px;
  background: #f1f3f4; border-bottom: 1px solid #5f6368; font-size: 11pt; }
.toolbar button { font: inherit; padding: 6px 14px; border-radius: 4px; border: 1px solid #1967d2;
  background: #1967d2; color: #fff; cursor: pointer; }
.toolbar button:focus { outline: 2px solid #174ea6; outline-offset: 2px; }
.notes { margin: 12px; padding: 8px 12px; border-left: 4px solid #b3261e; background: #fce8e6; font-size: 11pt; }
.page { padding: 12mm 14mm; break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.centre { text-align: right; margin-bottom: 10mm; }
.centre .name { font-size: 15pt; font-weight: bold; margin: 0; }
.centre p { margin: 0; }
.address { white-space: pre-line; }
.date { margin: 0 0 4mm; }
.for { margin: 0 0 6mm; font-size: 10.5pt; }
h1 { font-size: 15pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; }
p { margin: 0 0 3mm; }
ul { margin: 0 0 3mm; padding-left: 7mm; }
dl { display: grid; grid-template-columns: 48mm 1fr; gap: 1.5mm 4mm; margin: 0 0 3mm; }
dt { font-weight: bold; }
dd { margin: 0; }
.warning { border: 2px solid #000; padding: 3mm 4mm; margin: 3mm 0; }
.choices { list-style: none; padding-left: 0; }
.sign { display: grid; grid-template-columns: 48mm 1fr; gap: 8mm 4mm; margin: 8mm 0 4mm; align-items: end; }
.sign .line { border-bottom: 1px solid #000; height: 9mm; }
dd.fill { border-bottom: 1px solid #000; min-height: 7mm; }
.office { margin-top: 8mm; padding-top: 3mm; border-top: 1px dashed #000; font-size: 10pt; }
@media print { .toolbar, .notes { display: none; } }
`;

/**
 * Saves the page as a file made in the browser, for when printing from the
 * dialog is refused (docs/apps-script.md, "Printing letters from a dialog").
 * The file is the page's own markup, already escaped, less the toolbar, the
 * screen-only notes and this script; no user text reaches the script itself,
 * only the file name, through an escaped attribute.
 */
const DOWNLOAD_SCRIPT = `<script>
document.getElementById('download').addEventListener('click', function () {
  var copy = document.documentElement.cloneNode(true);
  copy.querySelectorAll('.toolbar, .notes, script').forEach(function (n) { n.remove(); });
  var blob = new Blob(['<!doctype html>\\n' + copy.outerHTML], { type: 'text/html;charset=utf-8' });
  var link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = this.getAttribute('data-file');
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
});
</script>`;

/** 'Application and consent form R-2026-0042' -> 'Application and consent form R-2026-0042.html'. */
export function downloadFileName(title: string): string {
  const name = title
    .replace(/[^A-Za-z0-9 ._-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${name === '' ? 'Letters' : name}.html`;
}

function page(title: string, count: string, sections: string[], notes: string[]): string {
  const noteBlock =
    notes.length === 0
      ? ''
      : `<div class="notes" role="note"><p>Not included:</p><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></div>`;
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<div class="toolbar"><button type="button" onclick="window.print()">Print</button>` +
      `<button type="button" id="download" data-file="${escapeHtml(downloadFileName(title))}">Download as HTML</button>` +
      `<span>${escapeHtml(count)}</span></div>`,
    noteBlock,
    `<main>${sections.join('\n')}</main>`,
    DOWNLOAD_SCRIPT,
    '</body>',
    '</html>',
  ].join('\n');
}

/** The centre's name (and number, on forms) and address, top right as on the school's paper. */
function centreHeader(settings: Settings, withNumber: boolean): string {
  const number =
    withNumber && settings.centreNumber.trim() !== ''
      ? `<p>Centre number ${escapeHtml(settings.centreNumber.trim())}</p>`
      : '';
  const address =
    settings.centreAddress.trim() === ''
      ? ''
      : `<p class="address">${escapeHtml(settings.centreAddress.trim().replace(/\s*,\s*/g, '\n'))}</p>`;
  return `<header class="centre"><p class="name">${escapeHtml(settings.centreName.trim())}</p>${number}${address}</header>`;
}

function fullName(c: { forename: string; surname: string }): string {
  return [c.forename.trim(), c.surname.trim()].filter((s) => s !== '').join(' ');
}

/** Letters, one page each, in the order given. `notes` (screen only) says who was left out and why. */
export function lettersPage(
  letters: readonly Letter[],
  settings: Settings,
  today: IsoDate,
  options: { title: string; notes?: readonly string[] },
): string {
  const sections = letters.map((l, i) => {
    const who = [
      fullName(l.candidate),
      `candidate ${l.candidate.candidateNumber}`,
      l.candidate.tutorGroup?.trim() ? `tutor group ${l.candidate.tutorGroup.trim()}` : '',
    ].filter((s) => s !== '');
    return [
      `<section class="page" aria-label="Letter ${i + 1} of ${letters.length}">`,
      centreHeader(settings, false),
      `<p class="date">${escapeHtml(formatLongDate(today))}</p>`,
      `<p class="for">For: ${escapeHtml(who.join(', '))}</p>`,
      `<h2>${escapeHtml(l.email.subject)}</h2>`,
      `<div class="body">${l.email.bodyHtml}</div>`,
      '</section>',
    ].join('\n');
  });
  const count = `${letters.length} ${letters.length === 1 ? 'letter' : 'letters'}, one page each.`;
  return page(options.title, count, sections, [...(options.notes ?? [])]);
}

function row(label: string, value: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
}

/** A row the candidate or the office writes in by hand: a line, never an empty cell that looks forgotten. */
function rowOrLine(label: string, value: string): string {
  return value.trim() === ''
    ? `<dt>${escapeHtml(label)}</dt><dd class="fill" aria-label="blank, to write in"></dd>`
    : row(label, value);
}

const PAID_TEXT: Record<PostResultsRequest['paid'], string> = {
  yes: 'paid',
  no: 'not yet paid: the request cannot be sent to the board until it is',
  waived: 'paid by the centre',
};

/**
 * The JCQ consent wording that fits the service (shared/domain.md §6). A form
 * printed before the service is chosen carries the warning that marks can go
 * down: the wording most services need, and the one it would be wrong to leave out.
 */
function consentSection(service: string): string {
  const rule = isServiceCode(service) ? CATALOGUE[service].consent : 'required';
  if (rule === 'script-access') {
    return [
      '<h2>Consent to the centre seeing the script</h2>',
      '<p>I give my consent for the centre to ask the exam board for my script and to see it.</p>',
      '<p>If my script is used in class with other students (tick one):</p>',
      '<ul class="choices">',
      '<li>☐ only with my name and candidate number removed</li>',
      '<li>☐ I do not mind my name being on it</li>',
      '</ul>',
    ].join('\n');
  }
  if (rule === 'none') {
    return [
      '<h2>Consent</h2>',
      '<p>This service does not need the candidate’s consent. Please sign to show you have read this form.</p>',
    ].join('\n');
  }
  return [
    '<h2>Consent</h2>',
    '<div class="warning"><p><strong>Your mark and grade can go down as well as up.</strong></p>',
    '<p>After a clerical re-check, a review of marking or any later appeal, the final mark and grade may be lower than, higher than, or the same as the original.</p></div>',
    '<p>I confirm that I understand this, and I give my consent for the head of centre to make this request, and any later appeal, on my behalf.</p>',
  ].join('\n');
}

/** What one form shows; a '' value is printed as a line to write on. */
interface FormContent {
  /** "R-2026-0042", or '' before the request is saved. */
  requestId: string;
  candidate: Array<[string, string]>;
  details: Array<[string, string]>;
  service: string;
  /** The day the office received the form, '' when not yet. */
  received: IsoDate | '';
}

const NOT_YET_SAVED = '(given when the request is saved)';

function formPage(content: FormContent, settings: Settings, today: IsoDate, notes: readonly string[]): string {
  const received =
    content.received === '' ? 'Received on ____________.' : `Received ${escapeHtml(formatLongDate(content.received))}.`;
  const section = [
    '<section class="page" aria-label="Application and consent form">',
    centreHeader(settings, true),
    '<h1>Post-results service: application and consent form</h1>',
    `<p>Request ID: ${escapeHtml(content.requestId === '' ? NOT_YET_SAVED : content.requestId)}. Prepared ${escapeHtml(formatLongDate(today))}.</p>`,
    '<h2>Candidate</h2>',
    `<dl>${content.candidate.map(([l, v]) => rowOrLine(l, v)).join('')}</dl>`,
    '<h2>What is being asked for</h2>',
    `<dl>${content.details.map(([l, v]) => rowOrLine(l, v)).join('')}</dl>`,
    consentSection(content.service),
    '<div class="sign">',
    '<span>Candidate’s signature</span><span class="line" aria-hidden="true"></span>',
    '<span>Date</span><span class="line" aria-hidden="true"></span>',
    '</div>',
    `<div class="office"><p><strong>Exams office use.</strong> ${received} ` +
      `Keep this form for ${settings.retentionMonths} months after the outcome of the review or of any appeal (JCQ: at least six), filed in alphabetical order with the log.</p>` +
      '<p>☐ Fee paid &nbsp; ☐ Consent recorded in the log &nbsp; ☐ Entered on the board’s website' +
      (content.requestId === '' ? ' &nbsp; ☐ Request ID written above' : '') +
      '</p></div>',
    '</section>',
  ].join('\n');
  const title = `Application and consent form ${content.requestId === '' ? '(not yet saved)' : content.requestId}`;
  return page(title, 'One page: print, sign and file.', [section], [...notes]);
}

function deadlineText(deadline: IsoDate | '', info: ServiceInfo | null, fallback: string): string {
  if (deadline !== '') return formatLongDate(deadline);
  if (info?.deadlineFromOutcome) return 'within the appeal window after the review’s outcome';
  return fallback;
}

/**
 * The application and consent form for one request, pre-filled from its log
 * row: who, which exam, which service, the fee and deadline, the warning that
 * marks and grades can go down, and lines to sign and date.
 */
export function consentFormPage(req: PostResultsRequest, settings: Settings, today: IsoDate): string {
  const info = isServiceCode(req.service) ? CATALOGUE[req.service] : null;
  const fee = formatFee(req.fee);
  const details: Array<[string, string]> = [
    ['Exam board', req.board],
    ['Qualification', req.qualification],
    ['Subject', req.subject],
    ['Paper (component)', req.component.trim() === '' ? 'Whole qualification' : req.component],
    ['Exam series', req.series],
    ['Service', info?.name ?? String(req.service)],
    ['Fee', fee === 'Free' ? 'Free' : `${fee} (${PAID_TEXT[req.paid]})`],
    ['Board’s deadline', deadlineText(req.deadline, info, 'to be confirmed by the exams office')],
  ];
  if (req.requestedBy === 'teacher' && req.teacherEmail.trim() !== '') {
    details.push(['Asked for by', `a teacher (${req.teacherEmail.trim()})`]);
  }
  const candidate: Array<[string, string]> = [
    ['Name', fullName(req)],
    ['Candidate number', req.candidateNumber],
  ];
  if (req.uci.trim() !== '') candidate.push(['UCI', req.uci.trim()]);
  return formPage(
    { requestId: req.requestId, candidate, details, service: String(req.service), received: req.received },
    settings,
    today,
    [],
  );
}

/**
 * What the officer knows before a request is saved, every part optional: the
 * form is printed for the candidate to sign first, and saving needs it signed.
 */
export interface ConsentFormDraft {
  candidateNumber: string;
  forename: string;
  surname: string;
  uci: string;
  board: string;
  series: string;
  qualification: string;
  subject: string;
  component: string;
  /** A service code, or '' when not chosen. */
  service: string;
  requestedBy: string;
  teacherEmail: string;
  /** From Services when the board, series and service are known; null when not. */
  fee: number | null;
  deadline: IsoDate | '';
}

/** The New request fields a consent form printed before saving is filled from: what the officer has typed so far. */
export const DRAFT_FIELDS = [
  'candidateNumber',
  'forename',
  'surname',
  'uci',
  'board',
  'series',
  'qualification',
  'subject',
  'component',
  'service',
  'requestedBy',
  'teacherEmail',
] as const satisfies readonly (keyof RequestForm)[];

export function emptyDraft(): ConsentFormDraft {
  return {
    candidateNumber: '',
    forename: '',
    surname: '',
    uci: '',
    board: '',
    series: '',
    qualification: '',
    subject: '',
    component: '',
    service: '',
    requestedBy: '',
    teacherEmail: '',
    fee: null,
    deadline: '',
  };
}

/**
 * The same form before anything is saved: what is known filled in, the rest
 * lines to write on, and "Request ID: (given when the request is saved)".
 * `notes` (screen only) say what could not be filled, like a number not in Candidates.
 */
export function draftConsentFormPage(
  draft: ConsentFormDraft,
  settings: Settings,
  today: IsoDate,
  notes: readonly string[] = [],
): string {
  const info = isServiceCode(draft.service) ? CATALOGUE[draft.service] : null;
  const component =
    draft.component.trim() === '' && info?.level === 'qualification' ? 'Whole qualification' : draft.component;
  const details: Array<[string, string]> = [
    ['Exam board', draft.board],
    ['Qualification', draft.qualification],
    ['Subject', draft.subject],
    ['Paper (component)', component],
    ['Exam series', draft.series],
    ['Service', info?.name ?? ''],
    ['Fee', draft.fee === null ? '' : formatFee(draft.fee)],
    ['Board’s deadline', deadlineText(draft.deadline, info, '')],
  ];
  if (draft.requestedBy === 'teacher') {
    details.push([
      'Asked for by',
      draft.teacherEmail.trim() === '' ? 'a teacher' : `a teacher (${draft.teacherEmail.trim()})`,
    ]);
  }
  const candidate: Array<[string, string]> = [
    ['Name', fullName(draft)],
    ['Candidate number', draft.candidateNumber],
    ['UCI', draft.uci],
  ];
  return formPage({ requestId: '', candidate, details, service: draft.service, received: '' }, settings, today, notes);
}
