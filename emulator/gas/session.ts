/**
 * Session, Logger and console. Log lines are kept in `env.logs` rather than
 * printed, so a test can assert that no personal data reached the logs.
 */
import { formatWithOptions } from 'node:util';
import { createHash } from 'node:crypto';
import { instrument } from './counter';
import { User } from './protection';
import type { Ctx } from './state';

export class SessionService {
  constructor(readonly _ctx: Ctx) {}

  getActiveUser(): User {
    return new User(this._ctx, this._ctx.user.active);
  }
  getEffectiveUser(): User {
    return new User(this._ctx, this._ctx.user.active);
  }
  getScriptTimeZone(): string {
    return this._ctx.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return 'en_GB';
  }
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`key:${this._ctx.user.active}`).digest('base64').slice(0, 43);
  }
}
instrument(SessionService, 'Session', 'Session');

function format(args: unknown[]): string {
  return formatWithOptions({ depth: 4, breakLength: Infinity }, ...args);
}

export class LoggerService {
  constructor(readonly _ctx: Ctx) {}

  log(data: unknown, ...values: unknown[]): LoggerService {
    // Logger.log('%s is %s', a, b) formats like Java's String.format for %s.
    const text =
      typeof data === 'string' && values.length > 0
        ? data.replace(/%s/g, () => String(values.shift()))
        : format([data]);
    this._ctx.logs.push(text);
    return this;
  }
  getLog(): string {
    return this._ctx.logs.join('\n');
  }
  clear(): void {
    this._ctx.logs.length = 0;
  }
}
instrument(LoggerService, 'Logger', 'Logger');

/** console for the sandbox; not counted, as it is not a billable service. */
export function makeConsole(
  ctx: Ctx,
): Record<'log' | 'info' | 'warn' | 'error' | 'debug', (...args: unknown[]) => void> {
  const write =
    (level: string) =>
    (...args: unknown[]) => {
      ctx.logs.push(level === 'log' || level === 'info' ? format(args) : `${level.toUpperCase()}: ${format(args)}`);
    };
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error'), debug: write('debug') };
}
