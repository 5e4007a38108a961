/**
 * Taking a request: what the "New request" sidebar calls. The sidebar checks
 * as the officer types, but only this side is trusted: everything is checked
 * again here, under the lock, against the logs as they are at that moment.
 */
import { CATALOGUE } from '../domain/catalogue';
import { newLogRow } from '../domain/newRequest';
import { nextRequestId, parseRequestId, seasonYear } from '../domain/requestId';
import { SHEET } from '../domain/schema';
import { validateRequest } from '../domain/validation';
import type { IsoDate, LogName, PostResultsRequest, ServiceRow, Settings } from '../domain/types';
import { findCandidate } from '../sheets/candidateRows';
import { cellToText } from '../sheets/cells';
import { withDocumentLock } from '../sheets/lock';
import { insertRequest, readLog, type Log } from '../sheets/requestLog';
import { readServices, readSettings } from '../sheets/settingsSheet';
import { cellAt, readTable } from '../sheets/table';
import { lastRequestCounter, setLastRequestCounter } from '../sheets/properties';
import { activeSpreadsheet, timeZoneOf, todayIn } from '../sheets/workbook';
import { confirmRequest } from './requestMail';
import { answer, type Answer } from './respond';
import type { CandidateLookup, IntakeOptions, Submitted } from '../shared/answers';

const LOGS: readonly LogName[] = [SHEET.requests, SHEET.scripts];

/** What differs between the sidebar and an approved online application; the rules and the filing do not. */
export interface IntakeSource {
  /** "paper form" for the sidebar (the officer holds the signed form), "online form" for an application. */
  consentSource: string;
  /** The day the centre received the request (an application: its form timestamp); today when absent. */
  received?: IsoDate;
  /** How the fee stands once taken; the sidebar's form says it itself. */
  paid?: PostResultsRequest['paid'];
}

/** The sheets as read once under the lock, for one or many requests taken in one hold. */
export interface IntakeState {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  tz: string;
  today: IsoDate;
  services: ServiceRow[];
  settings: Settings;
  /** The logs as they stand in this hold (re-read after a request is written into one). */
  readonly logs: Log[];
  /** Marks a log as written, so the next use of `logs` reads it again. */
  written(log: Log): void;
}

/** Call under the document lock: the logs read here are what the duplicate check and the insert rely on. */
export function readIntakeState(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tz: string, today: IsoDate): IntakeState {
  const read: (Log | null)[] = LOGS.map((name) => readLog(ss, name, tz));
  return {
    ss,
    tz,
    today,
    services: readServices(ss, tz).services,
    settings: readSettings(ss, tz).settings,
    // A log a request was just inserted into is read again only if this hold takes another request
    // (duplicates, IDs and row order must then see it): a single Save does not pay for that read.
    get logs(): Log[] {
      return read.map((log, i) => log ?? (read[i] = readLog(ss, LOGS[i], tz)));
    },
    written(log: Log) {
      const i = read.indexOf(log);
      if (i >= 0) read[i] = null;
    },
  };
}

export type Taken = Answer<Submitted & { request: PostResultsRequest }>;

/**
 * The one way a request enters a log, whoever took it: the sidebar's checks,
 * a new ID, the alphabetical insert. Call under the document lock; the
 * caller sends the confirmation (confirmTaken).
 */
export function takeRequest(state: IntakeState, form: unknown, source: IntakeSource): Taken {
  const { tz, today, services, settings, logs } = state;
  const checked = validateRequest(form, { today, services, settings, existing: logs.flatMap((l) => l.requests) });
  const request = checked.request;
  if (!checked.ok || !request || !checked.log) {
    const errors = checked.errors.length
      ? checked.errors
      : [{ field: 'form', message: 'The request is incomplete; nothing was saved.' }];
    return { ok: false, errors };
  }
  const log = logs.find((l) => l.name === checked.log) ?? logs[0];
  const prefix = CATALOGUE[request.service].idPrefix;
  const year = seasonYear(today);
  // The last counter is kept outside the sheet, so a deleted row's ID is never reused.
  const requestId = nextRequestId(
    prefix,
    year,
    log.requests.map((r) => r.requestId),
    lastRequestCounter(prefix, year),
  );
  const row = newLogRow(request, {
    requestId,
    sheet: log.name,
    received: source.received ?? today,
    consentSource: source.consentSource,
    fee: checked.fee,
    paid: source.paid ?? request.paid,
    deadline: checked.deadline,
    notes: checked.notes,
  });
  insertRequest(log, row, tz);
  setLastRequestCounter(prefix, year, parseRequestId(requestId)?.counter ?? 0);
  // The next request taken in this hold must see this one (duplicates, IDs, row order).
  state.written(log);
  return {
    ok: true,
    requestId,
    sheet: log.name,
    fee: checked.fee,
    deadline: checked.deadline,
    warnings: checked.warnings,
    emailed: [],
    request: row,
  };
}

/** In the hold that took the request, or after it (the mailer takes the lock for its own short writes). */
export function confirmTaken(taken: Taken, settings: Settings): Answer<Submitted> {
  if (!taken.ok) return taken;
  const { request, ...result } = taken;
  const mail = confirmRequest(request, settings);
  return { ...result, emailed: mail.emailed, warnings: [...result.warnings, ...mail.warnings] };
}

export function submitRequest(form: unknown): Answer<Submitted> {
  return answer(() => {
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const today = todayIn(tz);
    // The confirmation is queued and sent in the hold that saved the request: one hold and one flush
    // for both (the mailer runs inside a hold it is given). Its row still goes "sending" before the send.
    return withDocumentLock((): Answer<Submitted> => {
      const state = readIntakeState(ss, tz, today);
      return confirmTaken(takeRequest(state, form, { consentSource: 'paper form' }), state.settings);
    });
  });
}

/** What the sidebar needs to offer choices: the Services rows and earlier entries as suggestions. */
export function getIntakeOptions(): Answer<IntakeOptions> {
  return answer((): Answer<IntakeOptions> => {
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const services = readServices(ss, tz).services.map((s) => {
      const info = CATALOGUE[s.service];
      return {
        board: s.board,
        series: s.series,
        service: s.service,
        name: info.name,
        levels: s.levels,
        fee: s.fee,
        deadline: s.deadline,
        consent: info.consent,
        charging: info.charging,
        level: info.level,
        priority: info.priority,
        needsRelatedReview: info.needsRelatedReview,
      };
    });
    const seen = { qualifications: new Set<string>(), subjects: new Set<string>(), components: new Set<string>() };
    for (const name of LOGS) {
      const sheet = ss.getSheetByName(name);
      if (!sheet) continue;
      const table = readTable(sheet);
      for (const r of table.rows) {
        const add = (set: Set<string>, header: string) => {
          const v = cellToText(cellAt(table, r, header), tz);
          if (v !== '') set.add(v);
        };
        add(seen.qualifications, 'Qualification');
        add(seen.subjects, 'Subject');
        add(seen.components, 'Component');
      }
    }
    const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
    return {
      ok: true,
      today: todayIn(tz),
      services,
      qualifications: sorted(seen.qualifications),
      subjects: sorted(seen.subjects),
      components: sorted(seen.components),
    };
  });
}

/** Fills the form from the `Candidates` sheet; `null` when the number is not there. */
export function lookupCandidate(candidateNumber: unknown): Answer<CandidateLookup> {
  return answer((): Answer<CandidateLookup> => {
    const wanted = String(candidateNumber ?? '').trim();
    if (!/^\d{4}$/.test(wanted)) {
      return {
        ok: false,
        errors: [{ field: 'candidateNumber', message: 'A candidate number is 4 digits, e.g. 0042.' }],
      };
    }
    const ss = activeSpreadsheet();
    return { ok: true, candidate: findCandidate(ss, timeZoneOf(ss), wanted) };
  });
}
