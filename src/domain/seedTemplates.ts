/**
 * The emails the add-on ships with, seeded into the `Templates` sheet by
 * setUp() and never overwritten once there: the officer owns the wording.
 * Placeholders are `{{name}}`; the rendering rules live in templates.ts.
 */
export interface TemplateSeed {
  name: string;
  subject: string;
  body: string;
}

export const SEED_TEMPLATES: readonly TemplateSeed[] = [
  {
    name: 'Results-day reminder',
    subject: 'Your results: if you want a re-check, a review or a copy of your script',
    body: [
      'Dear {{forename}},',
      '',
      'If you are unsure about a result, you can ask for a post-results service. Each one has a fee and a deadline set by the exam board:',
      '',
      '{{servicesTable}}',
      '',
      '**Important:** after a clerical re-check or a review of marking your mark and grade can go down as well as up, so we need your written consent before we ask the board.',
      '',
      'Today, {{sltContact}} is available if you want to talk about your results. After today, contact {{enquiriesContact}}.',
      '',
      '{{officerName}}',
      'Exams Officer, {{centreName}}',
    ].join('\n'),
  },
  {
    name: 'Request received',
    subject: 'We have your request {{requestId}}: {{service}} for {{subject}}',
    body: [
      'Dear {{forename}},',
      '',
      'We have received your request for a {{service}} in {{subject}} ({{component}}, {{board}}). Your reference is {{requestId}}.',
      '',
      '- Fee: {{fee}}',
      '- Board deadline: {{deadline}}',
      '',
      'We will tell you as soon as the board replies.',
      '',
      '{{officerName}}',
      'Exams Officer, {{centreName}}',
    ].join('\n'),
  },
];
