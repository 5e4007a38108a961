import { isIsoDate } from '../../src/domain/calendar';
import { levelsText } from '../../src/domain/levels';
import { parseServices } from '../../src/domain/services';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import { KNOWN_BOARDS, SERVICE_CODES } from '../../src/domain/types';

describe('the June 2026 Services rows setUp() writes (domain.md §8)', () => {
  it('has the five boards x eleven services (the appeal hearing added to §8), with AQA review of marking and Pearson priority by level', () => {
    expect(SEED_SERVICES).toHaveLength(57);
    for (const board of KNOWN_BOARDS) {
      const codes = SEED_SERVICES.filter((r) => r.board === board).map((r) => r.service);
      expect([...new Set(codes)].sort()).toEqual([...SERVICE_CODES].sort());
    }
    expect(new Set(SEED_SERVICES.map((r) => r.series))).toEqual(new Set(['June 2026']));
  });

  it('says on every row that it must be checked before the season', () => {
    for (const r of SEED_SERVICES) expect(r.notes).toMatch(/check before season$/);
  });

  it('keeps a fee that was not found as blank (null), never as £0', () => {
    const byKey = (board: string, service: string) =>
      SEED_SERVICES.find((r) => r.board === board && r.service === service);
    expect(byKey('OCR', 'review-of-marking')?.fee).toBeNull();
    expect(byKey('AQA', 'review-of-moderation')?.fee).toBeNull();
    // The fees that were found, exactly.
    const priced = SEED_SERVICES.filter((r) => r.fee !== null).map((r) => `${r.board} ${r.service} ${r.fee}`);
    expect(priced).toEqual([
      'AQA clerical-recheck 8.7',
      'AQA review-of-marking 42',
      'AQA review-of-marking 48.65',
      'AQA priority-review-of-marking 57.85',
      'AQA appeal 120.05',
      'AQA appeal-hearing 205.8',
      'AQA ats-copy 0',
      'AQA ats-original 0',
      'OCR late-certification 0',
      'OCR ats-priority-copy 0',
      'OCR ats-copy 0',
      'Pearson Edexcel late-certification 7.35',
      'Pearson Edexcel ats-priority-copy 0',
      'Pearson Edexcel ats-copy 0',
    ]);
  });

  it('has the deadlines of the table: 24/09/2026 general, 20/08/2026 priority, AQA scripts 27/08 and 30/10', () => {
    const deadlines = new Set(SEED_SERVICES.map((r) => r.deadline));
    expect(deadlines).toEqual(new Set([null, '2026-09-24', '2026-08-20', '2026-08-27', '2026-10-30']));
    for (const r of SEED_SERVICES) if (r.deadline !== null) expect(isIsoDate(r.deadline)).toBe(true);
    expect(SEED_SERVICES.filter((r) => r.board === 'CCEA').every((r) => r.deadline === null)).toBe(true);
  });

  it('gives appeals no fixed deadline and a 30-day turnaround, as the window runs from the review outcome', () => {
    for (const r of SEED_SERVICES.filter((s) => s.service === 'appeal')) {
      expect(r.deadline).toBeNull();
      expect(r.turnaroundDays).toBe(30);
    }
  });

  it('gives the boards’ turnaround times: 10 days clerical, 20 review, 15 priority, 30 appeal, blank otherwise (a hearing’s was not found)', () => {
    const expected: Record<string, number | null> = {
      'clerical-recheck': 10,
      'review-of-marking': 20,
      'priority-review-of-marking': 15,
      appeal: 30,
    };
    for (const r of SEED_SERVICES) expect(r.turnaroundDays).toBe(expected[r.service] ?? null);
  });

  it('prices AQA review of marking £42.00 for GCSE and £48.65 for A level (domain.md §3)', () => {
    const aqa = SEED_SERVICES.filter((r) => r.board === 'AQA' && r.service === 'review-of-marking');
    expect(aqa.map((r) => [r.levels, r.fee])).toEqual([
      [['gcse'], 42],
      [[], 48.65],
    ]);
  });

  it('gives a priority review only to the levels that have one, and Pearson GCSE priority its own GCSE date', () => {
    for (const r of SEED_SERVICES.filter((s) => s.service === 'priority-review-of-marking')) {
      expect(r.levels.length).toBeGreaterThan(0);
    }
    const pearsonGcse = SEED_SERVICES.find(
      (r) => r.board === 'Pearson Edexcel' && r.service === 'priority-review-of-marking' && r.levels.includes('gcse'),
    );
    expect(pearsonGcse?.deadline).toBe('2026-08-27');
  });

  it('reads back from the sheet exactly as written, with no problems', () => {
    const { services, problems } = parseServices(SEED_SERVICES.map((r) => ({ ...r, level: levelsText(r.levels) })));
    expect(problems).toEqual([]);
    expect(services).toEqual(SEED_SERVICES);
  });
});
