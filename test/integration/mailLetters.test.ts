/**
 * Letters through the built bundle: the menu items open a dialog the officer
 * prints from, filled from the sheets, with nothing left unfilled.
 */
import { reviewForm } from './harness';
import { addCandidates, school } from './mailHelpers';

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
