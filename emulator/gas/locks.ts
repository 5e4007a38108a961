/**
 * LockService. The lock table lives in the environment, so two vm contexts
 * (two "executions") contend for the same locks. Waiting is virtual: a wait
 * advances the clock by the time waited instead of sleeping.
 */
import { instrument } from './counter';
import type { Ctx, LockKind } from './state';

/** Marks a lock held by the test ("another process") rather than by a Lock object. */
export const OTHER_PROCESS = Object.freeze({ holder: 'another process' });

export class Lock {
  constructor(
    readonly _ctx: Ctx,
    readonly _kind: LockKind,
  ) {}

  /** Takes the lock if it is free now or frees up within `ms`; advances the clock by the wait. */
  private _acquire(ms: unknown): boolean {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new Error(`The parameters (${typeof ms}) don't match the method signature for LockService.Lock.waitLock.`);
    }
    const state = this._ctx.locks[this._kind];
    const clock = this._ctx.clock;
    if (state.holder === this) return true;
    if (state.holder === OTHER_PROCESS && state.heldUntil <= clock.nowMs()) state.holder = null;
    if (state.holder === null) {
      state.holder = this;
      return true;
    }
    if (state.holder === OTHER_PROCESS && state.heldUntil - clock.nowMs() <= ms) {
      clock.advanceMs(state.heldUntil - clock.nowMs());
      state.holder = this;
      return true;
    }
    clock.advanceMs(ms);
    return false;
  }

  waitLock(timeoutInMillis: unknown): void {
    if (!this._acquire(timeoutInMillis))
      throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  tryLock(timeoutInMillis: unknown): boolean {
    return this._acquire(timeoutInMillis);
  }
  hasLock(): boolean {
    return this._ctx.locks[this._kind].holder === this;
  }
  releaseLock(): void {
    const state = this._ctx.locks[this._kind];
    if (state.holder === this) state.holder = null;
  }
}
instrument(Lock, 'Lock', 'Lock');

export class LockServiceImpl {
  constructor(readonly _ctx: Ctx) {}

  getDocumentLock(): Lock {
    return new Lock(this._ctx, 'document');
  }
  getScriptLock(): Lock {
    return new Lock(this._ctx, 'script');
  }
  getUserLock(): Lock {
    return new Lock(this._ctx, 'user');
  }
}
instrument(LockServiceImpl, 'Lock', 'LockService');

/** Makes "another process" hold a lock for `forMs` of virtual time (forever by default). */
export function holdLock(ctx: Ctx, kind: LockKind, forMs: number): void {
  ctx.locks[kind] = { holder: OTHER_PROCESS, heldUntil: ctx.clock.nowMs() + forMs };
}
