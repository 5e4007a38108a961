import {
  isParentCopy,
  parentCopyOf,
  parentCopyTemplate,
  withParentCopies,
  PARENT_COPY_TEMPLATES,
} from '../../src/domain/parentCopies';
import { renderTemplate } from '../../src/domain/templates';
import type { MailJob } from '../../src/domain/types';

const toAmy: MailJob = {
  requestId: 'R-2026-0001',
  template: 'Outcome: grade raised',
  to: 'amy.brown@example.org',
  values: { forename: 'Amy', candidateName: 'Amy Brown' },
  toCandidate: '0042',
};

describe('which messages a parent is copied on', () => {
  it('a message to the candidate is copied to the parent, as its own message to one address', () => {
    const copy = parentCopyOf(toAmy, ' j.brown@example.net ');
    expect(copy).toMatchObject({
      requestId: 'R-2026-0001',
      template: 'Outcome: grade raised',
      to: 'j.brown@example.net',
    });
    expect(isParentCopy(copy!.values)).toBe(true);
    expect(isParentCopy(toAmy.values)).toBe(false);
  });

  it('no parent email, no copy', () => {
    expect(parentCopyOf(toAmy, '')).toBeNull();
    expect(parentCopyOf(toAmy, '   ')).toBeNull();
  });

  it('a parent email that is the candidate’s own address gets no second message', () => {
    expect(parentCopyOf(toAmy, 'Amy.Brown@example.org')).toBeNull();
  });

  it('a message to a teacher or to the officer is never copied to a parent', () => {
    const { toCandidate, ...toTeacher } = toAmy;
    expect(toCandidate).toBe('0042');
    expect(parentCopyOf({ ...toTeacher, to: 'mr.ali@school.example.org' }, 'j.brown@example.net')).toBeNull();
    expect(parentCopyOf({ ...toAmy, template: 'Daily digest' }, 'j.brown@example.net')).toBeNull();
  });

  it('a script goes only to whoever asked for it: "Script ready" is not copied', () => {
    expect(PARENT_COPY_TEMPLATES.has('Script ready (candidate)')).toBe(false);
    expect(parentCopyOf({ ...toAmy, template: 'Script ready (candidate)' }, 'j.brown@example.net')).toBeNull();
  });

  it('a cell with two addresses still makes a job, so the mailer refuses it and names the cell', () => {
    const copy = parentCopyOf(toAmy, 'mum@example.net, dad@example.net');
    expect(copy?.to).toBe('mum@example.net, dad@example.net');
    expect(copy?.recipientSource?.field).toBe('the parent email cell for candidate 0042');
  });
});

describe('copying a batch', () => {
  const toRavi: MailJob = { ...toAmy, requestId: 'R-2026-0002', to: 'ravi@example.org', toCandidate: '0043' };
  const parents: Record<string, string> = { '0042': 'j.brown@example.net' };

  it('off: the jobs go out as they are', () => {
    expect(withParentCopies([toAmy, toRavi], false, (n) => parents[n] ?? '')).toEqual([toAmy, toRavi]);
  });

  it('on: each copy follows its candidate’s own message', () => {
    const out = withParentCopies([toAmy, toRavi], true, (n) => parents[n] ?? '');
    expect(out.map((j) => j.to)).toEqual(['amy.brown@example.org', 'j.brown@example.net', 'ravi@example.org']);
  });
});

describe('what the parent reads', () => {
  it('"Copy: " before the subject and a line saying whose results these are, above the candidate’s message', () => {
    const template = {
      name: 'Outcome: grade raised',
      subject: 'Your {{subject}} result',
      body: 'Dear {{forename}},\n\nGood news.',
    };
    const rendered = renderTemplate(parentCopyTemplate(template), {
      forename: 'Amy',
      candidateName: 'Amy <b>Brown</b>',
      subject: 'Chemistry',
    });
    expect(rendered.ok).toBe(true);
    if (!rendered.ok) return;
    expect(rendered.email.subject).toBe('Copy: Your Chemistry result');
    expect(rendered.email.text).toMatch(
      /^This is a copy for the parent or carer of Amy <b>Brown<\/b>; the same email went to Amy\. Any review or appeal needs Amy's own written consent\.\n\nDear Amy,/,
    );
    // A name is text in the HTML too, never markup.
    expect(rendered.email.html).toContain('Amy &#60;b&#62;Brown&#60;/b&#62;');
    expect(rendered.email.html).not.toContain('<b>Brown</b>');
  });
});
