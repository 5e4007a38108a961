/**
 * The daily trigger as Google keeps it: one script serves every spreadsheet
 * and every user, and each trigger belongs to one user and one spreadsheet.
 */
import { newScriptProject } from '../../emulator/gas';
import { setUpAddOn } from './harness';

const LAST_SEASON = '1LastSeasonSpreadsheet000000000000000000000';
const THIS_SEASON = '1ThisSeasonSpreadsheet000000000000000000000';

describe('the daily trigger, across seasons', () => {
  it("Set up in next season's spreadsheet installs its own daily check and leaves last season's alone", () => {
    const project = newScriptProject();
    const lastSeason = setUpAddOn({ project, spreadsheetId: LAST_SEASON });
    expect(lastSeason.env.triggers.map((t) => t.getHandlerFunction())).toEqual(['runDailyCheck']);

    const thisSeason = setUpAddOn({ project, spreadsheetId: THIS_SEASON });
    thisSeason.run('setUp');

    expect(thisSeason.env.triggers.map((t) => t.getHandlerFunction())).toEqual(['runDailyCheck']);
    expect(lastSeason.env.triggers.map((t) => t.getHandlerFunction())).toEqual(['runDailyCheck']);
    expect(project.triggers.map((t) => t.documentId).sort()).toEqual([LAST_SEASON, THIS_SEASON]);
  });
});
