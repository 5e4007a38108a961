/**
 * What getDisplayValues shows: a cell's value rendered through its Sheets
 * number format. Covers the formats an add-on sets (dates, money, integers,
 * percentages, plain text); exotic formats fall back to General.
 */
import { MONTHS, WEEKDAYS, fromSerial, pad, startOfDay, toSerial, wallTime } from './dates';
import { isDateValue } from './values';

/** What getNumberFormat reports for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

export function isGeneral(format: string | undefined): boolean {
  return format === undefined || format === '' || format === DEFAULT_NUMBER_FORMAT || /^general$/i.test(format);
}

/** Removes quoted text, escapes and [..] tags, so letters left are format codes. */
function codesOnly(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string | undefined): boolean {
  if (isGeneral(format) || format === '@') return false;
  return /[dmyhs]/i.test(codesOnly((format as string).split(';')[0]).replace(/am\/pm|a\/p/gi, 'h'));
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '#NUM!' : '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const rounded = Number(n.toPrecision(10));
  const s = String(rounded);
  return s.includes('e') ? rounded.toExponential(5).replace('e', 'E') : s;
}

/** Literal text of a number format fragment: quotes and escapes resolved, [$£-809] to £. */
function literal(fragment: string): string {
  return fragment
    .replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/_./g, ' ')
    .replace(/\*./g, '');
}

function formatNumberSection(n: number, section: string): string {
  const codes = section.replace(/"[^"]*"/g, (m) => '\u0000'.repeat(m.length)).replace(/\\./g, '\u0000\u0000');
  const first = codes.search(/[0#?]/);
  if (first < 0) return literal(section);
  let last = first;
  for (let i = first; i < codes.length; i++) if (/[0#?.,]/.test(codes[i])) last = i;
  const prefix = literal(section.slice(0, first));
  const suffix = literal(section.slice(last + 1));
  const body = section.slice(first, last + 1);
  const percent = /%/.test(codes.replace(/[0#?.,]/g, ''));
  const [intPattern, decPattern = ''] = body.split('.');
  const maxDecimals = (decPattern.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPattern.match(/0/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const grouped = intPattern.includes(',');
  const value = Math.abs(percent ? n * 100 : n);
  let [intDigits, decDigits = ''] = value.toFixed(maxDecimals).split('.');
  while (decDigits.length > minDecimals && decDigits.endsWith('0')) decDigits = decDigits.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouped) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = decDigits
    ? `${intDigits}.${decDigits}`
    : body.includes('.') && maxDecimals === 0
      ? `${intDigits}.`
      : intDigits;
  return `${prefix}${digits}${suffix}`;
}

function formatNumber(n: number, format: string): string {
  const sections = splitSections(format);
  if (n < 0 && sections.length > 1 && sections[1] !== '') return formatNumberSection(-n, sections[1]);
  if (n === 0 && sections.length > 2 && sections[2] !== '') return formatNumberSection(0, sections[2]);
  const text = formatNumberSection(n, sections[0]);
  const showsNonZero = /[1-9]/.test(text);
  return n < 0 && showsNonZero ? `-${text}` : text;
}

type DateToken = { code: string } | { text: string };

function tokenizeDateFormat(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < format.length) {
    const rest = format.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      tokens.push({ code: ampm[0] });
      i += ampm[0].length;
    } else if (format[i] === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      tokens.push({ text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (format[i] === '\\') {
      tokens.push({ text: format[i + 1] ?? '' });
      i += 2;
    } else if (format[i] === '[') {
      const end = format.indexOf(']', i);
      i = end < 0 ? format.length : end + 1;
    } else if (/[dmyhs]/i.test(format[i])) {
      const ch = format[i].toLowerCase();
      let count = 1;
      while (format[i + count]?.toLowerCase() === ch) count++;
      tokens.push({ code: ch.repeat(count) });
      i += count;
    } else {
      tokens.push({ text: format[i] });
      i++;
    }
  }
  return tokens;
}

function formatDate(ms: number, format: string, tz: string): string {
  const w = wallTime(ms, tz);
  const tokens = tokenizeDateFormat(splitSections(format)[0]);
  const codeAt = (i: number, step: number): string | undefined => {
    for (let j = i + step; j >= 0 && j < tokens.length; j += step) {
      const t = tokens[j];
      if ('code' in t) return t.code;
    }
    return undefined;
  };
  const twelveHour = tokens.some((t) => 'code' in t && t.code.includes('/'));
  return tokens
    .map((t, i) => {
      if ('text' in t) return t.text;
      const c = t.code;
      if (c.includes('/')) {
        const upper = c[0] === c[0].toUpperCase();
        const word = c.length > 3 ? (w.hour < 12 ? 'am' : 'pm') : w.hour < 12 ? 'a' : 'p';
        return upper ? word.toUpperCase() : word;
      }
      const n = c.length;
      switch (c[0]) {
        case 'y':
          return n <= 2 ? pad(w.year % 100, 2) : String(w.year);
        case 'd':
          return n === 1
            ? String(w.day)
            : n === 2
              ? pad(w.day, 2)
              : n === 3
                ? WEEKDAYS[w.weekday].slice(0, 3)
                : WEEKDAYS[w.weekday];
        case 'h': {
          const h = twelveHour ? w.hour % 12 || 12 : w.hour;
          return n === 1 ? String(h) : pad(h, 2);
        }
        case 's':
          return n === 1 ? String(w.second) : pad(w.second, 2);
        case 'm': {
          const prev = codeAt(i, -1);
          const next = codeAt(i, 1);
          const minutes = n <= 2 && (prev?.[0] === 'h' || next?.[0] === 's');
          if (minutes) return n === 1 ? String(w.minute) : pad(w.minute, 2);
          if (n === 1) return String(w.month + 1);
          if (n === 2) return pad(w.month + 1, 2);
          if (n === 3) return MONTHS[w.month].slice(0, 3);
          if (n === 5) return MONTHS[w.month][0];
          return MONTHS[w.month];
        }
      }
      return '';
    })
    .join('');
}

/** The text Sheets shows for a value under a number format. */
export function displayText(value: unknown, format: string | undefined, tz: string): string {
  if (value === '' || value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDateValue(value)) {
    const ms = value.getTime();
    if (isDateFormat(format)) return formatDate(ms, format as string, tz);
    if (isGeneral(format) || format === '@') {
      // A Date written into an unformatted cell shows the locale's date (and time, if any).
      return formatDate(ms, startOfDay(ms, tz) === ms ? 'dd/mm/yyyy' : 'dd/mm/yyyy hh:mm:ss', tz);
    }
    return formatNumber(toSerial(ms, tz), format as string);
  }
  if (typeof value === 'number') {
    if (isGeneral(format) || format === '@') return generalNumber(value);
    if (isDateFormat(format)) return formatDate(fromSerial(value, tz), format as string, tz);
    return formatNumber(value, format as string);
  }
  return String(value);
}
