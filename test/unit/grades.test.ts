import { compareGrades, normaliseGrade, scaleFor } from '../../src/domain/grades';

describe('which grade scale a qualification uses (domain.md §7)', () => {
  it.each([
    ['GCE A level', 'GCE A level'],
    ['A Level', 'GCE A level'],
    ['GCE AS', 'GCE AS'],
    ['AS level', 'GCE AS'],
    ['GCSE', 'GCSE'],
    ['GCSE Combined Science', 'GCSE'],
    ['Level 3 Extended Project', 'GCE A level'],
    ['Entry Level Certificate', 'Entry Level Certificate'],
    ['Cambridge Nationals', 'Level 1/2 vocational'],
    ['BTEC Tech Award', 'Level 1/2 vocational'],
    ['Cambridge Technicals', 'Level 3 vocational'],
    ['BTEC Nationals', 'Level 3 vocational'],
    ['Cambridge Advanced Nationals', 'Level 3 vocational'],
    ['FSMQ', null],
  ])('%s is graded on the %s scale', (qualification, scale) => {
    expect(scaleFor(qualification)).toBe(scale);
  });
});

describe('how a grade moved after a review', () => {
  it.each([
    ['GCE A level', 'B', 'A', 'up'],
    ['GCE A level', 'A', 'A*', 'up'],
    ['GCE A level', 'A*', 'B', 'down'],
    ['GCE A level', 'E', 'U', 'down'],
    ['GCE A level', 'a star', 'A*', 'same'],
    ['GCE AS', 'C', 'B', 'up'],
    ['GCSE', '4', '5', 'up'],
    ['GCSE', '9', '8', 'down'],
    ['GCSE', '1', 'U', 'down'],
    ['GCSE Combined Science', '5-4', '5-5', 'up'],
    ['GCSE Combined Science', '6-6', '6-5', 'down'],
    ['Entry Level Certificate', 'Entry 2', 'Entry 3', 'up'],
    ['Entry Level Certificate', 'E3', 'Entry 3', 'same'],
    ['Cambridge Technicals', 'Merit', 'Distinction', 'up'],
    ['Cambridge Technicals', 'D*', 'Distinction', 'down'],
    ['Cambridge Technicals', 'DMM', 'DDM', 'up'],
    ['Cambridge Technicals', 'Distinction*', 'D*', 'same'],
    ['BTEC Nationals', 'P', 'U', 'down'],
    ['Cambridge Nationals', 'Level 1 Distinction', 'Level 2 Pass', 'up'],
    ['Cambridge Nationals', 'L2 D*', 'Level 2 Distinction', 'down'],
    ['Cambridge Nationals', 'Level 2 Merit', 'L2M', 'same'],
  ])('%s: %s to %s is %s', (qualification, from, to, move) => {
    expect(compareGrades(qualification, from, to)).toBe(move);
  });

  it('a qualification it does not know is judged on every scale that holds both grades, when they agree', () => {
    expect(compareGrades('FSMQ', 'B', 'A')).toBe('up');
    expect(compareGrades('Some Diploma', '4', '3')).toBe('down');
    expect(compareGrades('Some Diploma', 'Merit', 'Pass')).toBe('down');
  });

  it('grades no scale can order are a change of unknown direction, never "the same"', () => {
    expect(compareGrades('Some Diploma', 'Gold', 'Silver')).toBe('unknown');
    expect(compareGrades('GCE A level', 'B', 'Pending')).toBe('unknown');
  });

  it('case and spacing never make a change', () => {
    expect(compareGrades('GCE A level', ' b ', 'B')).toBe('same');
    expect(normaliseGrade(' level  2 merit ')).toBe('LEVEL 2 MERIT');
  });
});
