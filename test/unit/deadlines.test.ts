import { appealDeadline, appealWindowFromNotes, deadlineFromResults, feeAndDeadline } from '../../src/domain/deadlines';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import type { ServiceRow } from '../../src/domain/types';

describe('a deadline "within six weeks of receipt of results" (OCR vocational access to scripts)', () => {
  // The eight closing dates OCR published (shared/domain.md §9): each is results + 42 days.
  it.each([
    ['CPC September 2011', '2011-10-22', '2011-12-03'],
    ['CPC December 2011', '2012-01-21', '2012-03-03'],
    ['CPC March 2012', '2012-04-15', '2012-05-27'],
    ['CPC June 2012', '2012-07-15', '2012-08-26'],
    ['Key Skills September 2011', '2011-11-09', '2011-12-21'],
    ['Key Skills March 2012', '2012-05-04', '2012-06-15'],
    ['Key Skills May 2012', '2012-07-13', '2012-08-24'],
    ['Key Skills June 2012', '2012-08-10', '2012-09-21'],
  ])('%s: results %s, closing date %s', (_series, results, closing) => {
    expect(deadlineFromResults(results, 6)).toBe(closing);
  });

  it('also gives the general review deadline pattern: A level results day 2026 + 6 weeks = 24/09/2026', () => {
    expect(deadlineFromResults('2026-08-13', 6)).toBe('2026-09-24');
  });
});

describe('the appeal window', () => {
  it('is counted in calendar days from the day the review outcome was received', () => {
    expect(appealDeadline('2026-09-10', 30)).toBe('2026-10-10');
    expect(appealDeadline('2026-09-10', 14)).toBe('2026-09-24');
  });

  it.each([
    ['appeal window: 14 days', 14],
    ['Vocational: Appeal window 14 days; check before season', 14],
    ['appeal window: 21 calendar days', 21],
    ['APPEAL WINDOW:1 day', 1],
  ])('a board’s appeal row can set its own window in Notes: %j', (notes, days) => {
    expect(appealWindowFromNotes(notes)).toBe(days);
  });

  it.each([
    [
      'Stage 1 fee; stage 2 hearing 205.80, within 14 days of stage-1 outcome; no charge if upheld; check before season',
    ],
    ['Fee not found; check before season'],
    ['appeal window: 0 days'],
    [''],
  ])('other numbers in the notes do not change the window: %j', (notes) => {
    expect(appealWindowFromNotes(notes)).toBeNull();
  });
});

describe('fee and deadline for a request', () => {
  const settings = { appealWindowDays: 30 };

  it('come from the board’s row in Services', () => {
    expect(
      feeAndDeadline(SEED_SERVICES, { board: 'AQA', series: 'June 2026', service: 'review-of-marking' }, { settings }),
    ).toEqual({
      row: expect.objectContaining({ board: 'AQA', service: 'review-of-marking' }),
      fee: 48.65,
      deadline: '2026-09-24',
      turnaroundDays: 20,
    });
  });

  it('keep a blank fee as null: not researched is not free', () => {
    const r = feeAndDeadline(
      SEED_SERVICES,
      { board: 'OCR', series: 'June 2026', service: 'review-of-marking' },
      { settings },
    );
    expect(r.fee).toBeNull();
    expect(r.deadline).toBe('2026-09-24');
  });

  it('are unknown when the board does not offer the service in that series', () => {
    expect(
      feeAndDeadline(SEED_SERVICES, { board: 'AQA', series: 'June 2031', service: 'review-of-marking' }, { settings }),
    ).toEqual({ row: null, fee: null, deadline: null, turnaroundDays: null });
  });

  it('for an appeal, the deadline is the review outcome + the Settings window (30 days)', () => {
    const r = feeAndDeadline(
      SEED_SERVICES,
      { board: 'AQA', series: 'June 2026', service: 'appeal' },
      { settings, reviewOutcome: '2026-09-20' },
    );
    expect(r.fee).toBe(120.05);
    expect(r.deadline).toBe('2026-10-20');
    expect(r.appealWindow).toEqual({ days: 30, from: 'settings' });
  });

  it('for an appeal, a window in the appeal row’s Notes overrides Settings', () => {
    const services: ServiceRow[] = [
      {
        board: 'OCR',
        series: 'June 2026',
        service: 'appeal',
        levels: [],
        fee: null,
        deadline: null,
        turnaroundDays: 30,
        notes: 'Vocational qualifications: appeal window: 14 days',
      },
    ];
    const r = feeAndDeadline(
      services,
      { board: 'OCR', series: 'June 2026', service: 'appeal' },
      { settings, reviewOutcome: '2026-09-20' },
    );
    expect(r.deadline).toBe('2026-10-04');
    expect(r.appealWindow).toEqual({ days: 14, from: 'services' });
  });

  it('for an appeal whose review has no outcome yet, there is no deadline', () => {
    const r = feeAndDeadline(SEED_SERVICES, { board: 'AQA', series: 'June 2026', service: 'appeal' }, { settings });
    expect(r.deadline).toBeNull();
  });
});
