/**
 * Printing, for candidates told on paper: the results-day letters and a
 * request's application and consent form, each opened in a dialog the
 * officer prints from the browser. The pages are built (and escaped) by
 * src/domain/letters.ts; this finds the data and opens the dialog.
 */
import { feeAndDeadline } from '../domain/deadlines';
import {
  DRAFT_FIELDS,
  consentFormPage,
  draftConsentFormPage,
  emptyDraft,
  lettersPage,
  type Letter,
} from '../domain/letters';
import { isServiceCode } from '../domain/catalogue';
import { SHEET } from '../domain/schema';
import { REMINDER_TEMPLATE, type ReminderCandidate } from '../domain/reminders';
import { valuesForCandidate } from '../domain/templateValues';
import type { LogName } from '../domain/types';
import { composer } from '../mail/compose';
import { findCandidate } from '../sheets/candidateRows';
import { readLog } from '../sheets/requestLog';
import { readServices } from '../sheets/settingsSheet';
import { SheetLayoutError } from '../sheets/table';
import { activeSpreadsheet, timeZoneOf } from '../sheets/workbook';
import { reminderBatch, readReminderOptions } from './reminders';
import { showDialog } from './pages';
import { answer, type Answer } from './respond';
import type { BlankConsentFormShown, ConsentFormShown, LettersShown } from '../shared/answers';

const LOGS: readonly LogName[] = [SHEET.requests, SHEET.scripts];

/**
 * `showResultsDayLetters({ qualification?, tutorGroup?, everyone? })`: the
 * reminder as letters, one page each, for the candidates with no email (or,
 * with `everyone`, for all the filters pick). Nothing opens when there are none.
 */
export function showResultsDayLetters(raw: unknown): Answer<LettersShown> {
  return answer((): Answer<LettersShown> => {
    const { options, errors } = readReminderOptions(raw);
    if (errors.length > 0) return { ok: false, errors };
    const everyone = raw !== null && typeof raw === 'object' && (raw as { everyone?: unknown }).everyone === true;
    const ss = activeSpreadsheet();
    const picked = reminderBatch(ss, options);
    if ('errors' in picked) return { ok: false, errors: picked.errors };
    const { batch } = picked;
    const mail = composer(ss);
    const who: ReminderCandidate[] = everyone ? batch.candidates : batch.withoutEmail;

    const letters: Letter[] = [];
    const notes: string[] = [];
    for (const c of who) {
      const composed = mail.compose(REMINDER_TEMPLATE, {
        ...valuesForCandidate(c),
        servicesTable: batch.servicesTableFor(c),
      });
      if (composed.ok) {
        letters.push({ candidate: c, email: composed.email });
      } else if (composed.missing.length > 0 && composed.missing.every((m) => m in valuesForCandidate(c))) {
        notes.push(`Candidates row ${c.row}: ${composed.missing.map((m) => `{{${m}}}`).join(', ')} is empty.`);
      } else {
        // The template or Settings is at fault: no letter can be right, so none is shown.
        return { ok: false, errors: [{ field: 'template', message: composed.reason }] };
      }
    }
    // The officer reads these before printing: what no family's letter lists yet.
    const unlisted = batch.unconfirmed.map((u) => `Not in the letters until confirmed in Services: ${u}.`);
    if (letters.length > 0) {
      showDialog(
        lettersPage(letters, mail.settings, mail.today, {
          title: 'Results-day letters',
          notes: [...notes, ...unlisted],
        }),
        'Results-day letters',
      );
    }
    return { ok: true, letters: letters.length, leftOut: notes.length };
  });
}

/** `showConsentForm(requestId)`: the pre-filled application and consent form for one request. */
export function showConsentForm(requestId: unknown): Answer<ConsentFormShown> {
  return answer((): Answer<ConsentFormShown> => {
    const wanted = String(requestId ?? '')
      .trim()
      .toUpperCase();
    if (!/^[RS]-\d{4}-\d{4,}$/.test(wanted)) {
      return {
        ok: false,
        errors: [{ field: 'requestId', message: 'A request ID looks like R-2026-0042 (or S-2026-0007 for a script).' }],
      };
    }
    const ss = activeSpreadsheet();
    const mail = composer(ss);
    const req = LOGS.flatMap((name) => readLog(ss, name, mail.timeZone).requests).find(
      (r) => r.requestId.toUpperCase() === wanted,
    );
    if (!req) {
      return {
        ok: false,
        errors: [{ field: 'requestId', message: `There is no request ${wanted} in Requests or Access to scripts.` }],
      };
    }
    showDialog(consentFormPage(req, mail.settings, mail.today), `Application and consent form ${req.requestId}`);
    return { ok: true, requestId: req.requestId };
  });
}

/** Long enough for any real value; a pasted essay is cut rather than printed across pages. */
const DRAFT_MAX = 200;

/**
 * `showBlankConsentForm(form)`: the application and consent form before
 * anything is saved, filled with what the New request sidebar has so far
 * (every field optional) and the candidate's name and UCI from `Candidates`.
 * Nothing it is given stops the form printing: a number not found, a sheet
 * missing or a service not offered leaves lines to write on and says so on screen.
 */
export function showBlankConsentForm(raw: unknown): Answer<BlankConsentFormShown> {
  return answer((): Answer<BlankConsentFormShown> => {
    const given = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const draft = emptyDraft();
    for (const key of DRAFT_FIELDS) {
      const v = given[key];
      draft[key] = typeof v === 'string' || typeof v === 'number' ? String(v).trim().slice(0, DRAFT_MAX) : '';
    }
    if (!isServiceCode(draft.service)) draft.service = '';
    const notes: string[] = [];
    const ss = activeSpreadsheet();
    const tz = timeZoneOf(ss);
    const mail = composer(ss);

    let candidateFound = false;
    if (draft.candidateNumber !== '') {
      if (!/^\d{4}$/.test(draft.candidateNumber)) {
        notes.push(
          `"${draft.candidateNumber}" is not a candidate number (4 digits, like 0042): the candidate's details are left to write in.`,
        );
        draft.candidateNumber = '';
      } else {
        let found = null;
        try {
          found = findCandidate(ss, tz, draft.candidateNumber);
        } catch (e) {
          if (!(e instanceof SheetLayoutError)) throw e;
          notes.push(`The Candidates sheet could not be read (${e.message}).`);
        }
        if (found) {
          candidateFound = true;
          draft.surname = found.surname;
          draft.forename = found.forename;
          draft.uci = found.uci;
        } else {
          notes.push(
            `Candidate ${draft.candidateNumber} is not in the Candidates sheet: their name and UCI are left to write in.`,
          );
        }
      }
    }

    if (draft.board !== '' && draft.series !== '' && isServiceCode(draft.service)) {
      const known = feeAndDeadline(
        readServices(ss, tz).services,
        { board: draft.board, series: draft.series, service: draft.service, qualification: draft.qualification },
        { settings: mail.settings },
      );
      if (known.row === null) {
        notes.push(
          `${draft.board} does not offer this service in ${draft.series} in the Services sheet: the fee and deadline are left to write in.`,
        );
      }
      draft.fee = known.fee;
      draft.deadline = known.deadline ?? '';
    }

    showDialog(
      draftConsentFormPage(draft, mail.settings, mail.today, notes),
      'Application and consent form (not yet saved)',
    );
    return { ok: true, candidateFound, notes };
  });
}

/** Menu: "Print results-day letters" — for every candidate with no email address. */
export function menuPrintLetters(): void {
  const result = showResultsDayLetters({});
  const ui = SpreadsheetApp.getUi();
  if (!result.ok) ui.alert(result.errors.map((e) => e.message).join(' '));
  else if (result.letters === 0) {
    ui.alert(
      'Every candidate in the Candidates sheet has an email address, so there are no letters to print. ' +
        'To print letters for everyone, open "Send results-day reminders" and choose "Print letters for all".',
    );
  }
}

/**
 * Menu: "Print application and consent form…" — a request ID prints the
 * saved request's form; a candidate number, a form with their details to sign
 * before the request is taken; nothing, a blank form.
 */
export function menuPrintConsentForm(): void {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(
    'Application and consent form',
    'Type a request ID (like R-2026-0042) for a saved request, a candidate number (like 0042) for a form with their details to sign before the request is saved, or leave blank for a blank form.',
    ui.ButtonSet.OK_CANCEL,
  );
  if (response.getSelectedButton() !== ui.Button.OK) return;
  const typed = response.getResponseText().trim();
  const result =
    typed === '' || /^\d+$/.test(typed) ? showBlankConsentForm({ candidateNumber: typed }) : showConsentForm(typed);
  if (!result.ok) ui.alert(result.errors.map((e) => e.message).join(' '));
}
