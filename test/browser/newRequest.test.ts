/**
 * The New request sidebar shows every problem with a request on the first
 * Save: what the page can see (a missing priority reason) and what only the
 * server's rules know (the board's deadline has passed), each beside its
 * field, and the summary names the fields as the form labels them.
 */
import { Officer } from './officer';
import { collectPageErrors, openSession, postApi, type Session } from './support';

jest.setTimeout(60_000);

let session: Session;

beforeAll(async () => {
  session = await openSession();
});

afterAll(async () => {
  await session?.close();
});

describe('saving a late priority review with no reason', () => {
  it('names the missing reason and the passed deadline together, on the first Save, and saves nothing', async () => {
    const o = new Officer(session.page);
    const errors = collectPageErrors(session.page);
    // AQA's June 2026 priority deadline was 20 August; this is 1 September.
    await postApi(session, '/api/clock', { today: '2026-09-01' });
    await o.open(session.server.url);
    await o.menu('Open sidebar');
    const form = o.sidebar;
    await form.getByLabel('Candidate number', { exact: true }).fill('0042');
    await form.getByText(/^Found in Candidates:/).waitFor();
    await form.getByLabel('Board', { exact: true }).selectOption({ label: 'AQA' });
    await form.getByLabel('Series', { exact: true }).selectOption({ label: 'June 2026' });
    await form.getByLabel('Service', { exact: true }).selectOption({ label: 'Priority review of marking' });
    await form.getByLabel('Qualification', { exact: true }).fill('GCE A level');
    await form.getByLabel('Subject', { exact: true }).fill('Chemistry');
    await form.getByLabel('Component', { exact: true }).fill('7405/1');
    await form.getByLabel(/The candidate has given written consent/).check();
    await form.getByLabel('Consent date', { exact: true }).fill('2026-08-14');
    await form.getByLabel('Paid', { exact: true }).selectOption({ label: 'Yes' });

    const before = (await o.rows('Requests')).length;
    await form.getByRole('button', { name: 'Save request' }).click();

    const lateError = form.locator('[data-field="lateReason"] .error');
    await lateError
      .getByText(/deadline for a priority review of marking \(AQA, June 2026\) was 20\/08\/2026/)
      .waitFor();
    await form
      .locator('[data-field="reason"] .error')
      .getByText(/Give the reason a priority review of marking is needed/)
      .waitFor();
    const summary = form.locator('#form-error .problems');
    await summary.getByText('2 fields need changing:').waitFor();
    expect(await summary.getByRole('button').allInnerTexts()).toEqual([
      'Why is priority needed?',
      "Only if the officer accepts this after the board's deadline: why?",
    ]);
    expect(await o.rows('Requests')).toHaveLength(before);
    expect(errors).toEqual([]);
  });
});
