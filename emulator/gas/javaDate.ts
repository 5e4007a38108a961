/**
 * Java SimpleDateFormat, as Utilities.formatDate and Utilities.parseDate use it.
 * Parsing is lenient like Java's default: "2026-02-30" rolls into March, and
 * text after the pattern is ignored, because that is what Apps Script does.
 */
import {
  DAY_MS,
  MONTHS,
  RealDate,
  WEEKDAYS,
  isValidTimeZone,
  offsetAt,
  offsetText,
  pad,
  wallTime,
  wallToInstant,
  zoneName,
} from './dates';

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

const LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';

export function tokenizeJava(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ kind: 'literal', text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else {
          text += pattern[i++];
        }
      }
      tokens.push({ kind: 'literal', text });
    } else if (/[A-Za-z]/.test(ch)) {
      if (!LETTERS.includes(ch)) throw new Error(`Illegal pattern character '${ch}'`);
      let count = 1;
      while (pattern[i + count] === ch) count++;
      tokens.push({ kind: 'field', letter: ch, count });
      i += count;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i++;
    }
  }
  return tokens;
}

/** ISO 8601 week (en_GB: weeks start Monday, week 1 holds 4 January). */
function isoWeek(year: number, month: number, day: number): { week: number; year: number } {
  const date = RealDate.UTC(year, month, day);
  const mondayIndex = (new RealDate(date).getUTCDay() + 6) % 7;
  const thursday = date + (3 - mondayIndex) * DAY_MS;
  const weekYear = new RealDate(thursday).getUTCFullYear();
  return { week: 1 + Math.floor((thursday - RealDate.UTC(weekYear, 0, 1)) / (7 * DAY_MS)), year: weekYear };
}

export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  // Java falls back to GMT for a zone it does not know, silently.
  const tz = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const w = wallTime(ms, tz);
  const offset = offsetAt(ms, tz);
  let out = '';
  for (const t of tokenizeJava(pattern)) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'Y': {
        const wy = isoWeek(w.year, w.month, w.day).year;
        out += n === 2 ? pad(wy % 100, 2) : pad(wy, n);
        break;
      }
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month] : n === 3 ? MONTHS[w.month].slice(0, 3) : pad(w.month + 1, n);
        break;
      case 'w':
        out += pad(isoWeek(w.year, w.month, w.day).week, n);
        break;
      case 'W': {
        const firstMonday = (new RealDate(RealDate.UTC(w.year, w.month, 1)).getUTCDay() + 6) % 7;
        out += pad(Math.floor((w.day - 1 + firstMonday) / 7) + (firstMonday <= 3 ? 1 : 0), n);
        break;
      }
      case 'D':
        out += pad(Math.round((RealDate.UTC(w.year, w.month, w.day) - RealDate.UTC(w.year, 0, 1)) / DAY_MS) + 1, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'F':
        out += pad(Math.floor((w.day - 1) / 7) + 1, n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS[w.weekday] : WEEKDAYS[w.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.ms, n);
        break;
      case 'z':
        out += zoneName(ms, tz, n >= 4 ? 'long' : 'short');
        break;
      case 'Z':
        out += offsetText(offset);
        break;
      case 'X':
        out += offset === 0 ? 'Z' : n === 1 ? offsetText(offset).slice(0, 3) : offsetText(offset, n >= 3);
        break;
    }
  }
  return out;
}

function unparseable(text: string): Error {
  return new Error(`Unparseable date: "${text}"`);
}

const NUMERIC = 'yYwWDdFuHkKhmsS';

/** Month is a number when written M or MM, a name when MMM or longer. */
function isNumericField(t: Token): boolean {
  if (t.kind !== 'field') return false;
  return NUMERIC.includes(t.letter) || ((t.letter === 'M' || t.letter === 'L') && t.count <= 2);
}

function matchName(text: string, at: number, names: string[]): { index: number; length: number } | null {
  const rest = text.slice(at).toLowerCase();
  let best: { index: number; length: number } | null = null;
  names.forEach((name, index) => {
    for (const candidate of [name, name.slice(0, 3)]) {
      if (rest.startsWith(candidate.toLowerCase()) && (!best || candidate.length > best.length)) {
        best = { index, length: candidate.length };
      }
    }
  });
  return best;
}

/** Returns the instant in ms; throws `Unparseable date: "..."` like Java. */
export function parseJavaDate(text: string, timeZone: string, pattern: string, nowMs: number): number {
  const tz = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const tokens = tokenizeJava(pattern);
  const f = { year: 1970, month: 0, day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  let pm: boolean | null = null;
  let hour12 = false;
  let explicitOffset: number | null = null;
  let pos = 0;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti];
    if (t.kind === 'literal') {
      if (text.startsWith(t.text, pos)) pos += t.text.length;
      else throw unparseable(text);
      continue;
    }
    const next = tokens[ti + 1];
    const abutting = next !== undefined && isNumericField(next);
    const numericField = isNumericField(t);
    if (numericField) {
      const m = /^[+-]?\d+/.exec(text.slice(pos));
      if (!m) throw unparseable(text);
      let digits = m[0];
      if (abutting && digits.replace(/^[+-]/, '').length > t.count) digits = digits.slice(0, t.count);
      pos += digits.length;
      const v = Number(digits);
      switch (t.letter) {
        case 'y':
        case 'Y':
          if (t.count <= 2 && /^\d{2}$/.test(digits)) {
            // Java's two-digit year window: within 80 years before and 20 after now.
            const nowYear = new RealDate(nowMs).getUTCFullYear();
            let y = Math.floor((nowYear - 80) / 100) * 100 + v;
            if (y < nowYear - 80) y += 100;
            f.year = y;
          } else f.year = v;
          break;
        case 'M':
        case 'L':
          f.month = v - 1;
          break;
        case 'd':
          f.day = v;
          break;
        case 'D':
          f.month = 0;
          f.day = v;
          break;
        case 'H':
          f.hour = v;
          break;
        case 'k':
          f.hour = v === 24 ? 0 : v;
          break;
        case 'h':
        case 'K':
          f.hour = v % 12;
          hour12 = true;
          break;
        case 'm':
          f.minute = v;
          break;
        case 's':
          f.second = v;
          break;
        case 'S':
          f.ms = v;
          break;
      }
      continue;
    }
    switch (t.letter) {
      case 'M':
      case 'L': {
        const hit = matchName(text, pos, MONTHS);
        if (!hit) throw unparseable(text);
        f.month = hit.index;
        pos += hit.length;
        break;
      }
      case 'E': {
        const hit = matchName(text, pos, WEEKDAYS);
        if (!hit) throw unparseable(text);
        pos += hit.length;
        break;
      }
      case 'a': {
        const s = text.slice(pos, pos + 2).toUpperCase();
        if (s !== 'AM' && s !== 'PM') throw unparseable(text);
        pm = s === 'PM';
        pos += 2;
        break;
      }
      case 'G': {
        const s = text.slice(pos, pos + 2).toUpperCase();
        if (s !== 'AD' && s !== 'BC') throw unparseable(text);
        pos += 2;
        break;
      }
      case 'z':
      case 'Z':
      case 'X': {
        const rest = text.slice(pos);
        const m = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?/.exec(rest);
        if (m) {
          explicitOffset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
          pos += m[0].length;
        } else if (/^(Z|GMT|UTC)/.test(rest)) {
          explicitOffset = 0;
          pos += rest[0] === 'Z' ? 1 : 3;
        } else if (/^(BST)/.test(rest)) {
          explicitOffset = 3_600_000;
          pos += 3;
        } else throw unparseable(text);
        break;
      }
    }
  }
  if (hour12 && pm) f.hour += 12;
  if (explicitOffset !== null) {
    return RealDate.UTC(f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms) - explicitOffset;
  }
  return wallToInstant(f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms, tz);
}
