import { familyServices, unconfirmedLines } from '../../src/domain/familyServices';
import { SEED_SERVICES } from '../../src/domain/seedServices';
import {
  PLACEHOLDER_NAMES,
  inertValue,
  renderTemplate,
  servicesTable,
  templatePlaceholders,
  templateProblems,
  type TemplateText,
} from '../../src/domain/templates';
import { formatFee } from '../../src/domain/formats';

const template = (body: string, subject = 'About {{subject}}'): TemplateText => ({ name: 'Test', subject, body });

function rendered(t: TemplateText, values: Record<string, string>) {
  const result = renderTemplate(t, values);
  if (!result.ok) throw new Error(`did not render: ${result.errors.join(' ')}`);
  return result.email;
}

describe('placeholders', () => {
  it('are the 36 names the officer guide lists, each once', () => {
    expect(PLACEHOLDER_NAMES).toHaveLength(36);
    expect(new Set(PLACEHOLDER_NAMES).size).toBe(36);
    expect(PLACEHOLDER_NAMES).toEqual(
      expect.arrayContaining(['forename', 'appealDeadline', 'servicesTable', 'digest', 'enquiriesContact']),
    );
  });

  it('are filled in the subject and the body, whatever the spacing and case the officer typed', () => {
    const email = rendered(template('Dear {{ Forename }},\n\nYour {{subject}} result.'), {
      forename: 'Amy',
      subject: 'Chemistry',
    });
    expect(email.subject).toBe('About Chemistry');
    expect(email.text).toBe('Dear Amy,\n\nYour Chemistry result.');
    expect(email.html).toContain('<p>Dear Amy,</p>');
  });

  it('lists the ones a template uses and the ones that do not exist', () => {
    expect(templatePlaceholders(template('{{forename}} {{shoeSize}}', '{{subject}}'))).toEqual({
      used: expect.arrayContaining(['forename', 'subject']),
      unknown: ['shoeSize'],
      stray: false,
    });
  });
});

describe('a template that cannot be filled is refused, and says why', () => {
  it('names an unknown placeholder', () => {
    const result = renderTemplate(template('Dear {{forname}},'), { forename: 'Amy', subject: 'Chemistry' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.unknown).toEqual(['forname']);
    expect(result.errors.join(' ')).toMatch(/\{\{forname\}\}, which the add-on does not know/);
  });

  it('names every placeholder whose value is missing or only spaces (no "Dear ,")', () => {
    const result = renderTemplate(template('Dear {{forename}}, see {{deadline}}.'), {
      forename: '  ',
      subject: 'Maths',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing).toEqual(['forename', 'deadline']);
    expect(result.errors.join(' ')).toMatch(/needs \{\{forename\}\}, \{\{deadline\}\}, but they are empty/);
  });

  it('refuses a stray "{{" so it can never reach a candidate', () => {
    const t = template('Dear {{forename}, hello');
    expect(templateProblems(t)).toEqual([expect.stringMatching(/"\{\{" or "\}\}" that is not part of a placeholder/)]);
    expect(renderTemplate(t, { forename: 'Amy', subject: 'Maths' }).ok).toBe(false);
  });

  it('refuses an empty subject or body', () => {
    expect(templateProblems({ name: 'X', subject: ' ', body: '' })).toHaveLength(2);
  });

  it('ignores values the template does not use', () => {
    expect(renderTemplate(template('Hello.', 'Hi'), { digest: '' }).ok).toBe(true);
  });
});

describe('light formatting', () => {
  const body = [
    'Dear {{forename}},',
    'a second line of the same paragraph.',
    '',
    '**Important:** marks can go **down**.',
    '',
    'Next:',
    '- Sign the form.',
    '- Pay {{fee}}.',
    '',
    'An unpaired ** stays as typed.',
  ].join('\n');

  it('makes paragraphs, line breaks, bullet lists and bold in HTML', () => {
    const { bodyHtml } = rendered(template(body), { forename: 'Amy', fee: '£48.65', subject: 'x' });
    expect(bodyHtml).toBe(
      [
        '<p>Dear Amy,<br>a second line of the same paragraph.</p>',
        '<p><strong>Important:</strong> marks can go <strong>down</strong>.</p>',
        '<p>Next:</p>',
        '<ul><li>Sign the form.</li><li>Pay £48.65.</li></ul>',
        '<p>An unpaired ** stays as typed.</p>',
      ].join('\n'),
    );
  });

  it('gives a plain-text body without the asterisks', () => {
    const { text } = rendered(template(body), { forename: 'Amy', fee: '£48.65', subject: 'x' });
    expect(text).toBe(
      [
        'Dear Amy,\na second line of the same paragraph.',
        'Important: marks can go down.',
        'Next:\n- Sign the form.\n- Pay £48.65.',
        'An unpaired ** stays as typed.',
      ].join('\n\n'),
    );
  });

  it('wraps the HTML body in a readable style for the email', () => {
    const { html, bodyHtml } = rendered(template('Hi'), { subject: 'x' });
    expect(html).toBe(
      `<div style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #202124;">\n${bodyHtml}\n</div>`,
    );
  });
});

describe('multi-line values', () => {
  const digest = [
    'Not acknowledged by the board',
    '- R-2026-0003: AQA, Chemistry 7405/1',
    '- R-2026-0007: OCR, Computer Science H446/01',
    '',
    'Refund due',
    '- R-2026-0001: £48.65',
  ].join('\n');

  it('alone on a line: headings in bold above bullet lists, all escaped', () => {
    const { bodyHtml, text } = rendered(template('Good morning,\n\n{{digest}}\n\nThanks'), {
      digest,
      subject: 'x',
    });
    expect(bodyHtml).toBe(
      [
        '<p>Good morning,</p>',
        '<p><strong>Not acknowledged by the board</strong></p>',
        '<ul><li>R-2026-0003: AQA, Chemistry 7405/1</li><li>R-2026-0007: OCR, Computer Science H446/01</li></ul>',
        '<p><strong>Refund due</strong></p>',
        '<ul><li>R-2026-0001: £48.65</li></ul>',
        '<p>Thanks</p>',
      ].join('\n'),
    );
    expect(text).toBe(`Good morning,\n\n${digest}\n\nThanks`);
  });

  it('inside a sentence: line breaks kept as <br>', () => {
    const { bodyHtml } = rendered(template('Address: {{centreAddress}}.'), {
      centreAddress: 'Hill Road\nLeeds',
      subject: 'x',
    });
    expect(bodyHtml).toBe('<p>Address: Hill Road<br>Leeds.</p>');
  });

  it('in the subject: one line', () => {
    const email = rendered(template('x', 'Re: {{subject}}'), { subject: 'Further\nMaths' });
    expect(email.subject).toBe('Re: Further Maths');
  });

  it('a web address alone on its line becomes a link; anything else does not', () => {
    const link = rendered(template('{{scriptLink}}'), {
      scriptLink: 'https://drive.example.org/s?id=1&x=2',
      subject: 'x',
    });
    expect(link.bodyHtml).toBe(
      '<p><a href="https://drive.example.org/s?id=1&#38;x=2">https://drive.example.org/s?id=1&#38;x=2</a></p>',
    );
    const script = rendered(template('{{scriptLink}}'), { scriptLink: 'javascript:alert(1)', subject: 'x' });
    expect(script.bodyHtml).toBe('<p>javascript:alert(1)</p>');
  });
});

describe('hostile values arrive inert', () => {
  const hostile = {
    forename: '<script>alert("x")</script>',
    subject: '=HYPERLINK("http://evil.example","click")',
    component: '{{subject}}',
    board: '**AQA**',
    qualification: '- GCSE\n- not a list',
  };
  const t = template(
    'Dear {{forename}},\n\n{{subject}} {{component}} {{board}} {{qualification}}\n\n{{qualification}}',
    '{{forename}} {{component}}',
  );

  it('markup is escaped in the HTML body and never parsed', () => {
    const { html } = rendered(t, hostile);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(html).not.toContain('<strong>AQA</strong>');
    expect(html).toContain('**AQA**');
  });

  it('a typed {{subject}} is not expanded, and no "{{" leaves in any part', () => {
    const email = rendered(t, hostile);
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toContain('{{');
      expect(part).not.toContain('}}');
    }
    expect(email.text).toContain('{ {subject} }');
    expect(email.subject).toBe('<script>alert("x")</script> { {subject} }');
  });

  it('a formula stays text, exactly as typed', () => {
    const { text, html } = rendered(t, hostile);
    expect(text).toContain('=HYPERLINK("http://evil.example","click")');
    expect(html).toContain('=HYPERLINK(&#34;http://evil.example&#34;,&#34;click&#34;)');
    expect(html).not.toContain('<a ');
  });

  it('"- " lines in a value are bullets only where the value stands alone, and still escaped', () => {
    const { bodyHtml } = rendered(t, hostile);
    expect(bodyHtml).toContain('- GCSE<br>- not a list');
    expect(bodyHtml).toContain('<ul><li>GCSE</li><li>not a list</li></ul>');
  });

  it('control characters are dropped and braces split however many there are', () => {
    expect(inertValue('a\u0007b{{{c}}}')).toBe('ab{ { {c} } }');
  });
});

describe('fees', () => {
  it.each([
    [48.65, '£48.65'],
    [8.7, '£8.70'],
    [1048, '£1,048.00'],
    [0, 'Free'],
    [null, 'Free'],
  ])('%p is written %p', (fee, text) => {
    expect(formatFee(fee)).toBe(text);
  });
});

describe('servicesTable', () => {
  it("lists each board's services a candidate can ask for, with fee and deadline, from the Services rows", () => {
    const table = servicesTable(SEED_SERVICES, ['AQA']);
    expect(table).toBe(
      [
        'AQA, June 2026',
        '- Clerical re-check: £8.70; apply by Thursday 24 September 2026',
        '- Review of marking (GCSE): £42.00; apply by Thursday 24 September 2026',
        '- Review of marking (other levels): £48.65; apply by Thursday 24 September 2026',
        '- Priority review of marking: £57.85; apply by Thursday 20 August 2026',
        "- Preliminary appeal: £120.05; only after a review: ask as soon as you have the review's outcome",
        '- Priority copy of script: free; apply by Thursday 27 August 2026',
        '- Copy of script: free; apply by Friday 30 October 2026',
        '- Original script: free; apply by Friday 30 October 2026',
        '',
        'If a university or college place depends on an A level (or other Level 3) grade, tell us today: a priority review of marking may be possible (the last day to ask is Thursday 20 August 2026).',
      ].join('\n'),
    );
  });

  it("a GCSE candidate's list has the GCSE fee only, and no priority line (AQA has no GCSE priority review)", () => {
    const table = servicesTable(SEED_SERVICES, ['AQA'], { levels: ['gcse'], today: '2026-08-20' });
    expect(table).toContain('- Review of marking: £42.00; apply by Thursday 24 September 2026');
    expect(table).not.toContain('£48.65');
    expect(table).not.toMatch(/Priority review|tell us today/);
  });

  it('on the day after the priority deadline, neither the priority review nor "tell us today" is listed', () => {
    const table = servicesTable(SEED_SERVICES, ['AQA'], { levels: ['a-level'], today: '2026-08-21' });
    expect(table).toContain('- Review of marking: £48.65;');
    expect(table).not.toMatch(/Priority review of marking|tell us today/);
    expect(table).toContain('- Priority copy of script: free; apply by Thursday 27 August 2026');
  });

  it('a service past its deadline is left out of what families read', () => {
    const table = servicesTable(SEED_SERVICES, ['AQA'], { today: '2026-09-25' });
    expect(table).not.toMatch(/Clerical re-check|Review of marking/);
    expect(table).toContain('- Copy of script: free; apply by Friday 30 October 2026');
  });

  it('a service with no confirmed fee or deadline is left out, with one line to ask the exams office', () => {
    const table = servicesTable(SEED_SERVICES, ['OCR'], { today: '2026-08-14' });
    expect(table).not.toMatch(/(fee|deadline) to be confirmed/);
    expect(table).not.toContain('Review of marking');
    expect(table.split('\n\n').pop()).toBe(
      'Some services are not listed yet because their fee or deadline is still to be confirmed by the board: ask the exams office about them.',
    );
    expect(unconfirmedLines(familyServices(SEED_SERVICES, { boards: ['OCR'] }).unconfirmed)).toContain(
      'OCR, June 2026, Review of marking: fee not confirmed',
    );
  });

  it('leaves out moderation, missing results and late certification (not a candidate’s to ask)', () => {
    const table = servicesTable(SEED_SERVICES);
    expect(table).not.toMatch(/moderation|Missing or incomplete|Late certification/);
  });

  it('has a heading per board in the order of the sheet; a board with nothing confirmed has none', () => {
    const table = servicesTable(SEED_SERVICES);
    const headings = table.split('\n').filter((l) => l.endsWith('June 2026'));
    expect(headings).toEqual([
      'AQA, June 2026',
      'OCR, June 2026',
      'Pearson Edexcel, June 2026',
      'WJEC Eduqas, June 2026',
    ]);
  });

  it('follows the sheet, not the code: a changed fee shows', () => {
    const rows = SEED_SERVICES.map((r) =>
      r.board === 'AQA' && r.service === 'clerical-recheck' ? { ...r, fee: 9.5 } : r,
    );
    expect(servicesTable(rows, ['aqa'])).toContain('- Clerical re-check: £9.50;');
  });
});

describe('a service named mid-sentence reads as prose', () => {
  const template = {
    name: 'Outcome',
    subject: 'The outcome of your {{subject}} {{service}}',
    body: '{{service}}: done.\n\nAQA has finished the {{service}} of your {{subject}} paper.',
  };

  it('is lower case mid-sentence and capitalised where a sentence starts', () => {
    const r = renderTemplate(template, { subject: 'Physics', service: 'Priority review of marking' });
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.email.subject).toBe('The outcome of your Physics priority review of marking');
    expect(r.email.text).toBe(
      'Priority review of marking: done.\n\nAQA has finished the priority review of marking of your Physics paper.',
    );
    expect(r.email.html).toContain('AQA has finished the priority review of marking of your Physics paper.');
  });
});
