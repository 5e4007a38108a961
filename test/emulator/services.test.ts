/**
 * MailApp, LockService, PropertiesService, ScriptApp, HtmlService, the UI,
 * Session and logging: the limits and failures a real add-on meets.
 */
import { createGasEnvironment, type GasEnvironmentOptions } from '../../emulator/gas';
import { services } from './helpers';

function env(options: GasEnvironmentOptions = {}) {
  const e = createGasEnvironment({ now: '2026-08-20T09:00:00Z', ...options });
  return { env: e, ...services(e) };
}

describe('MailApp', () => {
  it('records both call forms in the outbox with the virtual time', () => {
    const { env: e, MailApp } = env();
    MailApp.sendEmail('a@school.example', 'Subject 1', 'Body 1');
    MailApp.sendEmail({
      to: 'b@school.example, Parent <p@home.example>',
      cc: 'c@school.example',
      subject: 'Subject 2',
      body: 'Body 2',
      htmlBody: '<p>Body 2</p>',
      name: 'Exams Office',
      replyTo: 'exams@school.example',
    });
    expect(e.mail.outbox).toHaveLength(2);
    expect(e.mail.outbox[0]).toMatchObject({ to: 'a@school.example', subject: 'Subject 1', body: 'Body 1' });
    expect(e.mail.outbox[1]).toMatchObject({
      to: 'b@school.example, Parent <p@home.example>',
      cc: 'c@school.example',
      htmlBody: '<p>Body 2</p>',
      name: 'Exams Office',
      replyTo: 'exams@school.example',
      sentAt: '2026-08-20T09:00:00.000Z',
    });
    // One unit of quota per recipient: 1 + 3.
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
  });

  it.each([
    [{ to: 'not-an-address', subject: 's', body: 'b' }, 'Invalid email: not-an-address'],
    [{ to: 'ok@school.example', cc: 'bad@', subject: 's', body: 'b' }, 'Invalid email: bad@'],
    [{ to: 'ok@school.example', bcc: 'x@y', subject: 's', body: 'b' }, 'Invalid email: x@y'],
    [{ to: 'ok@school.example', replyTo: 'nobody', subject: 's', body: 'b' }, 'Invalid email: nobody'],
    [{ to: 'ok@school.example, oops', subject: 's', body: 'b' }, 'Invalid email: oops'],
    [{ to: '', subject: 's', body: 'b' }, 'Failed to send email: no recipient'],
  ])('%j throws %j and sends nothing', (message, error) => {
    const { env: e, MailApp } = env();
    expect(() => MailApp.sendEmail(message)).toThrow(error);
    expect(e.mail.outbox).toHaveLength(0);
    expect(e.mail.remaining()).toBe(100);
  });

  it('refuses a message the quota cannot cover, whole', () => {
    const { env: e, MailApp } = env({ mailQuota: 2 });
    expect(() => MailApp.sendEmail({ to: 'a@x.example,b@x.example,c@x.example', subject: 's', body: 'b' })).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(e.mail.outbox).toHaveLength(0);
    MailApp.sendEmail('a@x.example', 's', 'b');
    e.mail.setQuota(0);
    expect(() => MailApp.sendEmail('a@x.example', 's', 'b')).toThrow(/too many times/);
    expect(e.mail.outbox).toHaveLength(1);
  });

  it('failOnSend makes the nth send from now fail without sending', () => {
    const { env: e, MailApp } = env();
    e.mail.failOnSend(2);
    MailApp.sendEmail('a@x.example', 'one', 'b');
    expect(() => MailApp.sendEmail('a@x.example', 'two', 'b')).toThrow('Service unavailable: Email');
    MailApp.sendEmail('a@x.example', 'three', 'b');
    expect(e.mail.outbox.map((m) => m.subject)).toEqual(['one', 'three']);
    e.mail.failOnSend(1, 'Mail down');
    expect(() => MailApp.sendEmail('a@x.example', 'four', 'b')).toThrow('Mail down');
    e.mail.clear();
    expect(e.mail.outbox).toHaveLength(0);
  });

  it('refuses an empty message', () => {
    const { MailApp } = env();
    expect(() => MailApp.sendEmail({ to: 'a@x.example', subject: '', body: '' })).toThrow(/Failed to send email/);
  });
});

describe('LockService', () => {
  it('a lock held by one Lock object times out another, until released', () => {
    const { env: e, LockService } = env();
    const first = LockService.getScriptLock();
    const second = LockService.getScriptLock();
    first.waitLock(10_000);
    expect(first.hasLock()).toBe(true);
    const t0 = e.clock.now().getTime();
    expect(() => second.waitLock(30_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(e.clock.now().getTime() - t0).toBe(30_000);
    expect(second.tryLock(100)).toBe(false);
    // Locks of another kind are independent.
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
    first.releaseLock();
    expect(second.tryLock(0)).toBe(true);
    expect(second.hasLock()).toBe(true);
  });

  it('a lock held by "another process" times out, or is won once it frees within the wait', () => {
    const { env: e, LockService } = env();
    e.locks.holdDocumentLock();
    expect(() => LockService.getDocumentLock().waitLock(5000)).toThrow(/Lock timeout/);
    e.locks.releaseAll();
    e.locks.holdDocumentLock(3000);
    const lock = LockService.getDocumentLock();
    const t0 = e.clock.now().getTime();
    lock.waitLock(5000);
    expect(lock.hasLock()).toBe(true);
    expect(e.clock.now().getTime() - t0).toBe(3000);
  });

  it('lockTimeoutMs sets how long the test-held lock lasts', () => {
    const { env: e, LockService } = env({ lockTimeoutMs: 1000 });
    e.locks.holdScriptLock();
    expect(LockService.getScriptLock().tryLock(2000)).toBe(true);
  });
});

describe('PropertiesService', () => {
  it('stores strings, returns null when absent and is readable from the environment', () => {
    const { env: e, PropertiesService } = env();
    const props = PropertiesService.getDocumentProperties();
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('count', 3 as unknown as string).setProperties({ a: '1', b: '2' });
    expect(props.getProperty('count')).toBe('3');
    expect(e.properties.document.get('a')).toBe('1');
    expect(props.getKeys().sort()).toEqual(['a', 'b', 'count']);
    props.setProperties({ only: 'this' }, true);
    expect(props.getProperties()).toEqual({ only: 'this' });
    props.deleteProperty('only');
    expect(props.getKeys()).toEqual([]);
    expect(PropertiesService.getScriptProperties().getKeys()).toEqual([]);
  });

  it('refuses a value over 9 KB and a store over 500 KB', () => {
    const { PropertiesService } = env();
    const props = PropertiesService.getUserProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
    props.setProperty('max', 'x'.repeat(9 * 1024));
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('k55', 'x'.repeat(9000))).toThrow(/property storage quota/);
    expect(props.getProperty('k55')).toBeNull();
  });
});

describe('ScriptApp triggers', () => {
  it('creates, lists and deletes triggers', () => {
    const { env: e, ScriptApp, SpreadsheetApp } = env();
    const daily = ScriptApp.newTrigger('runDailyCheck')
      .timeBased()
      .everyDays(1)
      .atHour(7)
      .inTimezone('Europe/London')
      .create();
    ScriptApp.newTrigger('onEditHandler').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
    expect(e.triggers.map((t) => [t.getHandlerFunction(), t.getEventType()])).toEqual([
      ['runDailyCheck', 'CLOCK'],
      ['onEditHandler', 'ON_EDIT'],
    ]);
    expect(daily.getTriggerSource()).toBe('CLOCK');
    expect(e.triggers[0].schedule).toEqual({ everyDays: 1, atHour: 7, timezone: 'Europe/London' });
    const found = ScriptApp.getProjectTriggers().find((t) => t.getHandlerFunction() === 'runDailyCheck');
    ScriptApp.deleteTrigger(found);
    expect(e.triggers.map((t) => t.getHandlerFunction())).toEqual(['onEditHandler']);
  });

  it('an add-on gets one time-driven trigger per document, at most hourly', () => {
    const { ScriptApp } = env();
    ScriptApp.newTrigger('a').timeBased().everyHours(6).create();
    expect(() => ScriptApp.newTrigger('b').timeBased().everyDays(1).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(() => ScriptApp.newTrigger('c').timeBased().everyHours(0)).toThrow(/hours/);
    expect(() => ScriptApp.newTrigger('c').timeBased().everyMinutes(30)).toThrow(/once per hour/);
    expect(() => ScriptApp.newTrigger('c').timeBased().atHour(7).create()).toThrow(/no schedule/);
  });

  it('reports authorisation as configured', () => {
    const { env: e, ScriptApp } = env();
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe('NOT_REQUIRED');
    e.setAuthorizationRequired(true);
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
    expect(info.getAuthorizationUrl()).toMatch(/^https:/);
  });
});

describe('HtmlService and the UI', () => {
  it('serves HTML files and records sidebars, dialogs, menus, alerts', () => {
    const { env: e, HtmlService, SpreadsheetApp } = env({ htmlFiles: { Sidebar: '<h1>Tracker</h1>' } });
    const out = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Post-Results Tracker').setWidth(300);
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    const ui = SpreadsheetApp.getUi();
    ui.showSidebar(out);
    ui.showModalDialog(HtmlService.createHtmlOutput('<p>x</p>').appendUntrusted('<b>'), 'Confirm');
    ui.createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addItem('Set up', 'setUp').addToUi();
    ui.createAddonMenu().addItem('Open sidebar', 'showSidebar').addToUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO)).toBe('YES');
    e.ui.responses.push('NO', { button: 'OK', text: '0042' });
    expect(ui.alert('Title', 'Delete?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(ui.prompt('Candidate?').getResponseText()).toBe('0042');
    expect(e.ui.sidebars[0].getTitle()).toBe('Post-Results Tracker');
    expect(e.ui.sidebars[0].getContent()).toBe('<h1>Tracker</h1>');
    expect(e.ui.dialogs[0]).toMatchObject({ title: 'Confirm', html: '<p>x</p>&#60;b&#62;', modal: true });
    expect(e.ui.menus).toEqual([{ name: 'Add-on', items: [{ caption: 'Open sidebar', functionName: 'showSidebar' }] }]);
    expect(e.ui.alerts).toEqual(['Done', 'Sure?', 'Title: Delete?', 'Candidate?']);
  });

  it('refuses to show something that is not an HtmlOutput', () => {
    const { SpreadsheetApp, HtmlService } = env();
    const ui = SpreadsheetApp.getUi();
    expect(() => ui.showSidebar('<p>raw</p>')).toThrow(/don't match/);
    expect(() => ui.showSidebar(HtmlService.createTemplate('<p>t</p>'))).toThrow(/don't match/);
  });

  it('has no UI when running as a trigger', () => {
    const { env: e, SpreadsheetApp } = env();
    e.ui.available = false;
    expect(() => SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('Session and logs', () => {
  it('reports the configured user, zone and locale', () => {
    const { env: e, Session } = env({ userEmail: 'eo@school.example' });
    expect(Session.getActiveUser().getEmail()).toBe('eo@school.example');
    expect(Session.getEffectiveUser().getEmail()).toBe('eo@school.example');
    expect([Session.getScriptTimeZone(), Session.getActiveUserLocale()]).toEqual(['Europe/London', 'en_GB']);
    const key = Session.getTemporaryActiveUserKey();
    e.setActiveUser('other@school.example');
    expect(Session.getTemporaryActiveUserKey()).not.toBe(key);
  });

  it('Logger and console write to env.logs, not the terminal', () => {
    const { env: e, Logger, console: c } = env();
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    Logger.log('Sent %s emails', 3);
    Logger.log({ requestId: 'PR-1' });
    c.log('plain', 1);
    c.error('broken');
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(e.logs).toEqual(['Sent 3 emails', "{ requestId: 'PR-1' }", 'plain 1', 'ERROR: broken']);
  });
});

describe('Utilities extras', () => {
  it('parses CSV with quotes, doubled quotes and newlines in fields', () => {
    const { Utilities } = env();
    expect(Utilities.parseCsv('a,"b, c","say ""hi"""\r\n"multi\nline",2,\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['multi\nline', '2', ''],
    ]);
  });

  it('blobs, base64 and formatString', () => {
    const { Utilities } = env();
    const blob = Utilities.newBlob('£8.70', 'text/csv', 'fees.csv');
    expect([blob.getName(), blob.getContentType(), blob.getDataAsString()]).toEqual(['fees.csv', 'text/csv', '£8.70']);
    expect(blob.getBytes()[0]).toBeLessThan(0);
    expect(Utilities.base64Encode('hi')).toBe('aGk=');
    expect(Utilities.formatString('%s has %d (%.2f)', 'PR-1', 3.9, 1.005)).toBe('PR-1 has 3 (1.00)');
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
