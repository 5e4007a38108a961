/**
 * The OAuth scopes Apps Script requires for each method, read from two
 * well-kept sources rather than typed by hand:
 *
 * - `gas-types-detailed` (enuchi): its .d.ts files copy every reference
 *   page's "Authorization" block, "Scripts that use this method require
 *   authorization with one or more of the following scopes", under the
 *   method's reference address (…/reference/spreadsheet/range#getValues()).
 * - `googleapis` (Google's generated Node client): each REST method's sample
 *   lists the discovery document's scopes for it, which is what an Advanced
 *   service (Sheets v4, Drive v3) needs, as the REST API checks the script's
 *   token itself.
 *
 * Both are read once, when the first call is checked, straight from
 * node_modules: the versions are pinned by package-lock.json, so there is no
 * generated copy to fall out of step with them.
 *
 * Apps Script with `oauthScopes` in the manifest grants exactly those; a call
 * needing one not granted throws "Specified permissions are not sufficient to
 * call MailApp.sendEmail. Required permissions: https://…/script.send_mail"
 * (with several: "(A || B)", any one of which would do). An Advanced service
 * call is refused by the API instead: "API call to drive.files.get failed with
 * error: Request had insufficient authentication scopes."
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** reference page ("spreadsheet/range") -> method -> scopes (empty: none needed). */
type ReferenceTable = Map<string, Map<string, string[]>>;

/** The gas-types-detailed files that hold the pages of the services the stand-in models. */
const REFERENCE_FILES = ['base', 'charts', 'html', 'lock', 'mail', 'properties', 'script', 'spreadsheet', 'utilities'];

/** The counter's service names (counter.ts), which this module does not import: the counter imports it. */
type ServiceName = string;

/** Where each service's classes are documented (Ui, Menu and User live under base/). */
const PAGES_OF: Record<ServiceName, string[] | undefined> = {
  Spreadsheet: ['spreadsheet', 'base', 'charts'],
  Mail: ['mail'],
  Lock: ['lock'],
  Properties: ['properties'],
  Script: ['script'],
  Html: ['html'],
  Utilities: ['utilities', 'base'],
  Session: ['base'],
  Logger: ['base'],
  Sheets: [],
  Drive: [],
};

/**
 * Methods of the stand-in the package has no page entry for, and the
 * documented method whose scopes they take: deprecated names (the package
 * keeps only their replacements), and the one chart builder standing for the
 * typed builders that asColumnChart() and friends return. null: the stand-in's
 * own accessor, not in the reference, needing nothing.
 */
const ALIASES: Record<string, string | null> = {
  'Spreadsheet.Range.getFontColor': 'spreadsheet/range#getFontColorObject',
  'Spreadsheet.Range.getFontColors': 'spreadsheet/range#getFontColorObjects',
  'Spreadsheet.Sheet.getTabColor': 'spreadsheet/sheet#getTabColorObject',
  'Spreadsheet.BooleanCondition.getBackground': 'spreadsheet/boolean-condition#getBackgroundObject',
  'Spreadsheet.BooleanCondition.getFontColor': 'spreadsheet/boolean-condition#getFontColorObject',
  'Spreadsheet.Banding.getTheme': 'spreadsheet/banding#getHeaderRowColorObject',
  'Spreadsheet.EmbeddedChart.getId': 'spreadsheet/embedded-chart#getChartId',
  'Spreadsheet.EmbeddedChartBuilder.setTitle': 'spreadsheet/embedded-column-chart-builder#setTitle',
  'Spreadsheet.EmbeddedChartBuilder.setStacked': 'spreadsheet/embedded-column-chart-builder#setStacked',
  'Spreadsheet.EmbeddedChartBuilder.setLegendPosition': 'spreadsheet/embedded-column-chart-builder#setLegendPosition',
  'Spreadsheet.EmbeddedChartBuilder.setColors': 'spreadsheet/embedded-column-chart-builder#setColors',
  'Session.User.getUserLoginId': 'base/user#getEmail',
  'Session.User.toString': null,
  'Html.HtmlOutput.getSandboxMode': null,
  'Html.HtmlOutput.getXFrameOptionsMode': null,
};

const AUTH_BLOCK =
  /Scripts that use this method require authorization with one or more of the following scopes:((?:\s*\*\s*- https:\/\/\S+)+)/;
const REFERENCE_URL = /https:\/\/developers\.google\.com\/apps-script\/reference\/([a-z-]+\/[a-z-]+)#(\w+)\(/;
const SCOPE = /https:\/\/www\.googleapis\.com\/auth\/[\w.-]+|https:\/\/mail\.google\.com\//g;

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function docComments(text: string): string[] {
  return [...text.matchAll(/\/\*\*([\s\S]*?)\*\//g)].map((m) => m[1]);
}

export function parseReference(text: string, into: ReferenceTable = new Map()): ReferenceTable {
  for (const doc of docComments(text)) {
    const ref = REFERENCE_URL.exec(doc);
    if (!ref) continue;
    const block = AUTH_BLOCK.exec(doc);
    const scopes = block ? (block[1].match(SCOPE) ?? []) : [];
    const page = into.get(ref[1]) ?? new Map<string, string[]>();
    into.set(ref[1], page);
    // Overloads share their scopes on every page the stand-in models; where one
    // differs, the stricter (one that needs a scope) wins.
    const before = page.get(ref[2]);
    if (!before || before.length === 0) page.set(ref[2], scopes);
  }
  return into;
}

/** "sheets.spreadsheets.values.batchUpdate" -> the scopes its sample authorises with. */
export function parseRestSamples(text: string, into: Map<string, string[]> = new Map()): Map<string, string[]> {
  for (const doc of docComments(text)) {
    const call = /const res = await ((?:sheets|drive)\.[\w.]+)\(/.exec(doc);
    const list = /scopes: \[([\s\S]*?)\]/.exec(doc);
    if (call && list) into.set(call[1], list[1].match(SCOPE) ?? []);
  }
  return into;
}

let reference: ReferenceTable | null = null;
let rest: Map<string, string[]> | null = null;

function referenceTable(): ReferenceTable {
  if (!reference) {
    const dir = packageDir('gas-types-detailed');
    reference = new Map();
    for (const f of REFERENCE_FILES) {
      parseReference(readFileSync(join(dir, `google-apps-script.${f}.d.ts`), 'utf8'), reference);
    }
  }
  return reference;
}

function restTable(): Map<string, string[]> {
  if (!rest) {
    const dir = join(packageDir('googleapis'), 'build', 'src', 'apis');
    rest = new Map();
    for (const f of ['sheets/v4.d.ts', 'drive/v3.d.ts']) parseRestSamples(readFileSync(join(dir, f), 'utf8'), rest);
  }
  return rest;
}

/** 'SpreadsheetApp' -> 'spreadsheet-app', as the reference names its pages. */
function pageSlug(className: string): string {
  return className.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase();
}

/** 'Sheets', 'Spreadsheets.Values', 'batchUpdate' -> 'sheets.spreadsheets.values.batchUpdate'. */
export function restMethod(service: ServiceName, className: string, method: string): string {
  return [service, ...className.split('.')].map((s) => s[0].toLowerCase() + s.slice(1)).join('.') + `.${method}`;
}

export function isAdvanced(service: ServiceName): boolean {
  return service === 'Sheets' || service === 'Drive';
}

/** The reference page a class of the stand-in is documented on, e.g. 'base/ui'; null if none. */
export function referencePage(service: ServiceName, className: string): string | null {
  const slug = pageSlug(className);
  for (const dir of PAGES_OF[service] ?? []) if (referenceTable().has(`${dir}/${slug}`)) return `${dir}/${slug}`;
  return null;
}

/**
 * The scopes a method needs, any one of which suffices; [] when it needs none;
 * undefined when the sources do not know the method.
 */
export function requiredScopes(service: ServiceName, className: string, method: string): string[] | undefined {
  if (isAdvanced(service)) return restTable().get(restMethod(service, className, method));
  const alias = ALIASES[`${service}.${className}.${method}`];
  if (alias === null) return [];
  if (alias !== undefined) {
    const [aliasPage, aliasMethod] = alias.split('#');
    return referenceTable().get(aliasPage)?.get(aliasMethod);
  }
  const page = referencePage(service, className);
  return page === null ? undefined : referenceTable().get(page)?.get(method);
}

/**
 * For `service.className.method`: a check that throws what Apps Script throws
 * when the manifest grants none of the scopes the method needs. `granted`
 * null: no manifest scopes to hold the call to (a script without
 * `oauthScopes` is granted what it uses). The sources are read on the first
 * call that is held to scopes, and the method's list kept.
 */
export function scopeCheck(
  service: ServiceName,
  className: string,
  method: string,
): (granted: ReadonlySet<string> | null) => void {
  let needed: readonly string[] | undefined;
  return (granted) => {
    if (!granted) return;
    needed ??= requiredScopes(service, className, method) ?? [];
    if (needed.length === 0 || needed.some((s) => granted.has(s))) return;
    throw scopeError(service, className, method, needed);
  };
}

function scopeError(service: ServiceName, className: string, method: string, needed: readonly string[]): Error {
  if (isAdvanced(service)) {
    const err = new Error(
      `API call to ${restMethod(service, className, method)} failed with error: Request had insufficient authentication scopes.`,
    );
    (err as Error & { code?: number }).code = 403;
    err.name = 'GoogleJsonResponseException';
    return err;
  }
  const list = needed.length === 1 ? needed[0] : `(${needed.join(' || ')})`;
  return new Error(
    `Specified permissions are not sufficient to call ${className}.${method}. Required permissions: ${list}`,
  );
}
