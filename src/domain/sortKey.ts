/**
 * Alphabetical order of the logs, as the paper application forms are filed:
 * surname, then forename.
 *
 * Filing rules (a person filing by hand would do the same):
 * - Case and accents are ignored: Émile files as Emile, Ørsted as Orsted,
 *   Weiß as Weiss, Æsir as Aesir, Łukasz as Lukasz.
 * - Apostrophes are ignored: O'Brien files exactly where OBrien would.
 * - Hyphens, spaces and other punctuation are a word break, and a word break
 *   comes before any letter ("nothing before something", word-by-word filing):
 *   Smith, then Smith-Jones, then Smithson. So "De La Cruz" files among the
 *   "De ..." names, before Dean and before Delacruz; it is not run together.
 * - Mc and Mac are filed as spelled (McDonald after Macdonald, among the M-c
 *   names): no special case, so anyone filing by the letters alone finds the
 *   form where the log says it is, without knowing a rule.
 * - Every surname sorts before a longer surname that begins with it, whatever
 *   the forenames (Smith, Zoe before Smith-Jones, Amy).
 * - Names that file alike (O'Brien and OBrien, Smith and SMITH) are ordered by
 *   their exact text, so sorting is total and the same on every run.
 */

/** Letters that NFD does not split into a base letter plus accent. */
const FOLD: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
};
const FOLD_PATTERN = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
const APOSTROPHES = /['\u2018\u2019\u02bc\u0060\u00b4]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** Between surname and forename: sorts before the word break, so a surname ends before a longer one starts. */
const NAME_SEPARATOR = '\u0001';
const WORD_BREAK = ' ';

/** One name (a surname or a forename) as it files. */
export function foldName(name: string): string {
  return String(name ?? '')
    .replace(FOLD_PATTERN, (c) => FOLD[c])
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, WORD_BREAK)
    .trim();
}

/** A string that orders rows by surname then forename when compared as plain text. */
export function sortKey(surname: string, forename: string): string {
  return `${foldName(surname)}${NAME_SEPARATOR}${foldName(forename)}`;
}

export interface Named {
  surname: string;
  forename: string;
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** For Array.prototype.sort: filing order, then exact text so that no two different names tie. */
export function compareNames(a: Named, b: Named): number {
  return (
    codeUnitOrder(sortKey(a.surname, a.forename), sortKey(b.surname, b.forename)) ||
    codeUnitOrder(String(a.surname ?? ''), String(b.surname ?? '')) ||
    codeUnitOrder(String(a.forename ?? ''), String(b.forename ?? ''))
  );
}
