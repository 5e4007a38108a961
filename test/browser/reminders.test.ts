/**
 * Results day in Chromium, against the emulator with the clock at Apps
 * Script speed (50 ms per service round trip, 500 ms per email sent, as
 * `npm run bench` models it): every service call the bundle makes moves the
 * emulator's virtual clock on by its cost, so the mailer meets its 270 s
 * budget and queues the rest exactly where it would on Google, while each
 * call still answers in a second or two of real time. The officer presses
 * Send once for 1,000 candidates; the page keeps calling until all are out.
 * Pause stops it calling; Resume finishes. Nobody gets two emails.
 *
 * Every wait is on the page's own signals (the sending section's
 * data-state and data-calls, its words), never a fixed sleep.
 */
import type { Page, Route } from 'playwright-core';
import { candidateRecords, fillSettings, writeRows } from '../../bench/fixtures';
import { SHEET } from '../../src/domain/schema';
import {
  collectPageErrors,
  describeViolations,
  openSession,
  postApi,
  seriousViolations,
  type Session,
} from './support';

jest.setTimeout(240_000);

const CANDIDATES = 1000;
/** The week before GCSE results day, when the reminder goes out. */
const TODAY = '2026-08-17';
const APPS_SCRIPT_SPEED = (service: string, method: string): number =>
  service === 'Mail' && method === 'sendEmail' ? 500 : 50;

async function resultsDayEmulator(): Promise<Session> {
  const session = await openSession({
    viewport: { width: 300, height: 900 },
    server: { mailQuota: 1500, callCostMs: APPS_SCRIPT_SPEED },
  });
  await postApi(session, '/api/clock', { today: TODAY });
  // A year group straight into the emulator's workbook (the same rows the bench and the scaling test use),
  // over the five demo candidates, with the school's Settings filled in.
  const { emulator } = session.server;
  writeRows(emulator.env, SHEET.candidates, candidateRecords(CANDIDATES));
  fillSettings(emulator.env);
  emulator.persist();
  return session;
}

/** How many emails each address got. */
function perRecipient(session: Session): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of session.server.emulator.env.mail.outbox) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
  return counts;
}

async function previewEveryone(session: Session): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors = collectPageErrors(page);
  // The emulator runs in this test's own process: while a 1,000-email call runs (a few seconds of real time,
  // back to back), Playwright's replies wait for it, so a step may take longer than the usual 10 s.
  page.setDefaultTimeout(120_000);
  await page.goto(new URL('/sidebar/Reminders', session.server.url).href, { waitUntil: 'networkidle' });
  await page.getByText('1000 candidates in the Candidates sheet.').waitFor();
  // Every line of progress the page shows, as it shows it: the test reads them afterwards.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenProgress: string[] }).seenProgress = seen;
    const status = document.getElementById('send-status') as HTMLElement;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByText('1000 reminders will be sent. The first 3 are below.').waitFor();
  return { page, errors };
}

const sending = (page: Page) => page.locator('#sending');

describe('results-day reminders to 1,000 candidates at Apps Script speed', () => {
  let session: Session;
  beforeAll(async () => {
    session = await resultsDayEmulator();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('one press: the page keeps calling until every reminder is out, showing how far it has got; nobody twice', async () => {
    const { page, errors } = await previewEveryone(session);
    const sends: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/run') && /"sendResultsDayReminders"/.test(r.postData() ?? '')) sends.push(r.url());
    });
    await page.getByRole('button', { name: 'Send 1000 reminders' }).click();
    await page.getByText('You can close this page at any time.', { exact: false }).waitFor();
    await sending(page).and(page.locator('[data-state="done"]')).waitFor({ timeout: 180_000 });

    const progress = page.getByRole('progressbar', { name: 'Sending the reminders' });
    expect(await progress.getAttribute('aria-valuenow')).toBe('1000');
    expect(await progress.getAttribute('aria-valuemax')).toBe('1000');
    expect(await progress.getAttribute('aria-valuetext')).toBe('1,000 of 1,000 sent');
    await page.locator('#send-status').getByText('1,000 of 1,000 sent. All done.').waitFor();
    await page.locator('#result').getByText('Sent 1000, queued 0.').waitFor();

    // More than one server call, all from that one press: each stopped at the mailer's time budget.
    const calls = Number(await sending(page).getAttribute('data-calls'));
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(sends).toHaveLength(calls);
    // Between calls the officer read where it stood and how long is left, at the rate measured so far.
    const seen = await page.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress);
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\d{3} of 1,000 sent, \d{3} to go, (less than a minute|about \d+ minutes?)$/),
      ]),
    );
    expect(describeViolations(await seriousViolations(page))).toEqual([]);

    const counts = perRecipient(session);
    expect(counts.size).toBe(CANDIDATES);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('pausing the reminders', () => {
  let session: Session;
  beforeAll(async () => {
    session = await resultsDayEmulator();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('Pause lets the call under way finish and makes no further call; Resume sends the rest, nobody twice', async () => {
    const { page, errors } = await previewEveryone(session);
    // The first send is held at the browser until Pause has been pressed, so Pause lands while a call is under way.
    let release: () => void = () => undefined;
    const released = new Promise<void>((done) => (release = done));
    let sends = 0;
    await page.route('**/api/run', async (route: Route) => {
      if (
        /"sendResultsDayReminders"/.test(route.request().postData() ?? '') &&
        !/"dryRun":true/.test(route.request().postData() ?? '')
      ) {
        sends++;
        if (sends === 1) await released;
      }
      await route.continue();
    });

    await page.getByRole('button', { name: 'Send 1000 reminders' }).click();
    await page.locator('#send-status').getByText('Sending the first reminders…').waitFor();
    await page.getByRole('button', { name: 'Pause sending' }).click();
    await page.getByRole('button', { name: 'Pausing after this batch…' }).waitFor();
    release();

    await sending(page).and(page.locator('[data-state="paused"]')).waitFor({ timeout: 120_000 });
    const status = (await page.locator('#send-status').textContent()) ?? '';
    const shown = /^Paused: (\d+) of 1,000 sent, (\d+) to go/.exec(status);
    expect(shown).not.toBeNull();
    const [sentShown, toGo] = [Number(shown?.[1]), Number(shown?.[2])];
    expect(sentShown + toGo).toBe(CANDIDATES);
    expect(toGo).toBeGreaterThan(0);
    // One call only, and the outbox holds exactly what the page says went.
    expect(await sending(page).getAttribute('data-calls')).toBe('1');
    expect(sends).toBe(1);
    expect(session.server.emulator.env.mail.outbox).toHaveLength(sentShown);
    expect(await page.getByRole('button', { name: 'Pause sending' }).isHidden()).toBe(true);
    expect(describeViolations(await seriousViolations(page))).toEqual([]);

    // Still one call when the officer comes back to it, then Resume carries on to the end.
    expect(sends).toBe(1);
    await page.getByRole('button', { name: 'Resume sending' }).click();
    await sending(page).and(page.locator('[data-state="done"]')).waitFor({ timeout: 180_000 });
    expect(sends).toBeGreaterThanOrEqual(2);
    const counts = perRecipient(session);
    expect(counts.size).toBe(CANDIDATES);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
