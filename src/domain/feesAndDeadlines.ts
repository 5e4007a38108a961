/**
 * What the officer's Services sheet says about a request: the board, series
 * and service must be in it (the officer's research), the fee must be paid
 * (nothing is processed unpaid; a centre request is the centre's to pay), and
 * a request after the board's deadline is taken only with the officer's
 * reason, which is kept with the request.
 */
import { formatLongDate, formatMoney, formatUkDate } from './formats';
import { CATALOGUE } from './catalogue';
import { DEFAULT_REASONS_WINDOW_DAYS, type FeeAndDeadline } from './deadlines';
import { LEVEL_NAMES, levelsText } from './levels';
import type { RuleCheck } from './ruleCheck';
import { boardsOffered, chooseService, levelFees, matchKey, seriesOffered } from './services';
import type { IsoDate, ServiceCode, ServiceRow } from './types';
import { quote, withArticle } from './wording';

/**
 * The Services sheet's row for the request's board, series, service and
 * level, or null (with the reason) when there is none to price it by.
 */
export function serviceRowRule(c: RuleCheck, code: ServiceCode): ServiceRow | null {
  const { form, ctx } = c;
  const info = CATALOGUE[code];
  if (form.board === '' || form.series === '') return null;
  const choice = chooseService(ctx.services, form.board, form.series, code, form.qualification);
  if (choice.kind === 'ambiguous') {
    if (!c.errors.some((e) => e.field === 'qualification')) {
      c.add(
        'qualification',
        `${form.board} charges ${withArticle(code)} by qualification level (${levelFees(choice.rows)}): enter the qualification, like GCSE or GCE A level, so the right fee and deadline are used.`,
      );
    }
    // Whatever the level turns out to be, some answers are already known: say them now, not on the next Save.
    whateverTheLevelRule(c, code, choice.rows);
    return null;
  }
  if (choice.kind === 'notForLevel') {
    if (!c.errors.some((e) => e.field === 'qualification')) {
      c.add(
        'qualification',
        `The Services sheet lists ${form.board}, ${form.series}, ${info.name} only for ${choice.rows.map((r) => levelsText(r.levels)).join(', ')}, not for ${LEVEL_NAMES[choice.level]} (${quote(form.qualification)}). If the board offers it at this level, add that row to the Services sheet first.`,
      );
    }
    return null;
  }
  if (choice.kind === 'found') return choice.row;
  const boardKnown = boardsOffered(ctx.services).some((b) => matchKey(b) === matchKey(form.board));
  const seriesKnown = seriesOffered(ctx.services, form.board).some((s) => matchKey(s) === matchKey(form.series));
  if (!boardKnown) {
    c.add(
      'board',
      `${quote(form.board)} is not a board in the Services sheet. Choose one from the list, or add the board's rows to the Services sheet first.`,
    );
  } else if (!seriesKnown) {
    c.add(
      'series',
      `The Services sheet has no ${form.series} series for ${form.board}. Add its rows to the Services sheet first.`,
    );
  } else {
    c.add(
      'service',
      `The Services sheet has no row for ${form.board}, ${form.series}, ${info.name}. If the board offers it, add that row to the Services sheet first.`,
    );
  }
  return null;
}

/**
 * Payment: the school's procedure is that nothing is processed unpaid. Blank
 * is not free. A centre request is the centre's to pay: the board invoices it.
 */
export function paymentRule(c: RuleCheck, code: ServiceCode, row: ServiceRow): void {
  const { form, answer } = c;
  const info = CATALOGUE[code];
  if (info.centre) {
    answer.fee = row.fee;
    if (row.fee === null) {
      c.warn(
        'service',
        `The fee for ${row.board}, ${row.series}, ${info.name} is blank in the Services sheet. The board invoices the centre, so the request is taken; fill in the fee when you know it.`,
      );
    }
  } else if (row.fee === null && info.charging === 'paid') {
    c.add(
      'service',
      `The fee for ${row.board}, ${row.series}, ${info.name} is blank in the Services sheet. Fill in that row's fee first: blank is not free (enter 0 if the board does not charge).`,
    );
  } else {
    answer.fee = row.fee ?? 0;
    if (answer.fee > 0 && form.paid === 'no') {
      c.add(
        'paid',
        `Requests cannot be processed without payment: the fee for ${withArticle(code)} is ${formatMoney(answer.fee)}. Mark it paid, or waived if the centre is paying.`,
      );
    }
  }
}

/** The dates an appeal's window counted from, for the message when it has closed. */
export interface WindowFrom {
  reviewOutcome: IsoDate | null;
  reasonsReceived: IsoDate | null;
}

/**
 * Deadline: late only with the officer's reason, which is kept first in the
 * notes; never late for a service the board refuses late. A sheet with no
 * deadline is a warning, and a late reason given then is kept rather than lost.
 */
export function deadlineRule(
  c: RuleCheck,
  code: ServiceCode,
  row: ServiceRow,
  priced: FeeAndDeadline,
  from: WindowFrom,
): void {
  const { form, ctx } = c;
  const info = CATALOGUE[code];
  const today = ctx.today;
  const uk = formatUkDate;
  const deadline = priced.deadline;
  if (deadline === null) {
    if (!info.deadlineFromOutcome) {
      c.warn(
        'service',
        `The Services sheet has no deadline for ${row.board}, ${row.series}, ${info.name}: check the board's deadline before you submit.`,
      );
    }
  } else if (today > deadline && !info.lateAccepted) {
    c.add(
      'service',
      `${row.board} does not accept ${info.name.toLowerCase()} applications after its deadline of ${formatLongDate(deadline)} (today is ${formatLongDate(today)}), so it cannot be taken late, even with a reason.`,
    );
  } else if (today > deadline) {
    if (form.lateReason === '') {
      const window =
        code === 'appeal-hearing' ? 'The window to ask for an appeal hearing after' : 'The appeal window for';
      const counted =
        priced.reasonsDeadline === deadline
          ? `${ctx.settings.reasonsWindowDays ?? DEFAULT_REASONS_WINDOW_DAYS} days after its reasons were received on ${uk(from.reasonsReceived ?? '')}`
          : `${priced.appealWindow?.days} days after its outcome on ${uk(from.reviewOutcome ?? '')}`;
      const what = info.deadlineFromOutcome
        ? `${window} ${form.relatedRequestId} closed on ${uk(deadline)} (${counted})`
        : `The board's deadline for ${withArticle(code)} (${row.board}, ${row.series}) was ${uk(deadline)}`;
      c.add(
        'lateReason',
        `${what}; today is ${uk(today)}. It can only be taken late with a reason, which is kept in the notes.`,
      );
    } else {
      c.noteFirst(`Accepted after the board's deadline of ${uk(deadline)}: ${form.lateReason}`);
    }
  }
  if (form.lateReason !== '' && deadline !== null && today <= deadline && info.lateAccepted) {
    c.warn('lateReason', 'The request is not late, so the late reason is not needed and is not recorded.');
  }
  if (form.lateReason !== '' && deadline === null && info.lateAccepted) {
    // The officer may know a deadline the sheet lacks: keep the reason rather than lose it.
    c.noteFirst(`Late reason (the Services sheet has no deadline): ${form.lateReason}`);
  }
}

/**
 * The level is not known yet, so the fee and deadline are not either; but when
 * every level's row agrees (every fee is owed, every deadline has passed), the
 * officer is told now, with the other problems, rather than after fixing the qualification.
 */
export function whateverTheLevelRule(c: RuleCheck, code: ServiceCode, rows: readonly ServiceRow[]): void {
  const { form } = c;
  const today = c.ctx.today;
  const info = CATALOGUE[code];
  if (rows.length === 0) return;
  if (!info.centre && form.paid === 'no' && rows.every((r) => r.fee !== null && r.fee > 0)) {
    c.add(
      'paid',
      `Requests cannot be processed without payment: ${form.board} charges ${withArticle(code)} ${levelFees(rows)}. Mark it paid, or waived if the centre is paying.`,
    );
  }
  if (info.deadlineFromOutcome) return;
  const deadlines = rows.map((r) => r.deadline);
  if (deadlines.some((d) => d === null || d >= today)) return;
  const latest = (deadlines as IsoDate[]).reduce((a, b) => (b > a ? b : a));
  if (!info.lateAccepted) {
    c.add(
      'service',
      `${form.board} does not accept ${info.name.toLowerCase()} applications after its deadline of ${formatLongDate(latest)} (today is ${formatLongDate(today)}), so it cannot be taken late, even with a reason.`,
    );
  } else if (form.lateReason === '') {
    c.add(
      'lateReason',
      `The board's deadline for ${withArticle(code)} (${form.board}, ${form.series}) was ${formatUkDate(latest)} at every level; today is ${formatUkDate(today)}. It can only be taken late with a reason, which is kept in the notes.`,
    );
  }
}
