/**
 * "Update a request" in Chromium, at the sidebar's 300 px, against the
 * emulator running the real bundle: the officer finds a request by part of a
 * surname, records its submission, is told beside the field when a date makes
 * no sense, records the outcome and sees what it set in motion. Keyboard
 * only where a person would use it, and axe-core on every state.
 */
import type { Page } from 'playwright-core';
import {
  collectPageErrors,
  describeViolations,
  openSession,
  postApi,
  runOnServer,
  screenshot,
  seriousViolations,
  type Session,
} from './support';
import { reviewForm } from '../fixtures/forms';

jest.setTimeout(90_000);

let session: Session;

const api = (path: string, body: unknown) => postApi(session, path, body);
const run = (fn: string, ...args: unknown[]) => runOnServer(session, fn, ...args);

beforeAll(async () => {
  session = await openSession({ viewport: { width: 300, height: 900 } });
  await api('/api/clock', { today: '2026-08-20' });
  await run('setUp');
  const answer = await run(
    'submitRequest',
    reviewForm({ candidateNumber: '2058', surname: "O'Brien", forename: 'Niamh', email: 'niamh.obrien@example.org' }),
  );
  // The emulator's run answers { ok, result } or the function's own answer: either way the request must be there.
  expect(JSON.stringify(answer)).toContain('R-2026-0001');
  await api('/api/clock', { today: '2026-08-24' });
});

afterAll(async () => {
  await session?.close();
});

async function audit(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(describeViolations(await seriousViolations(page))).toEqual([]);
}

describe('Update a request', () => {
  it('finds, records, refuses with the reason beside the field, and reports what an outcome set in motion', async () => {
    const page = await session.context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto(new URL('/sidebar/Update', session.server.url).href, { waitUntil: 'networkidle' });

      // Nothing typed: the error sits beside the search box.
      await page.getByRole('button', { name: 'Find' }).click();
      await page
        .locator('#query-error')
        .filter({ hasText: /Type a request ID/ })
        .waitFor();
      expect(await page.getByLabel('Find a request').getAttribute('aria-invalid')).toBe('true');

      // Part of the surname, without its apostrophe, from the keyboard.
      await page.getByLabel('Find a request').fill('obrien');
      await page.keyboard.press('Enter');
      const heading = page.getByRole('heading', { name: "R-2026-0001: Niamh O'Brien" });
      await heading.waitFor();
      await audit(page, 'update-chosen');

      // Submitted today, with the board's reference.
      await page.getByLabel('Date submitted').fill('2026-08-24');
      await page.getByLabel('Board reference (optional)').fill('AQA-77123');
      await page.getByRole('button', { name: 'Record submission' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Submission recorded for R-2026-0001. Status: Submitted.' })
        .waitFor();
      await page.getByText('24/08/2026, ref. AQA-77123').waitFor();

      // An acknowledgement dated before the submission is refused beside its field.
      await page.getByLabel('Date acknowledged').fill('2026-08-21');
      await page.getByRole('button', { name: 'Record acknowledgement' }).click();
      const ackError = page.locator('#acknowledgedOn-error');
      await ackError.filter({ hasText: 'is before it was submitted to the board (24/08/2026)' }).waitFor();
      expect(await page.getByLabel('Date acknowledged').getAttribute('aria-invalid')).toBe('true');
      await audit(page, 'update-error');

      // The outcome, before any acknowledgement: accepted; the grade went up.
      await page.getByLabel('Date received').fill('2026-08-24');
      await page.getByLabel('New grade').fill('A');
      await page.getByLabel('New mark').fill('67');
      await page.getByRole('button', { name: 'Record outcome' }).click();
      const notice = page.getByRole('status').filter({ hasText: 'Outcome recorded' });
      await notice.waitFor();
      const text = await notice.innerText();
      expect(text).toContain('The grade changed.');
      expect(text).toContain('Emailed: niamh.obrien@example.org.');
      expect(text).toContain('To do: Refund £48.65 to the candidate.');
      // Now only the follow-ups are offered.
      await page.getByRole('heading', { name: 'Follow-ups done' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Outcome received' }).count()).toBe(0);
      await audit(page, 'update-outcome');

      await page.getByLabel('Refund issued').fill('2026-08-24');
      await page.getByLabel('MIS updated').fill('2026-08-24');
      await page.getByLabel('Updated Statement of Results issued').fill('2026-08-24');
      await page.getByRole('button', { name: 'Record follow-ups' }).click();
      await page.getByRole('status').filter({ hasText: 'Nothing is left to do: the request is closed.' }).waitFor();
      await page.getByText('Nothing is left to record for this request.').waitFor();

      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
