/**
 * The separate "SLT view" spreadsheet: the only file that touches the
 * Advanced Sheets and Drive services. Both are reached with the
 * non-sensitive `drive.file` scope, which covers files this add-on created
 * and nothing else in anyone's Drive (SpreadsheetApp.create or openById would
 * need the wide `spreadsheets` scope). See docs/security.md, section 4.
 *
 * The file is made once and its id kept in document properties, with the
 * temporary key of the account that made it: with drive.file only that
 * account can reach it, so a colleague pressing Refresh must not make a
 * second file (and take the first one's place). Each refresh then costs a
 * fixed number of calls: one look at the file, one write of every value, one
 * list of who can open it, and one share per SLT viewer not yet on it.
 */
import { a1, type DashboardValue } from '../domain/dashboardLayout';
import {
  SLT_VIEW_COLUMNS,
  SLT_VIEW_FILE_NAME,
  SLT_VIEW_ROWS,
  SLT_VIEW_SHEET,
  planSharing,
  type ViewPermission,
} from '../domain/sltView';
import { setSltViewFile, sltViewFile, type SltViewFile } from './properties';

/** Drive appProperties key stamped on the file when it is made: which tracker it belongs to. */
export const SLT_VIEW_TRACKER_KEY = 'postResultsTracker';

interface SheetsApi {
  Spreadsheets: {
    create(resource: object): { spreadsheetId?: string; spreadsheetUrl?: string };
    Values: { batchUpdate(resource: object, spreadsheetId: string): unknown };
  };
}

interface DriveFile {
  id?: string;
  trashed?: boolean;
  appProperties?: Record<string, string>;
}

interface DriveApi {
  Files: {
    get(fileId: string, optionalArgs: object): DriveFile;
    update(resource: object, fileId: string): DriveFile;
  };
  Permissions: {
    list(fileId: string, optionalArgs: object): { permissions?: ViewPermission[] };
    create(resource: object, fileId: string, optionalArgs: object): unknown;
  };
}

const NOT_ENABLED =
  'The Google Sheets and Drive advanced services are not enabled for this script (appsscript.json, dependencies). Deploy the add-on from dist/ again.';

function sheetsApi(): SheetsApi {
  if (typeof Sheets === 'undefined' || !Sheets) throw new Error(NOT_ENABLED);
  return Sheets as unknown as SheetsApi;
}

function driveApi(): DriveApi {
  if (typeof Drive === 'undefined' || !Drive) throw new Error(NOT_ENABLED);
  return Drive as unknown as DriveApi;
}

function messageOf(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}

/** How Drive answers for a file that is deleted, or that this account's drive.file grant cannot see. */
function isNotFound(err: unknown): boolean {
  return /not ?found|404/i.test(messageOf(err));
}

function readStored(): SltViewFile | null {
  try {
    return sltViewFile();
  } catch {
    return null;
  }
}

export function viewUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(id)}/edit`;
}

/** Why a new file was made, when one was. */
export type ViewCreated = 'first' | 'gone' | 'not-ours';

export interface SltViewWrite {
  id: string;
  url: string;
  created: ViewCreated | null;
  /** SLT viewers given Viewer access by this refresh (Google's sharing notice tells them). */
  shared: string[];
  notShared: { email: string; reason: string }[];
  /** Readers of the file who are not SLT viewers: left alone. */
  notInSettings: string[];
}

export class NotTheViewOwnerError extends Error {
  constructor() {
    super(
      'The SLT view spreadsheet was made by another account (whoever first refreshed it, normally the exams officer), and only that account can reach it. It is refreshed by that account’s daily check; nothing was changed.',
    );
    this.name = 'NotTheViewOwnerError';
  }
}

/** Is the stored file still there, in no bin, and this tracker's? */
function checkFile(drive: DriveApi, id: string, trackerId: string): ViewCreated | null {
  let file: DriveFile;
  try {
    file = drive.Files.get(id, { fields: 'id,trashed,appProperties' });
  } catch (err) {
    if (isNotFound(err)) return 'gone';
    throw err;
  }
  if (file.trashed === true) return 'gone';
  return file.appProperties?.[SLT_VIEW_TRACKER_KEY] === trackerId ? null : 'not-ours';
}

function createFile(sheets: SheetsApi, drive: DriveApi, trackerId: string): string {
  const made = sheets.Spreadsheets.create({
    properties: { title: SLT_VIEW_FILE_NAME, locale: 'en_GB' },
    sheets: [
      {
        properties: {
          title: SLT_VIEW_SHEET,
          gridProperties: { rowCount: SLT_VIEW_ROWS, columnCount: SLT_VIEW_COLUMNS, frozenRowCount: 1 },
        },
      },
    ],
  });
  const id = made.spreadsheetId;
  if (!id) throw new Error('Google Sheets made no SLT view spreadsheet (no id came back).');
  drive.Files.update({ appProperties: { [SLT_VIEW_TRACKER_KEY]: trackerId } }, id);
  return id;
}

/**
 * Writes `rows` (SLT_VIEW_ROWS by SLT_VIEW_COLUMNS) into the SLT view, making
 * the file first if there is none, and shares it as Viewer with each of
 * `viewers` who cannot open it yet. The caller holds the document lock.
 */
export function writeSltView(trackerId: string, rows: DashboardValue[][], viewers: readonly string[]): SltViewWrite {
  const sheets = sheetsApi();
  const drive = driveApi();
  const me = Session.getTemporaryActiveUserKey();
  const stored = readStored();
  const record = (id: string) => setSltViewFile({ id, ownerKey: me, trackerId });

  let created: ViewCreated | null;
  if (stored === null) created = 'first';
  else if (stored.trackerId !== trackerId) created = 'not-ours';
  else {
    created = checkFile(drive, stored.id, trackerId);
    // Not found by this account and made by another: it is that account's file, not a deleted one.
    if (created === 'gone' && stored.ownerKey !== me) throw new NotTheViewOwnerError();
    // The temporary key changes every 30 days: the account that can reach the file is its owner.
    if (created === null && stored.ownerKey !== me) record(stored.id);
  }
  let id = stored?.id ?? '';
  if (created !== null) {
    id = createFile(sheets, drive, trackerId);
    record(id);
  }

  // RAW: every text is stored as typed, never read as a formula or a date.
  sheets.Spreadsheets.Values.batchUpdate(
    {
      valueInputOption: 'RAW',
      data: [
        {
          range: `'${SLT_VIEW_SHEET}'!${a1({ row: 1, column: 1, numRows: rows.length, numColumns: SLT_VIEW_COLUMNS })}`,
          majorDimension: 'ROWS',
          values: rows,
        },
      ],
    },
    id,
  );

  const listed = drive.Permissions.list(id, { fields: 'permissions(id,type,role,emailAddress)' });
  const plan = planSharing(viewers, listed.permissions ?? []);
  const shared: string[] = [];
  const notShared: { email: string; reason: string }[] = [];
  // One call per viewer not yet on the file: a handful, once each, not per row.
  for (const email of plan.add) {
    try {
      drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: email }, id, {
        sendNotificationEmail: true,
        fields: 'id',
      });
      shared.push(email);
    } catch (err) {
      notShared.push({ email, reason: messageOf(err) });
    }
  }
  return { id, url: viewUrl(id), created, shared, notShared, notInSettings: plan.notInSettings };
}
