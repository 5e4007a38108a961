/**
 * The one adapter over PropertiesService (eslint forbids it anywhere else).
 *
 * What the add-on keeps outside the sheets, each under one named key below,
 * read and written here as the value it is: no caller spells a key or parses
 * JSON. None of it is personal data (README, "Where the data lives").
 *
 * The store's handle is fetched once per server call (callCache.ts): each
 * getDocumentProperties() is a round trip, and one Save used to make six.
 * The handle reads the live store, so another execution's writes are seen.
 */
import type { IsoDate } from '../domain/types';
import { cached } from './callCache';

type Store = GoogleAppsScript.Properties.Properties;

/** Every property key the add-on uses (docs/architecture.md lists them with their meaning). */
export const PROPERTY_KEY = {
  /** Document: the last request-ID counter issued for a prefix and year, so a deleted row's ID is never reused. */
  requestCounter: (prefix: string, year: number) => `requestId.last.${prefix}.${year}`,
  /** Document: JSON DailyTriggerOwner, whose account the daily trigger runs as. */
  dailyTriggerOwner: 'dailyCheck.owner',
  /** Document: JSON DailyProblem[], what the next digest reports. */
  dailyProblems: 'dailyCheck.problems',
  /** Document: JSON DailyRun, the last daily check that finished. */
  dailyLastRun: 'dailyCheck.lastRun',
  /** Document: the name of the form responses sheet the Applications page last read. */
  responsesSheet: 'applications.sheet',
  /** Document: the day (ISO) candidates were last imported; closing the season keeps candidates imported since. */
  lastCandidateImport: 'candidates.lastImported',
  /** Document: JSON string[], the list tabs the add-on made. */
  listTabs: 'dataInOut.listTabs',
  /** Document: JSON SltViewFile, the SLT view spreadsheet. */
  sltViewFile: 'sltView.file',
  /** User (the sender's own): the key that seals the mail queue. */
  mailSealKey: 'postResultsTracker.mailSealKey',
} as const;

function documentStore(): Store {
  return cached('properties.document', () => PropertiesService.getDocumentProperties());
}

function userStore(): Store {
  return cached('properties.user', () => PropertiesService.getUserProperties());
}

/** JSON under `key`, or null when absent or unreadable (a hand-edited or older value is not an error). */
function readJson(store: Store, key: string): unknown {
  const raw = store.getProperty(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

// Request IDs

export function lastRequestCounter(prefix: string, year: number): number {
  return Number(documentStore().getProperty(PROPERTY_KEY.requestCounter(prefix, year)) || 0);
}

export function setLastRequestCounter(prefix: string, year: number, counter: number): void {
  documentStore().setProperty(PROPERTY_KEY.requestCounter(prefix, year), String(counter));
}

// The daily trigger and its runs

export interface DailyTriggerOwner {
  /** Session.getTemporaryActiveUserKey() of the account the trigger runs as. */
  key: string;
  installedOn: IsoDate;
  /** The last day the trigger ran (or was installed). */
  lastSeen: IsoDate;
}

export function dailyTriggerOwner(): DailyTriggerOwner | null {
  const v = readJson(documentStore(), PROPERTY_KEY.dailyTriggerOwner) as Partial<DailyTriggerOwner> | null;
  return v && typeof v.key === 'string' && typeof v.lastSeen === 'string'
    ? { key: v.key, installedOn: v.installedOn ?? v.lastSeen, lastSeen: v.lastSeen }
    : null;
}

export function setDailyTriggerOwner(owner: DailyTriggerOwner): void {
  documentStore().setProperty(PROPERTY_KEY.dailyTriggerOwner, JSON.stringify(owner));
}

export function forgetDailyTriggerOwner(): void {
  documentStore().deleteProperty(PROPERTY_KEY.dailyTriggerOwner);
}

export interface DailyProblem {
  at: string;
  text: string;
}

export function dailyProblems(): DailyProblem[] {
  const list = readJson(documentStore(), PROPERTY_KEY.dailyProblems);
  return Array.isArray(list) ? list.filter((p): p is DailyProblem => typeof p?.text === 'string') : [];
}

/** An empty list removes the key. */
export function setDailyProblems(problems: readonly DailyProblem[]): void {
  const store = documentStore();
  if (problems.length === 0) store.deleteProperty(PROPERTY_KEY.dailyProblems);
  else store.setProperty(PROPERTY_KEY.dailyProblems, JSON.stringify(problems));
}

export interface DailyRun {
  at: string;
  ok: boolean;
  flagged: number;
  closed: number;
}

export function setDailyLastRun(run: DailyRun): void {
  documentStore().setProperty(PROPERTY_KEY.dailyLastRun, JSON.stringify(run));
}

// Applications, candidates, list tabs

export function responsesSheetName(): string | null {
  return documentStore().getProperty(PROPERTY_KEY.responsesSheet) || null;
}

export function setResponsesSheetName(name: string): void {
  documentStore().setProperty(PROPERTY_KEY.responsesSheet, name);
}

/** As stored: an ISO day, or whatever an older version left (the caller reads it as a date). */
export function lastCandidateImport(): string | null {
  return documentStore().getProperty(PROPERTY_KEY.lastCandidateImport);
}

export function setLastCandidateImport(day: IsoDate): void {
  documentStore().setProperty(PROPERTY_KEY.lastCandidateImport, day);
}

export function storedListTabs(): string[] {
  const names = readJson(documentStore(), PROPERTY_KEY.listTabs);
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

export function setStoredListTabs(names: readonly string[]): void {
  documentStore().setProperty(PROPERTY_KEY.listTabs, JSON.stringify(names));
}

export function forgetStoredListTabs(): void {
  documentStore().deleteProperty(PROPERTY_KEY.listTabs);
}

// The SLT view spreadsheet

export interface SltViewFile {
  id: string;
  ownerKey: string;
  /** The tracker that made it: a copy of the tracker (which may carry the property along) makes its own. */
  trackerId: string;
}

export function sltViewFile(): SltViewFile | null {
  const s = readJson(documentStore(), PROPERTY_KEY.sltViewFile) as Partial<SltViewFile> | null;
  return s && typeof s.id === 'string' && typeof s.ownerKey === 'string'
    ? { id: s.id, ownerKey: s.ownerKey, trackerId: typeof s.trackerId === 'string' ? s.trackerId : '' }
    : null;
}

export function setSltViewFile(file: SltViewFile): void {
  documentStore().setProperty(PROPERTY_KEY.sltViewFile, JSON.stringify(file));
}

// The mail seal (user properties: no editor of the spreadsheet can read another's)

export function mailSealKey(): string | null {
  return userStore().getProperty(PROPERTY_KEY.mailSealKey);
}

export function setMailSealKey(key: string): void {
  userStore().setProperty(PROPERTY_KEY.mailSealKey, key);
}
