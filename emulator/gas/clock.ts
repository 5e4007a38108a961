/**
 * The virtual clock and the `Date` the bundle sees. Apps Script runs the
 * script in its manifest's time zone, so `new Date(2026, 7, 20)` and
 * `d.getHours()` there mean Europe/London even when this host runs in UTC.
 * The replacement Date does the same, and its no-argument form reads the
 * virtual clock so tests control "today".
 */
import {
  MONTHS,
  RealDate,
  WEEKDAYS,
  addCalendarDays,
  offsetAt,
  offsetText,
  pad,
  wallTime,
  wallToInstant,
  zoneName,
} from './dates';

export class VirtualClock {
  private ms: number;

  constructor(
    initial: Date | string | number | undefined,
    private readonly timeZone: string,
  ) {
    this.ms = initial === undefined ? RealDate.now() : toMs(initial);
  }

  nowMs(): number {
    return this.ms;
  }

  now(): Date {
    return new RealDate(this.ms);
  }

  set(d: Date | string | number): void {
    this.ms = toMs(d);
  }

  advanceMs(n: number): void {
    this.ms += n;
  }

  /** Calendar days in the script's zone: 09:00 stays 09:00 across a clock change. */
  advanceDays(n: number): void {
    this.ms = addCalendarDays(this.ms, n, this.timeZone);
  }
}

function toMs(d: Date | string | number): number {
  const ms = typeof d === 'number' ? d : typeof d === 'string' ? RealDate.parse(d) : RealDate.prototype.getTime.call(d);
  if (Number.isNaN(ms)) throw new Error(`Invalid clock time: ${String(d)}`);
  return ms;
}

export type ZonedDateConstructor = DateConstructor & { readonly timeZone: string };

const ISO_LOCAL = /^(\d{4}|[+-]\d{6})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const HAS_ZONE = /(Z|GMT|UTC|[+-]\d{2}:?\d{2})\s*(\(.*\))?$/i;

/**
 * A Date class for one environment. Instances are real Dates (so every Date
 * method and JSON work); only the local-time methods are re-pointed at `tz`.
 */
export function makeZonedDate(clock: VirtualClock, tz: string): ZonedDateConstructor {
  const parseLocal = (s: string): number => {
    const iso = ISO_LOCAL.exec(s);
    if (iso) {
      const ms = Number((iso[7] ?? '0').padEnd(3, '0'));
      return wallToInstant(+iso[1], +iso[2] - 1, +iso[3], +iso[4], +iso[5], +(iso[6] ?? 0), ms, tz);
    }
    const ms = RealDate.parse(s);
    if (Number.isNaN(ms) || /^\d{4}-\d{2}-\d{2}$/.test(s) || HAS_ZONE.test(s.trim())) return ms;
    // Any other zone-less text is local time: re-read the host's wall clock in `tz`.
    const h = new RealDate(ms);
    return wallToInstant(
      h.getFullYear(),
      h.getMonth(),
      h.getDate(),
      h.getHours(),
      h.getMinutes(),
      h.getSeconds(),
      h.getMilliseconds(),
      tz,
    );
  };

  const setWall = (d: Date, change: (w: ReturnType<typeof wallTime>) => void): number => {
    const t = RealDate.prototype.getTime.call(d);
    if (Number.isNaN(t)) return NaN;
    const w = wallTime(t, tz);
    change(w);
    return RealDate.prototype.setTime.call(
      d,
      wallToInstant(w.year, w.month, w.day, w.hour, w.minute, w.second, w.ms, tz),
    );
  };
  const wall = (d: Date) => wallTime(RealDate.prototype.getTime.call(d), tz);
  const valid = (d: Date) => !Number.isNaN(RealDate.prototype.getTime.call(d));

  // Named Date so inspectors and jest diffs print these as ordinary Dates.
  class Date extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.nowMs());
      else if (args.length === 1) {
        const a = args[0];
        if (typeof a === 'string') super(parseLocal(a));
        else if (Object.prototype.toString.call(a) === '[object Date]')
          super(RealDate.prototype.getTime.call(a as Date));
        else super(a as number);
      } else {
        const n = args.map(Number);
        // As Date does: two-digit years mean the 1900s.
        if (n[0] >= 0 && n[0] <= 99) n[0] += 1900;
        super(wallToInstant(n[0], n[1], n[2] ?? 1, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, n[6] ?? 0, tz));
      }
    }

    static override now(): number {
      return clock.nowMs();
    }

    static override parse(s: string): number {
      return parseLocal(String(s));
    }

    /** Any realm's Date counts, as every Date the services return is one. */
    static [Symbol.hasInstance](v: unknown): boolean {
      return Object.prototype.toString.call(v) === '[object Date]';
    }

    static get timeZone(): string {
      return tz;
    }

    override getFullYear(): number {
      return valid(this) ? wall(this).year : NaN;
    }
    override getMonth(): number {
      return valid(this) ? wall(this).month : NaN;
    }
    override getDate(): number {
      return valid(this) ? wall(this).day : NaN;
    }
    override getDay(): number {
      return valid(this) ? wall(this).weekday : NaN;
    }
    override getHours(): number {
      return valid(this) ? wall(this).hour : NaN;
    }
    override getMinutes(): number {
      return valid(this) ? wall(this).minute : NaN;
    }
    override getSeconds(): number {
      return valid(this) ? wall(this).second : NaN;
    }
    override getMilliseconds(): number {
      return valid(this) ? wall(this).ms : NaN;
    }
    override getTimezoneOffset(): number {
      return valid(this) ? -offsetAt(this.getTime(), tz) / 60_000 : NaN;
    }
    override setFullYear(y: number, m?: number, d?: number): number {
      return setWall(this, (w) => {
        w.year = y;
        if (m !== undefined) w.month = m;
        if (d !== undefined) w.day = d;
      });
    }
    override setMonth(m: number, d?: number): number {
      return setWall(this, (w) => {
        w.month = m;
        if (d !== undefined) w.day = d;
      });
    }
    override setDate(d: number): number {
      return setWall(this, (w) => {
        w.day = d;
      });
    }
    override setHours(h: number, mi?: number, s?: number, ms?: number): number {
      return setWall(this, (w) => {
        w.hour = h;
        if (mi !== undefined) w.minute = mi;
        if (s !== undefined) w.second = s;
        if (ms !== undefined) w.ms = ms;
      });
    }
    override setMinutes(mi: number, s?: number, ms?: number): number {
      return setWall(this, (w) => {
        w.minute = mi;
        if (s !== undefined) w.second = s;
        if (ms !== undefined) w.ms = ms;
      });
    }
    override setSeconds(s: number, ms?: number): number {
      return setWall(this, (w) => {
        w.second = s;
        if (ms !== undefined) w.ms = ms;
      });
    }
    override setMilliseconds(ms: number): number {
      return setWall(this, (w) => {
        w.ms = ms;
      });
    }
    override toDateString(): string {
      if (!valid(this)) return 'Invalid Date';
      const w = wall(this);
      return `${WEEKDAYS[w.weekday].slice(0, 3)} ${MONTHS[w.month].slice(0, 3)} ${pad(w.day, 2)} ${pad(w.year, 4)}`;
    }
    override toTimeString(): string {
      if (!valid(this)) return 'Invalid Date';
      const w = wall(this);
      const t = this.getTime();
      return `${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)} GMT${offsetText(offsetAt(t, tz))} (${zoneName(t, tz, 'long')})`;
    }
    override toString(): string {
      return valid(this) ? `${this.toDateString()} ${this.toTimeString()}` : 'Invalid Date';
    }
    override toLocaleString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return RealDate.prototype.toLocaleString.call(this, locales, { timeZone: tz, ...options });
    }
    override toLocaleDateString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return RealDate.prototype.toLocaleDateString.call(this, locales, { timeZone: tz, ...options });
    }
    override toLocaleTimeString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return RealDate.prototype.toLocaleTimeString.call(this, locales, { timeZone: tz, ...options });
    }
  }

  // `Date()` called without `new` returns the current time as text, as in the real thing.
  return new Proxy(Date, {
    apply: () => new Date().toString(),
  }) as unknown as ZonedDateConstructor;
}
