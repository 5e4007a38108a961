/**
 * A whole post-results season, walked as the exams officer would in the
 * emulator's window: the add-on menu, the sidebar's labelled fields and
 * buttons, the clock, the sheet tabs and the outbox. Nothing here calls the
 * server directly or reads the workbook behind the page.
 */
import { Officer } from './officer';
import { collectPageErrors, openSession, type Session } from './support';

jest.setTimeout(90_000);

/** GCSE results day of the seeded June 2026 series (A level results came on 13 August). */
const RESULTS_DAY = '2026-08-20';
/** The add-on's colour for a request with something late (src/sheets/flagFormatting.ts), as the browser reports it. */
const RED = 'rgb(244, 199, 195)';
/** ...and for one with something to do. */
const AMBER = 'rgb(252, 232, 178)';

let session: Session;
let officer: Officer;
let pageErrors: string[];

beforeAll(async () => {
  session = await openSession();
  officer = new Officer(session.page);
  pageErrors = collectPageErrors(session.page);
});

afterAll(async () => {
  await session?.close();
});

/** The New request sidebar's fields a review of marking and a copy of a script share. */
async function fillRequest(
  o: Officer,
  fields: { candidate: string; service: string; subject: string; component: string },
): Promise<void> {
  const form = o.sidebar;
  await form.getByLabel('Candidate number', { exact: true }).fill(fields.candidate);
  await form.getByText(/^Found in Candidates:/).waitFor();
  await form.getByLabel('Board', { exact: true }).selectOption({ label: 'AQA' });
  await form.getByLabel('Series', { exact: true }).selectOption({ label: 'June 2026' });
  await form.getByLabel('Service', { exact: true }).selectOption({ label: fields.service });
  await form.getByLabel('Qualification', { exact: true }).fill('GCE A level');
  await form.getByLabel('Subject', { exact: true }).fill(fields.subject);
  await form.getByLabel('Component', { exact: true }).fill(fields.component);
}

/** In the Update sidebar: find a request by its ID and open it. */
async function findRequest(o: Officer, requestId: string): Promise<void> {
  const update = o.sidebar;
  await update.getByLabel('Find a request', { exact: true }).fill(requestId);
  await update.getByRole('button', { name: 'Find', exact: true }).click();
  // One match opens by itself; several are listed to choose from.
  const heading = update.getByRole('heading', { name: new RegExp(requestId) });
  const match = update.getByRole('listitem').getByRole('button', { name: new RegExp(requestId) });
  await heading.or(match).first().waitFor();
  if (!(await heading.isVisible())) await match.click();
  await heading.waitFor();
}

async function save(o: Officer): Promise<void> {
  await o.andRefresh(() => o.sidebar.getByRole('button', { name: 'Save request' }).click());
}

describe('a season in the emulator', () => {
  it('takes requests from results day to outcomes, as the officer works', async () => {
    try {
      await walk(officer);
    } catch (err) {
      // What the page showed when the walk stopped, for whoever reads the failure.
      await officer.shot('season-failed').catch(() => undefined);
      throw err;
    }
  });
});

async function walk(o: Officer): Promise<void> {
  {
    await o.open(session.server.url);

    // ---- Results day: the officer sets the clock and sets up. ----
    await o.setToday(RESULTS_DAY);
    await o.menu('Set up sheets');
    await o.banner(/Services sheet/).waitFor();
    await o.dismissBanners();
    const services = await o.rows('Services');
    expect(services.some((s) => s.Board === 'AQA' && s.Series === 'June 2026')).toBe(true);

    // ---- The MIS export brings a candidate the demo did not have. ----
    await o.menu('Import candidates');
    const importer = o.sidebar;
    await importer.getByRole('heading', { name: 'Import candidates' }).waitFor();
    await importer.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'candidates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Candidate number,Surname,Forename,Email,Parent email,Tutor group,UCI\r\n' +
          '2058,DEMO Evans,Ffion,ffion.evans@students.demo.invalid,parent.ffion.evans@demo.invalid,DEMO,\r\n',
      ),
    });
    await importer.getByText(/candidates\.csv: \d+ lines read/).waitFor();
    await importer.getByRole('button', { name: 'Preview' }).click();
    await importer.locator('#headline').filter({ hasText: /\S/ }).waitFor();
    const preview = await importer.locator('#headline').innerText();
    expect(preview).toMatch(/^Preview: 1 new candidate, 0 updated/);
    expect((await o.rows('Candidates')).map((c) => c.Surname)).not.toContain('DEMO Evans');
    await o.andRefresh(() => importer.getByRole('button', { name: 'Import', exact: true }).click());
    await importer.locator('#headline').filter({ hasNotText: preview }).waitFor();
    await o.shot('season-00-import', o.page.locator('#panel'));
    expect(await o.row('Candidates', 'Candidate number', '2058')).toMatchObject({
      Surname: 'DEMO Evans',
      Forename: 'Ffion',
    });

    // ---- Results-day reminders to every candidate. ----
    await o.menu('Send results-day reminders');
    const reminders = o.sidebar;
    await reminders.getByRole('heading', { name: 'Results-day reminders' }).waitFor();
    await reminders.getByText(/^Loading the candidates/).waitFor({ state: 'hidden' });
    await reminders.getByRole('button', { name: 'Preview' }).click();
    await reminders.getByRole('heading', { name: 'Preview' }).waitFor();
    // Six candidates: the five DEMO ones and the one just imported.
    await o.andRefresh(() => reminders.getByRole('button', { name: 'Send 6 reminders' }).click());
    await reminders.locator('#result').filter({ hasText: /\S/ }).waitFor();
    await o.shot('season-00-reminders', o.page.locator('#panel'));
    const reminded = (await o.outbox()).map((m) => m.to);
    expect(reminded).toEqual(
      expect.arrayContaining(['aisha.ahmed@students.demo.invalid', 'ffion.evans@students.demo.invalid']),
    );
    // The same reminder on paper, for the noticeboard: a dialog of letters, one page each.
    await reminders.getByLabel(/^Every candidate these filters pick/).check();
    await o.andRefresh(() => reminders.getByRole('button', { name: 'Print letters' }).click());
    await o.page.locator('#panel-title').filter({ hasNotText: 'Results-day reminders' }).waitFor();
    await o.sidebar
      .getByText(/Dear Ffion/)
      .first()
      .waitFor();
    await o.shot('season-00-letters');
    // A modal dialog: nothing else can be pressed until it is closed.
    await o.page.getByRole('dialog').getByRole('button', { name: 'Close dialog' }).click();
    await o.page.getByRole('dialog').waitFor({ state: 'hidden' });

    // ---- A review of marking with consent and payment. ----
    await o.menu('Open sidebar');
    await o.sidebar.getByRole('heading', { name: 'New request' }).waitFor();
    await fillRequest(o, {
      candidate: '0042',
      service: 'Review of marking',
      subject: 'Chemistry',
      component: '7405/1',
    });
    await o.sidebar
      .getByText(/marks and grades can go down as well as up/)
      .first()
      .waitFor();
    await o.sidebar.getByLabel(/The candidate has given written consent/).check();
    await o.sidebar.getByLabel('Consent date', { exact: true }).fill(RESULTS_DAY);
    await o.sidebar.getByLabel('Paid', { exact: true }).selectOption({ label: 'Yes' });
    await o.sidebar.getByLabel('Original mark (optional)', { exact: true }).fill('61');
    await o.sidebar.getByLabel('Original grade (optional)', { exact: true }).fill('B');
    await o.shot('season-01-review-filled', o.page.locator('#panel'));
    await save(o);
    const saved = o.sidebar.getByRole('status').filter({ hasText: /Saved as R-2026-\d+/ });
    await saved.waitFor();
    const reviewId = /Saved as (R-2026-\d+)/.exec(await saved.innerText())![1];
    await o.shot('season-02-review-saved', o.page.locator('#panel'));

    // The candidate is told the request has been taken.
    expect((await o.email(new RegExp(`We have your request ${reviewId}`))).to).toBe(
      'aisha.ahmed@students.demo.invalid',
    );
    const review = await o.row('Requests', 'Request ID', reviewId);
    expect(review).toMatchObject({
      'Candidate number': '0042',
      Surname: 'DEMO Ahmed',
      Forename: 'Aisha',
      Board: 'AQA',
      Subject: 'Chemistry',
      Component: '7405/1',
      Consent: 'ticked',
      Paid: expect.stringMatching(/^yes$/i),
    });

    // ---- One without consent: the field says what is wrong and nothing is written. ----
    await fillRequest(o, {
      candidate: '0107',
      service: 'Review of marking',
      subject: 'Physics',
      component: '7408/2',
    });
    await o.sidebar.getByLabel('Paid', { exact: true }).selectOption({ label: 'Yes' });
    await o.sidebar.getByRole('button', { name: 'Save request' }).click();
    const consent = o.sidebar.getByLabel(/The candidate has given written consent/);
    await o.sidebar
      .locator('[data-field="consent"]')
      .getByText(/^Error:/)
      .waitFor();
    expect(await consent.getAttribute('aria-invalid')).toBe('true');
    await o.shot('season-03-consent-error', o.page.locator('#panel'));
    expect((await o.rows('Requests')).filter((r) => r.Surname === 'DEMO Brown')).toEqual([]);
    await o.sidebar.getByRole('button', { name: 'Clear form' }).click();

    // ---- A copy of a script goes to its own log. ----
    await fillRequest(o, {
      candidate: '0213',
      service: 'Copy of script',
      subject: 'Biology',
      component: '7402/1',
    });
    await o.sidebar.getByLabel(/The candidate has given written consent/).check();
    await o.sidebar.getByLabel('Consent date', { exact: true }).fill(RESULTS_DAY);
    await save(o);
    const copySaved = o.sidebar.getByRole('status').filter({ hasText: /Saved as \S+ in the Access to scripts log/ });
    await copySaved.waitFor();
    const copyId = /Saved as (\S+) in/.exec(await copySaved.innerText())![1];
    expect(await o.row('Access to scripts', 'Request ID', copyId)).toMatchObject({
      Surname: 'DEMO Chen',
      Subject: 'Biology',
    });
    expect((await o.rows('Requests')).map((r) => r['Request ID'])).not.toContain(copyId);

    // ---- The form the candidate signs, printed from the menu: it asks which request. ----
    o.page.once('dialog', (question) => {
      expect(question.type()).toBe('prompt');
      expect(question.message()).toMatch(/request ID/i);
      void question.accept(reviewId);
    });
    await o.menu('Print application and consent form…');
    const form = o.page.getByRole('dialog');
    await form.waitFor();
    await o.sidebar.getByText(reviewId).first().waitFor();
    await o.shot('season-03-consent-form');
    await form.getByRole('button', { name: 'Close dialog' }).click();

    // ---- The review goes to the board. ----
    await o.menu('Update a request');
    const update = o.sidebar;
    await update.getByRole('heading', { name: 'Update a request' }).waitFor();
    await findRequest(o, reviewId);
    await update.getByLabel('Date submitted', { exact: true }).fill(RESULTS_DAY);
    await update.getByLabel('Board reference (optional)', { exact: true }).fill('AQA-EAR-0001');
    await o.andRefresh(() => update.getByRole('button', { name: 'Record submission' }).click());
    await update.locator('#notice').filter({ hasText: /\S/ }).waitFor();
    await o.shot('season-04-submitted', o.page.locator('#panel'));
    expect(await o.row('Requests', 'Request ID', reviewId)).toMatchObject({
      'Submitted to board': '20/08/2026',
      'Board reference': 'AQA-EAR-0001',
    });

    // ---- A week passes with no word from the board: the morning's check flags it and tells the officer. ----
    await o.addDays(7);
    expect(await o.today()).toBe('27/08/2026');
    await o.dismissBanners();
    await o.fireTrigger('runDailyCheck');
    // The trigger's banner says what "Run daily check now" says; its raw answer is behind "details".
    const fired = o.banner(/request is flagged/);
    await fired.waitFor();
    const said = await fired.locator('.text').innerText();
    expect(said).toMatch(/^1 request is flagged: see the Flags column of the logs/);
    expect(said).not.toContain('{');
    await fired.getByText('details', { exact: true }).click();
    expect(await fired.locator('details pre').innerText()).toContain('"flagged"');
    const chased = await o.row('Requests', 'Request ID', reviewId);
    expect(chased.Flags).toContain('Not acknowledged by the board');
    expect(chased['(background)']).toBe(RED);
    await o.shot('season-05-unacknowledged');
    const digest = await o.email(/what needs doing/i);
    expect(digest.to).toBe('exams.officer@demo.invalid');
    expect(digest.text).toContain(reviewId);
    expect(digest.text).toMatch(/no acknowledgement/i);

    // ---- The board acknowledges, then sends the outcome: the grade goes up. ----
    await findRequest(o, reviewId);
    await update.getByLabel('Date acknowledged', { exact: true }).fill('2026-08-27');
    await o.andRefresh(() => update.getByRole('button', { name: 'Record acknowledgement' }).click());
    await update
      .locator('#notice')
      .filter({ hasText: /acknowledg/i })
      .waitFor();
    expect((await o.row('Requests', 'Request ID', reviewId)).Acknowledged).toBe('27/08/2026');

    await o.addDays(7);
    await findRequest(o, reviewId);
    await update.getByLabel('Date received', { exact: true }).fill('2026-09-03');
    await update.getByLabel('New grade', { exact: true }).fill('A');
    await update.getByLabel('New mark', { exact: true }).fill('68');
    await o.andRefresh(() => update.getByRole('button', { name: 'Record outcome' }).click());
    await update.locator('#notice').filter({ hasText: /\S/ }).waitFor();
    await o.shot('season-06-outcome', o.page.locator('#panel'));
    const outcome = await o.row('Requests', 'Request ID', reviewId);
    expect(outcome).toMatchObject({ 'Original grade': 'B', 'New grade': 'A', 'New mark': '68' });
    expect(outcome.Flags).toContain('Refund due');
    // Nothing late any more, only things to do: amber, not red.
    expect(outcome['(background)']).toBe(AMBER);
    const told = await o.email(/Chemistry result|outcome of your Chemistry/);
    expect(told.to).toBe('aisha.ahmed@students.demo.invalid');
    expect(told.text).toMatch(/\bA\b/);

    // ---- Finance asks what to refund. ----
    await o.menu('Lists for the MIS, boards and finance');
    const lists = o.sidebar;
    await lists.getByRole('button', { name: 'Show refunds due' }).click();
    const refunds = lists.locator('#refunds-out');
    await refunds.getByText(/^1 refund due, £48\.65 in all/).waitFor();
    expect(await refunds.innerText()).toContain('DEMO Ahmed, Aisha (0042): £48.65 to candidate, Chemistry 7405/1');
    await o.shot('season-07-refunds', o.page.locator('#panel'));

    // ---- The senior leaders' view. ----
    await o.menu('Refresh SLT view');
    await o.banner(/SLT dashboard/).waitFor();
    expect(await o.figure('SLT dashboard', 'Grades changed by a review')).toBe('1');
    expect(await o.figure('SLT dashboard', 'Refunds due')).toMatch(/48\.65/);
    // The review and the copy of a script.
    expect(await o.figure('SLT dashboard', 'Requests logged')).toBe('2');
    await o.page.getByText('Requests by status, per board').first().waitFor();
    await o.shot('season-08-slt-dashboard');

    // ---- A picture of every sheet and the outbox, as the season left them. ----
    const tabs = await o.page.getByRole('tab').allInnerTexts();
    expect(tabs.length).toBeGreaterThanOrEqual(9);
    for (const name of tabs) {
      await o.tab(name);
      await o.shot(
        `sheet-${name
          .replace(/\s*\(\d+\)$/, '')
          .replace(/\W+/g, '-')
          .replace(/^-|-$/g, '')}`,
      );
    }
    expect(pageErrors).toEqual([]);
  }
}
