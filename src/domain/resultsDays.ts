/**
 * Results days per series and level, as the officer keeps them in Settings:
 * A level and Level 3 results come out a week before GCSE (June 2026: 13 and
 * 20 August, domain.md §2). Consent to a re-check or review can only be given
 * once the candidate has the result, so the day that matters is the one for
 * the candidate's own level.
 */
import { parseUkOrIsoDate } from './calendar';
import { LEVEL_NAMES, levelOf, parseLevels } from './levels';
import { matchKey } from './services';
import type { IsoDate, QualificationLevel, ResultsDay } from './types';

export const DEFAULT_RESULTS_DAYS =
  'June 2026 AS/A level: 13/08/2026; June 2026 Level 3 vocational: 13/08/2026; June 2026 GCSE: 20/08/2026; June 2026 Level 1/2 vocational: 20/08/2026';

const DATE_AT_END = /^(.*?)[\s:=\-–]*(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})$/;

/*
 * The level is the end of the label ("June 2026 AS/A level"); the rest is the
 * series. Longer names are tried first so "AS/A level" is not read as "level".
 */
const LEVEL_SUFFIXES: readonly string[] = [
  ...Object.values(LEVEL_NAMES),
  'A level',
  'AS level',
  'GCE',
  'Level 3',
  'Level 1/2',
].sort((a, b) => b.length - a.length);

function splitLabel(label: string): { series: string; level: QualificationLevel | null } | null {
  const lower = label.toLowerCase();
  for (const suffix of LEVEL_SUFFIXES) {
    const s = suffix.toLowerCase();
    if (lower.endsWith(` ${s}`) || lower === s) {
      const parsed = parseLevels(suffix);
      if (parsed.levels.length !== 1) continue;
      return { series: label.slice(0, label.length - suffix.length).trim(), level: parsed.levels[0] };
    }
  }
  return { series: label.trim(), level: null };
}

/**
 * "June 2026 AS/A level: 13/08/2026; June 2026 GCSE: 20/08/2026". Entries are
 * separated by semicolons or new lines; an entry with no level ("November 2026:
 * 14/01/2027") serves every level of its series. Each unreadable entry is
 * named in `problems` and left out.
 */
export function parseResultsDays(text: string): { days: ResultsDay[]; problems: string[] } {
  const days: ResultsDay[] = [];
  const problems: string[] = [];
  for (const raw of String(text ?? '').split(/[;\r\n]+/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const m = DATE_AT_END.exec(entry);
    const date = m === null ? null : parseUkOrIsoDate(m[2]);
    const label = m === null ? null : splitLabel(m[1].trim());
    if (m === null || date === null || label === null || label.series === '') {
      problems.push(
        `"${entry}" is not a series, a level and a date (like "June 2026 GCSE: 20/08/2026"), so it is left out.`,
      );
      continue;
    }
    days.push({ series: label.series, level: label.level, date });
  }
  return { days, problems };
}

/**
 * The results day for a request: the day for its series and level, else the
 * series' day for every level. When the level is not known, the earliest day
 * of the series: no candidate had a result before it, so consent dated
 * earlier is never right, and a later day would refuse an A level
 * candidate's proper consent. Null when Settings has no day for the series.
 */
export function resultsDayFor(days: readonly ResultsDay[], series: string, qualification: string): IsoDate | null {
  const ofSeries = days.filter((d) => matchKey(d.series) === matchKey(series));
  if (ofSeries.length === 0) return null;
  const level = levelOf(qualification);
  const exact = level === null ? undefined : ofSeries.find((d) => d.level === level);
  if (exact !== undefined) return exact.date;
  const every = ofSeries.find((d) => d.level === null);
  if (every !== undefined) return every.date;
  return ofSeries.map((d) => d.date).sort()[0];
}
