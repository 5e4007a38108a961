/**
 * Who may edit the logs and the SLT dashboard: the exams officer and the Log
 * editors in Settings, never the SLT viewers.
 */
import { editorChanges, protectionEditors } from '../../src/domain/editors';
import { parseSettings } from '../../src/domain/settings';

describe('the editors of the protected sheets', () => {
  it('are the exams officer and the Log editors, each once whatever the case', () => {
    const { settings } = parseSettings([
      ['Exams officer email', 'Exams@Hillside.example.org'],
      ['Log editors', 'deputy@hillside.example.org, exams@hillside.example.org'],
      ['SLT viewers', 'head@hillside.example.org'],
    ]);
    expect(protectionEditors(settings)).toEqual(['exams@hillside.example.org', 'deputy@hillside.example.org']);
  });

  it('never include the SLT viewers', () => {
    const { settings } = parseSettings([
      ['SLT viewers', 'head@hillside.example.org, deputy.head@hillside.example.org'],
    ]);
    expect(protectionEditors(settings)).toEqual([]);
  });
});

describe('bringing a protection’s editors in line with Settings', () => {
  it('adds who is missing and removes who is no longer named, but never the owner', () => {
    expect(
      editorChanges(
        ['owner@hillside.example.org', 'head@hillside.example.org', 'exams@hillside.example.org'],
        ['exams@hillside.example.org', 'deputy@hillside.example.org'],
        ['owner@hillside.example.org'],
      ),
    ).toEqual({ add: ['deputy@hillside.example.org'], remove: ['head@hillside.example.org'] });
  });

  it('asks for nothing when they already match, whatever the case', () => {
    expect(editorChanges(['Exams@Hillside.example.org'], ['exams@hillside.example.org'])).toEqual({
      add: [],
      remove: [],
    });
  });
});
