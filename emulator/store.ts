/**
 * What the emulator keeps on disk under its data folder (`.local/` unless
 * DATA_DIR says otherwise):
 *   workbook.json   the stand-in's serialized state (sheets, triggers,
 *                   properties, clock and outbox), replaced atomically after every change
 *   outbox/*.eml    one RFC 5322 message per email sent, for any mail client
 * Plus the two formats the emulator hands out: CSV and .eml.
 */
import { csvSafe } from '../src/domain/csv';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { EmlMessage } from './server/types';

export const WORKBOOK_FILE = 'workbook.json';
export const OUTBOX_DIR = 'outbox';

/** The file name of the seq-th email (from 1): sortable, readable, and the same every time it is asked for. */
export function emlName(mail: Pick<EmlMessage, 'subject' | 'sentAt'>, seq: number): string {
  const stamp = mail.sentAt.replace(/[^0-9]/g, '').slice(0, 14);
  const slug = mail.subject
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${String(seq).padStart(4, '0')}-${stamp}${slug ? `-${slug}` : ''}.eml`;
}

export class Store {
  constructor(readonly dataDir: string) {}

  /** Removes only the files this store writes: DATA_DIR may be a folder that holds other things. */
  reset(): void {
    for (const f of [WORKBOOK_FILE, `${WORKBOOK_FILE}.tmp`]) {
      rmSync(join(this.dataDir, f), { force: true });
    }
    const outbox = join(this.dataDir, OUTBOX_DIR);
    if (existsSync(outbox)) {
      for (const f of readdirSync(outbox))
        if (f.endsWith('.eml') || f.endsWith('.eml.tmp')) rmSync(join(outbox, f), { force: true });
    }
  }

  loadWorkbook<T>(): T | undefined {
    return this.readJson<T>(WORKBOOK_FILE);
  }

  saveWorkbook(workbook: unknown): void {
    writeFileAtomic(join(this.dataDir, WORKBOOK_FILE), JSON.stringify(workbook));
  }

  /** Writes the message's .eml and returns its file name. */
  writeEml(mail: EmlMessage, seq: number): string {
    const name = emlName(mail, seq);
    writeFileAtomic(join(this.dataDir, OUTBOX_DIR, name), toEml(mail));
    return name;
  }

  readEml(name: string): string | undefined {
    // Only names this store made: no path separators, no way out of outbox/.
    if (!/^[\w-]+\.eml$/.test(name)) return undefined;
    const file = join(this.dataDir, OUTBOX_DIR, name);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }

  private readJson<T>(file: string): T | undefined {
    const path = join(this.dataDir, file);
    if (!existsSync(path)) return undefined;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as T;
    } catch (err) {
      throw new Error(
        `${path} is not valid JSON (${(err as Error).message}): fix it, or start clean with npm start -- --reset`,
      );
    }
  }
}

/**
 * Write to a sibling .tmp, flush it, then rename over the target: rename is
 * atomic on one file system, so a reader (or a restart after a kill) sees the
 * old file or the new one, never half of one.
 */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/**
 * RFC 4180: every field quoted only when it must be, CRLF between records.
 * A value a spreadsheet would run as a formula (=, +, -, @, a tab or CR
 * first) gets the add-on's own guard (csvSafe, src/domain/csv.ts): an
 * apostrophe in front, exactly as in the MIS, board and refund lists.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const field = (raw: string): string => {
    const v = csvSafe(raw);
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return rows.map((r) => r.map((v) => field(String(v ?? ''))).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}

// ---- RFC 5322 / MIME -------------------------------------------------------

const CRLF = '\r\n';

/** A whole message: headers, then text/plain alone or multipart/alternative with the HTML. */
export function toEml(mail: EmlMessage): string {
  const headers: string[] = [
    `From: ${mailbox(mail.name, mail.from)}`,
    `To: ${addressList(mail.to)}`,
    mail.cc ? `Cc: ${addressList(mail.cc)}` : '',
    mail.bcc ? `Bcc: ${addressList(mail.bcc)}` : '',
    mail.replyTo ? `Reply-To: ${addressList(mail.replyTo)}` : '',
    `Subject: ${encodeHeaderText(mail.subject)}`,
    `Date: ${rfc5322Date(new Date(mail.sentAt))}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@post-results-tracker.emulator.invalid>`,
    'MIME-Version: 1.0',
    'X-Mailer: Post-Results Tracker local emulator (not sent)',
  ].filter(Boolean);
  const text = textPart('text/plain', mail.body);
  if (!mail.htmlBody) return [...headers, ...text.headers, '', text.body].join(CRLF) + CRLF;
  // "=_" cannot occur in quoted-printable output, so this boundary never clashes with a part.
  const boundary = `=_prt_${randomBytes(12).toString('hex')}`;
  const html = textPart('text/html', mail.htmlBody);
  return (
    [
      ...headers,
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      'This is a multi-part message in MIME format.',
      `--${boundary}`,
      ...text.headers,
      '',
      text.body,
      `--${boundary}`,
      ...html.headers,
      '',
      html.body,
      `--${boundary}--`,
    ].join(CRLF) + CRLF
  );
}

function textPart(type: string, content: string): { headers: string[]; body: string } {
  return {
    headers: [`Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: quoted-printable'],
    body: quotedPrintable(content),
  };
}

/** RFC 2045 §6.7, line breaks made CRLF, lines kept to 76 characters with soft breaks. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n|\r|\n/g, '\n').split('\n');
  return lines
    .map((line) => {
      const bytes = Buffer.from(line, 'utf8');
      const tokens: string[] = [];
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        tokens.push(plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`);
      });
      // A line starting "From " or "." upsets some mail tools; encoding the first character is allowed.
      if (tokens[0] === '.' || (tokens[0] === 'F' && line.startsWith('From '))) {
        tokens[0] = `=${tokens[0].charCodeAt(0).toString(16).toUpperCase()}`;
      }
      const out: string[] = [];
      let current = '';
      for (const t of tokens) {
        // 75 + the soft-break "=" makes 76; an escape is never split across lines.
        if (current.length + t.length > 75) {
          out.push(`${current}=`);
          current = '';
        }
        current += t;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/** RFC 2047 encoded-words for non-ASCII text in a header; ASCII passes as it is. */
export function encodeHeaderText(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  // Each encoded-word at most 75 characters: "=?UTF-8?B?" + base64 of <= 45 bytes + "?=".
  const words: string[] = [];
  let chunk = '';
  for (const ch of clean) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

function mailbox(name: string, address: string): string {
  if (!name) return address;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeHeaderText(name);
  return `${display} <${address}>`;
}

function addressList(list: string): string {
  return list
    .split(',')
    .map((a) => a.trim().replace(/[\r\n]/g, ''))
    .filter(Boolean)
    .join(', ');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 §3.3 date, in UTC. */
export function rfc5322Date(d: Date): string {
  const t = Number.isNaN(d.getTime()) ? new Date(0) : d;
  const p = (n: number): string => String(n).padStart(2, '0');
  return (
    `${DAYS[t.getUTCDay()]}, ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ` +
    `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())} +0000`
  );
}
