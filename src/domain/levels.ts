/**
 * Qualification levels, as the boards price and date their services: AQA
 * charges £42.00 for a GCSE review of marking and £48.65 for A level, a
 * priority review exists only for AS/A level and Level 3, and GCSE results
 * come out a week after A level (domain.md §1, §2, §3, §8).
 *
 * A level is worked out from the qualification the officer typed ('GCSE',
 * 'GCE A level', 'BTEC National'); a qualification the add-on cannot place has
 * no level, and a rule that depends on the level then asks for it rather than
 * guess.
 */
import { QUALIFICATION_LEVELS, type QualificationLevel } from './types';

export const LEVEL_NAMES: Readonly<Record<QualificationLevel, string>> = {
  gcse: 'GCSE',
  'a-level': 'AS/A level',
  'l12-vocational': 'Level 1/2 vocational',
  'l3-vocational': 'Level 3 vocational',
  other: 'Other',
};

/** Lower case, every run of punctuation or space one space, padded: 'A-Level' and 'a level' read alike. */
export function words(s: string): string {
  return ` ${String(s ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9*]+/g, ' ')
    .trim()} `;
}

/*
 * Tested in this order, so that "Cambridge Nationals" (Level 1/2) is never
 * read as "Cambridge Advanced Nationals" (Level 3), and a GCSE is never read
 * as A level because its name also holds "level".
 */
const PATTERNS: ReadonlyArray<readonly [QualificationLevel, readonly RegExp[]]> = [
  ['gcse', [/ gcses? /, / igcses? /]],
  [
    'other',
    [
      / entry level /,
      / elc /,
      / fsmq /,
      / (higher|foundation) project /,
      / extended project /,
      / epq /,
      / core maths? /,
    ],
  ],
  [
    'l12-vocational',
    [
      / cambridge nationals? /,
      / btec firsts? /,
      / (btec )?tech awards? /,
      / vocational awards? /,
      / level 1 ?2 /,
      / l1 ?2 /,
      / level [12] /,
      / l[12] /,
    ],
  ],
  [
    'l3-vocational',
    [
      / cambridge technicals? /,
      / cambridge advanced nationals? /,
      / btec nationals? /,
      / applied generals? /,
      / t ?levels? /,
      / level 3 /,
      / l3 /,
    ],
  ],
  ['a-level', [/ gce /, / a ?levels? /, / as ?levels? /, / as /, / a2 /]],
];

/** The level of a typed qualification; null when it is blank or not one the add-on can place. */
export function levelOf(qualification: string): QualificationLevel | null {
  const text = words(qualification);
  if (text.trim() === '') return null;
  for (const [level, res] of PATTERNS) {
    if (res.some((re) => re.test(text))) return level;
  }
  return null;
}

/*
 * What the officer may type in the Services sheet's Level column. The
 * qualification names are accepted too ('A level', 'BTEC National'), so a
 * cell reads the way the officer would say it.
 */
const LEVEL_WORDS: ReadonlyArray<readonly [string, QualificationLevel]> = [
  ['gcse', 'gcse'],
  ['as a level', 'a-level'],
  ['a level', 'a-level'],
  ['as level', 'a-level'],
  ['a levels', 'a-level'],
  ['as', 'a-level'],
  ['gce', 'a-level'],
  ['level 1 2 vocational', 'l12-vocational'],
  ['l1 2 vocational', 'l12-vocational'],
  ['level 1 2', 'l12-vocational'],
  ['vocational level 1 2', 'l12-vocational'],
  ['level 3 vocational', 'l3-vocational'],
  ['l3 vocational', 'l3-vocational'],
  ['vocational level 3', 'l3-vocational'],
  ['other', 'other'],
];

/**
 * A Level cell: blank (or "all") is every level; otherwise one level or
 * several separated by commas, semicolons or "and". `unknown` names the
 * parts that are not a level, so the officer is told rather than the row
 * being applied to the wrong candidates.
 */
export function parseLevels(cell: unknown): { levels: QualificationLevel[]; unknown: string[] } {
  const text = typeof cell === 'string' ? cell.trim() : '';
  if (text === '' || /^all( levels)?$/i.test(text)) return { levels: [], unknown: [] };
  const levels: QualificationLevel[] = [];
  const unknown: string[] = [];
  for (const p of listParts(text)) {
    const key = words(p).trim();
    const named = QUALIFICATION_LEVELS.find((l) => key === words(LEVEL_NAMES[l]).trim());
    const level = named ?? LEVEL_WORDS.find(([w]) => w === key)?.[1] ?? levelOf(p);
    if (level === null || level === undefined) unknown.push(p);
    else if (!levels.includes(level)) levels.push(level);
  }
  return { levels: unknown.length > 0 ? [] : levels, unknown };
}

/** The parts of a list the officer typed: separated by commas, semicolons, new lines, "and" or "&". */
export function listParts(text: string): string[] {
  return String(text ?? '')
    .split(/\s*(?:[,;\n]|\band\b|&)\s*/i)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** 'AS/A level, Level 3 vocational'; '' for every level. */
export function levelsText(levels: readonly QualificationLevel[]): string {
  return levels.map((l) => LEVEL_NAMES[l]).join(', ');
}
