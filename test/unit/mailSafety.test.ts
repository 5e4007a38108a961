import { checkRecipient, cleanHeader, mailHeaders, recipientRefusal } from '../../src/domain/mailSafety';

const SETTINGS = { officerEmail: 'exams@hillside.example.org', centreName: 'Hillside Academy' };
// eslint-disable-next-line no-control-regex -- the point of the test
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('headers never carry a line break or other control character', () => {
  const breaks = ['\r\n', '\n', '\r', '\u0000', '\t', '\u0085', '\u2028', '\u2029', '\u001b'];

  it.each(breaks)('sender name: %j becomes a space', (br) => {
    const h = mailHeaders({ ...SETTINGS, centreName: `Hillside${br}Bcc: all@example.org` }, 'amy@example.org', 'Hi');
    expect(h.name).toBe('Hillside Bcc: all@example.org');
    expect(h.name).not.toMatch(CONTROL);
  });

  it.each(breaks)('subject: %j becomes a space', (br) => {
    const h = mailHeaders(SETTINGS, 'amy@example.org', `Your results${br}Bcc: all@example.org`);
    expect(h.subject).toBe('Your results Bcc: all@example.org');
  });

  it.each(breaks)('reply-to: %j around the address is dropped; inside it, no reply-to at all', (br) => {
    expect(
      mailHeaders({ ...SETTINGS, officerEmail: `${br}exams@hillside.example.org${br}` }, 'a@b.org', 'x').replyTo,
    ).toBe('exams@hillside.example.org');
    const inside = mailHeaders(
      { ...SETTINGS, officerEmail: `exams@hillside.example.org${br}Bcc: x@y.org` },
      'a@b.org',
      'x',
    );
    expect(inside).not.toHaveProperty('replyTo');
  });

  it.each(breaks)('recipient: %j is cleaned out of the To header', (br) => {
    expect(mailHeaders(SETTINGS, `amy@example.org${br}`, 'x').to).toBe('amy@example.org');
  });

  it('a blank centre name is left to Gmail rather than sent empty', () => {
    expect(mailHeaders({ ...SETTINGS, centreName: ' \r\n ' }, 'a@b.org', 'x')).not.toHaveProperty('name');
  });

  it('cleanHeader runs spaces together and trims, and reads anything as text', () => {
    expect(cleanHeader('  a \r\n\r\n b  ')).toBe('a b');
    expect(cleanHeader(null)).toBe('');
    expect(cleanHeader('Priority review of marking: £57.85')).toBe('Priority review of marking: £57.85');
  });
});

describe('exactly one valid address', () => {
  it.each([
    ['amy@example.org', true],
    ['  amy@example.org  ', true],
    ['amy@example.org, dad@example.org', false],
    ['amy@example.org;dad@example.org', false],
    ['amy@example.org dad@example.org', false],
    ['amy@example.org\ndad@example.org', false],
    ['Amy <amy@example.org>', false],
    ['amy@', false],
    ['', false],
  ])('%j is one address: %s', (field, ok) => {
    expect(checkRecipient(field).ok).toBe(ok);
  });

  it('says how many addresses a cell holds, names the cell and the row to fix', () => {
    expect(
      recipientRefusal('sam@example.org, parent@example.org', {
        field: 'the email cell for Pupil, Sam',
        fix: 'Candidates row 7',
      }),
    ).toBe(
      'Not sent: the email cell for Pupil, Sam holds two addresses; one message goes to one address only. Put one address in Candidates row 7 and send it again.',
    );
    expect(recipientRefusal('a@x.org; b@x.org; c@x.org')).toBe(
      'Not sent: the recipient field holds three addresses; one message goes to one address only.',
    );
  });

  it("keeps MailApp's own words for one malformed address, and says nothing of a good one", () => {
    expect(recipientRefusal('tom.jones@')).toBe('Invalid email: tom.jones@');
    expect(recipientRefusal('amy@example.org')).toBeNull();
  });
});
