/**
 * The exams officer at the emulator's window: everything is done by what
 * she can see (labels, buttons, tabs, the text in the grid), never by
 * calling the server or reading the workbook behind the page.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { screenshot, sidebar } from './support';

export class Officer {
  constructor(readonly page: Page) {}

  get sidebar(): FrameLocator {
    return sidebar(this.page);
  }

  /**
   * Waits for the page to draw a workbook it asked for after `action` began
   * (the page's own data-asked and data-rendered signals), so the grid and
   * the clock show the action's effect. A refresh asked for earlier (a
   * sidebar's, or the window regaining focus) may answer in between: it is
   * not the one waited for.
   */
  async andRefresh(action: () => Promise<unknown>): Promise<void> {
    const asked = await this.page.evaluate(() => Number(document.body?.dataset.asked ?? 0)).catch(() => 0);
    await action();
    await this.page.waitForFunction((seen) => Number(document.body.dataset.rendered ?? 0) > seen, asked);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    // A freshly loaded page numbers its refreshes from 1.
    await this.page.waitForFunction(() => Number(document.body.dataset.rendered ?? 0) >= 1);
  }

  /** Types the day into the clock as she would, day first, and presses Enter. */
  async setToday(iso: string): Promise<void> {
    const uk = iso.split('-').reverse().join('/');
    const field = this.page.getByLabel('Today', { exact: true });
    // Already that day: the page has nothing to ask the emulator.
    if ((await field.inputValue()) === uk) return;
    await field.fill(uk);
    await this.andRefresh(() => field.press('Enter'));
    expectValue(await field.inputValue(), uk, 'Today');
  }

  async addDays(days: 1 | 7): Promise<void> {
    const before = await this.today();
    await this.andRefresh(() =>
      this.page.getByRole('button', { name: `+${days} day${days === 1 ? '' : 's'}` }).click(),
    );
    // A refresh asked for just before the click (a sidebar's) can answer first: wait for the new day itself.
    await this.page.waitForFunction(
      (was) => (document.querySelector('#today') as HTMLInputElement | null)?.value !== was,
      before,
    );
  }

  /** The clock's day as the page shows it (dd/mm/yyyy). */
  async today(): Promise<string> {
    return this.page.getByLabel('Today', { exact: true }).inputValue();
  }

  /** Clicks an item of the add-on menu (shown as buttons along the top). */
  async menu(caption: string | RegExp): Promise<void> {
    await this.andRefresh(() =>
      this.page.getByRole('navigation', { name: 'Add-on menu' }).getByRole('button', { name: caption }).click(),
    );
  }

  async fireTrigger(handler: string): Promise<void> {
    await this.andRefresh(() => this.page.getByRole('button', { name: `Fire trigger: ${handler}` }).click());
  }

  /** The newest banner (alerts and toasts) whose text matches. */
  banner(text: string | RegExp): Locator {
    return this.page.locator('#banners .banner').filter({ hasText: text }).last();
  }

  async dismissBanners(): Promise<void> {
    const close = this.page.locator('#banners').getByRole('button', { name: 'Dismiss' });
    while ((await close.count()) > 0) await close.first().click();
  }

  async tab(name: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** The open sheet as the grid shows it: one record per row below the header. */
  async rows(sheet: string): Promise<Record<string, string>[]> {
    await this.tab(sheet);
    const grid = this.page.getByLabel(`Sheet ${sheet}`);
    await grid.waitFor();
    const table = await grid.evaluate((el) => {
      const t = el.querySelector(':scope > table');
      if (!t) return [] as { text: string; bg: string }[][];
      // Spare rows are the blank ones drawn below the last used row, for typing a new one.
      return [...t.querySelectorAll('tr:not(.spare)')].slice(1).map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => ({
          // A tick box reads as what a screen reader says of it.
          text: td.querySelector('[role="img"]')?.getAttribute('aria-label') ?? td.textContent ?? '',
          bg: (td as HTMLElement).style.backgroundColor,
        })),
      );
    });
    if (table.length === 0) return [];
    const [headers, ...rows] = table;
    return rows.map((r) => {
      const record: Record<string, string> = {};
      headers.forEach((h, i) => {
        if (h.text) record[h.text] = r[i]?.text ?? '';
      });
      // The colour the officer sees on the row, taken from its first cell.
      record['(background)'] = r[0]?.bg ?? '';
      return record;
    });
  }

  /** One cell of a sheet's grid, by its row number and column letter as the page labels them. */
  cell(sheet: string, row: number, column: string): Locator {
    const c = column.charCodeAt(0) - 65;
    return this.page.getByLabel(`Sheet ${sheet}`).locator(`td[data-r="${row - 1}"][data-c="${c}"]`);
  }

  /** The open sheet's cells as the grid shows them, row 1 first, for a sheet that is not a table (the dashboard). */
  async cells(sheet: string): Promise<string[][]> {
    await this.tab(sheet);
    const grid = this.page.getByLabel(`Sheet ${sheet}`);
    await grid.waitFor();
    return grid.evaluate((el) =>
      [...el.querySelectorAll(':scope > table tr:not(.spare)')]
        .slice(1)
        .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
  }

  /** On a sheet of labelled figures: the cell to the right of the first cell reading `label`. */
  async figure(sheet: string, label: string): Promise<string> {
    const row = (await this.cells(sheet)).find((r) => r[0] === label);
    if (!row) throw new Error(`No "${label}" on ${sheet}`);
    return row[1] ?? '';
  }

  async row(sheet: string, column: string, value: string): Promise<Record<string, string>> {
    const rows = await this.rows(sheet);
    const found = rows.find((r) => r[column] === value);
    if (!found) {
      throw new Error(`No row of ${sheet} has ${column} "${value}"; it shows ${JSON.stringify(rows, null, 1)}`);
    }
    return found;
  }

  /** The outbox tab's emails, newest first: subject and recipients, as listed. */
  async outbox(): Promise<{ subject: string; to: string }[]> {
    await this.tab(/^Outbox/);
    const grid = this.page.getByLabel('Outbox');
    await grid.waitFor();
    return grid.evaluate((el) =>
      [...el.querySelectorAll('article.mail')].map((mail) => {
        const fields = [...mail.querySelectorAll('dt')];
        const to = fields.find((dt) => dt.textContent === 'To')?.nextElementSibling?.textContent ?? '';
        return { subject: mail.querySelector('h3')?.textContent ?? '', to };
      }),
    );
  }

  /** The newest email whose subject matches, with the text its reader sees (the HTML rendered, or the plain body). */
  async email(subject: RegExp): Promise<{ subject: string; to: string; text: string }> {
    const list = await this.outbox();
    const index = list.findIndex((m) => subject.test(m.subject));
    if (index < 0) throw new Error(`No email matching ${subject} in the outbox: ${JSON.stringify(list)}`);
    const mail = this.page.getByLabel('Outbox').locator('article.mail').nth(index);
    const text =
      (await mail.locator('iframe').count()) > 0
        ? await mail.frameLocator('iframe').locator('body').innerText()
        : await mail.locator('pre').innerText();
    return { ...list[index], text };
  }

  async shot(name: string, target?: Locator): Promise<void> {
    await screenshot(target ?? this.page, name);
  }
}

function expectValue(actual: string, expected: string, what: string): void {
  if (actual !== expected) throw new Error(`${what} shows "${actual}", expected "${expected}"`);
}
