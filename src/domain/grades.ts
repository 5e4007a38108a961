/**
 * Whether a review moved a grade up or down. A lowered grade is still a
 * change (the fee is not charged, the MIS and the Statement of Results must
 * be updated), but the candidate's email says which way it went, so the
 * direction has to come from the qualification's own scale: 'B' to 'A*' is
 * up at A level, '4' to '5' is up at GCSE, 'Merit' to 'Distinction' is up
 * for a BTEC. Scales: shared/domain.md §7.
 *
 * Officers type grades as the board prints them, so spelling is forgiven:
 * 'a*', 'A star', 'Distinction*', 'D*', 'Level 2 Merit', 'L2M', 'Entry 3'.
 */

/** A grade's place on its scale: higher is better; null when the grade is not on the scale. */
type Rank = (grade: string) => number | null;

interface Scale {
  name: string;
  /** Matches the qualification as typed in the log (lower case, words separated by single spaces). */
  qualification: RegExp;
  rank: Rank;
}

/** Upper case, one space between words, 'STAR' and 'PLUS' written as '*'. */
export function normaliseGrade(grade: string): string {
  return String(grade ?? '')
    .trim()
    .toUpperCase()
    .replace(/\s*\(?\bSTAR\b\)?/g, '*')
    .replace(/\s+/g, ' ');
}

function ladder(best: readonly string[]): Rank {
  return (g) => {
    const i = best.indexOf(g);
    return i < 0 ? null : best.length - i;
  };
}

const U = /^(U|UNCLASSIFIED|UNGRADED)$/;

const LETTER_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/\bDISTINCTION\s*\*/g, 'D*'],
  [/\bDISTINCTION\b/g, 'D'],
  [/\bMERIT\b/g, 'M'],
  [/\bPASS\b/g, 'P'],
];

function vocationalLetters(g: string): string {
  let s = g;
  for (const [word, letter] of LETTER_WORDS) s = s.replace(word, letter);
  return s.replace(/\s+/g, '');
}

/** Level 3 vocational: D*, D, M, P, and the multi-letter grades of larger sizes (D*D*D* … PPP), by points. */
const level3Vocational: Rank = (g) => {
  if (U.test(g)) return 0;
  const s = vocationalLetters(g);
  if (!/^(D\*|D|M|P)+$/.test(s)) return null;
  const letters = s.match(/D\*|D|M|P/g) ?? [];
  const points: Record<string, number> = { 'D*': 4, D: 3, M: 2, P: 1 };
  // Sizes differ in letter count; compare like with like only.
  return letters.reduce((sum, l) => sum + points[l], 0) * 10 + letters.length;
};

/** Level 1/2 vocational (Cambridge Nationals, BTEC Tech Award): Level 2 D*, D, M, P, then Level 1 D, M, P, U. */
const level12Vocational: Rank = (g) => {
  if (U.test(g)) return 0;
  const s = vocationalLetters(g.replace(/\bLEVEL\s*([12])\b/g, 'L$1'));
  const m = /^L([12])(D\*|D|M|P)$/.exec(s);
  if (m === null) return null;
  const order = ['L1P', 'L1M', 'L1D', 'L2P', 'L2M', 'L2D', 'L2D*'];
  const i = order.indexOf(`L${m[1]}${m[2]}`);
  return i < 0 ? null : i + 1;
};

/** GCSE 9 to 1 and U; combined science's double grades (9-9, 9-8 … 1-1) by their total. */
const gcse: Rank = (g) => {
  if (U.test(g)) return 0;
  if (/^[1-9]$/.test(g)) return Number(g) * 2;
  const m = /^([1-9])\s*-\s*([1-9])$/.exec(g);
  if (m && Math.abs(+m[1] - +m[2]) <= 1) return +m[1] + +m[2];
  return null;
};

const entryLevel: Rank = (g) => {
  if (U.test(g)) return 0;
  const m = /^(?:ENTRY\s*|E)([123])$/.exec(g);
  return m ? Number(m[1]) : null;
};

const aLevelLadder = ladder(['A*', 'A', 'B', 'C', 'D', 'E', 'U']);
const aLevel: Rank = (g) => aLevelLadder(U.test(g) ? 'U' : g);
const asLevelLadder = ladder(['A', 'B', 'C', 'D', 'E', 'U']);
const asLevel: Rank = (g) => asLevelLadder(U.test(g) ? 'U' : g);

/*
 * Tested in this order: the narrower name first, so "GCE AS" is not read as
 * an A level and "Cambridge Nationals" (Level 1/2) not as Level 3.
 */
const SCALES: readonly Scale[] = [
  { name: 'GCE AS', qualification: / (as|as level|gce as|advanced subsidiary) /, rank: asLevel },
  { name: 'Entry Level Certificate', qualification: / (entry level|elc) /, rank: entryLevel },
  {
    name: 'Level 1/2 vocational',
    qualification: / (cambridge nationals?|btec tech awards?|tech awards?|btec firsts?|level 1 2|vocational awards?) /,
    rank: level12Vocational,
  },
  {
    name: 'Level 3 vocational',
    qualification: / (cambridge technicals?|btec nationals?|applied generals?|cambridge advanced nationals?) /,
    rank: level3Vocational,
  },
  { name: 'GCSE', qualification: / (gcse|igcse) /, rank: gcse },
  { name: 'GCE A level', qualification: / (a level|a levels|gce|extended project|epq|a2) /, rank: aLevel },
];

function words(qualification: string): string {
  return ` ${String(qualification ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9*]+/g, ' ')
    .trim()} `;
}

/** The scale a qualification's grades are on, or null when the add-on does not know it. */
export function scaleFor(qualification: string): string | null {
  const q = words(qualification);
  return SCALES.find((s) => s.qualification.test(q))?.name ?? null;
}

export type GradeMove = 'up' | 'down' | 'same' | 'unknown';

function moveOn(rank: Rank, from: string, to: string): GradeMove | null {
  const a = rank(from);
  const b = rank(to);
  if (a === null || b === null) return null;
  return a === b ? 'same' : b > a ? 'up' : 'down';
}

/**
 * How a grade moved from `from` to `to`. On the qualification's scale when
 * both grades are on it; otherwise on every scale that holds both, when they
 * all agree. 'unknown' only when the grades differ and no scale can say
 * which is better: the change is still a change.
 */
export function compareGrades(qualification: string, from: string, to: string): GradeMove {
  const a = normaliseGrade(from);
  const b = normaliseGrade(to);
  if (a === b) return 'same';
  const own = SCALES.find((s) => s.qualification.test(words(qualification)));
  const onOwn = own ? moveOn(own.rank, a, b) : null;
  if (onOwn !== null) return onOwn;
  const answers = new Set(SCALES.map((s) => moveOn(s.rank, a, b)).filter((m): m is GradeMove => m !== null));
  return answers.size === 1 ? [...answers][0] : 'unknown';
}
