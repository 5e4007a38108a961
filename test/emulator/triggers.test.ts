/** ScriptApp's triggers per user and per spreadsheet, as the reference describes them. */
import { createGasEnvironment, newScriptProject } from '../../emulator/gas';
import { services } from './helpers';

function daily(s: ReturnType<typeof services>) {
  return s.ScriptApp.newTrigger('runDailyCheck').timeBased().everyDays(1).atHour(7).create();
}

describe('ScriptApp triggers, per user and per spreadsheet', () => {
  const project = newScriptProject();
  const opts = { now: '2026-08-20T09:00:00Z', project };
  const a = createGasEnvironment({ ...opts, spreadsheetId: 'sheet-A', userEmail: 'officer@school.example' });
  const b = createGasEnvironment({ ...opts, spreadsheetId: 'sheet-B', userEmail: 'officer@school.example' });
  const sa = services(a);
  const sb = services(b);
  daily(sa);
  daily(sb);

  it("getProjectTriggers gives the user's triggers in every spreadsheet; getUserTriggers this one's", () => {
    expect(sa.ScriptApp.getProjectTriggers()).toHaveLength(2);
    const here = sa.ScriptApp.getUserTriggers(sa.SpreadsheetApp.getActiveSpreadsheet());
    expect(here.map((t) => t.getUniqueId())).toEqual([a.triggers[0].id]);
  });

  it('another user sees none of them, cannot delete them, and may install their own', () => {
    a.setActiveUser('editor@school.example');
    try {
      expect(sa.ScriptApp.getProjectTriggers()).toEqual([]);
      expect(sa.ScriptApp.getUserTriggers(sa.SpreadsheetApp.getActiveSpreadsheet())).toEqual([]);
      daily(sa);
      expect(a.triggers.map((t) => t.owner)).toEqual(['officer@school.example', 'editor@school.example']);
    } finally {
      a.setActiveUser('officer@school.example');
    }
  });

  it('a trigger runs as the user who created it', () => {
    const [officers] = a.triggers;
    a.setActiveUser('editor@school.example');
    const seen = a.asTrigger(officers, () => sa.Session.getEffectiveUser().getEmail());
    expect(seen).toBe('officer@school.example');
    a.setActiveUser('officer@school.example');
  });
});
