/**
 * Data in and out in Chromium, against the emulator running the real bundle:
 * the officer chooses the MIS's CSV file, previews, imports; takes the MIS
 * list and marks it done; exports one candidate's data; lists and then
 * deletes what closing the season removes, only after typing the phrase.
 * axe-core on every state.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

jest.setTimeout(120_000);

let session: Session;

const api = (path: string, body: unknown) => postApi(session, path, body);
const run = (fn: string, ...args: unknown[]) => runOnServer(session, fn, ...args);

async function audit(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(describeViolations(await seriousViolations(page))).toEqual([]);
}

async function open(name: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(new URL(`/sidebar/${name}`, session.server.url).href, { waitUntil: 'networkidle' });
  return { page, errors };
}

const FILE = [
  'Adno,Legal Surname,Forename,Reg,Exam Candidate Number,Primary Email,Parent Email',
  '001234,Brown,Amy,13B,7042,amy.brown@example.org,parent.brown@example.org',
  '001235,"O\'Neill, Jr",Seán,13C,7101,sean.oneill@example.org,',
  '001236,Cole,Ben,13C,12345,ben.cole@example.org,',
].join('\r\n');

beforeAll(async () => {
  session = await openSession({ viewport: { width: 300, height: 900 } });
  await api('/api/clock', { today: '2026-08-20' });
  await run('setUp');
});

afterAll(async () => {
  await session?.close();
});

describe('Import candidates', () => {
  it('reads the chosen file, previews, imports, and shows the refused line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prt-import-'));
    const path = join(dir, 'sims-export.csv');
    writeFileSync(path, '\uFEFF' + FILE, 'utf8');
    const { page, errors } = await open('Import');
    try {
      await page.getByLabel('CSV file').setInputFiles(path);
      await page.getByText(/sims-export\.csv: 4 lines read/).waitFor();
      await page.getByRole('button', { name: 'Preview' }).click();
      await page
        .getByRole('heading', { name: /^Preview: 2 new candidates, 0 updated, 0 unchanged, 1 row refused/ })
        .waitFor();
      await page.getByText('Line 4: The candidate number has 5 digits').waitFor();
      await page.getByText('Candidate number ← “Exam Candidate Number”').waitFor();
      expect(
        await page
          .getByRole('listitem')
          .filter({ hasText: /^Adno$/ })
          .count(),
      ).toBe(1);
      await audit(page, 'import-preview');

      await page.getByRole('button', { name: 'Import' }).click();
      await page.getByRole('heading', { name: /^Imported: 2 new candidates/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
      await audit(page, 'import-done');
      const lookup = await run('lookupCandidate', '7101');
      expect(JSON.stringify(lookup)).toContain("O'Neill, Jr");
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('Lists', () => {
  it('shows the MIS list with a CSV download, adds it as a tab, and marks it done', async () => {
    const answer = await run('submitRequest', reviewForm({ candidateNumber: '7042' }));
    expect(JSON.stringify(answer)).toContain('R-2026-0001');
    await run('recordSubmission', 'R-2026-0001', { submittedOn: '2026-08-20', boardReference: '' });
    await run('recordOutcome', 'R-2026-0001', {
      receivedOn: '2026-08-20',
      newMark: '67',
      newGrade: 'A',
      scriptLink: '',
    });
    // The refund and the new Statement of Results are done; the MIS update is what this page is for.
    await run('recordFollowUp', 'R-2026-0001', { refundIssuedOn: '2026-08-20', sorIssuedOn: '2026-08-20' });

    const { page, errors } = await open('Lists');
    try {
      await page.getByRole('button', { name: 'Show the MIS list' }).click();
      await page.getByText('1 grade change to enter in the MIS.').waitFor();
      await page.getByText('Brown, Amy (7042): Chemistry 7405/1 B → A').waitFor();
      const link = page.getByRole('link', { name: /Download MIS update list 2026-08-20\.csv/ });
      expect(await link.getAttribute('download')).toBe('MIS update list 2026-08-20.csv');
      await audit(page, 'lists-mis');

      await page.getByRole('button', { name: 'Add as a sheet tab' }).click();
      await page.getByText('Added the sheet tab “MIS update list 2026-08-20”.').waitFor();

      await page.getByLabel('Board', { exact: true }).selectOption('AQA');
      await page.getByRole('button', { name: 'Show the board’s list' }).click();
      await page.getByText('Nothing is waiting to go to AQA.').waitFor();

      await page.getByRole('button', { name: 'Show refunds due' }).click();
      await page.getByText('No refund is due.').waitFor();

      await page.getByRole('button', { name: 'Mark this one as entered in the MIS' }).click();
      await page.getByText('Recorded today as “MIS updated” on 1 request.').waitFor();
      await audit(page, 'lists-done');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('Subject access export', () => {
  it("gathers one candidate's data and offers it as one file", async () => {
    const { page, errors } = await open('SubjectAccess');
    try {
      await page.getByLabel('Candidate number').fill('42');
      await page.getByRole('button', { name: 'Gather the data' }).click();
      await page.getByRole('alert').filter({ hasText: 'A candidate number is 4 digits' }).waitFor();
      await page.getByLabel('Candidate number').fill('7042');
      await page.keyboard.press('Enter');
      await page
        .getByRole('heading', {
          name: /^Candidate 7042: a row in Candidates, 1 request, \d+ emails?, 1 row in list tabs\.$/,
        })
        .waitFor();
      expect(await page.getByRole('link', { name: 'Download as one file' }).getAttribute('download')).toBe(
        'subject-access-7042.json',
      );
      expect(await page.getByText('Seán').count()).toBe(0);
      await audit(page, 'subject-access');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('Close season', () => {
  it('lists what would go and deletes only once CLOSE SEASON is typed', async () => {
    await api('/api/clock', { today: '2028-06-01' });
    const { page, errors } = await open('CloseSeason');
    try {
      await page.getByRole('button', { name: 'List what would be deleted' }).click();
      await page.getByRole('heading', { name: /will be deleted:$/ }).waitFor();
      await page.getByText('R-2026-0001 (Requests), counted from 2026-08-20').waitFor();
      const remove = page.getByRole('button', { name: 'Delete and close the season' });
      expect(await remove.isDisabled()).toBe(true);
      await page.getByLabel('To delete it, type CLOSE SEASON').fill('close season');
      expect(await remove.isDisabled()).toBe(true);
      await audit(page, 'close-season-plan');
      await page.getByLabel('To delete it, type CLOSE SEASON').fill('CLOSE SEASON');
      await remove.click();
      await page.getByRole('heading', { name: 'Season closed: 1 request archived as totals and deleted.' }).waitFor();
      await audit(page, 'close-season-done');
      const after = await run('subjectAccessExport', '7042');
      expect(JSON.stringify(after)).not.toContain('R-2026-0001');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
