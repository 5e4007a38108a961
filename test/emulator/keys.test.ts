/**
 * What the mail queue's seal relies on in the stand-in: HMAC-SHA256 as
 * Utilities computes it, and user properties that belong to one user.
 */
import { createGasEnvironment } from '../../emulator/gas';
import type { PropertiesServiceType, UtilitiesService } from '../../emulator/gas';

function env() {
  const e = createGasEnvironment({ now: '2026-08-20T09:00:00Z', userEmail: 'exams@school.example' });
  return {
    e,
    Utilities: e.globals.Utilities as UtilitiesService,
    Properties: e.globals.PropertiesService as PropertiesServiceType,
  };
}

describe('Utilities.computeHmacSha256Signature', () => {
  it('gives the RFC 4231 digest as signed bytes', () => {
    const { Utilities } = env();
    const bytes = Utilities.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe');
    const hex = bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(bytes.some((b) => b < 0)).toBe(true);
  });

  it('refuses what Apps Script refuses', () => {
    const { Utilities } = env();
    expect(() => Utilities.computeHmacSha256Signature(42, 'key')).toThrow(/don't match the method signature/);
  });
});

describe('user properties', () => {
  it("are each user's own: another editor of the file never sees the officer's", () => {
    const { e, Properties } = env();
    Properties.getUserProperties().setProperty('secret', 'officer only');
    Properties.getDocumentProperties().setProperty('shared', 'everyone');
    e.setActiveUser('editor@school.example');
    expect(Properties.getUserProperties().getProperty('secret')).toBeNull();
    expect(Properties.getDocumentProperties().getProperty('shared')).toBe('everyone');
    Properties.getUserProperties().setProperty('secret', 'editor');
    e.setActiveUser('Exams@School.example');
    expect(Properties.getUserProperties().getProperty('secret')).toBe('officer only');
  });
});
