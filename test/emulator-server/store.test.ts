import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  emlName,
  encodeHeaderText,
  quotedPrintable,
  rfc5322Date,
  Store,
  toCsv,
  toEml,
  writeFileAtomic,
} from '../../emulator/store';

/** A strict decoder, so the encoder is checked against the RFC rather than against itself. */
function decodeQuotedPrintable(text: string): string {
  for (const line of text.split('\r\n')) {
    expect(line.length).toBeLessThanOrEqual(76);
    expect(line).not.toMatch(/[ \t]$/);
    expect(line).toMatch(/^[\x21-\x7e \t]*$/);
  }
  const bytes: number[] = [];
  const joined = text.replace(/=\r\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=') {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const mail = {
  to: 'parent@demo.invalid, pupil@demo.invalid',
  cc: '',
  bcc: 'officer@demo.invalid',
  replyTo: 'exams@demo.invalid',
  name: 'Exams Office',
  from: 'exams.officer@demo.invalid',
  subject: 'Résultat: review of marking – Siobhán',
  body: `Dear Siobhán,\nYour grade went from 5 to 6 = good news.\n${'long line '.repeat(20)}\nFrom the exams office\n.\n`,
  htmlBody: '<p>Dear Siobhán,</p><p>Your grade went from <b>5</b> to <b>6</b>.</p>',
  sentAt: '2025-08-21T08:30:00.000Z',
};

describe('CSV', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says, and leaves plain fields bare', () => {
    expect(
      toCsv([
        ['Name', 'Note'],
        ['DEMO Ahmed, Aisha', 'said "hi"\nthen left'],
        ['plain', ''],
      ]),
    ).toBe('Name,Note\r\n"DEMO Ahmed, Aisha","said ""hi""\nthen left"\r\nplain,\r\n');
  });
  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('');
  });
  it("guards a value a spreadsheet would run, as the add-on's own lists do", () => {
    const hostile = ['=HYPERLINK("https://evil.example","Click")', '+1+1', '-2', '@SUM(A1)', '\tx', '\rx'];
    const csv = toCsv([hostile]);
    expect(csv).toBe(`"'=HYPERLINK(""https://evil.example"",""Click"")",'+1+1,'-2,'@SUM(A1),'\tx,"'\rx"\r\n`);
  });
});

describe('quoted-printable', () => {
  it.each([
    'plain ASCII',
    'équipe – “quotes” and emoji 🎓',
    'trailing space ',
    'a=b and =3D literal',
    'x'.repeat(300),
    'é'.repeat(100),
    'line one\nline two\r\nline three',
    'From the start',
    '.',
  ])('round-trips %j within 76-character lines', (text) => {
    expect(decodeQuotedPrintable(quotedPrintable(text))).toBe(text.replace(/\r\n|\r|\n/g, '\r\n'));
  });
});

describe('headers', () => {
  it('leaves an ASCII subject alone and encodes a non-ASCII one as RFC 2047 words', () => {
    expect(encodeHeaderText('Review of marking')).toBe('Review of marking');
    const encoded = encodeHeaderText('Résultat – '.repeat(8));
    const words = encoded.split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    const decoded = words
      .map((w) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(w)![1], 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe('Résultat – '.repeat(8));
  });
  it('writes an RFC 5322 date', () => {
    expect(rfc5322Date(new Date('2025-08-21T08:30:05Z'))).toBe('Thu, 21 Aug 2025 08:30:05 +0000');
  });
  it('never lets a line break in a subject start a new header', () => {
    expect(encodeHeaderText('Hi\r\nBcc: everyone@example.com')).toBe('Hi Bcc: everyone@example.com');
  });
});

describe('toEml', () => {
  it('makes a multipart/alternative message with both bodies when there is HTML', () => {
    const eml = toEml(mail);
    const [head, ...rest] = eml.split('\r\n\r\n');
    expect(head).toMatch(/^From: "Exams Office" <exams\.officer@demo\.invalid>$/m);
    expect(head).toMatch(/^To: parent@demo\.invalid, pupil@demo\.invalid$/m);
    expect(head).toMatch(/^Bcc: officer@demo\.invalid$/m);
    expect(head).toMatch(/^Reply-To: exams@demo\.invalid$/m);
    expect(head).not.toMatch(/^Cc:/m);
    expect(head).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(head).toMatch(/^Date: Thu, 21 Aug 2025 08:30:00 \+0000$/m);
    expect(head).toMatch(/^MIME-Version: 1\.0$/m);
    const boundary = /boundary="([^"]+)"/.exec(head)![1];
    const body = rest.join('\r\n\r\n');
    const parts = body.split(`--${boundary}`);
    expect(parts).toHaveLength(4); // preamble, text, html, closing "--"
    expect(parts[3]).toBe('--\r\n');
    const [textHead, ...textBody] = parts[1].replace(/^\r\n/, '').split('\r\n\r\n');
    expect(textHead).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(textHead).toContain('Content-Transfer-Encoding: quoted-printable');
    expect(decodeQuotedPrintable(textBody.join('\r\n\r\n').replace(/\r\n$/, ''))).toBe(
      mail.body.replace(/\n/g, '\r\n'),
    );
    const [htmlHead, ...htmlBody] = parts[2].replace(/^\r\n/, '').split('\r\n\r\n');
    expect(htmlHead).toContain('Content-Type: text/html; charset=UTF-8');
    expect(decodeQuotedPrintable(htmlBody.join('\r\n\r\n').replace(/\r\n$/, ''))).toBe(mail.htmlBody);
    // Every line of the message is CRLF-terminated and within the RFC 5322 limit.
    expect(eml.endsWith('\r\n')).toBe(true);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
  });

  it('makes a single text/plain message when there is no HTML', () => {
    const eml = toEml({ ...mail, htmlBody: '', name: 'Zoë Exams' });
    expect(eml).not.toContain('multipart');
    expect(eml).toMatch(/^Content-Type: text\/plain; charset=UTF-8$/m);
    expect(eml).toMatch(/^From: =\?UTF-8\?B\?[^?]+\?= <exams\.officer@demo\.invalid>$/m);
  });
});

describe('Store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'prt-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the workbook atomically and leaves no temporary file', () => {
    const store = new Store(dir);
    store.saveWorkbook({ a: 1 });
    store.saveWorkbook({ a: 2 });
    expect(store.loadWorkbook()).toEqual({ a: 2 });
    expect(readdirSync(dir)).toEqual(['workbook.json']);
  });

  it('names the file and the way out when the saved workbook is not JSON', () => {
    writeFileAtomic(join(dir, 'workbook.json'), '{"version":1,');
    expect(() => new Store(dir).loadWorkbook()).toThrow(/workbook\.json is not valid JSON .*--reset/);
  });

  it('writes .eml files with safe names, and reads back only those', () => {
    const store = new Store(dir);
    const name = store.writeEml(mail, 7);
    expect(name).toMatch(/^0007-20250821083000-r-sultat-review-of-marking-siobh-n\.eml$/);
    expect(store.readEml(name)).toContain('Subject: =?UTF-8?B?');
    expect(store.readEml('../workbook.json')).toBeUndefined();
    expect(store.readEml('..%2Fworkbook.eml')).toBeUndefined();
    // The name is a function of the message, so the server can list files it wrote in an earlier run.
    expect(emlName(mail, 7)).toBe(name);
    expect(emlName({ subject: '!!!', sentAt: mail.sentAt }, 12)).toBe('0012-20250821083000.eml');
  });

  it('reset removes only its own files', () => {
    const store = new Store(dir);
    store.saveWorkbook({});
    const eml = store.writeEml(mail, 1);
    writeFileAtomic(join(dir, 'notes.txt'), 'mine');
    store.reset();
    expect(existsSync(join(dir, 'workbook.json'))).toBe(false);
    expect(existsSync(join(dir, 'outbox', eml))).toBe(false);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(store.loadWorkbook()).toBeUndefined();
  });
});
