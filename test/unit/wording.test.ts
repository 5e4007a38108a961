import { capital, quote, withArticle } from '../../src/domain/wording';

describe('values as they read in the officer’s messages', () => {
  it('a service with its article, mid-sentence', () => {
    expect(withArticle('review-of-marking')).toBe('a review of marking');
    expect(withArticle('appeal-hearing')).toBe('an appeal hearing');
    expect(withArticle('ats-original')).toBe('an original script');
  });

  it('a typed value quoted, and cut short after 40 characters so a pasted essay cannot flood the sidebar', () => {
    expect(quote('Remark')).toBe('"Remark"');
    expect(quote('x'.repeat(41))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quote('é'.repeat(40))).toBe(`"${'é'.repeat(40)}"`);
  });

  it('a sentence starts with a capital', () => {
    expect(capital('a review of marking needs')).toBe('A review of marking needs');
  });
});
