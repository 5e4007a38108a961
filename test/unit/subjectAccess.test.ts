import { addressesIn, isAboutCandidate } from '../../src/domain/subjectAccess';

describe('which messages are about a candidate (subject access)', () => {
  const own = new Set(['R-2026-0001']);
  const every = new Set(['R-2026-0001', 'R-2026-0002']);
  const addresses = new Set(['amy@example.org', 'brown.family@example.org']);

  it("includes every message about the candidate's own requests, whoever it went to", () => {
    expect(isAboutCandidate({ requestId: 'R-2026-0001', to: 'teacher@school.example' }, own, every, addresses)).toBe(
      true,
    );
  });

  it("includes a message about no request (a reminder) sent to one of the candidate's addresses", () => {
    expect(isAboutCandidate({ requestId: 'REMINDER-2026', to: 'Amy@Example.org' }, own, every, addresses)).toBe(true);
    expect(isAboutCandidate({ requestId: 'REMINDER-2026', to: 'ben@example.org' }, own, every, addresses)).toBe(false);
  });

  it("never includes a message about a sibling's request, even sent to the shared family address", () => {
    expect(isAboutCandidate({ requestId: 'R-2026-0002', to: 'brown.family@example.org' }, own, every, addresses)).toBe(
      false,
    );
  });

  it('reads several addresses in one To cell', () => {
    expect(addressesIn(' a@x.org; B@Y.org ,')).toEqual(['a@x.org', 'b@y.org']);
  });
});
