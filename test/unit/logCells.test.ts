import {
  requestedByCellText,
  requestedByFromCell,
  requestedByNames,
  serviceCellText,
  serviceFromCell,
  serviceNamesFor,
} from '../../src/domain/logCells';
import { SERVICE_CODES } from '../../src/domain/types';

describe('the Service cell of a log', () => {
  it('shows the officer the name of the service, not its code', () => {
    expect(serviceCellText('priority-review-of-marking')).toBe('Priority review of marking');
    expect(serviceCellText('appeal')).toBe('Preliminary appeal');
    expect(serviceCellText('ats-copy')).toBe('Copy of script');
  });

  it('reads back as the code the program works in, whichever the cell holds', () => {
    for (const code of SERVICE_CODES) {
      expect(serviceFromCell(serviceCellText(code))).toBe(code);
      expect(serviceFromCell(code)).toBe(code);
    }
  });

  it('reads a name she typed in another case or with stray spaces', () => {
    expect(serviceFromCell('  priority REVIEW of marking ')).toBe('priority-review-of-marking');
    expect(serviceFromCell('copy of script')).toBe('ats-copy');
    expect(serviceFromCell(' Review-Of-Marking ')).toBe('review-of-marking');
  });

  it('keeps what is neither a name nor a code as she typed it (trimmed), for the checks to report', () => {
    expect(serviceFromCell(' Remark please ')).toBe('Remark please');
    expect(serviceCellText('Remark please')).toBe('Remark please');
    expect(serviceFromCell('')).toBe('');
  });

  it("offers each log's own services by name in its dropdown", () => {
    expect(serviceNamesFor('Access to scripts')).toEqual([
      'Priority copy of script',
      'Copy of script',
      'Original script',
    ]);
    const requests = serviceNamesFor('Requests');
    expect(requests).toContain('Priority review of marking');
    expect(requests).toContain('Missing or incomplete result');
    expect(requests).not.toContain('Copy of script');
    expect(requests).toHaveLength(8);
  });
});

describe('the Requested by cell of a log', () => {
  it('says "Candidate" or "Teacher"', () => {
    expect(requestedByCellText('candidate')).toBe('Candidate');
    expect(requestedByCellText('teacher')).toBe('Teacher');
    expect(requestedByNames()).toEqual(['Candidate', 'Teacher']);
  });

  it('reads the name or the old code in any case; blank or anything else is the candidate, as before', () => {
    expect(requestedByFromCell('Teacher')).toBe('teacher');
    expect(requestedByFromCell(' TEACHER ')).toBe('teacher');
    expect(requestedByFromCell('teacher')).toBe('teacher');
    expect(requestedByFromCell('Candidate')).toBe('candidate');
    expect(requestedByFromCell('candidate')).toBe('candidate');
    expect(requestedByFromCell('')).toBe('candidate');
    expect(requestedByFromCell('Mrs Jones')).toBe('candidate');
  });
});
