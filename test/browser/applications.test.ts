/**
 * Online applications in Chromium, against the emulator's demo: the linked
 * form's three DEMO responses on the Applications page (two with their
 * problem shown), the clean one approved and its confirmation in the
 * outbox, then docs/samples/payments-demo.csv matched on the Payments page
 * and the request marked paid.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Officer } from './officer';
import {
  ROOT,
  collectPageErrors,
  describeViolations,
  openSession,
  postApi,
  screenshot,
  seriousViolations,
  type Session,
} from './support';

jest.setTimeout(120_000);

let session: Session;

async function open(name: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(new URL(`/sidebar/${name}`, session.server.url).href, { waitUntil: 'networkidle' });
  return { page, errors };
}

beforeAll(async () => {
  session = await openSession({ viewport: { width: 320, height: 900 } });
  await postApi(session, '/api/clock', { today: '2026-08-21' });
});

afterAll(async () => {
  await session?.close();
});

describe('online applications, end to end', () => {
  it('shows the three demo responses, approves the clean one, emails it, and matches its payment', async () => {
    const { page, errors } = await open('Applications');
    try {
      await page.getByText('3 waiting, 1 ready to approve; 0 already taken.').waitFor();
      const problems = page.locator('li.problem');
      expect(await problems.count()).toBe(2);
      const mei = page.locator('.app').filter({ hasText: 'Mei DEMO Chen' });
      expect(await mei.locator('li.problem').textContent()).toMatch(/deadline/i);
      // Dates the UK way, as everywhere the officer reads them.
      expect(await mei.locator('p').first().textContent()).toMatch(/received \d\d\/\d\d\/2026 .*deadline 20\/08\/2026/);
      const rhys = page.locator('.app').filter({ hasText: 'Rhys DEMO Davies' });
      expect(await rhys.locator('li.problem').textContent()).toMatch(/consent/i);
      expect(await mei.getByRole('checkbox').isDisabled()).toBe(true);
      expect(await rhys.getByRole('checkbox').isDisabled()).toBe(true);
      const shot = await screenshot(page, 'applications');
      if (process.env.UPDATE_DOCS_SCREENSHOTS) copyFileSync(shot, join(ROOT, 'docs', 'applications.png'));
      expect(describeViolations(await seriousViolations(page))).toEqual([]);

      await page.getByRole('checkbox', { name: /Oliver DEMO Brown/ }).check();
      await page.getByRole('button', { name: 'Approve ticked' }).click();
      await page.getByText('Oliver DEMO Brown: R-2026-0001, confirmation emailed').waitFor();
      await page.getByText('2 waiting, 0 ready to approve; 1 already taken.').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }

    const officer = new Officer(session.page);
    await officer.open(session.server.url);
    const mail = await officer.outbox();
    expect(mail.filter((m) => m.to === 'oliver.brown@students.demo.invalid')).toHaveLength(1);

    const pay = await open('Payments');
    try {
      await pay.page.getByLabel('CSV file').setInputFiles(join(ROOT, 'docs', 'samples', 'payments-demo.csv'));
      await pay.page.waitForFunction(() => (document.getElementById('text') as HTMLTextAreaElement).value !== '');
      await pay.page.getByRole('button', { name: 'Preview' }).click();
      await pay.page.getByRole('heading', { name: '1 to mark paid, 0 to check, 2 with no request.' }).waitFor();
      await pay.page.getByText(/R-2026-0001 ← line 2: £48\.65/).waitFor();
      await pay.page.getByRole('button', { name: 'Mark paid' }).click();
      await pay.page.getByRole('heading', { name: '1 marked paid.' }).waitFor();
      expect(pay.errors).toEqual([]);
    } finally {
      await pay.page.close();
    }
    const requests = session.server.emulator.env.spreadsheet.getSheetByName('Requests')!;
    const [headers, row] = requests.getRange(1, 1, 2, requests.getLastColumn()).getDisplayValues();
    expect(row[headers.indexOf('Paid')]).toBe('yes');
  });
});
