/**
 * The one daily trigger. Add-ons may hold only one time-driven trigger per
 * user per document, and a second setUp() must not add another. The search is
 * this spreadsheet's triggers only (getUserTriggers): getProjectTriggers()
 * would find last season's spreadsheet's trigger, install none here, and
 * could delete the other's.
 *
 * An installable trigger runs under the account of whoever created it, and
 * only that account sees it. So a colleague who runs Set up would see no
 * trigger and start a second daily run under their own account and mail
 * quota. The owner is therefore recorded in document properties, which every
 * editor of the spreadsheet reads, and Set up by anyone else leaves it alone.
 *
 * The owner is recorded by Session.getTemporaryActiveUserKey(), not by email:
 * an email address (Session.getActiveUser/getEffectiveUser) needs the
 * userinfo.email scope, which the add-on does not ask for. The key rotates
 * every 30 days, so each daily run, which runs as the owner, records it
 * afresh; a record whose daily check has not run for STALE_DAYS is a trigger
 * that died (its owner left, or revoked access) and no longer blocks Set up.
 */
import { formatUkDate } from '../domain/formats';
import type { IsoDate } from '../domain/types';
import {
  dailyTriggerOwner as readOwner,
  forgetDailyTriggerOwner,
  setDailyTriggerOwner as writeOwner,
} from '../sheets/properties';
import { activeSpreadsheet } from '../sheets/workbook';

export const DAILY_HANDLER = 'runDailyCheck';
const DAILY_HOUR = 7;
const STALE_DAYS = 3;

export type DailyTriggerState =
  | { state: 'created' | 'kept' }
  /** Someone else's daily check runs here; Set up left it alone. */
  | { state: 'someone-else'; installedOn: IsoDate; lastSeen: IsoDate };

function myDailyTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(activeSpreadsheet()).filter(
    (t) => t.getHandlerFunction() === DAILY_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK,
  );
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Call under the document lock, so two editors running Set up at once install one trigger between them. */
export function ensureDailyTrigger(today: IsoDate): DailyTriggerState {
  const me = Session.getTemporaryActiveUserKey();
  const daily = myDailyTriggers();
  // Duplicates from an older version or a copied sheet: keep one.
  daily.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
  const owner = readOwner();
  if (daily.length > 0) {
    writeOwner({ key: me, installedOn: owner?.key === me ? owner.installedOn : today, lastSeen: today });
    return { state: 'kept' };
  }
  if (owner !== null && owner.key !== me && daysBetween(owner.lastSeen, today) < STALE_DAYS) {
    return { state: 'someone-else', installedOn: owner.installedOn, lastSeen: owner.lastSeen };
  }
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).create();
  writeOwner({ key: me, installedOn: today, lastSeen: today });
  return { state: 'created' };
}

/**
 * The daily run says it is alive, and records the owner's key as it is today.
 * Only the owner's run does: a colleague's "Run daily check now" sees no
 * trigger of theirs and changes nothing.
 */
export function dailyTriggerRan(today: IsoDate): void {
  if (myDailyTriggers().length === 0) return;
  const owner = readOwner();
  writeOwner({ key: Session.getTemporaryActiveUserKey(), installedOn: owner?.installedOn ?? today, lastSeen: today });
}

/** Whose the daily check is, in the officer's words, when it is not the caller's. */
export function someoneElsesDailyCheck(s: { installedOn: IsoDate; lastSeen: IsoDate }): string {
  return [
    `The daily check already runs under another Google account: whoever installed it by running Set up on ${formatUkDate(s.installedOn)} (it last ran on ${formatUkDate(s.lastSeen)}).`,
    'Set up left it alone, so no second daily check runs under your account and your email quota.',
    'To take it over: that person chooses Extensions › Post-Results Tracker › Hand over the daily check, then you run Set up.',
  ].join(' ');
}

export type HandOver = 'removed' | 'not-yours' | 'none';

/** The owner removes their daily trigger so a colleague's Set up can install theirs. */
export function handOverDailyTrigger(): HandOver {
  const daily = myDailyTriggers();
  if (daily.length === 0) {
    const owner = readOwner();
    if (owner === null || owner.key !== Session.getTemporaryActiveUserKey())
      return owner === null ? 'none' : 'not-yours';
    forgetDailyTriggerOwner();
    return 'none';
  }
  daily.forEach((t) => ScriptApp.deleteTrigger(t));
  forgetDailyTriggerOwner();
  return 'removed';
}
