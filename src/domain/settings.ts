/**
 * The `Settings` sheet: one `Setting` / `Value` row per item, in the order
 * below. setUp() writes each missing row with its default and `About` line;
 * from then on the officer owns the values. Anything the officer leaves blank
 * takes its default; anything that cannot be read is reported by name and
 * also takes its default, so one typo never stops the add-on.
 */
import { parseUkOrIsoDate } from './calendar';
import { DEFAULT_EPRS_WINDOW_DAYS, DEFAULT_HEARING_WINDOW_DAYS, DEFAULT_REASONS_WINDOW_DAYS } from './deadlines';
import { DEFAULT_RESULTS_DAYS, parseResultsDays } from './resultsDays';
import { isEmailAddress } from './validation';
import type { IsoDate, Settings } from './types';

export interface SettingDefinition {
  /** Exactly the text in the `Setting` column. */
  key: string;
  field: keyof Settings;
  /** As typed in the `Value` column when setUp seeds it. */
  default: string;
  /** One line for the officer, in the `About` column. */
  about: string;
}

/*
 * England and Wales bank holidays for 2026 and 2027 (gov.uk), as data the
 * officer can edit: Scotland and Northern Ireland differ, and next year's must
 * be added by hand. Written day-first because that is how the officer reads them.
 */
const BANK_HOLIDAYS_2026_2027 = [
  '01/01/2026',
  '03/04/2026',
  '06/04/2026',
  '04/05/2026',
  '25/05/2026',
  '31/08/2026',
  '25/12/2026',
  '28/12/2026',
  '01/01/2027',
  '26/03/2027',
  '29/03/2027',
  '03/05/2027',
  '31/05/2027',
  '30/08/2027',
  '27/12/2027',
  '28/12/2027',
].join(', ');

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  {
    key: 'Centre name',
    field: 'centreName',
    default: '',
    about: 'The school as the exam boards know it; used in emails to candidates.',
  },
  {
    key: 'Centre number',
    field: 'centreNumber',
    default: '',
    about: 'The 5-digit exam centre number, like 68199.',
  },
  {
    key: 'Centre address',
    field: 'centreAddress',
    default: '',
    about: 'Postal address used in letters.',
  },
  {
    key: 'Exams officer name',
    field: 'officerName',
    default: '',
    about: 'Signs the emails to candidates.',
  },
  {
    key: 'Exams officer email',
    field: 'officerEmail',
    default: '',
    about: 'Receives the daily digest and replies from candidates.',
  },
  {
    key: 'SLT contact on results day',
    field: 'sltContact',
    default: '',
    about: 'The senior leader candidates can talk to on results day (name and how to reach them).',
  },
  {
    key: 'Enquiries contact',
    field: 'enquiriesContact',
    default: '',
    about: 'Who candidates contact about post-results services after results day.',
  },
  {
    key: 'SLT viewers',
    field: 'sltViewers',
    default: '',
    about:
      'Email addresses of the senior leaders who may see the SLT dashboard, separated by commas. With SLT view spreadsheet = Yes the add-on shares a separate figures-only file with them as Viewer; otherwise share this file with them as Viewer (File > Share), which shows them every sheet.',
  },
  {
    key: 'Log editors',
    field: 'logEditors',
    default: '',
    about:
      'Besides the exams officer, who may edit the two logs and the SLT dashboard (email addresses, separated by commas). Everyone else is refused; Set up sheets applies the change.',
  },
  {
    key: 'Acknowledgement working days',
    field: 'acknowledgementWorkingDays',
    default: '2',
    about: 'Working days to wait for a board to acknowledge a request before the daily check flags it.',
  },
  {
    key: 'Appeal window days',
    field: 'appealWindowDays',
    default: '30',
    about:
      'Calendar days after a review outcome in which an appeal must be made (JCQ: 30). A board whose window differs says so in the Notes of its appeal row in Services, e.g. "appeal window: 14 days".',
  },
  {
    key: 'Appeal window after reasons days',
    field: 'reasonsWindowDays',
    default: String(DEFAULT_REASONS_WINDOW_DAYS),
    about:
      'Where the reasons for a review outcome were asked for: calendar days after receiving them in which a preliminary appeal may still be made (JCQ: 15).',
  },
  {
    key: 'Appeal hearing window days',
    field: 'appealHearingWindowDays',
    default: String(DEFAULT_HEARING_WINDOW_DAYS),
    about:
      "Calendar days after a preliminary appeal's outcome in which an appeal hearing (stage 2) must be asked for (14).",
  },
  {
    key: 'EPRS window days',
    field: 'eprsWindowDays',
    default: String(DEFAULT_EPRS_WINDOW_DAYS),
    about:
      "Calendar days after the appeal hearing's outcome in which an application may be made to Ofqual's Exam Procedures Review Service (Ofqual: 21).",
  },
  {
    key: 'Bank holidays',
    field: 'bankHolidays',
    default: BANK_HOLIDAYS_2026_2027,
    about:
      'Days that are not working days, separated by commas or new lines (England and Wales 2026-2027 filled in: add later years before they are needed).',
  },
  {
    key: 'Results days',
    field: 'resultsDays',
    default: DEFAULT_RESULTS_DAYS,
    about:
      'Results day for each series and level, separated by semicolons, like "June 2026 GCSE: 20/08/2026" (a series with one day for every level: "November 2026: 14/01/2027"). Consent dated before the candidate\'s results day is refused.',
  },
  {
    key: 'Retention months',
    field: 'retentionMonths',
    default: '18',
    about:
      'Months to keep consent forms and request records after the outcome of the review or any appeal. JCQ requires at least 6; 18 keeps them until the next season is over.',
  },
  {
    key: 'Unpaid reminder days',
    field: 'unpaidReminderDays',
    default: '7',
    about:
      'Days after a request was received that, still unpaid (Paid = no with a fee), it is listed in the daily digest to chase the payment.',
  },
  {
    key: 'Copy emails to parents',
    field: 'copyToParents',
    default: 'No',
    about:
      'Yes: every email to a candidate (reminder, confirmation, outcome) also goes to the Parent email in Candidates, as its own message marked as a copy. Leave a Parent email blank for a candidate who asks that their results go only to them.',
  },
  {
    key: 'SLT view spreadsheet',
    field: 'sltViewSpreadsheet',
    default: 'No',
    about:
      'Yes: the daily check and Refresh SLT view keep a separate "SLT view" spreadsheet holding only the dashboard figures (no names, emails or UCIs), shared as Viewer with the SLT viewers; Google tells them it was shared. Nobody is ever removed from it by the add-on.',
  },
];

export interface SettingsProblem {
  /** The setting's `Setting` text, e.g. 'Appeal window days'. */
  key: string;
  message: string;
}

function keyOf(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Lists are separated by commas, semicolons or new lines; an item is whatever lies between. */
function listItems(text: string): string[] {
  return text
    .split(/[,;\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function valueText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return '';
}

const NUMBER_RANGES: Partial<Record<keyof Settings, { min: number; max: number; unit: string; why?: string }>> = {
  acknowledgementWorkingDays: { min: 1, max: 30, unit: 'working days' },
  appealWindowDays: { min: 1, max: 365, unit: 'days' },
  reasonsWindowDays: { min: 1, max: 365, unit: 'days' },
  appealHearingWindowDays: { min: 1, max: 365, unit: 'days' },
  eprsWindowDays: { min: 1, max: 365, unit: 'days' },
  unpaidReminderDays: { min: 1, max: 365, unit: 'days' },
  retentionMonths: {
    min: 6,
    max: 120,
    unit: 'months',
    why: 'JCQ requires consent forms to be kept at least 6 months after the outcome',
  },
};

/** The settings when the sheet holds nothing: every default. */
export function defaultSettings(): Settings {
  return parseSettings([]).settings;
}

/**
 * Setting/Value pairs as the adapter reads them (dates already ISO strings).
 * Keys match whatever their case and spacing; rows with other keys are the
 * officer's own and are ignored. When a key appears twice the first is used.
 */
export function parseSettings(pairs: ReadonlyArray<readonly [unknown, unknown]>): {
  settings: Settings;
  problems: SettingsProblem[];
} {
  const problems: SettingsProblem[] = [];
  const given = new Map<string, unknown>();
  for (const pair of Array.isArray(pairs) ? pairs : []) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string') continue;
    const k = keyOf(pair[0]);
    const def = SETTING_DEFINITIONS.find((d) => keyOf(d.key) === k);
    if (def === undefined) continue;
    if (given.has(k)) {
      problems.push({ key: def.key, message: `${def.key} appears more than once in Settings; the first one is used.` });
      continue;
    }
    given.set(k, pair[1]);
  }

  const out: Partial<Record<keyof Settings, unknown>> = {};
  for (const def of SETTING_DEFINITIONS) {
    const raw = valueText(given.get(keyOf(def.key)));
    const blank = raw === '';
    const text = blank ? def.default : raw;
    const report = (message: string) => problems.push({ key: def.key, message });
    out[def.field] = readValue(def, text, blank, report);
  }
  return { settings: out as Settings, problems };
}

function readValue(def: SettingDefinition, text: string, blank: boolean, report: (m: string) => void): unknown {
  const range = NUMBER_RANGES[def.field];
  if (range !== undefined) {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (n >= range.min && n <= range.max) return n;
    const because = range.why ? ` (${range.why})` : '';
    report(
      `${def.key} should be a whole number of ${range.unit} from ${range.min} to ${range.max}${because}; "${text}" is not, so ${def.default} is used.`,
    );
    return Number(def.default);
  }
  switch (def.field) {
    case 'centreNumber': {
      // A centre number typed into a General cell loses its leading zero.
      const digits = /^\d{1,5}$/.test(text) ? text.padStart(5, '0') : text;
      if (blank || /^\d{5}$/.test(digits)) return blank ? def.default : digits;
      report(`${def.key} should be 5 digits, like 68199; "${text}" is not, so it is left blank.`);
      return def.default;
    }
    case 'officerEmail':
      if (blank || isEmailAddress(text)) return text;
      report(`${def.key} "${text}" is not an email address, so it is left blank.`);
      return def.default;
    case 'sltViewers':
    case 'logEditors': {
      const seen = new Set<string>();
      const emails: string[] = [];
      for (const item of listItems(text)) {
        if (!isEmailAddress(item)) {
          report(`${def.key}: "${item}" is not an email address, so it is left out.`);
        } else if (!seen.has(item.toLowerCase())) {
          seen.add(item.toLowerCase());
          emails.push(item);
        }
      }
      return emails;
    }
    case 'bankHolidays': {
      const dates = new Set<IsoDate>();
      for (const item of listItems(text)) {
        const iso = parseUkOrIsoDate(item);
        if (iso === null) report(`${def.key}: "${item}" is not a date (like 25/12/2026), so it is left out.`);
        else dates.add(iso);
      }
      return [...dates].sort();
    }
    case 'sltViewSpreadsheet':
    case 'copyToParents': {
      const word = text.toLowerCase();
      if (['yes', 'y', 'true', 'on'].includes(word)) return true;
      if (['no', 'n', 'false', 'off'].includes(word)) return false;
      report(`${def.key} should be Yes or No; "${text}" is neither, so No is used.`);
      return false;
    }
    case 'resultsDays': {
      const { days, problems } = parseResultsDays(text);
      problems.forEach((p) => report(`${def.key}: ${p}`));
      return days;
    }
    default:
      return text;
  }
}
