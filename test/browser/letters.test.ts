/**
 * The application and consent form in Chromium, opened from the menu as the
 * officer opens it: besides Print, "Download as HTML" saves the same form as
 * a file made in the browser (issue 17: in case printing from an HtmlService
 * dialog is refused). The file carries the very page the dialog shows, less
 * the toolbar and its script, and opens on its own.
 */
import { readFileSync } from 'node:fs';
import { Officer } from './officer';
import { collectPageErrors, openSession, type Session } from './support';

jest.setTimeout(60_000);

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

describe('a printed form, downloaded instead', () => {
  it('saves the form the dialog shows as an HTML file, without the buttons', async () => {
    const o = officer;
    await o.open(session.server.url);
    // A candidate number: the form with their details, to sign before the request is saved.
    o.page.once('dialog', (question) => void question.accept('0042'));
    await o.menu('Print application and consent form…');
    await o.page.getByRole('dialog').waitFor();
    const form = o.sidebar;
    await form.getByRole('button', { name: 'Print' }).waitFor();
    const shown = await form.locator('main').evaluate((m) => m.outerHTML);
    expect(shown).toMatch(/consent/i);

    const [download] = await Promise.all([
      o.page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download as HTML' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Application and consent form not yet saved.html');
    const file = readFileSync((await download.path())!, 'utf8');

    expect(file.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true);
    expect(file).toContain(shown);
    expect(file).not.toMatch(/<script|Download as HTML|class="toolbar"/);
    // Its own styles go with it, print rules included, so it prints the same from the file.
    expect(file).toContain('@media print');

    // Opened on its own, it shows the same form.
    const opened = await session.context.newPage();
    await opened.setContent(file);
    expect(await opened.locator('main').evaluate((m) => m.outerHTML)).toBe(shown);
    await opened.close();
    expect(pageErrors).toEqual([]);
  });
});
