/**
 * The Advanced Sheets (v4) and Drive (v3) services, as far as the add-on uses
 * them: making a spreadsheet, writing values in one batch, reading a file's
 * metadata, stamping appProperties, and listing and adding permissions.
 *
 * It models the `drive.file` scope: a file is reachable only by the account
 * that made it through the add-on (anyone else is answered "File not found",
 * as Drive answers a file outside the grant), a file in the bin is still
 * found (with trashed: true), a deleted one is not. Errors carry Apps
 * Script's wording for an advanced-service failure ("API call to
 * drive.files.get failed with error: File not found: …").
 */
import { instrument } from './counter';
import type { Ctx, DriveFileData, DrivePermissionData, DriveState } from './state';

export function newDriveState(): DriveState {
  return { files: [], nextFileId: 1, nextPermissionId: 1, notices: [] };
}

function apiError(method: string, code: number, message: string): Error {
  const err = new Error(`API call to ${method} failed with error: ${message}`);
  (err as Error & { code?: number }).code = code;
  err.name = 'GoogleJsonResponseException';
  return err;
}

function reachable(ctx: Ctx, method: string, fileId: unknown): DriveFileData {
  const id = String(fileId ?? '');
  const file = ctx.drive.files.find((f) => f.id === id);
  if (!file || file.createdBy.toLowerCase() !== ctx.user.active.toLowerCase()) {
    throw apiError(method, 404, `File not found: ${id}.`);
  }
  return file;
}

/** 'SLT view'!A1:H120 -> sheet title, first row and column (0-based), size. */
function parseRange(
  method: string,
  range: string,
): { title: string; row: number; col: number; rows: number; cols: number } {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw apiError(method, 400, `Unable to parse range: ${range}`);
  const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const title = (m[1] ?? m[2]).replace(/''/g, "'");
  const r0 = Number(m[4]) - 1;
  const c0 = col(m[3]);
  return { title, row: r0, col: c0, rows: Number(m[6]) - r0, cols: col(m[5]) - c0 + 1 };
}

export class SheetsValues {
  constructor(readonly _ctx: Ctx) {}

  batchUpdate(resource: unknown, spreadsheetId: unknown): object {
    const method = 'sheets.spreadsheets.values.batchUpdate';
    const file = reachable(this._ctx, method, spreadsheetId);
    const body = (resource ?? {}) as { valueInputOption?: string; data?: { range?: string; values?: unknown[][] }[] };
    if (body.valueInputOption !== 'RAW' && body.valueInputOption !== 'USER_ENTERED') {
      throw apiError(method, 400, "Invalid valueInputOption: ''");
    }
    let cells = 0;
    for (const vr of body.data ?? []) {
      const r = parseRange(method, String(vr.range ?? ''));
      const sheet = file.sheets.find((s) => s.title === r.title);
      if (!sheet) throw apiError(method, 400, `Unable to parse range: ${vr.range}`);
      const values = vr.values ?? [];
      if (values.length > r.rows || values.some((row) => row.length > r.cols)) {
        throw apiError(method, 400, `Requested writing within range [${vr.range}], but tried writing beyond it.`);
      }
      if (r.row + r.rows > sheet.rowCount || r.col + r.cols > sheet.columnCount) {
        throw apiError(
          method,
          400,
          `Range (${vr.range}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
        );
      }
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v !== null && typeof v === 'object') throw apiError(method, 400, 'Invalid values: a cell is an object.');
          sheet.values[r.row + i] ??= [];
          // RAW keeps text as text; USER_ENTERED would parse it, which the add-on never asks for.
          sheet.values[r.row + i][r.col + j] = v === null || v === undefined ? '' : (v as string | number | boolean);
          cells++;
        }),
      );
    }
    return { spreadsheetId: file.id, totalUpdatedCells: cells };
  }
}
instrument(SheetsValues, 'Sheets', 'Spreadsheets.Values');

export class SheetsSpreadsheets {
  readonly Values: SheetsValues;
  constructor(readonly _ctx: Ctx) {
    this.Values = new SheetsValues(_ctx);
  }

  create(resource: unknown): object {
    const ctx = this._ctx;
    const body = (resource ?? {}) as {
      properties?: { title?: string };
      sheets?: { properties?: { title?: string; gridProperties?: { rowCount?: number; columnCount?: number } } }[];
    };
    const id = `1SltView${String(ctx.drive.nextFileId++).padStart(4, '0')}EmulatedFile0000000000000`;
    const sheets = (body.sheets?.length ? body.sheets : [{}]).map((s, i) => ({
      title: s.properties?.title ?? `Sheet${i + 1}`,
      rowCount: s.properties?.gridProperties?.rowCount ?? 1000,
      columnCount: s.properties?.gridProperties?.columnCount ?? 26,
      values: [],
    }));
    const owner = ctx.user.active;
    ctx.drive.files.push({
      id,
      name: body.properties?.title ?? 'Untitled spreadsheet',
      createdBy: owner,
      trashed: false,
      appProperties: {},
      permissions: [{ id: `p${ctx.drive.nextPermissionId++}`, type: 'user', role: 'owner', emailAddress: owner }],
      sheets,
    });
    return {
      spreadsheetId: id,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
      properties: { title: body.properties?.title ?? 'Untitled spreadsheet' },
      sheets: sheets.map((s, i) => ({ properties: { sheetId: i, title: s.title } })),
    };
  }
}
instrument(SheetsSpreadsheets, 'Sheets', 'Spreadsheets');

export class SheetsAdvanced {
  readonly Spreadsheets: SheetsSpreadsheets;
  constructor(readonly _ctx: Ctx) {
    this.Spreadsheets = new SheetsSpreadsheets(_ctx);
  }
}

export class DriveFiles {
  constructor(readonly _ctx: Ctx) {}

  get(fileId: unknown, _optionalArgs?: unknown): object {
    const f = reachable(this._ctx, 'drive.files.get', fileId);
    return { id: f.id, name: f.name, trashed: f.trashed, appProperties: { ...f.appProperties } };
  }

  update(resource: unknown, fileId: unknown): object {
    const f = reachable(this._ctx, 'drive.files.update', fileId);
    const body = (resource ?? {}) as { name?: string; trashed?: boolean; appProperties?: Record<string, string> };
    if (typeof body.name === 'string') f.name = body.name;
    if (typeof body.trashed === 'boolean') f.trashed = body.trashed;
    if (body.appProperties) Object.assign(f.appProperties, body.appProperties);
    return { id: f.id, name: f.name };
  }
}
instrument(DriveFiles, 'Drive', 'Files');

const ROLES = new Set(['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class DrivePermissions {
  constructor(readonly _ctx: Ctx) {}

  list(fileId: unknown, _optionalArgs?: unknown): object {
    const f = reachable(this._ctx, 'drive.permissions.list', fileId);
    return { permissions: f.permissions.map((p) => ({ ...p })) };
  }

  create(resource: unknown, fileId: unknown, optionalArgs?: unknown): object {
    const method = 'drive.permissions.create';
    const ctx = this._ctx;
    const f = reachable(ctx, method, fileId);
    const body = (resource ?? {}) as Partial<DrivePermissionData>;
    if (!ROLES.has(String(body.role))) throw apiError(method, 400, 'Invalid permission role.');
    if (body.type !== 'user' && body.type !== 'group') throw apiError(method, 400, 'Invalid permission type.');
    const email = String(body.emailAddress ?? '');
    if (!EMAIL.test(email)) throw apiError(method, 400, `Invalid sharing request: ${email || 'no email address'}.`);
    const existing = f.permissions.find((p) => p.emailAddress?.toLowerCase() === email.toLowerCase());
    // Drive gives one permission per person: sharing again changes the role, it adds no second entry.
    const permission = existing ?? {
      id: `p${ctx.drive.nextPermissionId++}`,
      type: body.type,
      role: body.role!,
      emailAddress: email.toLowerCase(),
    };
    if (existing) existing.role = body.role!;
    else f.permissions.push(permission);
    const notify = (optionalArgs as { sendNotificationEmail?: boolean } | undefined)?.sendNotificationEmail !== false;
    if (notify) ctx.drive.notices.push({ to: email.toLowerCase(), fileId: f.id, at: ctx.clock.now().toISOString() });
    return { ...permission };
  }
}
instrument(DrivePermissions, 'Drive', 'Permissions');

export class DriveAdvanced {
  readonly Files: DriveFiles;
  readonly Permissions: DrivePermissions;
  constructor(readonly _ctx: Ctx) {
    this.Files = new DriveFiles(_ctx);
    this.Permissions = new DrivePermissions(_ctx);
  }
}
