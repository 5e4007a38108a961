/**
 * Five officers' browsers saving requests at once, with the daily trigger
 * holding the lock now and then: every request is saved exactly once, under
 * its own ID, with nothing overwritten; one that cannot get the lock in time
 * is told so and leaves no trace.
 */
import { SHEET } from '../../src/domain/schema';
import { sortKey } from '../../src/domain/sortKey';
import { reviewForm, setUpAddOn, withBundle, type AddOn } from '../integration/harness';
import { seeded } from '../../bench/fixtures';
import { addOnCells, expectedRow, hookedBundle, readLogView, state } from './helpers';

const SURNAMES = ['Zielińska', 'Adams', "O'Brien", 'Patel', 'Smith-Jones', 'Smith', 'Nowak', 'McDonald', 'Begum', 'Ng'];
const FORENAMES = ['Amy', 'Leo', 'Zara', 'Oscar', 'Chloé'];
const BUSY = /Another change to this spreadsheet is being saved\. Please try again in a moment; nothing was written\./;

/** Fifty different candidates in no particular order, one request each; every fifth is a copy of a script. */
function fiftyForms(): Record<string, unknown>[] {
  const random = seeded(50);
  return Array.from({ length: 50 }, (_, i) => {
    const surname = SURNAMES[Math.floor(random() * SURNAMES.length)];
    const forename = FORENAMES[i % FORENAMES.length];
    const script = i % 5 === 4;
    return reviewForm({
      candidateNumber: String(1001 + i),
      surname,
      forename,
      email: `c${1001 + i}@students.example.org`,
      component: `7405/${1 + (i % 3)}`,
      service: script ? 'ats-copy' : 'review-of-marking',
      paid: script ? 'no' : 'yes',
      originalMark: script ? '' : String(40 + i),
      originalGrade: script ? '' : 'C',
    });
  });
}

describe('concurrent submissions', () => {
  it('saves 50 interleaved submissions from five browsers through the lock: 50 rows, 50 IDs, nothing overwritten', () => {
    const { env } = setUpAddOn();
    const forms = fiftyForms();
    // While one browser is writing its row, the next browser's Save arrives.
    let arriving: (() => void) | null = null;
    const browsers: AddOn[] = Array.from({ length: 5 }, () =>
      hookedBundle(env, ({ method }) => {
        if (method === 'Range.setValues' && arriving) {
          const next = arriving;
          arriving = null;
          next();
        }
      }),
    );
    const plainBrowsers = Array.from({ length: 5 }, () => withBundle(env));

    const answers: { ok: boolean; requestId: string; fee: number; deadline: string | null }[] = [];
    const refusedMidWrite: unknown[] = [];
    const clockBefore = env.clock.now().getTime();
    let waited = 0;
    forms.forEach((form, i) => {
      // Another execution (the daily trigger, say) holds the lock for up to 9.5 s: this Save waits for it.
      const holdMs = 500 + ((i * 1370) % 9000);
      waited += holdMs;
      env.locks.holdDocumentLock(holdMs);
      if (i + 1 < forms.length) {
        arriving = () => {
          const early = plainBrowsers[(i + 1) % 5].run('submitRequest', forms[i + 1]);
          refusedMidWrite.push(early);
        };
      }
      answers.push(browsers[i % 5].run('submitRequest', form));
      expect(arriving).toBeNull();
    });

    expect(answers.map((a) => a.ok)).toEqual(forms.map(() => true));
    // Each Save that arrived mid-write was turned away, said so, and was then saved on its own turn.
    expect(refusedMidWrite).toHaveLength(49);
    for (const r of refusedMidWrite) {
      expect(r).toEqual({ ok: false, errors: [{ field: 'form', message: expect.stringMatching(BUSY) }] });
    }
    // Waiting is real: the virtual clock moved by at least every hold and every 10 s lock time-out.
    expect(env.clock.now().getTime() - clockBefore).toBeGreaterThanOrEqual(waited + 49 * 10000);

    const ids = answers.map((a) => a.requestId);
    expect(new Set(ids).size).toBe(50);
    const rIds = ids.filter((id) => id.startsWith('R-')).sort();
    const sIds = ids.filter((id) => id.startsWith('S-')).sort();
    expect(rIds).toEqual(Array.from({ length: 40 }, (_, k) => `R-2026-${String(k + 1).padStart(4, '0')}`));
    expect(sIds).toEqual(Array.from({ length: 10 }, (_, k) => `S-2026-${String(k + 1).padStart(4, '0')}`));

    const requests = readLogView(env, SHEET.requests);
    const scripts = readLogView(env, SHEET.scripts);
    expect(requests.rows).toHaveLength(40);
    expect(scripts.rows).toHaveLength(10);
    // Every cell of every row is the request that was given that ID: nothing overwritten or shifted.
    forms.forEach((form, i) => {
      const a = answers[i];
      const view = a.requestId.startsWith('R-') ? requests : scripts;
      const row = view.rows.find((r) => r['Request ID'] === a.requestId);
      expect(row).toBeDefined();
      expect(addOnCells(row!, view.headers)).toEqual(
        expectedRow(form, { requestId: a.requestId, received: '2026-08-20', fee: a.fee, deadline: a.deadline ?? '' }),
      );
    });
    for (const view of [requests, scripts]) {
      const keys = view.rows.map((r) => sortKey(String(r.Surname), String(r.Forename)));
      expect(keys).toEqual([...keys].sort());
      expect(view.formulas).toEqual([]);
    }
    expect(env.properties.document.get('requestId.last.R.2026')).toBe('40');
    expect(env.properties.document.get('requestId.last.S.2026')).toBe('10');
  });

  it('refuses a Save when the lock is never freed, says so, and writes nothing (not even an ID)', () => {
    const addOn = setUpAddOn();
    const before = state(addOn.env);
    addOn.env.locks.holdDocumentLock();
    const answer = addOn.run('submitRequest', reviewForm());
    expect(answer).toEqual({ ok: false, errors: [{ field: 'form', message: expect.stringMatching(BUSY) }] });
    expect(state(addOn.env)).toBe(before);

    addOn.env.locks.releaseAll();
    expect(addOn.run('submitRequest', reviewForm())).toMatchObject({ ok: true, requestId: 'R-2026-0001' });
  });

  it('waits up to 10 seconds for the lock, and no longer', () => {
    const addOn = setUpAddOn();
    const t0 = addOn.env.clock.now().getTime();
    addOn.env.locks.holdDocumentLock(9000);
    expect(addOn.run('submitRequest', reviewForm())).toMatchObject({ ok: true, requestId: 'R-2026-0001' });
    expect(addOn.env.clock.now().getTime() - t0).toBeGreaterThanOrEqual(9000);

    const before = state(addOn.env);
    addOn.env.locks.holdDocumentLock(11000);
    const late = addOn.run('submitRequest', reviewForm({ candidateNumber: '0043', email: 'b@example.org' }));
    expect(late.ok).toBe(false);
    expect(late.errors[0].message).toMatch(BUSY);
    expect(state(addOn.env)).toBe(before);
  });
});
