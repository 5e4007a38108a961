import { failureText, message } from '../../sidebar/read';

describe('what a page says when the server could not be reached', () => {
  it('gives the reason an Error or a string carries', () => {
    expect(message(new Error('Exceeded maximum execution time'))).toBe('Exceeded maximum execution time');
    expect(message('  ScriptError: quota  ')).toBe('ScriptError: quota');
  });

  it('never leaves the reason blank, whatever the failure handler was given', () => {
    for (const given of [undefined, null, '', '   ', {}, { message: '' }, { message: '  ' }, 42]) {
      expect(message(given)).toBe('no reason given');
    }
  });

  it('the data pages wrap the same reason', () => {
    expect(failureText({ message: '' })).toBe(
      'The add-on could not be reached (no reason given). Nothing was changed; try again.',
    );
    expect(failureText(new Error('timeout'))).toContain('(timeout)');
  });
});
