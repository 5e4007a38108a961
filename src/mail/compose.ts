/**
 * Filling templates from the sheets: the `Templates` and `Settings` sheets
 * read once, and every message given the centre's values and today's date
 * on top of its own. The mailer, the reminders' preview and the printed
 * letters all compose through here, so a preview is exactly what is sent.
 */
import { formatLongDate } from '../domain/formats';
import { isParentCopy, parentCopyTemplate } from '../domain/parentCopies';
import { commonValues } from '../domain/templateValues';
import { renderTemplate, type RenderedEmail } from '../domain/templates';
import type { IsoDate, Settings } from '../domain/types';
import { readSettings } from '../sheets/settingsSheet';
import { readTemplates } from '../sheets/templatesSheet';
import { timeZoneOf, todayIn } from '../sheets/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type Composed = { ok: true; email: RenderedEmail } | { ok: false; reason: string; missing: string[] };

export interface Composer {
  timeZone: string;
  today: IsoDate;
  settings: Settings;
  compose(template: string, values: Readonly<Record<string, string>>): Composed;
  /** Whether the `Templates` sheet has a template of that name. */
  exists(template: string): boolean;
}

export function composer(ss: Spreadsheet): Composer {
  const timeZone = timeZoneOf(ss);
  const today = todayIn(timeZone);
  const settings = readSettings(ss, timeZone).settings;
  const templates = readTemplates(ss);
  // A job's own values win over these.
  const base = { ...commonValues(settings), today: formatLongDate(today) };
  return {
    timeZone,
    today,
    settings,
    exists: (name) => templates.find(name) !== null,
    compose(name, values) {
      const found = templates.find(name);
      if (found === null) {
        return {
          ok: false,
          reason: `The Templates sheet has no "${name}" template. Run Set up sheets to put the shipped one back.`,
          missing: [],
        };
      }
      const template = isParentCopy(values) ? parentCopyTemplate(found) : found;
      const result = renderTemplate(template, { ...base, ...values });
      return result.ok ? result : { ok: false, reason: result.errors.join(' '), missing: result.missing };
    },
  };
}
