/**
 * The manifest's OAuth scopes against the calls a season makes (issue 17).
 * Apps Script grants a script that lists `oauthScopes` exactly those; the
 * stand-in refuses a call needing another with Apps Script's own message
 * (emulator/gas/scopes.ts reads each method's scopes from the reference).
 * A whole season runs on today's dist/appsscript.json with no refusal, and
 * each listed scope is one the season needs; take one away and the call that
 * needed it fails as it would on Google.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGasEnvironment, type ServiceName } from '../../emulator/gas';
import { manifestScopes } from '../../emulator/gas/loadBundle';
import { requiredScopes } from '../../emulator/gas/scopes';
import { SHEET } from '../../src/domain/schema';
import { DIST, distHtmlFiles, reviewForm, withBundle, type AddOn } from '../integration/harness';
import { setSettings } from '../integration/progressHelpers';

const SCOPE = (s: string) => `https://www.googleapis.com/auth/${s}`;
const REFUSED = /Specified permissions are not sufficient|insufficient authentication scopes/;

/** dist/ as built, with its manifest's scopes changed by `edit`. */
function distWithScopes(edit: (scopes: string[]) => string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'scopes-dist-'));
  for (const f of readdirSync(DIST)) copyFileSync(join(DIST, f), join(dir, f));
  const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
  manifest.oauthScopes = edit(manifest.oauthScopes);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  return dir;
}

function addOnOn(distDir: string): AddOn {
  const env = createGasEnvironment({ now: '2026-08-20T08:00:00Z', htmlFiles: distHtmlFiles() });
  return withBundle(env, distDir);
}

/** Every answer of the season, kept to look for a refusal the add-on caught and reported. */
function season(addOn: AddOn): unknown[] {
  const answers: unknown[] = [];
  const run = (name: string, ...args: unknown[]) => {
    const answer = addOn.run(name, ...args);
    answers.push(answer);
    return answer;
  };
  run('onOpen', { authMode: 'FULL' });
  expect(run('setUp')).toMatchObject({ ok: true });
  setSettings(addOn, {
    'Centre name': 'Hilltop Academy',
    'Exams officer name': 'Sam Jones',
    'Exams officer email': 'exams@hilltop.example.org',
    'SLT viewers': 'head@hilltop.example.org',
    'SLT view spreadsheet': 'Yes',
  });
  run('showSidebar');
  run('getIntakeOptions');
  const review = run('submitRequest', reviewForm()) as { ok: boolean; requestId: string };
  expect(review.ok).toBe(true);
  const copy = run('submitRequest', reviewForm({ service: 'ats-copy' }));
  expect(copy).toMatchObject({ ok: true });
  addOn.env.clock.set('2026-08-21T08:00:00Z');
  run('showUpdateSidebar');
  run('findRequests', { query: review.requestId });
  expect(run('recordSubmission', review.requestId, { submittedOn: '2026-08-21', boardReference: 'R1' })).toMatchObject({
    ok: true,
  });
  addOn.env.clock.set('2026-08-24T08:00:00Z');
  expect(run('recordAcknowledgement', review.requestId, { acknowledgedOn: '2026-08-24' })).toMatchObject({ ok: true });
  addOn.env.clock.set('2026-09-14T08:00:00Z');
  expect(
    run('recordOutcome', review.requestId, { receivedOn: '2026-09-14', newGrade: 'A', newMark: '70' }),
  ).toMatchObject({ ok: true });
  // The daily check as its trigger runs it: as the officer who set it up, with no UI.
  const trigger = addOn.env.triggers.find((t) => t.handler === 'runDailyCheck');
  expect(trigger).toBeDefined();
  answers.push(addOn.env.asTrigger(trigger!, () => addOn.bundle.runDailyCheck({})));
  run('getReminderOptions');
  run('sendResultsDayReminders', { dryRun: false });
  run('showResultsDayLetters', { everyone: true });
  run('showBlankConsentForm');
  run('refreshSltDashboard');
  expect(run('refreshSltViewSpreadsheet')).toMatchObject({ ok: true });
  run('misUpdateList');
  run('subjectAccessExport', { candidateNumber: '0042' });
  run('closeSeason', { dryRun: true });
  return answers;
}

describe('OAuth scopes: the manifest the bundle ships with', () => {
  it('runs a whole season with no call refused, and needs every scope it lists', () => {
    const addOn = addOnOn(DIST);
    const answers = season(addOn);
    expect(JSON.stringify(answers)).not.toMatch(REFUSED);
    expect(addOn.env.logs.join('\n')).not.toMatch(REFUSED);
    expect(addOn.env.mail.outbox.length).toBeGreaterThan(0);
    expect(addOn.env.drive.files).toHaveLength(1);

    // Each scope of the manifest is the only one it lists that some call of the season accepts:
    // none could be dropped, and none is there for nothing.
    const granted = manifestScopes(DIST)!;
    const needed = new Set<string>();
    for (const key of Object.keys(addOn.env.calls.byMethod())) {
      const [service, ...rest] = key.split('.');
      const method = rest.pop()!;
      const scopes = requiredScopes(service as ServiceName, rest.join('.'), method) ?? [];
      const accepted = scopes.filter((s) => granted.includes(s));
      if (scopes.length > 0) expect({ key, accepted: accepted.length > 0 }).toEqual({ key, accepted: true });
      if (accepted.length === 1) needed.add(accepted[0]);
    }
    expect([...needed].sort()).toEqual([...granted].sort());
  });
});

describe('OAuth scopes: a manifest missing one', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('without script.send_mail, an email is refused with Apps Script message and none goes', () => {
    dir = distWithScopes((s) => s.filter((x) => x !== SCOPE('script.send_mail')));
    const addOn = addOnOn(dir);
    expect(addOn.run('setUp')).toMatchObject({ ok: true });
    setSettings(addOn, { 'Centre name': 'Hilltop Academy', 'Exams officer name': 'Sam Jones' });
    const receipt = addOn.run('submitRequest', reviewForm());
    expect(receipt.ok).toBe(true);
    expect(JSON.stringify(receipt) + addOn.env.logs.join('\n')).toContain(
      'Specified permissions are not sufficient to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(addOn.env.mail.outbox).toHaveLength(0);
  });

  it('without drive.file, the SLT view spreadsheet is refused by the Sheets API', () => {
    dir = distWithScopes((s) => s.filter((x) => x !== SCOPE('drive.file')));
    const addOn = addOnOn(dir);
    expect(addOn.run('setUp')).toMatchObject({ ok: true });
    setSettings(addOn, { 'SLT viewers': 'head@hilltop.example.org', 'SLT view spreadsheet': 'Yes' });
    const answer = addOn.run('refreshSltViewSpreadsheet');
    expect(JSON.stringify(answer) + addOn.env.logs.join('\n')).toMatch(
      'API call to sheets.spreadsheets.create failed with error: Request had insufficient authentication scopes.',
    );
    expect(addOn.env.drive.files).toHaveLength(0);
  });

  it('without script.container.ui, opening the sidebar fails as in Sheets', () => {
    dir = distWithScopes((s) => s.filter((x) => x !== SCOPE('script.container.ui')));
    const addOn = addOnOn(dir);
    expect(() => addOn.run('showSidebar')).toThrow(
      'Specified permissions are not sufficient to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    expect(addOn.env.ui.sidebars).toHaveLength(0);
    expect(sheetNames(addOn)).not.toContain(SHEET.requests);
  });
});

function sheetNames(addOn: AddOn): string[] {
  return addOn.env.spreadsheet.getSheets().map((s) => s.getName());
}
