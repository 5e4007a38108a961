/**
 * Unique Candidate Identifier: 13 characters, shared/domain.md §4.
 *
 *   68199 0 01 2058 G
 *   ^^^^^ centre where the UCI was first given (any centre: candidates keep
 *         their UCI when they move school, so it is not checked against ours)
 *         ^ 0 for UK centres, B for Pearson international
 *           ^^ year given   ^^^^ candidate number then   ^ check letter
 *
 * The check letter's weights (16..5) and modulus (17) are documented by WJEC;
 * the letter table is not. Both tables in circulation agree for remainders
 * 0-7, so a wrong letter there is an error; beyond that a mismatch is only a
 * warning until someone confirms the table against the JCQ calculator or the
 * school's MIS. The tables are data so that confirming one is a one-line edit:
 * make the two strings equal and every remainder becomes a hard check.
 */

/** The widely repeated table, [estimate] in domain.md: remainder 0..16 -> letter. */
export const UCI_CHECK_LETTERS = 'ABCDEFGHKLMRTVXYZ';
/** The obvious alternative (A-Q in order); where it differs, the letter is not known for sure. */
export const UCI_ALTERNATIVE_CHECK_LETTERS = 'ABCDEFGHIJKLMNOPQ';
export const UCI_WEIGHTS: readonly number[] = [16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5];

export type UciCheck = { ok: true; warning?: string } | { ok: false; message: string };

/**
 * How a UCI is stored: WJEC prints it spaced ('68199 0 01 2058 G') and people
 * type the letter in lower case; neither changes the identifier.
 */
export function normalizeUci(uci: string): string {
  return String(uci ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** Remainder (0..16) of the weighted sum of the first 12 characters, which must be digits. */
export function uciRemainder(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError('A UCI check needs 12 digits');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * UCI_WEIGHTS[i];
  return sum % 17;
}

export function checkUci(uci: string): UciCheck {
  const u = normalizeUci(uci);
  if (u === '') return { ok: false, message: 'The UCI is blank.' };
  const shown = JSON.stringify(u);
  if (u.length !== 13) {
    return { ok: false, message: `A UCI has 13 characters; ${shown} has ${u.length}.` };
  }
  if (!/^\d{5}$/.test(u.slice(0, 5))) {
    return {
      ok: false,
      message: `A UCI starts with the 5-digit number of the centre that first gave it; ${shown} does not.`,
    };
  }
  const board = u[5];
  if (board !== '0' && board !== 'B') {
    return {
      ok: false,
      message: `The 6th character of a UCI is 0 (or B for a Pearson international centre); ${shown} has "${board}".`,
    };
  }
  if (!/^\d{6}$/.test(u.slice(6, 12))) {
    return {
      ok: false,
      message: `Characters 7 to 12 of a UCI are digits (the year it was given and the candidate number); ${shown} has "${u.slice(6, 12)}".`,
    };
  }
  const letter = u[12];
  if (!/^[A-Z]$/.test(letter)) {
    return { ok: false, message: `A UCI ends with a check letter; ${shown} ends with "${letter}".` };
  }
  // No source says how a B in position 6 enters the sum, so those are not checked.
  if (board === 'B') return { ok: true };

  const r = uciRemainder(u.slice(0, 12));
  const expected = UCI_CHECK_LETTERS[r];
  if (letter === expected) return { ok: true };
  if (expected === UCI_ALTERNATIVE_CHECK_LETTERS[r]) {
    return {
      ok: false,
      message: `The UCI ${u} does not add up: its check letter should be ${expected}, not ${letter}. Check it against the candidate's statement of results.`,
    };
  }
  return {
    ok: true,
    warning: `The UCI ${u} ends in ${letter}, but the check-letter table the add-on uses (not yet confirmed) expects ${expected}. If the UCI was copied from the MIS or a statement of results, keep it.`,
  };
}

function wellFormed(uci: string): string | null {
  const u = normalizeUci(uci);
  return /^\d{5}[0B]\d{6}[A-Z]$/.test(u) ? u : null;
}

/** Positions 1-5: the centre that first gave the UCI, or null when the UCI is malformed. */
export function uciCentreNumber(uci: string): string | null {
  const u = wellFormed(uci);
  return u === null ? null : u.slice(0, 5);
}

/** Positions 9-12: the candidate number when the UCI was given, or null when the UCI is malformed. */
export function uciCandidateNumber(uci: string): string | null {
  const u = wellFormed(uci);
  return u === null ? null : u.slice(8, 12);
}
