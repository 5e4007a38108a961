/**
 * The SLT dashboard in the emulator's window, in Chromium: a season in the
 * logs, the officer presses "Refresh SLT view", and the dashboard tab shows
 * the figures as a table and both charts as bars. The pictures are saved to
 * test-results/ (docs/slt-dashboard*.png in the README are copies of them).
 */
import { SHEET } from '../../src/domain/schema';
import { NOW, seasonRows, writeLog } from '../integration/dashboardSeason';
import { Officer } from './officer';
import { collectPageErrors, openSession, seriousViolations, describeViolations, type Session } from './support';

jest.setTimeout(90_000);

let session: Session;

beforeAll(async () => {
  session = await openSession({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await session?.close();
});

describe('the SLT dashboard in the emulator', () => {
  it('shows the figures as a table and the two charts as bars after "Refresh SLT view"', async () => {
    const errors = collectPageErrors(session.page);
    const env = session.server.emulator.env;
    env.clock.set(NOW);
    writeLog(env, SHEET.requests, seasonRows(240, SHEET.requests));
    writeLog(env, SHEET.scripts, seasonRows(60, SHEET.scripts));

    const o = new Officer(session.page);
    await o.open(session.server.url);
    await o.menu('Refresh SLT view');
    await o.banner(/SLT dashboard now shows today’s figures/).waitFor();
    await o.dismissBanners();

    await o.tab('SLT dashboard');
    const grid = o.page.getByLabel(`Sheet ${SHEET.dashboard}`);
    await grid.getByText('Requests by board and status').waitFor();
    await grid.getByText('Last refreshed').waitFor();
    await grid.getByText(/^Needs attention \(\d+ requests\)$/).waitFor();

    // Both charts are stacked bars: a picture, with the figures in a table for anyone who cannot see it.
    const charts = grid.locator('figure.stacked');
    expect(await charts.locator('figcaption').allInnerTexts()).toEqual([
      expect.stringMatching(/^Requests by status, per board \(bar chart/),
      expect.stringMatching(/^Review outcomes by subject \(bar chart/),
    ]);
    const byBoard = charts.first().getByRole('img', { name: /^Requests by status, per board/ });
    expect(await byBoard.locator('text.label').allTextContents()).toEqual([
      'AQA',
      'OCR',
      'Pearson Edexcel',
      'WJEC Eduqas',
      'CCEA',
      'Other boards',
    ]);
    // Each board's bar adds up to its requests; AQA's segments name their status.
    expect(await byBoard.locator('text.total').allTextContents()).toEqual(['60', '60', '60', '60', '60', '0']);
    expect(await byBoard.locator('rect title').first().textContent()).toBe('AQA, Received: 16');
    const bySubject = charts.nth(1).getByRole('img', { name: /^Review outcomes by subject/ });
    expect(await bySubject.locator('text.label').count()).toBe(10);
    expect(await bySubject.locator('text.legend').allTextContents()).toEqual([
      'Grade raised',
      'Grade lowered',
      'Mark changed, grade unchanged',
      'No change',
    ]);
    // Every label fits its column as the add-on sized it: drawn that wide, and not cut off.
    const width = env.spreadsheet.getSheetByName(SHEET.dashboard)!.getColumnWidth(1);
    for (const label of [
      'Grade changed (the grades as typed do not say which way)',
      'Overdue for acknowledgement (flagged by the daily check)',
      'Other or not known',
    ]) {
      const cell = grid.getByRole('gridcell', { name: label, exact: true });
      const box = await cell.evaluate((td) => ({
        width: td.getBoundingClientRect().width,
        cut: td.scrollWidth > td.clientWidth,
      }));
      expect([label, Math.round(box.width), box.cut]).toEqual([label, width, false]);
    }
    const header = grid.getByRole('gridcell', { name: 'Mark changed, grade unchanged', exact: true });
    expect(await header.evaluate((td) => td.scrollWidth > td.clientWidth)).toBe(false);
    await o.shot('sheet-SLT-dashboard', grid);
    await o.shot('sheet-SLT-dashboard-charts', grid.locator('.charts'));
    await charts.first().getByText('Figures').click();
    await charts.first().locator('table.chart-figures').getByRole('rowheader', { name: 'CCEA' }).waitFor();
    expect(describeViolations(await seriousViolations(o.page))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
