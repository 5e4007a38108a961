import {
  afterCall,
  choicesText,
  keepGoing,
  newSitting,
  progressText,
  progressValueText,
  lettersText,
  previewText,
  problemLines,
  readChoices,
  readQueueResult,
  readReminderResult,
  sendText,
} from '../../sidebar/reminders/remindersView';

const preview = {
  ok: true,
  dryRun: true,
  candidates: 250,
  sent: 0,
  queued: 0,
  skipped: 2,
  preview: {
    count: 245,
    emails: ['a', 'b', 'c'].map((x) => ({ to: `${x}@example.org`, subject: 'Your results', body: 'Dear Amy,' })),
  },
  withoutEmail: 3,
  leftOut: [],
  failed: [],
  uncertain: [],
  stoppedBecause: '',
};

describe('reading the server', () => {
  it('reads a preview', () => {
    const read = readReminderResult(preview);
    expect(read).toMatchObject({ ok: true, value: { dryRun: true, count: 245, skipped: 2, withoutEmail: 3 } });
  });

  it('shows the server’s own messages for a refusal, and a plain message for anything unreadable', () => {
    expect(readReminderResult({ ok: false, errors: [{ field: 'template', message: 'Uses {{x}}' }] })).toEqual({
      ok: false,
      messages: ['Uses {{x}}'],
    });
    expect(readChoices('<html>')).toEqual({
      ok: false,
      messages: ['The add-on gave an answer this page cannot read. Nothing was sent.'],
    });
    expect(readQueueResult({ ok: true, sent: '7' })).toMatchObject({ ok: true, value: { sent: 0 } });
  });
});

describe('what the officer reads', () => {
  it('before: how many candidates, and how many need a letter', () => {
    expect(choicesText({ candidates: 250, withoutEmail: 3, tutorGroups: [], qualifications: [] })).toBe(
      '250 candidates in the Candidates sheet. 3 have no email address: print them a letter.',
    );
    expect(choicesText({ candidates: 1, withoutEmail: 0, tutorGroups: [], qualifications: [] })).toBe(
      '1 candidate in the Candidates sheet.',
    );
  });

  it('the preview: the count, who had one already, who needs a letter', () => {
    const read = readReminderResult(preview);
    if (!read.ok) throw new Error('unreadable');
    expect(previewText(read.value)).toEqual([
      '245 reminders will be sent. The first 3 are below.',
      '2 candidates have had one already this season.',
      '3 candidates have no email: print letters below.',
    ]);
  });

  it('after: "sent N, queued M", why it stopped, and each problem', () => {
    expect(sendText({ sent: 100, queued: 150, stoppedBecause: "Today's email quota is used up." })).toEqual([
      'Sent 100, queued 150.',
      "Today's email quota is used up.",
    ]);
    expect(sendText({ sent: 3, queued: 0, stoppedBecause: '' })).toEqual(['Sent 3, queued 0.']);
    expect(
      problemLines({ failed: [{ to: 'tom@', reason: 'Invalid email: tom@' }], uncertain: ['amy@example.org'] }),
    ).toEqual([
      'Not sent to tom@: Invalid email: tom@',
      expect.stringMatching(/^The email to amy@example.org may or may not have gone/),
    ]);
  });

  it('while it keeps going: "612 of 1,000 sent, 388 to go, about 4 minutes" at the rate measured so far', () => {
    // Two calls took about 6 minutes for 612: 388 more at that rate is just under 4 minutes.
    let s = afterCall(newSitting(), { sent: 453, queued: 547, sentSoFar: 453 }, 272_000);
    s = afterCall(s, { sent: 159, queued: 388, sentSoFar: 612 }, 95_000);
    expect(progressText(s)).toBe('612 of 1,000 sent, 388 to go, about 4 minutes');
    expect(progressValueText(s)).toBe('612 of 1,000 sent');
    expect(progressText({ ...s, queued: 10 })).toBe('612 of 622 sent, 10 to go, less than a minute');
    expect(progressText(afterCall(s, { sent: 388, queued: 0, sentSoFar: 1000 }, 170_000))).toBe(
      '1,000 of 1,000 sent. All done.',
    );
  });

  it('counts what was sent before this sitting (an earlier press, the daily run) as sent', () => {
    const s = afterCall(newSitting(), { sent: 100, queued: 300, sentSoFar: 600 }, 60_000);
    expect(progressText(s)).toBe('600 of 900 sent, 300 to go, about 3 minutes');
  });

  it('calls again only while something is queued and the last call got some out', () => {
    expect(keepGoing({ sent: 453, queued: 547 })).toBe(true);
    expect(keepGoing({ sent: 453, queued: 0 })).toBe(false);
    // The quota is spent or the spreadsheet was busy: calling again would only do the same.
    expect(keepGoing({ sent: 0, queued: 547 })).toBe(false);
  });

  it('letters', () => {
    expect(lettersText({ letters: 3, leftOut: 0 }, false)).toBe('3 letters opened in a dialog: print from there.');
    expect(lettersText({ letters: 0, leftOut: 0 }, false)).toMatch(/every candidate these filters pick has an email/);
  });
});
