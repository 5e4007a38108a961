/** Typed access to an environment's services, as the bundle would see them. */
import type {
  GasEnvironment,
  HtmlServiceType,
  LockServiceType,
  LoggerService,
  MailAppService,
  PropertiesServiceType,
  ScriptAppService,
  SessionService,
  SpreadsheetAppService,
  UtilitiesService,
} from '../../emulator/gas';

export function services(env: GasEnvironment) {
  const g = env.globals;
  return {
    SpreadsheetApp: g.SpreadsheetApp as SpreadsheetAppService,
    MailApp: g.MailApp as MailAppService,
    LockService: g.LockService as LockServiceType,
    PropertiesService: g.PropertiesService as PropertiesServiceType,
    ScriptApp: g.ScriptApp as ScriptAppService,
    HtmlService: g.HtmlService as HtmlServiceType,
    Session: g.Session as SessionService,
    Logger: g.Logger as LoggerService,
    Utilities: g.Utilities as UtilitiesService,
    console: g.console as Console,
    Date: g.Date as DateConstructor,
  };
}
