/**
 * What the officer reads in a log's `Service` and `Requested by` cells, and
 * how the add-on reads them back.
 *
 * The cells hold the names she knows ("Priority review of marking",
 * "Teacher"); the program and the server functions work in codes. A cell written before the names, or typed by hand, may hold either,
 * in any case and spacing: both read as the code. The names are the
 * catalogue's, so a service renamed there is renamed in every log written
 * from then on.
 */
import { CATALOGUE, isServiceCode, parseServiceCode } from './catalogue';
import { REQUESTED_BY_VALUES, SERVICE_CODES, type LogName, type RequestedBy } from './types';

const REQUESTED_BY_NAMES: Readonly<Record<RequestedBy, string>> = { candidate: 'Candidate', teacher: 'Teacher' };

/** The name a log shows for a service; text that is not a service is written back as it was typed. */
export function serviceCellText(service: string): string {
  return isServiceCode(service) ? CATALOGUE[service].name : service;
}

/** A long log repeats a handful of texts: each is matched against the catalogue once. */
const readCells = new Map<string, string>();

/** The service code a log cell means (its name or its code); text that is neither is kept as typed, trimmed. */
export function serviceFromCell(text: string): string {
  let code = readCells.get(text);
  if (code === undefined) {
    code = parseServiceCode(text) ?? text.trim();
    if (readCells.size < 1000) readCells.set(text, code);
  }
  return code;
}

/** The names a log's Service dropdown offers, in the catalogue's order. */
export function serviceNamesFor(log: LogName): string[] {
  return SERVICE_CODES.filter((c) => CATALOGUE[c].log === log).map((c) => CATALOGUE[c].name);
}

export function requestedByCellText(requestedBy: RequestedBy): string {
  return REQUESTED_BY_NAMES[requestedBy] ?? requestedBy;
}

/**
 * Who asked, from a `Requested by` cell: "Teacher", "teacher" or " TEACHER "
 * is the teacher; anything else (blank included) is the candidate, as the
 * log has always read it.
 */
export function requestedByFromCell(text: string): RequestedBy {
  const wanted = text.trim().toLowerCase();
  return REQUESTED_BY_VALUES.find((v) => v === wanted || REQUESTED_BY_NAMES[v].toLowerCase() === wanted) ?? 'candidate';
}

/** The names the `Requested by` dropdown offers. */
export function requestedByNames(): string[] {
  return REQUESTED_BY_VALUES.map((v) => REQUESTED_BY_NAMES[v]);
}
