/**
 * MailApp. Nothing leaves the machine: messages go to the outbox. Address
 * checks, the daily recipient quota and injected failures all throw before
 * anything is recorded, so a test sees exactly what a real send would do.
 */
import { instrument } from './counter';
import type { Ctx, SentMail } from './state';

const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

interface MessageOptions {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  replyTo?: unknown;
  name?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  noReply?: unknown;
  attachments?: unknown;
}

/** Splits "a@x.org, Name <b@y.org>" and returns the bare addresses; throws on the first bad one. */
export function parseAddressList(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  const out: string[] = [];
  for (const part of String(list).split(',')) {
    const raw = part.trim();
    if (raw === '') continue;
    const angle = /<([^>]*)>\s*$/.exec(raw);
    const address = (angle ? angle[1] : raw).trim();
    if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${raw}`);
    out.push(address);
  }
  return out;
}

function attachmentInfo(a: unknown): { name: string; contentType: string; size: number } {
  const blob = a as { getName?: () => string; getContentType?: () => string; getBytes?: () => unknown[] };
  return {
    name: typeof blob.getName === 'function' ? String(blob.getName() ?? '') : '',
    contentType: typeof blob.getContentType === 'function' ? String(blob.getContentType() ?? '') : '',
    size: typeof blob.getBytes === 'function' ? blob.getBytes().length : 0,
  };
}

export class MailAppService {
  constructor(readonly _ctx: Ctx) {}

  getRemainingDailyQuota(): number {
    return this._ctx.mail.quota;
  }

  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    const mail = this._ctx.mail;
    mail.sendCalls++;
    let m: MessageOptions;
    if (typeof a === 'object' && a !== null && b === undefined) m = a as MessageOptions;
    else {
      if (typeof b !== 'string' || typeof c !== 'string') {
        throw new Error(
          `The parameters (${[a, b, c].map((x) => typeof x).join(',')}) don't match the method signature for MailApp.sendEmail.`,
        );
      }
      m = { ...((d as MessageOptions | undefined) ?? {}), to: a, subject: b, body: c };
    }
    const to = parseAddressList(m.to);
    const cc = parseAddressList(m.cc);
    const bcc = parseAddressList(m.bcc);
    parseAddressList(m.replyTo);
    if (to.length + cc.length + bcc.length === 0) throw new Error('Failed to send email: no recipient');
    const subject = m.subject === undefined || m.subject === null ? '' : String(m.subject);
    const body = m.body === undefined || m.body === null ? '' : String(m.body);
    const htmlBody = m.htmlBody === undefined || m.htmlBody === null ? '' : String(m.htmlBody);
    if (subject === '' && body === '' && htmlBody === '') throw new Error('Failed to send email: no subject or body');
    const failure = mail.failAt.findIndex((f) => f.call === mail.sendCalls);
    if (failure >= 0) {
      const [f] = mail.failAt.splice(failure, 1);
      throw new Error(f.message);
    }
    const recipients = to.length + cc.length + bcc.length;
    if (recipients > mail.quota) throw new Error('Service invoked too many times for one day: email.');
    mail.quota -= recipients;
    const sent: SentMail = {
      to: String(m.to ?? ''),
      cc: String(m.cc ?? ''),
      bcc: String(m.bcc ?? ''),
      replyTo: String(m.replyTo ?? ''),
      name: String(m.name ?? ''),
      subject,
      body,
      htmlBody,
      noReply: Boolean(m.noReply),
      attachments: Array.isArray(m.attachments) ? m.attachments.map(attachmentInfo) : [],
      sentAt: this._ctx.clock.now().toISOString(),
    };
    mail.outbox.push(sent);
  }
}
instrument(MailAppService, 'Mail', 'MailApp');
