/**
 * Utilities: Java-style date formatting in a named zone, CSV parsing, blobs
 * base64 and HMAC-SHA256 signatures. sleep() advances the virtual clock instead of waiting.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { instrument } from './counter';
import { isInteger, signatureError } from './errors';
import { formatJavaDate, parseJavaDate } from './javaDate';
import { type Ctx, makeDate } from './state';
import { isDateValue } from './values';

export const Charset = { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' } as const;

/** Java bytes are signed: Apps Script returns -128..127. */
function toSignedBytes(buf: Buffer): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  if (data instanceof Blob) return Buffer.from(data._bytes);
  return Buffer.from(String(data ?? ''), 'utf8');
}

export class Blob {
  constructor(
    readonly _ctx: Ctx,
    public _bytes: Buffer,
    public _contentType: string | null,
    public _name: string | null,
  ) {}

  getBytes(): number[] {
    return toSignedBytes(this._bytes);
  }
  getDataAsString(): string {
    return this._bytes.toString('utf8');
  }
  setDataFromString(s: string): Blob {
    this._bytes = Buffer.from(String(s), 'utf8');
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): Blob {
    this._name = String(name);
    return this;
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: string): Blob {
    this._contentType = String(contentType);
    return this;
  }
  copyBlob(): Blob {
    return new Blob(this._ctx, Buffer.from(this._bytes), this._contentType, this._name);
  }
  getAs(contentType: string): Blob {
    return new Blob(this._ctx, Buffer.from(this._bytes), String(contentType), this._name);
  }
  isGoogleType(): boolean {
    return false;
  }
}
instrument(Blob, 'Utilities', 'Blob');

/** RFC 4180 CSV, as Utilities.parseCsv reads it (quotes, doubled quotes, newlines in quotes). */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export class UtilitiesService {
  readonly Charset = Charset;

  constructor(readonly _ctx: Ctx) {}

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDateValue(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    return formatJavaDate(date.getTime(), timeZone, format);
  }
  parseDate(date: unknown, timeZone: unknown, format: unknown): Date {
    if (typeof date !== 'string' || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.parseDate', [date, timeZone, format]);
    }
    return makeDate(this._ctx, parseJavaDate(date, timeZone, format, this._ctx.clock.nowMs()));
  }
  formatString(template: unknown, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(
      /%(-?\d*)(?:\.(\d+))?([sdif%])/g,
      (m, width: string, precision: string, type: string) => {
        if (type === '%') return '%';
        const v = args[i++];
        let s: string;
        if (type === 'd' || type === 'i') s = String(Math.trunc(Number(v)));
        else if (type === 'f') s = Number(v).toFixed(precision === undefined ? 6 : Number(precision));
        else s = String(v);
        const w = Number(width || 0);
        return w < 0 ? s.padEnd(-w) : s.padStart(w);
      },
    );
  }
  sleep(milliseconds: unknown): void {
    if (!isInteger(milliseconds) || milliseconds < 0) throw signatureError('Utilities.sleep', [milliseconds]);
    if (milliseconds > 300_000) throw new Error('Invalid argument: milliseconds. The maximum allowed value is 300000.');
    this._ctx.clock.advanceMs(milliseconds);
  }
  getUuid(): string {
    return randomUUID();
  }
  /** Utilities.computeHmacSha256Signature(value, key[, charset]): the digest as signed bytes. */
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    const isBytes = (v: unknown) => Array.isArray(v);
    if (!(typeof value === 'string' || isBytes(value)) || !(typeof key === 'string' || isBytes(key))) {
      throw signatureError('Utilities.computeHmacSha256Signature', [value, key]);
    }
    if (charset !== undefined && charset !== Charset.UTF_8 && charset !== Charset.US_ASCII) {
      throw signatureError('Utilities.computeHmacSha256Signature', [value, key, charset]);
    }
    return toSignedBytes(createHmac('sha256', toBuffer(key)).update(toBuffer(value)).digest());
  }
  base64Encode(data: unknown): string {
    return toBuffer(data).toString('base64');
  }
  base64EncodeWebSafe(data: unknown): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: unknown): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }
  newBlob(data: unknown, contentType?: unknown, name?: unknown): Blob {
    return new Blob(
      this._ctx,
      toBuffer(data),
      contentType === undefined ? null : String(contentType),
      name === undefined ? null : String(name),
    );
  }
  parseCsv(csv: unknown, delimiter?: unknown): string[][] {
    return parseCsv(String(csv), delimiter === undefined ? ',' : String(delimiter));
  }
}
instrument(UtilitiesService, 'Utilities', 'Utilities');
