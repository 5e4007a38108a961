/**
 * The emails the add-on ships with, seeded into the `Templates` sheet by
 * setUp() and never overwritten once there: the officer owns the wording.
 * Placeholders are `{{name}}`; the rendering rules live in templates.ts.
 *
 * Written for 16-18 year olds and their parents: short sentences, what
 * happened first, then what happens next and who to ask. Each message
 * carries only what its reader needs (no candidate number in an email).
 */
import type { TemplateName } from './types';

export interface TemplateSeed {
  name: string;
  subject: string;
  body: string;
}

const SIGN_OFF = ['{{officerName}}', 'Exams Officer, {{centreName}}'];

/** The signature goes straight under a closing like "Best wishes,"; otherwise after a blank line. */
const lines = (...parts: string[]) =>
  [...parts, ...(parts[parts.length - 1].endsWith(',') ? [] : ['']), ...SIGN_OFF].join('\n');

const APPEAL_ROUTE = [
  'If you think the board did not follow its procedures properly, or did not apply its mark scheme properly, you may be able to appeal. Please talk to {{enquiriesContact}} as soon as you can: there is a deadline.',
];

/** After a review with no grade change: the appeal, what it is, and its last day. */
const APPEAL_OPTIONS = [
  'If you still think your result is wrong, you can ask us to appeal to the board:',
  '- An appeal is about whether the board followed its procedures and applied its mark scheme properly. It is not another re-mark.',
  '- The head of centre makes the appeal for you. There is a fee, which is refunded if the appeal is upheld.',
  '- Your mark and grade could go up, go down or stay the same.',
  '- The last day to appeal is **{{appealDeadline}}**. Please contact {{enquiriesContact}} well before then, so there is time to prepare it.',
  '',
  'If you are happy to leave it there, you do not need to do anything.',
];

const SEEDS: Readonly<Record<TemplateName, Omit<TemplateSeed, 'name'>>> = {
  'Results-day reminder': {
    subject: 'Your results: re-checks, reviews and copies of your exam papers',
    body: lines(
      'Dear {{forename}},',
      '',
      'If a result is not what you expected, you can ask us to request one of these services from the exam board. Each board sets its own fee and deadline:',
      '',
      '{{servicesTable}}',
      '',
      '**Important:** after a clerical re-check or a review of marking your mark and grade can go down as well as up. We need your written consent before we ask the board, and we cannot send a request until it has been paid for.',
      '',
      'How to ask:',
      '- Talk to your teacher first: they can tell you whether a review is worth it.',
      '- Ask {{officerName}} ({{officerEmail}}) for an application and consent form.',
      '- Return it signed and paid, well before the deadline.',
      '',
      'Who to talk to:',
      '- On results day: {{sltContact}}',
      '- After results day: {{enquiriesContact}}',
      '',
      'Best wishes,',
    ),
  },
  'Application information': {
    subject: 'How to apply for a re-check, review or copy of your script',
    body: lines(
      'Dear {{forename}},',
      '',
      'Thank you for asking about a post-results service. This is how to apply:',
      '- Fill in the application and consent form (ask {{officerName}} at {{officerEmail}} for one).',
      '- Sign and date it. This is your written consent, and we need it before we can ask the exam board.',
      '- Pay the fee. We cannot send a request until it has been paid.',
      '- Return the form before the deadline for the service you want.',
      '',
      'These are the fees and deadlines for each exam board:',
      '',
      '{{servicesTable}}',
      '',
      '**Why we need your consent:** a clerical re-check or a review of marking looks at your paper again, and your mark and grade can go **down** as well as up, or stay the same. By signing, you confirm that you understand this and that you want us to ask the board for you.',
      '',
      'If your grade changes, the fee is refunded. If only your mark changes, the fee is still charged.',
      '',
      'If you have any questions, please contact {{enquiriesContact}}.',
    ),
  },
  'Request received': {
    subject: 'We have your request {{requestId}}: {{service}}, {{subject}}',
    body: lines(
      'Hello,',
      '',
      'We have received this request and will send it to {{board}}:',
      '- Reference: {{requestId}}',
      '- Candidate: {{candidateName}}',
      '- Subject: {{subject}} ({{qualification}})',
      '- Paper: {{component}}',
      '- Service: {{service}}',
      '- Fee: {{fee}}',
      '',
      'We will email again when the board replies. Please quote {{requestId}} if you contact us about it.',
    ),
  },
  'Outcome: grade raised': {
    subject: 'Good news about your {{subject}} result',
    body: lines(
      'Dear {{forename}},',
      '',
      '{{board}} has finished the {{service}} of your {{subject}} paper ({{component}}).',
      '',
      '**Your grade has gone up from {{originalGrade}} to {{newGrade}}.**',
      '',
      'What happens next:',
      "- We will update your result in the school's records.",
      '- We will give you an updated statement of results.',
      '- Any fee you paid will be refunded, because your grade changed.',
      '',
      'If a university, college or employer is waiting for this grade, let them know about the change too.',
      '',
      'Congratulations,',
    ),
  },
  'Outcome: grade lowered': {
    subject: 'The outcome of your {{subject}} {{service}}',
    body: lines(
      'Dear {{forename}},',
      '',
      '{{board}} has finished the {{service}} of your {{subject}} paper ({{component}}).',
      '',
      'We are sorry to tell you that **your grade has gone down from {{originalGrade}} to {{newGrade}}.** As explained when you gave your consent, marks and grades can go down as well as up after a review, and the new grade replaces the old one.',
      '',
      'What happens next:',
      "- We will update your result in the school's records.",
      '- We will give you an updated statement of results.',
      '- Any fee you paid will be refunded, because your grade changed.',
      '',
      ...APPEAL_ROUTE,
    ),
  },
  'Outcome: mark changed, grade unchanged': {
    subject: 'The outcome of your {{subject}} {{service}}',
    body: lines(
      'Dear {{forename}},',
      '',
      '{{board}} has finished the {{service}} of your {{subject}} paper ({{component}}).',
      '',
      'Your mark for this paper is now {{newMark}}, but **your grade has not changed**. Because your grade is the same, the fee is not refunded: the boards only waive it when a grade changes.',
      '',
      ...APPEAL_OPTIONS,
    ),
  },
  'Outcome: no change': {
    subject: 'The outcome of your {{subject}} {{service}}',
    body: lines(
      'Dear {{forename}},',
      '',
      '{{board}} has finished the {{service}} of your {{subject}} paper ({{component}}). **Your mark and grade have not changed.** Because your grade is the same, the fee is not refunded.',
      '',
      ...APPEAL_OPTIONS,
    ),
  },
  'Outcome: result issued': {
    subject: 'Your {{subject}} result from {{board}}',
    body: lines(
      'Dear {{forename}},',
      '',
      '{{board}} has now issued your {{subject}} ({{qualification}}) result. Before, your results showed {{previousResult}}.',
      '',
      '**Your result is now {{newGrade}}.**',
      '',
      'What happens next:',
      "- We will update your result in the school's records.",
      '- We will give you an updated statement of results.',
      '',
      'If a university, college or employer is waiting for this result, let them know too. If you have any questions, please contact {{enquiriesContact}}.',
    ),
  },
  'Re-check outcome: no grade change': {
    subject: 'The outcome of your {{subject}} clerical re-check',
    body: lines(
      'Dear {{forename}},',
      '',
      '{{board}} has finished the clerical re-check of your {{subject}} paper ({{component}}). **Your grade has not changed.** Because your grade is the same, the fee is not refunded.',
      '',
      'A clerical re-check only makes sure that every part of your paper was marked and that the marks were added up and recorded correctly. If you still think your result is wrong, you can ask for a review of marking, where a senior examiner checks that the mark scheme was applied properly:',
      '- There is a fee, which is refunded if your grade changes.',
      '- Your mark and grade could go up, go down or stay the same, so we need your written consent again.',
      "- The board's last day for a review of marking is **{{reviewDeadline}}**. Please contact {{enquiriesContact}} well before then.",
      '',
      'An appeal to the board is only possible after a review of marking. If you are happy to leave it there, you do not need to do anything.',
    ),
  },
  'Appeal outcome: no grade change': {
    subject: 'The outcome of your {{subject}} appeal',
    body: lines(
      'Dear {{forename}},',
      '',
      '{{board}} has finished the preliminary appeal (the first stage of an appeal) about your {{subject}} paper ({{component}}). **Your grade has not changed.** Because your grade is the same, the fee is not refunded.',
      '',
      'If you still think the board did not follow its procedures or apply its mark scheme properly, you can ask for an appeal hearing, the second and last stage:',
      '- A panel, usually of three people, looks at the case again. It is not another re-mark.',
      '- The head of centre asks for it for you. There is a fee, which is refunded if the appeal is upheld.',
      '- Your mark and grade could go up, go down or stay the same.',
      '- The last day for the board to receive the request is **{{appealDeadline}}**. Please contact {{enquiriesContact}} as soon as you can, so there is time to prepare it.',
      '',
      'If you are happy to leave it there, you do not need to do anything.',
    ),
  },
  'Appeal hearing outcome: no grade change': {
    subject: 'The outcome of your {{subject}} appeal hearing',
    body: lines(
      'Dear {{forename}},',
      '',
      "{{board}} has held the appeal hearing about your {{subject}} paper ({{component}}). **Your grade has not changed.** This is the last stage of the board's appeals, and the fee is not refunded.",
      '',
      'If you believe the board did not follow its own procedures, you can ask Ofqual, the exams regulator, to look at it through its Exam Procedures Review Service (EPRS):',
      '- EPRS checks whether the board followed its procedures properly. It does not re-mark your work.',
      '- The application must be made within {{eprsWindowDays}} calendar days of this outcome: the last day is **{{eprsDeadline}}**.',
      '- We can make the application with you. Please contact {{enquiriesContact}} as soon as you can.',
      '',
      'If you are happy to leave it there, you do not need to do anything.',
    ),
  },
  'Script ready (candidate)': {
    subject: 'Your {{subject}} script is ready',
    body: lines(
      'Dear {{forename}},',
      '',
      'The copy of your {{subject}} script ({{component}}, {{board}}) that you asked for is ready. You can open it here:',
      '',
      '{{scriptLink}}',
      '',
      'The link is for you: please do not share it.',
      '',
      'If you are thinking about a review of marking, talk to your teacher and check the deadline with {{enquiriesContact}}.',
    ),
  },
  'Script ready (teacher)': {
    subject: 'Script ready: {{candidateName}}, {{subject}} {{component}}',
    body: lines(
      'Hello,',
      '',
      "The copy of {{candidateName}}'s {{subject}} script ({{component}}, {{board}}) that you asked for is ready:",
      '',
      '{{scriptLink}}',
      '',
      'Please use it only as the candidate agreed on the consent form: if they asked for their name and candidate number to be removed before it is used with other students, please do that first. Do not forward the link.',
      '',
      'Reference: {{requestId}}',
    ),
  },
  'Missing or incomplete result raised': {
    subject: 'We are asking {{board}} about your {{subject}} result',
    body: lines(
      'Dear {{forename}},',
      '',
      'Your {{subject}} ({{qualification}}) result from {{board}} is missing or incomplete. We are asking the board to look into it and correct it. You do not need to do anything.',
      '',
      'Your reference is {{requestId}}. We will let you know as soon as the board replies.',
      '',
      'If you have any questions, please contact {{enquiriesContact}}.',
    ),
  },
  'Appeal received': {
    subject: 'We have your appeal request {{requestId}}: {{subject}}',
    body: lines(
      'Dear {{forename}},',
      '',
      'We have received your appeal request ({{service}}) about your {{subject}} paper ({{component}}, {{board}}). Your reference is {{requestId}}.',
      '',
      'What happens next:',
      '- The head of centre will look at the grounds for the appeal and, if they agree, make the appeal to the board for you.',
      '- The board checks whether its procedures and mark scheme were applied properly. Your mark and grade could go up, go down or stay the same.',
      '- The fee is {{fee}}. It is refunded if the appeal is upheld.',
      '',
      'We will email you when the board replies.',
    ),
  },
  'Daily digest': {
    subject: 'Post-results: what needs doing, {{today}}',
    body: [
      'Good morning,',
      '',
      'The daily check found these requests that need you:',
      '',
      '{{digest}}',
      '',
      'Each item shows its request ID: find it in the tracker to deal with it.',
    ].join('\n'),
  },
  'Application not accepted': {
    subject: 'Your application: {{service}}, {{subject}}',
    body: lines(
      'Dear {{forename}},',
      '',
      'Thank you for your online application ({{service}}, {{board}} {{subject}}). We cannot take it as it stands:',
      '',
      '{{rejectionReason}}',
      '',
      'Nothing has been sent to the exam board and you have not been charged. If you want to apply again, please do so before the deadline, or contact {{officerName}} ({{officerEmail}}).',
      '',
      'Best wishes,',
    ),
  },
};

export const SEED_TEMPLATES: readonly TemplateSeed[] = Object.entries(SEEDS).map(([name, t]) => ({ name, ...t }));
