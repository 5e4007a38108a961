/**
 * The emulator's grid is a spreadsheet the officer can type into: she fills
 * in a fee the Services sheet left blank, and the request that needed it then
 * goes through the New request sidebar. Typed text is read as Sheets reads it,
 * protected cells are refused in Sheets' words, dropdown columns offer their
 * list, and every edit is in the data folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Officer } from './officer';
import { collectPageErrors, openSession, postApi, type Session } from './support';

jest.setTimeout(90_000);

const RESULTS_DAY = '2026-08-20';

let session: Session;
let officer: Officer;
let pageErrors: string[];

beforeAll(async () => {
  session = await openSession();
  officer = new Officer(session.page);
  pageErrors = collectPageErrors(session.page);
  // Set-up, not the subject of this test: the morning of GCSE results day.
  await postApi(session, '/api/clock', { today: RESULTS_DAY });
  await officer.open(session.server.url);
});

afterAll(async () => {
  await session?.close();
});

/** The New request sidebar, filled for an OCR review of marking for Aisha (0042), consent and payment given. */
async function fillOcrReview(o: Officer): Promise<void> {
  const form = o.sidebar;
  await form.getByLabel('Candidate number', { exact: true }).fill('0042');
  await form.getByText(/^Found in Candidates:/).waitFor();
  await form.getByLabel('Board', { exact: true }).selectOption({ label: 'OCR' });
  await form.getByLabel('Series', { exact: true }).selectOption({ label: 'June 2026' });
  await form.getByLabel('Service', { exact: true }).selectOption({ label: 'Review of marking' });
  await form.getByLabel('Qualification', { exact: true }).fill('GCE A level');
  await form.getByLabel('Subject', { exact: true }).fill('History');
  await form.getByLabel('Component', { exact: true }).fill('Y105');
  await form.getByLabel(/The candidate has given written consent/).check();
  await form.getByLabel('Consent date', { exact: true }).fill(RESULTS_DAY);
  await form.getByLabel('Paid', { exact: true }).selectOption({ label: 'Yes' });
}

describe('typing into the emulator grid', () => {
  it('fills in the OCR review-of-marking fee in Services, then takes the request that needed it', async () => {
    const o = officer;
    // ---- The request is refused while its fee is blank. ----
    await o.menu('Open sidebar');
    await o.sidebar.getByRole('heading', { name: 'New request' }).waitFor();
    await fillOcrReview(o);
    await o.sidebar.getByRole('button', { name: 'Save request' }).click();
    await o.sidebar
      .getByText(/fee for OCR, June 2026, Review of marking is blank in the Services sheet/)
      .first()
      .waitFor();
    expect((await o.rows('Requests')).filter((r) => r.Subject === 'History')).toEqual([]);

    // ---- She finds OCR's row in Services and types the fee in (column E: Board, Series, Service, Level, Fee). ----
    const services = await o.rows('Services');
    const index = services.findIndex((s) => s.Board === 'OCR' && s.Service === 'review-of-marking');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(services[index].Fee).toBe('');
    const fee = o.cell('Services', index + 2, 'E');
    await fee.dblclick();
    const editor = o.page.getByLabel(`Edit cell E${index + 2}`);
    await editor.fill('45.50');
    await o.andRefresh(() => editor.press('Enter'));
    // Enter moved her down a row, as in Sheets, and the redrawn grid keeps her there.
    await expectFocused(o, `E${index + 3}`);
    expect((await o.rows('Services'))[index].Fee).toBe('£45.50');
    // Saved in the data folder like every other change.
    expect(readFileSync(join(session.dataDir, 'workbook.json'), 'utf8')).toContain('45.5');

    // ---- The sidebar, opened again, takes the request with that fee. ----
    await o.menu('Open sidebar');
    await o.sidebar.getByRole('heading', { name: 'New request' }).waitFor();
    await fillOcrReview(o);
    await o.andRefresh(() => o.sidebar.getByRole('button', { name: 'Save request' }).click());
    const saved = o.sidebar.getByRole('status').filter({ hasText: /Saved as R-2026-\d+/ });
    await saved.waitFor();
    expect(await saved.innerText()).toMatch(/£45\.50/);
    const id = /Saved as (R-2026-\d+)/.exec(await saved.innerText())![1];
    expect(await o.row('Requests', 'Request ID', id)).toMatchObject({
      Board: 'OCR',
      Subject: 'History',
      Fee: '£45.50',
    });
    expect(pageErrors).toEqual([]);
  });

  it('reads typed text as Sheets does, moves with Tab and the arrows, and Escape keeps the cell as it was', async () => {
    const o = officer;
    const services = await o.rows('Services');
    // The first blank row below the services, as Sheets leaves room for a new one.
    const r = services.length + 2;
    await o.cell('Services', r, 'E').click();
    // Typing on a selected cell starts an edit with that character; Tab keeps it and moves right.
    await o.page.keyboard.type('£12');
    await o.andRefresh(() => o.page.keyboard.press('Tab'));
    await expectFocused(o, `F${r}`);
    await o.page.keyboard.type('27/8/2026');
    await o.andRefresh(() => o.page.keyboard.press('Enter'));
    await expectFocused(o, `F${r + 1}`);
    await o.page.keyboard.press('ArrowUp');
    await o.page.keyboard.press('ArrowRight');
    await expectFocused(o, `G${r}`);
    await o.page.keyboard.type('=1+2');
    await o.andRefresh(() => o.page.keyboard.press('ArrowLeft'));
    await expectFocused(o, `F${r}`);
    await o.page.keyboard.press('ArrowLeft');
    await o.page.keyboard.press('ArrowDown');
    await o.page.keyboard.type("'0042");
    await o.andRefresh(() => o.page.keyboard.press('Enter'));
    const typed = (await o.cells('Services'))[r - 1];
    // A pound sign makes a sum of money, 27/8/2026 is a UK date, a formula stays as its text
    // (the emulator does not calculate), and a leading quote keeps 0042 as text.
    expect(typed.slice(4, 7)).toEqual(['£12.00', '27/08/2026', '=1+2']);
    expect((await o.cells('Services'))[r][4]).toBe('0042');

    // Opening the quoted cell shows the quote, as the formula bar does, so Enter changes nothing.
    await o.cell('Services', r + 1, 'E').dblclick();
    const editor = o.page.getByLabel(`Edit cell E${r + 1}`);
    expect(await editor.inputValue()).toBe("'0042");
    // Escape: what she typed is dropped and nothing is written.
    await editor.fill('999');
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await expectFocused(o, `E${r + 1}`);
    expect((await o.cells('Services'))[r][4]).toBe('0042');
    // Delete empties the selected cell.
    await o.cell('Services', r + 1, 'E').click();
    await o.andRefresh(() => o.page.keyboard.press('Delete'));
    expect((await o.cells('Services'))[r]?.[3] ?? '').toBe('');
    expect(pageErrors).toEqual([]);
  });

  it('offers a dropdown column its list, and refuses a protected cell in Sheets’ words', async () => {
    const o = officer;
    const requests = await o.rows('Requests');
    const r = requests.findIndex((x) => x.Subject === 'History') + 2;
    expect(r).toBeGreaterThan(1);
    const paidColumn = String.fromCharCode(65 + Object.keys(requests[0]).indexOf('Paid'));
    await o.cell('Requests', r, paidColumn).dblclick();
    const choose = o.page.getByLabel(`Choose a value for cell ${paidColumn}${r}`);
    expect(await choose.locator('option').allInnerTexts()).toEqual(['(blank)', 'yes', 'no', 'waived']);
    await o.andRefresh(() => choose.selectOption('waived'));
    expect((await o.row('Requests', 'Subject', 'History')).Paid).toBe('waived');

    // A colleague who can edit the file but is not an editor of the log.
    await o.page.getByLabel('Type into cells as').selectOption('colleague@demo.invalid');
    await o.tab('Requests');
    await o.cell('Requests', r, paidColumn).dblclick();
    await o.andRefresh(() => o.page.getByLabel(`Choose a value for cell ${paidColumn}${r}`).selectOption('no'));
    await o
      .banner(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      )
      .waitFor();
    expect((await o.row('Requests', 'Subject', 'History')).Paid).toBe('waived');
    await o.page.getByLabel('Type into cells as').selectOption('exams.officer@demo.invalid');
    await o.dismissBanners();
    await o.shot('grid-typing');
    expect(pageErrors).toEqual([]);
  });
});

async function expectFocused(o: Officer, cell: string): Promise<void> {
  const name = await o.page.evaluate(() => {
    const td = document.activeElement as HTMLElement | null;
    if (!td?.dataset.r) return '';
    return `${String.fromCharCode(65 + Number(td.dataset.c))}${Number(td.dataset.r) + 1}`;
  });
  expect(name).toBe(cell);
}
