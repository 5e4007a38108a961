import {
  CATALOGUE,
  isLevel3Qualification,
  isServiceCode,
  logFor,
  parseServiceCode,
  PEARSON_GCSE_PRIORITY_WARNING,
  priorityAllowed,
  serviceInfo,
  serviceName,
} from '../../src/domain/catalogue';
import { SERVICE_CODES, type ServiceCode } from '../../src/domain/types';

describe('the eleven services of the contract', () => {
  it('are all in the catalogue, each under its own code', () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...SERVICE_CODES].sort());
    for (const code of SERVICE_CODES) expect(serviceInfo(code).code).toBe(code);
  });

  it.each([
    ['clerical-recheck', 'Clerical re-check'],
    ['review-of-marking', 'Review of marking'],
    ['priority-review-of-marking', 'Priority review of marking'],
    ['review-of-moderation', 'Review of moderation'],
    ['appeal', 'Preliminary appeal'],
    ['appeal-hearing', 'Appeal hearing'],
    ['mir', 'Missing or incomplete result'],
    ['late-certification', 'Late certification'],
    ['ats-priority-copy', 'Priority copy of script'],
    ['ats-copy', 'Copy of script'],
    ['ats-original', 'Original script'],
  ] as const)('%s is shown as "%s"', (code, name) => {
    expect(serviceName(code)).toBe(name);
  });

  it('access to scripts goes to its own log with S- IDs; everything else to Requests with R- IDs', () => {
    const scripts: ServiceCode[] = ['ats-priority-copy', 'ats-copy', 'ats-original'];
    for (const code of SERVICE_CODES) {
      const isScript = scripts.includes(code);
      expect(logFor(code)).toBe(isScript ? 'Access to scripts' : 'Requests');
      expect(CATALOGUE[code].idPrefix).toBe(isScript ? 'S' : 'R');
    }
  });

  it('reviews, moderation and appeals are charged; scripts, MIR and late certification are free unless the board prices them', () => {
    const charged = SERVICE_CODES.filter((c) => CATALOGUE[c].charging === 'paid');
    expect(charged).toEqual([
      'clerical-recheck',
      'review-of-marking',
      'priority-review-of-marking',
      'review-of-moderation',
      'appeal',
      'appeal-hearing',
    ]);
  });

  it('a re-check, a review or an appeal needs written consent because marks can go down; scripts need script consent; moderation, MIR and late certification none', () => {
    const consent = Object.fromEntries(SERVICE_CODES.map((c) => [c, CATALOGUE[c].consent]));
    expect(consent).toEqual({
      'clerical-recheck': 'required',
      'review-of-marking': 'required',
      'priority-review-of-marking': 'required',
      'review-of-moderation': 'none',
      appeal: 'required',
      'appeal-hearing': 'required',
      mir: 'none',
      'late-certification': 'none',
      'ats-priority-copy': 'script-access',
      'ats-copy': 'script-access',
      'ats-original': 'script-access',
    });
  });

  it('MIR and late certification concern the whole qualification; every other service one paper', () => {
    const whole = SERVICE_CODES.filter((c) => CATALOGUE[c].level === 'qualification');
    expect(whole).toEqual(['mir', 'late-certification']);
  });

  it('the priority services are the priority review and the priority copy', () => {
    expect(SERVICE_CODES.filter((c) => CATALOGUE[c].priority)).toEqual([
      'priority-review-of-marking',
      'ats-priority-copy',
    ]);
  });

  it('only the two stages of an appeal name the request before them and take their deadline from its outcome', () => {
    expect(SERVICE_CODES.filter((c) => CATALOGUE[c].needsRelatedReview)).toEqual(['appeal', 'appeal-hearing']);
    expect(SERVICE_CODES.filter((c) => CATALOGUE[c].deadlineFromOutcome)).toEqual(['appeal', 'appeal-hearing']);
  });

  it('late certification is never taken after the deadline (OCR: "applications will not be accepted after the deadline")', () => {
    expect(SERVICE_CODES.filter((c) => !CATALOGUE[c].lateAccepted)).toEqual(['late-certification']);
  });

  it('a review of moderation is the only centre request (it covers the moderated sample, not one candidate)', () => {
    expect(SERVICE_CODES.filter((c) => CATALOGUE[c].centre)).toEqual(['review-of-moderation']);
  });
});

describe('recognising a service', () => {
  it('knows its codes and nothing else', () => {
    expect(isServiceCode('review-of-marking')).toBe(true);
    expect(isServiceCode('Review of marking')).toBe(false);
    expect(isServiceCode('re-mark')).toBe(false);
    expect(isServiceCode(3)).toBe(false);
    expect(isServiceCode(null)).toBe(false);
    expect(isServiceCode('constructor')).toBe(false);
  });

  it.each([
    ['review-of-marking', 'review-of-marking'],
    ['Review of marking', 'review-of-marking'],
    ['  REVIEW OF   MARKING ', 'review-of-marking'],
    ['Missing or incomplete result', 'mir'],
    ['MIR', 'mir'],
    ['Copy of script', 'ats-copy'],
    ['Appeal', 'appeal'],
    ['appeal-hearing', 'appeal-hearing'],
    ['Stage 2 appeal', 'appeal-hearing'],
  ])('reads %j, as an officer may type it in a sheet, as %s', (typed, code) => {
    expect(parseServiceCode(typed)).toBe(code);
  });

  it.each(['', 're-mark', 'Review', 'toString', 'ats'])('does not read %j as a service', (typed) => {
    expect(parseServiceCode(typed)).toBeNull();
  });

  it('does not read a number as a service', () => {
    expect(parseServiceCode(1)).toBeNull();
  });
});

describe('Level 3 qualifications (a priority review is for these)', () => {
  it.each([
    'GCE A level',
    'A-level',
    'A Level',
    'GCE AS',
    'AS level',
    'AS',
    'Level 3 Extended Project',
    'EPQ',
    'Cambridge Technicals',
    'Cambridge Technical Extended Diploma',
    'Cambridge Advanced Nationals',
    'BTEC Nationals',
    'BTEC Level 3 National Extended Diploma',
    'AQA Applied General',
    'AQA Level 3 Certificate in Mathematical Studies (Core Maths)',
    'Core Maths',
    'T Level Technical Qualification',
    'Level 3 FSMQ Additional Mathematics',
  ])('%s is Level 3', (q) => {
    expect(isLevel3Qualification(q)).toBe(true);
  });

  it.each([
    'GCSE',
    'GCSE (9-1) Mathematics',
    'Entry Level Certificate (ELC)',
    'Cambridge Nationals',
    'BTEC Firsts',
    'BTEC Tech Award',
    'WJEC Level 1/2 Vocational Award',
    'Level 2 Higher Project',
    'FSMQ',
    'AQA Level 2 Certificate in Further Mathematics',
    '',
    'Chemistry',
  ])('%j is not Level 3', (q) => {
    expect(isLevel3Qualification(q)).toBe(false);
  });
});

describe('whether a priority review of marking may be asked for', () => {
  it('is allowed for an A level at any board, with nothing to check', () => {
    expect(priorityAllowed('AQA', 'GCE A level')).toEqual({ allowed: true });
    expect(priorityAllowed('OCR', 'Cambridge Technicals')).toEqual({ allowed: true });
  });

  it('is refused for a GCSE at AQA and OCR, which do not offer it', () => {
    expect(priorityAllowed('AQA', 'GCSE')).toEqual({ allowed: false });
    expect(priorityAllowed('OCR', 'GCSE')).toEqual({ allowed: false });
  });

  it('is allowed for a GCSE at Pearson Edexcel, with a warning to check the historical service still exists', () => {
    expect(priorityAllowed('Pearson Edexcel', 'GCSE')).toEqual({
      allowed: true,
      warning: PEARSON_GCSE_PRIORITY_WARNING,
    });
    expect(priorityAllowed('Edexcel', 'GCSE Mathematics')).toEqual({
      allowed: true,
      warning: PEARSON_GCSE_PRIORITY_WARNING,
    });
    expect(PEARSON_GCSE_PRIORITY_WARNING).toBe(
      'Pearson Edexcel once offered a priority review of marking for GCSE: check that it still does before you submit this request.',
    );
  });

  it('is refused for other Level 1/2 qualifications even at Pearson', () => {
    expect(priorityAllowed('Pearson Edexcel', 'BTEC Tech Award')).toEqual({ allowed: false });
  });
});
