/**
 * Letters for candidates told on paper, and the application and consent form
 * the procedure says to hand a candidate: every value where it belongs,
 * nothing left unfilled, one page each, nothing from a value run as markup.
 */
import {
  consentFormPage,
  draftConsentFormPage,
  emptyDraft,
  lettersPage,
  downloadFileName,
  type ConsentFormDraft,
  type Letter,
} from '../../src/domain/letters';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import { SEED_TEMPLATES } from '../../src/domain/seedTemplates';
import { commonValues, valuesForCandidate } from '../../src/domain/templateValues';
import { renderTemplate, servicesTable } from '../../src/domain/templates';
import { SCHOOL, amysReview } from './mailFixture';

const REMINDER = SEED_TEMPLATES.find((t) => t.name === 'Results-day reminder')!;

const CANDIDATES = [
  { candidateNumber: '0042', surname: 'Brown', forename: 'Amy', tutorGroup: '13B', email: 'amy.brown@example.org' },
  { candidateNumber: '0043', surname: 'Ng', forename: 'Li', tutorGroup: '13B', email: '' },
  { candidateNumber: '2058', surname: "O'Brien", forename: 'Zoë', tutorGroup: '', email: 'zoe@example.org' },
];

/** The page's one script is its own download button's, the same on every page: the page without it. */
function withoutOwnScript(html: string): string {
  const scripts = html.match(/<script>[\s\S]*?<\/script>/g) ?? [];
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/^<script>\ndocument\.getElementById\('download'\)/);
  return html.replace(scripts[0] ?? '', '');
}

function letters(): Letter[] {
  const table = servicesTable(SEED_SERVICES);
  return CANDIDATES.map((c) => {
    const r = renderTemplate(REMINDER, {
      ...commonValues(SCHOOL),
      today: 'Thursday 20 August 2026',
      ...valuesForCandidate(c),
      servicesTable: table,
    });
    if (!r.ok) throw new Error(r.errors.join(' '));
    return { candidate: c, email: r.email };
  });
}

/** The text a reader sees: tags dropped, entities read. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

function expectNothingUnfilled(html: string): void {
  const text = visibleText(html);
  expect(text).not.toMatch(/\{\{|\}\}|undefined|null|NaN|\[object/);
  // No label left without its value: "Subject: ." or an empty cell.
  expect(html).not.toMatch(/<dd><\/dd>|<dd>\s+<\/dd>/);
}

describe('results-day letters', () => {
  const html = lettersPage(letters(), SCHOOL, '2026-08-20', { title: 'Results-day letters' });

  it('has one page per candidate, each breaking onto a new sheet when printed', () => {
    expect(html.match(/<section class="page"/g)).toHaveLength(3);
    expect(html).toContain('.page { padding: 12mm 14mm; break-after: page; page-break-after: always; }');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('aria-label="Letter 3 of 3"');
  });

  it("puts the centre's name and address at the top of every page, and the date", () => {
    const pages = html.split('<section class="page"').slice(1);
    for (const page of pages) {
      expect(page).toMatch(
        /^[^>]*>\n<header class="centre"><p class="name">Hillside Academy<\/p><p class="address">Hill Road\nLeeds LS6 2AA<\/p><\/header>\n<p class="date">Thursday 20 August 2026<\/p>/,
      );
    }
  });

  it('addresses each page to its candidate, with every value of the reminder filled in', () => {
    const pages = html.split('<section class="page"').slice(1).map(visibleText);
    expect(pages[0]).toContain('For: Amy Brown, candidate 0042, tutor group 13B');
    expect(pages[0]).toContain('Dear Amy,');
    expect(pages[1]).toContain('For: Li Ng, candidate 0043, tutor group 13B');
    expect(pages[1]).toContain('Dear Li,');
    expect(pages[2]).toContain("For: Zoë O'Brien, candidate 2058");
    expect(pages[2]).not.toContain('tutor group');
    for (const page of pages) {
      expect(page).toContain('Your results: re-checks, reviews and copies of your exam papers');
      expect(page).toContain('Review of marking (other levels): £48.65; apply by Thursday 24 September 2026');
      expect(page).toContain('On results day: Mr Okafor (Deputy Head), in the library until 1pm');
      expect(page).toContain('After results day: the exams office (exams@hillside.example.org, 0113 496 0000)');
      expect(page).toContain('Jo Patel Exams Officer, Hillside Academy');
    }
    expectNothingUnfilled(html);
  });

  it('prints from a button that is not printed, and lists who was left out on screen only', () => {
    const withNotes = lettersPage(letters(), SCHOOL, '2026-08-20', {
      title: 'Results-day letters',
      notes: ['Candidates row 9: {{forename}} is empty.'],
    });
    expect(withNotes).toContain('<button type="button" onclick="window.print()">Print</button>');
    expect(withNotes).toContain('@media print { .toolbar, .notes { display: none; } }');
    expect(withNotes).toContain('<li>Candidates row 9: {{forename}} is empty.</li>');
    expect(withNotes).toContain('3 letters, one page each.');
  });

  it('offers the page as a downloadable HTML file, named after it, beside Print', () => {
    const html = lettersPage(letters(), SCHOOL, '2026-08-20', { title: 'Results-day letters' });
    expect(html).toContain(
      '<button type="button" onclick="window.print()">Print</button><button type="button" id="download" data-file="Results-day letters.html">Download as HTML</button>',
    );
    // The script is the same whatever the page holds: no value from the sheets is in it.
    const form = consentFormPage(amysReview({ subject: '</script><b>x' }), SCHOOL, '2026-08-21');
    const script = (h: string) => /<script>[\s\S]*?<\/script>/.exec(h)![0];
    expect(script(form)).toBe(script(html));
    expect(withoutOwnScript(form)).not.toMatch(/<\/script><b>/);
    expect(downloadFileName('Application and consent form R-2026-0042')).toBe(
      'Application and consent form R-2026-0042.html',
    );
    expect(downloadFileName('Form "x"/../<y>')).toBe('Form x .. y.html');
    expect(downloadFileName('<>')).toBe('Letters.html');
  });

  it('escapes what came from the sheets', () => {
    const hostile = lettersPage(
      [{ ...letters()[0], candidate: { ...CANDIDATES[0], surname: '<img src=x onerror=alert(1)>' } }],
      { ...SCHOOL, centreName: 'Hillside <b>Academy</b>' },
      '2026-08-20',
      { title: '<script>' },
    );
    expect(hostile).not.toMatch(/<img|<b>|<title><script>/);
    expect(hostile).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});

describe('the application and consent form', () => {
  it('carries the candidate, board, subject, component, service, fee and deadline', () => {
    const html = consentFormPage(amysReview(), SCHOOL, '2026-08-21');
    const text = visibleText(html);
    for (const expected of [
      'Hillside Academy',
      'Centre number 68199',
      'Hill Road',
      'Leeds LS6 2AA',
      'Post-results service: application and consent form',
      'Request ID: R-2026-0001. Prepared Friday 21 August 2026.',
      'Name Amy Brown',
      'Candidate number 0042',
      'Exam board AQA',
      'Qualification GCE A level',
      'Subject Chemistry',
      'Paper (component) 7405/1',
      'Exam series June 2026',
      'Service Review of marking',
      'Fee £48.65 (paid)',
      'Board’s deadline Thursday 24 September 2026',
      'Received Thursday 20 August 2026',
    ]) {
      expect(text).toContain(expected);
    }
    expectNothingUnfilled(html);
  });

  it('warns that marks and grades can go down, and has lines to sign and date', () => {
    const html = consentFormPage(amysReview(), SCHOOL, '2026-08-21');
    expect(html).toContain('<strong>Your mark and grade can go down as well as up.</strong>');
    expect(visibleText(html)).toContain(
      'the final mark and grade may be lower than, higher than, or the same as the original',
    );
    expect(html).toContain('<span>Candidate’s signature</span><span class="line" aria-hidden="true"></span>');
    expect(html).toContain('<span>Date</span><span class="line" aria-hidden="true"></span>');
    expect(html.match(/<section class="page"/g)).toHaveLength(1);
  });

  it('for a script: consent to see it, and the choice about use in class', () => {
    const html = consentFormPage(
      amysReview({ service: 'ats-copy', fee: 0, requestedBy: 'teacher', teacherEmail: 'r.shah@example.org' }),
      SCHOOL,
      '2026-08-21',
    );
    const text = visibleText(html);
    expect(text).toContain('Fee Free');
    expect(text).toContain('Asked for by a teacher (r.shah@example.org)');
    expect(text).toContain('only with my name and candidate number removed');
    expect(text).toContain('I do not mind my name being on it');
    expect(text).not.toContain('can go down');
  });

  it('fills the gaps a qualification-level service or an appeal leaves, instead of leaving them blank', () => {
    const mir = visibleText(
      consentFormPage(amysReview({ service: 'mir', component: '', fee: null, deadline: '' }), SCHOOL, '2026-08-21'),
    );
    expect(mir).toContain('Paper (component) Whole qualification');
    expect(mir).toContain('Board’s deadline to be confirmed by the exams office');
    expect(mir).toContain('This service does not need the candidate’s consent');
    const appeal = visibleText(
      consentFormPage(amysReview({ service: 'appeal', fee: 120.05, deadline: '', paid: 'no' }), SCHOOL, '2026-08-21'),
    );
    expect(appeal).toContain('Board’s deadline within the appeal window after the review’s outcome');
    expect(appeal).toContain('Fee £120.05 (not yet paid: the request cannot be sent to the board until it is)');
  });

  it('escapes every value', () => {
    const html = consentFormPage(
      amysReview({ subject: '<script>x</script>', forename: '=HYPERLINK("x")' }),
      SCHOOL,
      '2026-08-21',
    );
    expect(withoutOwnScript(html)).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;x&#60;/script&#62;');
    expect(html).toContain('=HYPERLINK(&#34;x&#34;)');
  });
});

describe('the consent form printed before the request is saved', () => {
  const draft = (extra: Partial<ConsentFormDraft> = {}): ConsentFormDraft => ({
    ...emptyDraft(),
    candidateNumber: '0042',
    forename: 'Amy',
    surname: 'Brown',
    uci: '68199T260042X',
    board: 'AQA',
    series: 'June 2026',
    qualification: 'GCE A level',
    subject: 'Chemistry',
    component: '7405/1',
    service: 'review-of-marking',
    fee: 48.65,
    deadline: '2026-09-24',
    ...extra,
  });

  it('is the saved form pre-filled with what is known, the UCI shown, and no request ID yet', () => {
    const html = draftConsentFormPage(draft(), SCHOOL, '2026-08-21');
    const text = visibleText(html);
    for (const expected of [
      'Post-results service: application and consent form',
      'Request ID: (given when the request is saved). Prepared Friday 21 August 2026.',
      'Name Amy Brown',
      'Candidate number 0042',
      'UCI 68199T260042X',
      'Exam board AQA',
      'Subject Chemistry',
      'Paper (component) 7405/1',
      'Service Review of marking',
      'Fee £48.65',
      'Board’s deadline Thursday 24 September 2026',
      'Your mark and grade can go down as well as up.',
      'Candidate’s signature',
      'Request ID written above',
    ]) {
      expect(text).toContain(expected);
    }
    expect(html).toContain('<title>Application and consent form (not yet saved)</title>');
    expect(html).not.toContain('class="fill"');
    expectNothingUnfilled(html);
  });

  it('blank: every detail a line to write on, the consent warning kept, nothing unfilled', () => {
    const html = draftConsentFormPage(emptyDraft(), SCHOOL, '2026-08-21');
    const text = visibleText(html);
    expect(text).toContain('Request ID: (given when the request is saved)');
    expect(text).toContain('Your mark and grade can go down as well as up.');
    expect(text).toContain('Received on ____________.');
    // Name, number, UCI, board, qualification, subject, paper, series, service, fee, deadline.
    expect(html.match(/<dd class="fill"/g)).toHaveLength(11);
    expectNothingUnfilled(html);
  });

  it('for a whole-qualification service with no paper, says so rather than leaving a line', () => {
    const text = visibleText(
      draftConsentFormPage(draft({ service: 'mir', component: '', fee: null }), SCHOOL, '2026-08-21'),
    );
    expect(text).toContain('Paper (component) Whole qualification');
    expect(text).toContain('This service does not need the candidate’s consent');
  });

  it('shows on screen what could not be filled, and never prints that note', () => {
    const html = draftConsentFormPage(emptyDraft(), SCHOOL, '2026-08-21', [
      'Candidate 9999 is not in the Candidates sheet.',
    ]);
    expect(html).toContain('<div class="notes" role="note">');
    expect(html).toContain('Candidate 9999 is not in the Candidates sheet.');
    expect(html).toMatch(/@media print \{ \.toolbar, \.notes \{ display: none; \} \}/);
  });

  it('escapes every value, the notes too', () => {
    const html = draftConsentFormPage(
      draft({
        subject: '<img src=x onerror=alert(1)>',
        surname: '=HYPERLINK("x")',
        uci: '"><script>x</script>',
        requestedBy: 'teacher',
        teacherEmail: '<b>t</b>@example.org',
      }),
      SCHOOL,
      '2026-08-21',
      ['<script>note</script>'],
    );
    expect(withoutOwnScript(html)).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('=HYPERLINK(&#34;x&#34;)');
    expect(html).toContain('&#60;script&#62;note&#60;/script&#62;');
  });

  it('saved, the same page carries the request ID and the UCI the log holds', () => {
    const text = visibleText(consentFormPage(amysReview({ uci: '68199T260042X' }), SCHOOL, '2026-08-21'));
    expect(text).toContain('Request ID: R-2026-0001.');
    expect(text).toContain('UCI 68199T260042X');
  });
});
