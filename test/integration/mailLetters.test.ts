/**
 * Letters through the built bundle: the menu items open a dialog the officer
 * prints from, filled from the sheets, with nothing left unfilled.
 */
import { reviewForm } from './harness';
import { SHEET } from '../../src/domain/schema';
import { addCandidates, school } from './mailHelpers';
import type { GasEnvironment } from '../../emulator/gas';

const THREE = [
  { number: '0042', surname: 'Brown', forename: 'Amy', email: 'amy.brown@example.org', tutorGroup: '13B' },
  { number: '0043', surname: 'Ng', forename: 'Li', email: '', tutorGroup: '13B' },
  { number: '2058', surname: 'Patel', forename: 'Ravi', email: 'ravi.patel@example.org', tutorGroup: '11C' },
];

function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('Print results-day letters', () => {
  it('opens one letter for the candidate with no email, and nothing is sent', () => {
    const { env, bundle } = school();
    addCandidates(env, THREE);
    bundle.menuPrintLetters();
    expect(env.ui.dialogs).toHaveLength(1);
    const [dialog] = env.ui.dialogs;
    expect(dialog).toMatchObject({ title: 'Results-day letters', modal: true });
    const text = visibleText(dialog.html);
    expect(dialog.html.match(/<section class="page"/g)).toHaveLength(1);
    expect(text).toContain('For: Li Ng, candidate 0043, tutor group 13B');
    expect(text).toContain('Dear Li,');
    expect(text).toContain('Hillside Academy Hill Road Leeds LS6 2AA Thursday 20 August 2026');
    expect(text).toContain('Clerical re-check: £8.70; apply by Thursday 24 September 2026');
    expect(text).not.toMatch(/\{\{|\}\}|undefined/);
    expect(env.mail.outbox).toHaveLength(0);
  });

  it('prints for every candidate the filters pick when asked, one page each, every value filled', () => {
    const { env, run } = school();
    addCandidates(env, THREE);
    expect(run('showResultsDayLetters', { everyone: true })).toEqual({ ok: true, letters: 3, leftOut: 0 });
    const html = env.ui.dialogs[0].html;
    const pages = html.split('<section class="page"').slice(1).map(visibleText);
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => /For: ([^,]+),/.exec(p)?.[1])).toEqual(['Amy Brown', 'Li Ng', 'Ravi Patel']);
    for (const page of pages) {
      expect(page).toContain('On results day: Mr Okafor (Deputy Head), in the library until 1pm');
      expect(page).not.toMatch(/\{\{|\}\}|undefined/);
    }
    expect(run('showResultsDayLetters', { everyone: true, tutorGroup: '11C' })).toMatchObject({ letters: 1 });
  });

  it('says so, and opens nothing, when every candidate has an email', () => {
    const { env, bundle } = school();
    addCandidates(env, [THREE[0], THREE[2]]);
    bundle.menuPrintLetters();
    expect(env.ui.dialogs).toHaveLength(0);
    expect(env.ui.alerts[env.ui.alerts.length - 1]).toMatch(
      /Every candidate in the Candidates sheet has an email address/,
    );
  });
});

describe('Print application and consent form…', () => {
  it('asks for the request ID and opens the pre-filled form', () => {
    const { env, bundle, run } = school();
    expect(run('submitRequest', reviewForm()).requestId).toBe('R-2026-0001');
    env.ui.responses.push({ button: 'OK', text: ' r-2026-0001 ' });
    bundle.menuPrintConsentForm();
    expect(env.ui.dialogs).toHaveLength(1);
    const [dialog] = env.ui.dialogs;
    expect(dialog.title).toBe('Application and consent form R-2026-0001');
    const text = visibleText(dialog.html);
    for (const expected of [
      'Hillside Academy',
      'Centre number 68199',
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
      'Your mark and grade can go down as well as up.',
      'Candidate’s signature',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/\{\{|\}\}|undefined|null/);
    expect(dialog.html).not.toMatch(/<dd><\/dd>/);
  });

  it('says when there is no such request, and does nothing on Cancel', () => {
    const { env, bundle } = school();
    env.ui.responses.push({ button: 'OK', text: 'R-2026-0099' });
    bundle.menuPrintConsentForm();
    expect(env.ui.alerts[env.ui.alerts.length - 1]).toBe(
      'There is no request R-2026-0099 in Requests or Access to scripts.',
    );
    env.ui.responses.push({ button: 'CANCEL', text: 'R-2026-0001' });
    bundle.menuPrintConsentForm();
    expect(env.ui.dialogs).toHaveLength(0);
  });
});

/** Amy's UCI, in the Candidates sheet's UCI column (the MIS import writes it as text). */
function giveUci(env: GasEnvironment, row: number, uci: string): void {
  const sheet = env.spreadsheet.getSheetByName(SHEET.candidates)!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const cell = sheet.getRange(row, headers.indexOf('UCI') + 1);
  cell.setNumberFormat('@');
  cell.setValue(uci);
}

describe('The consent form before the request is saved', () => {
  it('pre-fills from the sidebar and Candidates: name and UCI by number, fee and deadline from Services', () => {
    const { env, run } = school();
    addCandidates(env, THREE);
    giveUci(env, 2, '68199T260042X');
    expect(
      run('showBlankConsentForm', {
        candidateNumber: ' 0042 ',
        board: 'AQA',
        series: 'June 2026',
        qualification: 'GCE A level',
        subject: 'Chemistry',
        component: '7405/1',
        service: 'review-of-marking',
        requestedBy: 'candidate',
        // What the officer typed is replaced by what Candidates holds for the number.
        surname: 'Typo',
      }),
    ).toEqual({ ok: true, candidateFound: true, notes: [] });
    expect(env.ui.dialogs).toHaveLength(1);
    const [dialog] = env.ui.dialogs;
    expect(dialog).toMatchObject({ title: 'Application and consent form (not yet saved)', modal: true });
    const text = visibleText(dialog.html);
    for (const expected of [
      'Request ID: (given when the request is saved)',
      'Centre number 68199',
      'Name Amy Brown',
      'Candidate number 0042',
      'UCI 68199T260042X',
      'Exam board AQA',
      'Service Review of marking',
      'Fee £48.65',
      'Board’s deadline Thursday 24 September 2026',
      'Your mark and grade can go down as well as up.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/Typo|undefined|null|NaN/);
    // Nothing is saved by printing.
    expect(env.spreadsheet.getSheetByName(SHEET.requests)!.getLastRow()).toBe(1);
  });

  it('prints blank with a note when the number is not in Candidates, never refusing', () => {
    const { env, run } = school();
    addCandidates(env, THREE);
    const answer = run('showBlankConsentForm', { candidateNumber: '9999', service: 'not-a-service' });
    expect(answer).toEqual({
      ok: true,
      candidateFound: false,
      notes: ['Candidate 9999 is not in the Candidates sheet: their name and UCI are left to write in.'],
    });
    const html = env.ui.dialogs[0].html;
    expect(visibleText(html)).toContain('Candidate number 9999');
    expect(html).toContain('Candidate 9999 is not in the Candidates sheet');
    expect(html).toMatch(/<dt>Name<\/dt><dd class="fill"/);
    expect(html).toMatch(/<dt>Service<\/dt><dd class="fill"/);
    expect(run('showBlankConsentForm', null)).toEqual({ ok: true, candidateFound: false, notes: [] });
    expect(env.ui.dialogs).toHaveLength(2);
  });

  it('escapes what the sidebar sends', () => {
    const { env, run } = school();
    run('showBlankConsentForm', { subject: '<script>alert(1)</script>', candidateNumber: '<b>1</b>' });
    const html = env.ui.dialogs[0].html;
    expect(html).not.toMatch(/<script>alert|<b>1/);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('from the menu: blank for nothing, pre-filled for a candidate number, the saved form for a request ID', () => {
    const { env, bundle, run } = school();
    addCandidates(env, THREE);
    env.ui.responses.push({ button: 'OK', text: '  ' });
    bundle.menuPrintConsentForm();
    expect(env.ui.alerts[env.ui.alerts.length - 1]).toMatch(
      /request ID \(like R-2026-0042\).*candidate number \(like 0042\).*leave blank for a blank form/,
    );
    expect(env.ui.dialogs[0].title).toBe('Application and consent form (not yet saved)');
    expect(env.ui.dialogs[0].html).toMatch(/<dt>Name<\/dt><dd class="fill"/);

    env.ui.responses.push({ button: 'OK', text: '0043' });
    bundle.menuPrintConsentForm();
    expect(visibleText(env.ui.dialogs[1].html)).toContain('Name Li Ng');

    expect(run('submitRequest', reviewForm()).requestId).toBe('R-2026-0001');
    env.ui.responses.push({ button: 'OK', text: 'R-2026-0001' });
    bundle.menuPrintConsentForm();
    expect(visibleText(env.ui.dialogs[2].html)).toContain('Request ID: R-2026-0001.');
    expect(env.ui.dialogs).toHaveLength(3);
  });
});
