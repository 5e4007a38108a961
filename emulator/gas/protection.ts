/**
 * Protected sheets and ranges. The spreadsheet owner can always edit, as in
 * Sheets; anyone else is refused a write into protected cells unless they are
 * an editor of the protection or it only warns.
 */
import type { GridRef } from './a1';
import { instrument } from './counter';
import type { Classes, Ctx, ProtectionData } from './state';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export class User {
  constructor(
    readonly _ctx: Ctx,
    readonly _email: string,
  ) {}
  getEmail(): string {
    return this._email;
  }
  getUserLoginId(): string {
    return this._email;
  }
  toString(): string {
    return this._email;
  }
}
instrument(User, 'Session', 'User');

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  if (user && typeof (user as { getEmail?: unknown }).getEmail === 'function') {
    return String((user as { getEmail(): string }).getEmail());
  }
  throw new Error('Invalid argument: user');
}

export class Protection {
  constructor(
    readonly _ctx: Ctx,
    readonly _data: ProtectionData,
  ) {}

  private _live(): ProtectionData {
    if (!this._ctx.book.protections.includes(this._data)) throw new Error('The protection has been removed.');
    return this._data;
  }

  getProtectionType(): string {
    return this._data.type;
  }
  getDescription(): string {
    return this._data.description;
  }
  setDescription(description: string): Protection {
    this._live().description = String(description);
    return this;
  }
  getRange(): Classes['Range'] | null {
    const sheet = this._ctx.book.sheets.find((s) => s.id === this._data.sheetId);
    const ref =
      this._data.ref ?? (sheet ? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns } : null);
    return ref ? this._ctx.grid.fromRef({ sheetId: this._data.sheetId, ref }) : null;
  }
  getEditors(): User[] {
    return this._data.editors.map((e) => new User(this._ctx, e));
  }
  addEditor(user: unknown): Protection {
    const email = emailOf(user);
    const d = this._live();
    if (!d.editors.includes(email)) d.editors.push(email);
    return this;
  }
  addEditors(users: unknown): Protection {
    if (!Array.isArray(users)) throw new Error('Invalid argument: emailAddresses');
    for (const u of users) this.addEditor(u);
    return this;
  }
  removeEditor(user: unknown): Protection {
    const email = emailOf(user);
    // The owner cannot be removed; Sheets ignores the request silently.
    if (email === this._ctx.user.owner) return this;
    const d = this._live();
    d.editors = d.editors.filter((e) => e !== email);
    return this;
  }
  removeEditors(users: unknown): Protection {
    if (!Array.isArray(users)) throw new Error('Invalid argument: emailAddresses');
    for (const u of users) this.removeEditor(u);
    return this;
  }
  canEdit(): boolean {
    const user = this._ctx.user.active;
    return user === this._ctx.user.owner || this._data.editors.includes(user) || this._data.warningOnly;
  }
  canDomainEdit(): boolean {
    return this._data.domainEdit;
  }
  setDomainEdit(editable: boolean): Protection {
    this._live().domainEdit = Boolean(editable);
    return this;
  }
  isWarningOnly(): boolean {
    return this._data.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this._live().warningOnly = Boolean(warningOnly);
    return this;
  }
  setUnprotectedRanges(ranges: unknown): Protection {
    if (this._data.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    if (!Array.isArray(ranges)) throw new Error('Invalid argument: ranges');
    const refs = ranges.map((r) => this._ctx.grid.toRef(r));
    if (refs.some((r) => !r || r.sheetId !== this._data.sheetId)) throw new Error('Invalid argument: ranges');
    this._live().unprotected = refs.map((r) => ({ ...(r as { ref: GridRef }).ref }));
    return this;
  }
  getUnprotectedRanges(): (Classes['Range'] | null)[] {
    return this._data.unprotected.map((ref) => this._ctx.grid.fromRef({ sheetId: this._data.sheetId, ref }));
  }
  remove(): void {
    const list = this._ctx.book.protections;
    const i = list.indexOf(this._data);
    if (i >= 0) list.splice(i, 1);
  }
}
instrument(Protection, 'Spreadsheet', 'Protection');

export function newProtection(ctx: Ctx, sheetId: number, ref: GridRef | null): ProtectionData {
  const data: ProtectionData = {
    id: `protection-${ctx.book.nextProtectionId++}`,
    sheetId,
    type: ref ? 'RANGE' : 'SHEET',
    ref: ref ? { ...ref } : null,
    description: '',
    editors: [ctx.user.owner],
    warningOnly: false,
    domainEdit: true,
    unprotected: [],
  };
  if (ctx.user.active !== ctx.user.owner) data.editors.push(ctx.user.active);
  ctx.book.protections.push(data);
  return data;
}

function overlaps(a: GridRef, b: GridRef): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.column <= b.column + b.numColumns - 1 &&
    b.column <= a.column + a.numColumns - 1
  );
}

function contains(outer: GridRef, inner: GridRef): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

export function assertEditable(ctx: Ctx, sheetId: number, target: GridRef): void {
  const user = ctx.user.active;
  if (user === ctx.user.owner) return;
  for (const p of ctx.book.protections) {
    if (p.sheetId !== sheetId || p.warningOnly || p.editors.includes(user)) continue;
    const covered = p.ref ? overlaps(p.ref, target) : !p.unprotected.some((u) => contains(u, target));
    if (covered) {
      throw new Error(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
  }
}
