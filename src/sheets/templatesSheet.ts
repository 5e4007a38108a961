/**
 * The `Templates` sheet: one row per email, which the officer may edit. Read
 * once per batch; a template is found by its Name, case and spacing ignored.
 */
import { headerKey, SHEET, TEMPLATES_COLUMNS } from '../domain/schema';
import type { TemplateText } from '../domain/templates';
import { cached } from './callCache';
import { cellAt, isBlankRow, readOfficerSheet, requireHeaders } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TemplateBook {
  find(name: string): TemplateText | null;
}

/** Read once per call (callCache.ts): the mailer and the letters ask for it again within one Save. */
export function readTemplates(ss: Spreadsheet): TemplateBook {
  return cached('templates', () => readTemplatesNow(ss));
}

function readTemplatesNow(ss: Spreadsheet): TemplateBook {
  const table = readOfficerSheet(ss, SHEET.templates, TEMPLATES_COLUMNS);
  requireHeaders(table, TEMPLATES_COLUMNS);
  const byName = new Map<string, TemplateText>();
  for (const r of table.rows) {
    if (isBlankRow(r)) continue;
    const name = String(cellAt(table, r, 'Name')).trim();
    // The first row of a name wins, as the officer reads the sheet top-down.
    if (name === '' || byName.has(headerKey(name))) continue;
    byName.set(headerKey(name), {
      name,
      subject: String(cellAt(table, r, 'Subject')),
      body: String(cellAt(table, r, 'Body')),
    });
  }
  return { find: (name) => byName.get(headerKey(name)) ?? null };
}
