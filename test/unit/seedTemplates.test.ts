/**
 * Every email the add-on ships, rendered as a candidate (or teacher, or the
 * officer) would get it, from realistic values: the words that matter are
 * there, nothing is left unfilled, and none carries a candidate number.
 */
import { SEED_SERVICES } from '../../src/domain/seedServices';
import { SEED_TEMPLATES } from '../../src/domain/seedTemplates';
import { commonValues, valuesForCandidate, valuesForRequest } from '../../src/domain/templateValues';
import { renderTemplate, servicesTable, templatePlaceholders, type RenderedEmail } from '../../src/domain/templates';
import { TEMPLATE_NAMES, type TemplateName } from '../../src/domain/types';
import { SCHOOL, amysReview } from './mailFixture';

const TODAY = { today: 'Thursday 20 August 2026' };
const TABLE = servicesTable(SEED_SERVICES);

function render(name: TemplateName, values: Record<string, string>): RenderedEmail {
  const template = SEED_TEMPLATES.find((t) => t.name === name);
  if (!template) throw new Error(`no shipped template ${name}`);
  const result = renderTemplate(template, { ...TODAY, ...values });
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.email;
}

const amy = (over = {}, extra: Record<string, string> = {}) => valuesForRequest(amysReview(over), SCHOOL, extra);

function expectClean(email: RenderedEmail): void {
  for (const part of [email.subject, email.text, email.html]) {
    expect(part).not.toMatch(/\{\{|\}\}|undefined|null|NaN/);
    expect(part).not.toContain('0042');
  }
}

describe('the shipped templates', () => {
  it('are exactly the names the add-on sends, each once, in order', () => {
    expect(SEED_TEMPLATES.map((t) => t.name)).toEqual([...TEMPLATE_NAMES]);
  });

  it('use only placeholders the add-on knows, and no stray braces', () => {
    for (const t of SEED_TEMPLATES) {
      const { unknown, stray } = templatePlaceholders(t);
      expect({ name: t.name, unknown, stray }).toEqual({ name: t.name, unknown: [], stray: false });
    }
  });

  it('are signed by the officer for the centre (except the digest, which is to the officer)', () => {
    for (const t of SEED_TEMPLATES.filter((t) => t.name !== 'Daily digest')) {
      expect(t.body).toMatch(/\{\{officerName\}\}\nExams Officer, \{\{centreName\}\}$/);
    }
  });
});

describe('Results-day reminder', () => {
  const email = render('Results-day reminder', {
    ...commonValues(SCHOOL),
    ...valuesForCandidate({ candidateNumber: '0042', surname: 'Brown', forename: 'Amy' }),
    servicesTable: TABLE,
  });

  it("lists every board's services with fees and deadlines, and who to talk to today and later", () => {
    expect(email.subject).toBe('Your results: re-checks, reviews and copies of your exam papers');
    expect(email.text).toMatch(/^Dear Amy,\n\nIf a result is not what you expected/);
    expect(email.text).toContain('AQA, June 2026\n- Clerical re-check: £8.70; apply by Thursday 24 September 2026');
    expect(email.text).toContain(
      [
        'Who to talk to:',
        '- On results day: Mr Okafor (Deputy Head), in the library until 1pm',
        '- After results day: the exams office (exams@hillside.example.org, 0113 496 0000)',
      ].join('\n'),
    );
    expect(email.text).toContain('your mark and grade can go down as well as up');
    expect(email.text).toMatch(/Best wishes,\nJo Patel\nExams Officer, Hillside Academy$/);
    expect(email.html).toContain('<p><strong>AQA, June 2026</strong></p>\n<ul><li>Clerical re-check: £8.70;');
    expect(email.html).toContain('<p>Best wishes,<br>Jo Patel<br>Exams Officer, Hillside Academy</p>');
    expectClean(email);
  });
});

describe('Application information', () => {
  it('explains how to apply, the fees and deadlines, and why consent matters', () => {
    const email = render('Application information', { ...amy(), servicesTable: TABLE });
    expect(email.text).toContain('- Sign and date it. This is your written consent');
    expect(email.text).toContain('- Pay the fee. We cannot send a request until it has been paid.');
    expect(email.text).toContain(
      'Why we need your consent: a clerical re-check or a review of marking looks at your paper again, and your mark and grade can go down as well as up',
    );
    expect(email.text).toContain('- Review of marking (other levels): £48.65; apply by Thursday 24 September 2026');
    expect(email.html).toContain('can go <strong>down</strong> as well as up');
    expectClean(email);
  });
});

describe('Request received', () => {
  it('confirms the reference, service, paper and fee, to a candidate or a teacher alike', () => {
    const email = render('Request received', amy());
    expect(email.subject).toBe('We have your request R-2026-0001: Review of marking, Chemistry');
    expect(email.text).toContain(
      [
        'We have received this request and will send it to AQA:',
        '- Reference: R-2026-0001',
        '- Candidate: Amy Brown',
        '- Subject: Chemistry (GCE A level)',
        '- Paper: 7405/1',
        '- Service: Review of marking',
        '- Fee: £48.65',
      ].join('\n'),
    );
    expectClean(email);
  });
});

describe('outcomes', () => {
  it('grade raised: old and new grade, refund, updated statement of results', () => {
    const email = render('Outcome: grade raised', amy({ newGrade: 'A', newMark: '66' }));
    expect(email.subject).toBe('Good news about your Chemistry result');
    expect(email.text).toContain('AQA has finished the review of marking of your Chemistry paper (7405/1).');
    expect(email.text).toContain('Your grade has gone up from B to A.');
    expect(email.text).toContain('- Any fee you paid will be refunded, because your grade changed.');
    expect(email.text).toContain('- We will give you an updated statement of results.');
    expect(email.html).toContain('<strong>Your grade has gone up from B to A.</strong>');
    expectClean(email);
  });

  it('grade lowered: says so kindly, refunds, and points to an appeal', () => {
    const email = render('Outcome: grade lowered', amy({ newGrade: 'C', newMark: '52' }));
    expect(email.text).toContain('your grade has gone down from B to C.');
    expect(email.text).toContain('marks and grades can go down as well as up');
    expect(email.text).toContain('refunded');
    expect(email.text).toContain('you may be able to appeal. Please talk to the exams office');
    expectClean(email);
  });

  it('mark changed, grade unchanged is still no grade change: the new mark, no refund, and the appeal options with their last day', () => {
    const email = render(
      'Outcome: mark changed, grade unchanged',
      amy({ newGrade: 'B', newMark: '63' }, { appealDeadline: '2026-09-29' }),
    );
    expect(email.text).toContain('Your mark for this paper is now 63, but your grade has not changed.');
    expect(email.text).toContain('the fee is not refunded');
    expect(email.text).toContain('you can ask us to appeal to the board');
    expect(email.text).toContain('The last day to appeal is Tuesday 29 September 2026.');
    expectClean(email);
  });

  it('no change: the appeal options and the deadline, written out', () => {
    const email = render('Outcome: no change', amy({ newGrade: 'B', newMark: '61' }, { appealDeadline: '2026-10-09' }));
    expect(email.text).toContain('Your mark and grade have not changed.');
    expect(email.text).toContain('- The last day to appeal is Friday 9 October 2026.');
    expect(email.text).toContain('It is not another re-mark.');
    expect(email.html).toContain('<strong>Friday 9 October 2026</strong>');
    expectClean(email);
  });

  it('no change with the board’s last day on a Saturday: the family is also told the school’s last working day before it', () => {
    const email = render('Outcome: no change', amy({ newGrade: 'B', newMark: '61' }, { appealDeadline: '2026-10-10' }));
    expect(email.text).toContain(
      '- The last day to appeal is Saturday 10 October 2026 (a Saturday, when school is closed: please tell us by Friday 9 October 2026).',
    );
    expectClean(email);
  });

  it('a result issued after a missing result: what the results showed, # beside the grade, the new result, and the records and statement to follow', () => {
    const email = render(
      'Outcome: result issued',
      amy(
        { service: 'mir', newGrade: 'B', qualification: 'GCE A level' },
        { previousResult: 'C with a # beside it (partial absence: work was only counted for some of your papers)' },
      ),
    );
    expect(email.subject).toBe('Your Chemistry result from AQA');
    expect(email.text).toContain(
      'Before, your results showed C with a # beside it (partial absence: work was only counted for some of your papers).',
    );
    expect(email.text).toContain('Your result is now B.');
    expect(email.text).toContain("We will update your result in the school's records.");
    expect(email.text).toContain('We will give you an updated statement of results.');
    expect(email.text).not.toMatch(/refund|gone up|gone down/i);
    expectClean(email);
  });

  it('a clerical re-check with no grade change points to a review of marking and its last day, not to an appeal', () => {
    const email = render(
      'Re-check outcome: no grade change',
      amy({ service: 'clerical-recheck', newGrade: 'B' }, { reviewDeadline: '2026-09-24' }),
    );
    expect(email.subject).toBe('The outcome of your Chemistry clerical re-check');
    expect(email.text).toContain('Your grade has not changed.');
    expect(email.text).toContain('you can ask for a review of marking');
    expect(email.text).toContain("The board's last day for a review of marking is Thursday 24 September 2026.");
    expect(email.text).toContain('An appeal to the board is only possible after a review of marking.');
    expectClean(email);
  });

  it('a preliminary appeal with no grade change: the hearing, stage 2, and its last day; never 30 more days to appeal', () => {
    const email = render(
      'Appeal outcome: no grade change',
      amy({ service: 'appeal', newGrade: 'B' }, { appealDeadline: '2026-09-26' }),
    );
    expect(email.subject).toBe('The outcome of your Chemistry appeal');
    expect(email.text).toContain('has finished the preliminary appeal (the first stage of an appeal)');
    expect(email.text).toContain('Your grade has not changed.');
    expect(email.text).toContain('you can ask for an appeal hearing, the second and last stage');
    expect(email.text).toContain(
      'The last day for the board to receive the request is Saturday 26 September 2026 (a Saturday, when school is closed: please tell us by Friday 25 September 2026).',
    );
    expect(email.text).not.toMatch(/30 (more )?days/);
    expectClean(email);
  });

  it("after the appeal hearing: the end of the board's appeals, Ofqual's EPRS and how long there is", () => {
    const email = render(
      'Appeal hearing outcome: no grade change',
      amy({ service: 'appeal-hearing', newGrade: 'B' }, { eprsDeadline: '2026-10-22' }),
    );
    expect(email.subject).toBe('The outcome of your Chemistry appeal hearing');
    expect(email.text).toContain("This is the last stage of the board's appeals, and the fee is not refunded.");
    expect(email.text).toContain('Exam Procedures Review Service (EPRS)');
    expect(email.text).toContain(
      'The application must be made within 21 calendar days of this outcome: the last day is Thursday 22 October 2026.',
    );
    expectClean(email);
  });

  it('no change without an appeal deadline is refused rather than sent with a gap', () => {
    const template = SEED_TEMPLATES.find((t) => t.name === 'Outcome: no change')!;
    const result = renderTemplate(template, { ...TODAY, ...amy() });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.missing).toEqual(['appealDeadline']);
  });
});

describe('scripts', () => {
  const link = 'https://drive.google.com/file/d/1AbC/view';

  it('to the candidate: the link, as a link', () => {
    const email = render('Script ready (candidate)', amy({ service: 'ats-copy', scriptLink: link }));
    expect(email.subject).toBe('Your Chemistry script is ready');
    expect(email.text).toContain(`You can open it here:\n\n${link}\n\nThe link is for you`);
    expect(email.html).toContain(`<a href="${link}">${link}</a>`);
    expectClean(email);
  });

  it('to the teacher: whose script, and the consent on its use in class', () => {
    const email = render(
      'Script ready (teacher)',
      amy({
        service: 'ats-copy',
        scriptLink: link,
        requestedBy: 'teacher',
        teacherEmail: 'r.shah@hillside.example.org',
      }),
    );
    expect(email.subject).toBe('Script ready: Amy Brown, Chemistry 7405/1');
    expect(email.text).toMatch(/^Hello,\n\nThe copy of Amy Brown's Chemistry script \(7405\/1, AQA\)/);
    expect(email.text).toContain('name and candidate number to be removed');
    expectClean(email);
  });
});

describe('missing results and appeals', () => {
  it('missing or incomplete result raised: reference, nothing to do', () => {
    const email = render('Missing or incomplete result raised', amy({ service: 'mir', component: '', fee: null }));
    expect(email.subject).toBe('We are asking AQA about your Chemistry result');
    expect(email.text).toContain('Your Chemistry (GCE A level) result from AQA is missing or incomplete.');
    expect(email.text).toContain('Your reference is R-2026-0001.');
    expectClean(email);
  });

  it('appeal received: who makes it, that grades can go down, the fee and its refund', () => {
    const email = render('Appeal received', amy({ service: 'appeal', requestId: 'R-2026-0009', fee: 120.05 }));
    expect(email.subject).toBe('We have your appeal request R-2026-0009: Chemistry');
    expect(email.text).toContain('- The head of centre will look at the grounds for the appeal');
    expect(email.text).toContain('could go up, go down or stay the same');
    expect(email.text).toContain('- The fee is £120.05. It is refunded if the appeal is upheld.');
    expectClean(email);
  });
});

describe('Daily digest', () => {
  it("carries the daily check's list under its headings", () => {
    const digest = 'Refund due\n- R-2026-0001: AQA, £48.65\n\nNot acknowledged by the board\n- R-2026-0004: OCR';
    const email = render('Daily digest', { digest });
    expect(email.subject).toBe('Post-results: what needs doing, Thursday 20 August 2026');
    expect(email.text).toContain(digest);
    expect(email.html).toContain('<p><strong>Refund due</strong></p>\n<ul><li>R-2026-0001: AQA, £48.65</li></ul>');
    expectClean(email);
  });
});
