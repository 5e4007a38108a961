/**
 * The daily trigger as Google keeps it: one script serves every spreadsheet
 * and every user, and each trigger belongs to one user and one spreadsheet.
 */
import { newScriptProject } from '../../emulator/gas';
import { setUpAddOn } from './harness';
import { setSettings } from './progressHelpers';

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

const OFFICER = 'officer@example.org';
const COLLEAGUE = 'colleague@example.org';

describe('the daily trigger belongs to whoever installed it', () => {
  function officerSetUp() {
    const addOn = setUpAddOn({ userEmail: OFFICER });
    // The colleague edits the logs, so Set up's protections let them run Set up too.
    setSettings(addOn, { 'Exams officer email': OFFICER, 'Log editors': COLLEAGUE });
    addOn.run('setUp');
    addOn.env.ui.alerts.length = 0;
    return addOn;
  }
  const dailyChecks = (addOn: ReturnType<typeof setUpAddOn>) =>
    addOn.env.triggers.filter((t) => t.handler === 'runDailyCheck').map((t) => t.owner);

  it("a colleague's Set up leaves the officer's daily check alone and says whose it is", () => {
    const addOn = officerSetUp();
    addOn.env.setActiveUser(COLLEAGUE);
    addOn.bundle.menuSetUp();
    expect(dailyChecks(addOn)).toEqual([OFFICER]);
    expect(addOn.env.ui.alerts.at(-1)).toContain(
      'The daily check already runs under another Google account: whoever installed it by running Set up on 20/08/2026 (it last ran on 20/08/2026).',
    );
    expect(addOn.env.ui.alerts.at(-1)).toContain(
      'To take it over: that person chooses Extensions › Post-Results Tracker › Hand over the daily check, then you run Set up.',
    );
  });

  it('the officer running Set up again keeps her one daily check', () => {
    const addOn = officerSetUp();
    addOn.bundle.menuSetUp();
    expect(dailyChecks(addOn)).toEqual([OFFICER]);
    expect(addOn.env.ui.alerts.at(-1)).not.toContain('another Google account');
  });

  it('the officer hands it over; the colleague then runs Set up and the daily check runs as the colleague', () => {
    const addOn = officerSetUp();
    addOn.env.setActiveUser(COLLEAGUE);
    addOn.bundle.menuHandOverDailyCheck();
    expect(addOn.env.ui.alerts.at(-1)).toBe(
      'The daily check here is not yours, so it was left alone. Only the person who installed it (by running Set up) can hand it over.',
    );
    expect(dailyChecks(addOn)).toEqual([OFFICER]);

    addOn.env.setActiveUser(OFFICER);
    addOn.bundle.menuHandOverDailyCheck();
    expect(addOn.env.ui.alerts.at(-1)).toContain('Your daily check is removed from this spreadsheet');
    expect(dailyChecks(addOn)).toEqual([]);

    addOn.env.setActiveUser(COLLEAGUE);
    addOn.bundle.menuSetUp();
    expect(dailyChecks(addOn)).toEqual([COLLEAGUE]);
    const ranAs = addOn.env.asTrigger(addOn.env.triggers[0], () => {
      addOn.run('runDailyCheck');
      return (addOn.env.globals.Session as { getTemporaryActiveUserKey(): string }).getTemporaryActiveUserKey();
    });
    addOn.env.setActiveUser(COLLEAGUE);
    expect(ranAs).toBe(
      (addOn.env.globals.Session as { getTemporaryActiveUserKey(): string }).getTemporaryActiveUserKey(),
    );
  });

  it("a daily check that stopped running (its owner left) no longer blocks a colleague's Set up", () => {
    const addOn = officerSetUp();
    addOn.env.clock.advanceDays(5);
    addOn.env.setActiveUser(COLLEAGUE);
    addOn.bundle.menuSetUp();
    expect(dailyChecks(addOn)).toEqual([OFFICER, COLLEAGUE]);
  });

  it("the officer's daily runs keep her daily check alive, so a colleague's Set up weeks later still leaves it", () => {
    const addOn = officerSetUp();
    for (let day = 0; day < 40; day++) {
      addOn.env.clock.advanceDays(1);
      addOn.env.asTrigger(addOn.env.triggers[0], () => addOn.run('runDailyCheck'));
    }
    // A colleague's Run daily check now does not make the daily check theirs.
    addOn.env.setActiveUser(COLLEAGUE);
    addOn.bundle.menuRunDailyCheck();
    addOn.bundle.menuSetUp();
    expect(dailyChecks(addOn)).toEqual([OFFICER]);
    expect(addOn.env.ui.alerts.at(-1)).toContain('it last ran on 29/09/2026');
  });
});
