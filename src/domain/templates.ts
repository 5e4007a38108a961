/**
 * Email templates: the officer writes plain text with light formatting and
 * `{{placeholders}}`; this turns it into a subject, a plain-text body and an
 * HTML body.
 *
 * The template is parsed BEFORE any value goes in, so a value is only ever
 * data: a `{{subject}}`, `**`, `- ` or `<script>` typed into a form arrives as
 * those characters and is never expanded, formatted or run. Values are
 * HTML-escaped in the HTML body, and a `{{` or `}}` inside a value is written
 * `{ {` / `} }`, so no message can ever leave with a placeholder-looking `{{`.
 *
 * A template that names a placeholder the add-on does not know, or that has
 * no (or an empty) value for one it uses, does not render at all: the errors
 * say which, so nothing goes out with a gap or an empty name in it.
 *
 * Formatting the officer can use in a body:
 *   - a blank line starts a new paragraph; a single line break is kept;
 *   - lines starting with "- " are a bulleted list;
 *   - **two asterisks** either side make bold.
 * A placeholder that is a paragraph of its own (like `{{servicesTable}}` or
 * `{{digest}}`, with a blank line above and below) may hold several lines:
 * its "- " lines become bullets and a line just above them a bold heading;
 * a web address there becomes a link.
 */

/** Every placeholder a template may use, with what it holds (README lists the same). */
export const PLACEHOLDERS = [
  { name: 'forename', about: "the candidate's forename" },
  { name: 'surname', about: "the candidate's surname" },
  { name: 'candidateName', about: 'forename and surname' },
  { name: 'candidateNumber', about: 'the 4-digit candidate number' },
  { name: 'subject', about: 'the subject, like Chemistry' },
  { name: 'component', about: 'the paper, like 7405/1 (or "whole qualification")' },
  { name: 'board', about: 'the exam board, like AQA' },
  { name: 'qualification', about: 'like GCSE or GCE A level' },
  { name: 'series', about: 'like June 2026' },
  { name: 'service', about: 'the service by name, like Review of marking' },
  { name: 'fee', about: 'like £48.65, or Free' },
  { name: 'deadline', about: "the board's deadline for the service, like Thursday 24 September 2026" },
  { name: 'requestId', about: 'the request reference, like R-2026-0042' },
  { name: 'received', about: 'the day the request was received' },
  { name: 'originalMark', about: 'the mark before the review' },
  { name: 'newMark', about: 'the mark after the review' },
  { name: 'originalGrade', about: 'the grade before the review' },
  { name: 'newGrade', about: 'the grade after the review' },
  {
    name: 'appealDeadline',
    about:
      "the last day to ask for the next stage (an appeal, then a hearing), worked out from the outcome; a weekend or bank holiday also gives the school's last working day before it",
  },
  {
    name: 'reviewDeadline',
    about: "after a clerical re-check: the board's last day for a review of marking of the paper",
  },
  { name: 'eprsDeadline', about: "after an appeal hearing: the last day to apply to Ofqual's EPRS" },
  { name: 'eprsWindowDays', about: "Settings: EPRS window days (Ofqual's 21)" },
  {
    name: 'previousResult',
    about: 'a missing or incomplete result: what the results showed before (like "C with a # beside it")',
  },
  { name: 'scriptLink', about: 'the link to the copy of the script' },
  { name: 'scriptRecipient', about: 'the email address the script goes to (candidate or teacher)' },
  { name: 'teacherEmail', about: 'the email of the teacher who asked' },
  { name: 'centreName', about: 'Settings: Centre name' },
  { name: 'centreAddress', about: 'Settings: Centre address' },
  { name: 'officerName', about: 'Settings: Exams officer name' },
  { name: 'officerEmail', about: 'Settings: Exams officer email' },
  { name: 'sltContact', about: 'Settings: SLT contact on results day' },
  { name: 'enquiriesContact', about: 'Settings: Enquiries contact' },
  { name: 'servicesTable', about: 'each board with its services, fees and deadlines (from Services)' },
  { name: 'today', about: 'the day the message is sent' },
  { name: 'digest', about: "the daily check's list of things to do (officer's digest only)" },
  { name: 'rejectionReason', about: 'an online application turned down: the reason the officer gave' },
] as const;

export type PlaceholderName = (typeof PLACEHOLDERS)[number]['name'];
export const PLACEHOLDER_NAMES: readonly PlaceholderName[] = PLACEHOLDERS.map((p) => p.name);

const CANONICAL = new Map<string, PlaceholderName>(PLACEHOLDER_NAMES.map((n) => [n.toLowerCase(), n]));

export interface TemplateText {
  name: string;
  subject: string;
  body: string;
}

export interface RenderedEmail {
  subject: string;
  /** The plain-text body (also the copy kept in Correspondence). */
  text: string;
  /** The HTML body as sent: `bodyHtml` in a styled wrapper. */
  html: string;
  /** The body's HTML alone, for a letter or a preview. */
  bodyHtml: string;
}

export type RenderResult =
  { ok: true; email: RenderedEmail } | { ok: false; errors: string[]; unknown: string[]; missing: string[] };

// ---- Parsing the template (values are not looked at here) ----

type Inline = { kind: 'text'; text: string } | { kind: 'value'; name: PlaceholderName };
interface Span {
  bold: boolean;
  parts: Inline[];
}
type Line = Span[];
/** `tight`: no blank line above it in the template, so the plain text keeps it that way. */
type Block = { tight: boolean } & (
  { kind: 'paragraph'; lines: Line[] } | { kind: 'list'; items: Line[] } | { kind: 'value'; name: PlaceholderName }
);

interface Parsed<T> {
  result: T;
  unknown: string[];
  stray: boolean;
}

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const ALONE = /^\s*\{\{\s*([^{}]*?)\s*\}\}\s*$/;
const BULLET = /^\s*[-•]\s+/;

function parseParts(text: string, unknown: Set<string>, onStray: () => void): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  const pushText = (t: string) => {
    if (t === '') return;
    if (t.includes('{{') || t.includes('}}')) onStray();
    parts.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(TOKEN)) {
    pushText(text.slice(last, m.index));
    const name = CANONICAL.get(m[1].trim().toLowerCase());
    if (name === undefined) unknown.add(m[1].trim());
    else parts.push({ kind: 'value', name });
    last = (m.index ?? 0) + m[0].length;
  }
  pushText(text.slice(last));
  return parts;
}

/** A line's `**bold**` spans; an unpaired `**` is kept as typed. */
function parseLine(line: string, unknown: Set<string>, onStray: () => void): Line {
  const pieces = line.split('**');
  if (pieces.length % 2 === 0) {
    const tail = pieces.pop() as string;
    pieces[pieces.length - 1] += `**${tail}`;
  }
  return pieces
    .map((piece, i) => ({ bold: i % 2 === 1, parts: parseParts(piece, unknown, onStray) }))
    .filter((s) => s.parts.length > 0);
}

function parseBody(body: string): Parsed<Block[]> {
  const unknown = new Set<string>();
  let stray = false;
  const onStray = () => {
    stray = true;
  };
  const blocks: Block[] = [];
  let current: Block | null = null;
  let afterBlank = true;
  const close = () => {
    if (current !== null) blocks.push(current);
    current = null;
  };
  const all = normalise(body).split('\n');
  all.forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      close();
      afterBlank = true;
      return;
    }
    const tight = !afterBlank;
    const wasAfterBlank = afterBlank;
    afterBlank = false;
    // A placeholder that is a paragraph of its own may hold several lines; on a line of a paragraph it is inline.
    const ownParagraph = wasAfterBlank && (i + 1 >= all.length || all[i + 1].trim() === '');
    const alone = ownParagraph ? ALONE.exec(line) : null;
    const aloneName = alone ? CANONICAL.get(alone[1].trim().toLowerCase()) : undefined;
    if (alone && aloneName !== undefined) {
      close();
      blocks.push({ kind: 'value', name: aloneName, tight });
      return;
    }
    if (BULLET.test(line)) {
      const item = parseLine(line.replace(BULLET, ''), unknown, onStray);
      if (current === null || current.kind !== 'list') {
        close();
        current = { kind: 'list', items: [], tight };
      }
      current.items.push(item);
    } else {
      const parsed = parseLine(line.trim(), unknown, onStray);
      if (current === null || current.kind !== 'paragraph') {
        close();
        current = { kind: 'paragraph', lines: [], tight };
      }
      current.lines.push(parsed);
    }
  });
  close();
  return { result: blocks, unknown: [...unknown], stray };
}

function parseSubject(subject: string): Parsed<Inline[]> {
  const unknown = new Set<string>();
  let stray = false;
  const parts = parseParts(
    normalise(subject)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
    unknown,
    () => {
      stray = true;
    },
  );
  return { result: parts, unknown: [...unknown], stray };
}

function usedIn(blocks: Block[], subject: Inline[]): Set<PlaceholderName> {
  const used = new Set<PlaceholderName>();
  const fromParts = (parts: Inline[]) => parts.forEach((p) => p.kind === 'value' && used.add(p.name));
  const fromLine = (line: Line) => line.forEach((s) => fromParts(s.parts));
  fromParts(subject);
  for (const b of blocks) {
    if (b.kind === 'value') used.add(b.name);
    else if (b.kind === 'paragraph') b.lines.forEach(fromLine);
    else b.items.forEach(fromLine);
  }
  return used;
}

// ---- Values ----

function normalise(s: string): string {
  return String(s ?? '').replace(/\r\n?/g, '\n');
}

/**
 * A value as data: line breaks normalised, control characters dropped, and
 * braces split so that nothing in a value can read as a placeholder.
 */
export function inertValue(v: unknown): string {
  return (
    normalise(v === null || v === undefined ? '' : String(v))
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\{(?=\{)/g, '{ ')
      .replace(/\}(?=\})/g, '} ')
  );
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || String(v).trim() === '';
}

/** The placeholders a template uses, by canonical name, and the ones it names that do not exist. */
export function templatePlaceholders(template: TemplateText): {
  used: PlaceholderName[];
  unknown: string[];
  stray: boolean;
} {
  const body = parseBody(template.body);
  const subject = parseSubject(template.subject);
  return {
    used: [...usedIn(body.result, subject.result)],
    unknown: [...new Set([...subject.unknown, ...body.unknown])],
    stray: body.stray || subject.stray,
  };
}

/** What is wrong with a template whatever the values: unknown placeholders, stray braces, no subject or body. */
export function templateProblems(template: TemplateText): string[] {
  const { unknown, stray } = templatePlaceholders(template);
  const problems: string[] = [];
  const where = `The "${template.name}" template`;
  if (String(template.subject ?? '').trim() === '') problems.push(`${where} has no subject.`);
  if (String(template.body ?? '').trim() === '') problems.push(`${where} has no body.`);
  if (unknown.length > 0) {
    problems.push(
      `${where} uses ${unknown.map((u) => `{{${u}}}`).join(', ')}, which the add-on does not know. ` +
        `Check the spelling against the list in the README (for example {{forename}}, {{deadline}}).`,
    );
  }
  if (stray) {
    problems.push(`${where} has a "{{" or "}}" that is not part of a placeholder like {{forename}}.`);
  }
  return problems;
}

// ---- Rendering ----

/*
 * A service's name reads as prose where it falls: "Review of marking" at the
 * start of a sentence or after a colon, "your Physics review of marking" in
 * the middle of one. Only the first letter changes (the names hold no proper
 * nouns).
 */
const SENTENCE_CASED: ReadonlySet<PlaceholderName> = new Set<PlaceholderName>(['service']);

function valueAt(name: PlaceholderName, raw: string, before: string): string {
  if (!SENTENCE_CASED.has(name) || raw === '') return raw;
  const starts = /(^|[.!?:]|\n)\s*$/.test(before);
  return (starts ? raw[0].toUpperCase() : raw[0].toLowerCase()) + raw.slice(1);
}

function partValues(parts: Inline[], values: Record<string, string>): string[] {
  let before = '';
  return parts.map((p) => {
    const v = p.kind === 'text' ? p.text : valueAt(p.name, inertValue(values[p.name]).trim(), before);
    before += v;
    return v;
  });
}

function partsText(parts: Inline[], values: Record<string, string>, oneLine: boolean): string {
  const texts = partValues(parts, values);
  return parts.map((p, i) => (p.kind === 'text' || !oneLine ? texts[i] : texts[i].replace(/\s*\n\s*/g, ' '))).join('');
}

function partsHtml(parts: Inline[], values: Record<string, string>): string {
  const texts = partValues(parts, values);
  return parts
    .map((p, i) => (p.kind === 'text' ? escapeHtml(texts[i]) : escapeHtml(texts[i]).replace(/\n/g, '<br>')))
    .join('');
}

function lineText(line: Line, values: Record<string, string>): string {
  return line.map((s) => partsText(s.parts, values, false)).join('');
}

function lineHtml(line: Line, values: Record<string, string>): string {
  return line
    .map((s) => (s.bold ? `<strong>${partsHtml(s.parts, values)}</strong>` : partsHtml(s.parts, values)))
    .join('');
}

/**
 * A multi-line value as HTML: "- " lines become a list, a line directly
 * above a list its bold heading, other lines paragraphs. Everything escaped.
 */
export function valueBlockHtml(value: string): string {
  const lines = inertValue(value).split('\n');
  const out: string[] = [];
  let para: string[] = [];
  let items: string[] = [];
  const flushPara = (heading: boolean) => {
    if (para.length === 0) return;
    const inner = para.map(escapeHtml).join('<br>');
    out.push(heading ? `<p><strong>${inner}</strong></p>` : `<p>${inner}</p>`);
    para = [];
  };
  const flushList = () => {
    if (items.length === 0) return;
    out.push(`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
    items = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      flushPara(false);
      flushList();
    } else if (BULLET.test(line)) {
      flushPara(true);
      items.push(line.replace(BULLET, ''));
    } else {
      flushList();
      para.push(line);
    }
  }
  flushPara(false);
  flushList();
  return out.join('\n');
}

/** A value that is one web address, on a line of its own, becomes a link (http and https only). */
function linkHtml(value: string): string | null {
  const url = inertValue(value).trim();
  if (!/^https?:\/\/[^\s<>"']+$/i.test(url)) return null;
  return `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;
}

function blocksText(blocks: Block[], values: Record<string, string>): string {
  return blocks
    .map((b, i) => {
      const gap = i === 0 ? '' : b.tight ? '\n' : '\n\n';
      if (b.kind === 'value')
        return (
          gap +
          inertValue(values[b.name])
            .replace(/[ \t]+$/gm, '')
            .trim()
        );
      if (b.kind === 'paragraph') return gap + b.lines.map((l) => lineText(l, values)).join('\n');
      return gap + b.items.map((item) => `- ${lineText(item, values)}`).join('\n');
    })
    .join('');
}

function blocksHtml(blocks: Block[], values: Record<string, string>): string {
  return blocks
    .map((b) => {
      if (b.kind === 'value') return linkHtml(values[b.name]) ?? valueBlockHtml(values[b.name]);
      if (b.kind === 'paragraph') return `<p>${b.lines.map((l) => lineHtml(l, values)).join('<br>')}</p>`;
      return `<ul>${b.items.map((i) => `<li>${lineHtml(i, values)}</li>`).join('')}</ul>`;
    })
    .join('\n');
}

const EMAIL_STYLE = 'font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #202124;';

/**
 * Renders a template with `values` (keyed by placeholder name). Refuses, with
 * every reason, when the template is faulty or a value it uses is missing or
 * empty; extra values are ignored.
 */
export function renderTemplate(template: TemplateText, values: Readonly<Record<string, string>>): RenderResult {
  const body = parseBody(template.body);
  const subject = parseSubject(template.subject);
  const used = usedIn(body.result, subject.result);
  const unknown = [...new Set([...subject.unknown, ...body.unknown])];
  const missing = PLACEHOLDER_NAMES.filter((n) => used.has(n) && isMissing(values[n]));
  const errors = templateProblems(template);
  if (missing.length > 0) {
    errors.push(
      `The "${template.name}" email needs ${missing.map((m) => `{{${m}}}`).join(', ')}, but ` +
        `${missing.length === 1 ? 'it is' : 'they are'} empty here, so it was not sent.`,
    );
  }
  if (errors.length > 0) return { ok: false, errors, unknown, missing };

  const plain: Record<string, string> = {};
  for (const n of used) plain[n] = String(values[n]);
  const email: RenderedEmail = {
    subject: partsText(subject.result, plain, true).replace(/\s+/g, ' ').trim(),
    text: blocksText(body.result, plain),
    bodyHtml: blocksHtml(body.result, plain),
    html: '',
  };
  email.html = `<div style="${EMAIL_STYLE}">\n${email.bodyHtml}\n</div>`;
  // Belt and braces: parsing first makes this impossible, and it must stay so.
  const leaked = [email.subject, email.text, email.html].some((s) => s.includes('{{') || s.includes('}}'));
  if (leaked || email.subject === '') {
    return {
      ok: false,
      errors: [`The "${template.name}" email did not render cleanly, so it was not sent.`],
      unknown,
      missing,
    };
  }
  return { ok: true, email };
}

// ---- The services table, kept where templates have always found it ----

export { CANDIDATE_SERVICES, servicesTable } from './familyServices';
