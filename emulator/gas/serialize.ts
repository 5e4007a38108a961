/**
 * A JSON-safe snapshot of an environment and its exact restoration, so the
 * web emulator can save a workbook to disk and a test can start from a
 * known one. Dates are tagged {$date: iso}; validation rules are listed once
 * and cells refer to them by index.
 */
import type { GridRef } from './a1';
import { ATTRS, type Attr, type ChartData, type ConditionalRuleData, SheetData } from './sheetData';
import type {
  Ctx,
  DriveState,
  ProtectionData,
  SentMail,
  SheetRef,
  TriggerData,
  ValidationData,
  WorkbookData,
} from './state';

export interface SerializedSheet {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: (number | null)[];
  /** [0-based row index, attribute -> cells]; null is an empty cell. */
  rows: [number, Partial<Record<Attr, unknown[]>>][];
  conditionalRules: ConditionalRuleData[];
  charts: ChartData[];
  filter: GridRef | null;
  bandings: { id: string; ref: GridRef; theme: string }[];
}

export interface SerializedWorkbook {
  version: 1;
  spreadsheet: {
    id: string;
    name: string;
    timeZone: string;
    locale: string;
    activeSheetId: number;
    activeRange: SheetRef | null;
    nextSheetId: number;
    nextProtectionId: number;
    nextChartId: number;
    sheets: SerializedSheet[];
    protections: ProtectionData[];
  };
  validations: ValidationData[];
  properties: { script: Record<string, string>; document: Record<string, string>; user: Record<string, string> };
  triggers: TriggerData[];
  nextTriggerId: number;
  outbox: SentMail[];
  clock: string;
  mailQuota: number;
  /** The SLT view and any other file made through the advanced services; absent in older saves. */
  drive?: DriveState;
}

type Tagged = { $date: string };

function isTagged(v: unknown): v is Tagged {
  return typeof v === 'object' && v !== null && typeof (v as Tagged).$date === 'string';
}

function tag(v: unknown): unknown {
  if (v === undefined) return null;
  if (Object.prototype.toString.call(v) === '[object Date]') return { $date: (v as Date).toISOString() };
  return v;
}

function untag(v: unknown): unknown {
  if (v === null) return undefined;
  if (isTagged(v)) return new Date(v.$date);
  return v;
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function serializeState(ctx: Ctx): SerializedWorkbook {
  const book = ctx.book;
  const validations: ValidationData[] = [];
  const validationIndex = new Map<ValidationData, number>();
  const sheets = book.sheets.map((s): SerializedSheet => {
    const rows: SerializedSheet['rows'] = [];
    s.rows.forEach((row, r) => {
      if (!row) return;
      const out: Partial<Record<Attr, unknown[]>> = {};
      for (const attr of ATTRS) {
        const arr = row[attr];
        if (!arr) continue;
        out[attr] = Array.from(arr, (v) => {
          if (attr !== 'validation' || v === undefined) return tag(v);
          const rule = v as ValidationData;
          let i = validationIndex.get(rule);
          if (i === undefined) {
            i = validations.push(copy(rule)) - 1;
            validationIndex.set(rule, i);
          }
          return i;
        });
      }
      rows.push([r, out]);
    });
    return {
      id: s.id,
      name: s.name,
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      hidden: s.hidden,
      tabColor: s.tabColor,
      columnWidths: Array.from(s.columnWidths, (w) => w ?? null),
      rows,
      conditionalRules: copy(s.conditionalRules),
      charts: copy(s.charts),
      filter: s.filter ? { ...s.filter } : null,
      bandings: copy(s.bandings),
    };
  });
  return {
    version: 1,
    spreadsheet: {
      id: book.id,
      name: book.name,
      timeZone: book.timeZone,
      locale: book.locale,
      activeSheetId: book.activeSheetId,
      activeRange: book.activeRange ? copy(book.activeRange) : null,
      nextSheetId: book.nextSheetId,
      nextProtectionId: book.nextProtectionId,
      nextChartId: book.nextChartId,
      sheets,
      protections: copy(book.protections),
    },
    validations,
    properties: {
      script: Object.fromEntries(ctx.properties.script),
      document: Object.fromEntries(ctx.properties.document),
      user: Object.fromEntries(ctx.properties.user),
    },
    triggers: copy(ctx.triggers),
    nextTriggerId: ctx.nextTriggerId,
    outbox: copy(ctx.mail.outbox),
    clock: ctx.clock.now().toISOString(),
    mailQuota: ctx.mail.quota,
    drive: structuredClone(ctx.drive),
  };
}

export function restoreWorkbook(saved: SerializedWorkbook): WorkbookData {
  if (saved.version !== 1) throw new Error(`Unknown workbook version: ${String(saved.version)}`);
  const s = saved.spreadsheet;
  const rules = saved.validations.map((v) => Object.freeze(copy(v)) as ValidationData);
  const sheets = s.sheets.map((ss) => {
    const d = new SheetData(ss.id, ss.name);
    d.maxRows = ss.maxRows;
    d.maxColumns = ss.maxColumns;
    d.frozenRows = ss.frozenRows;
    d.frozenColumns = ss.frozenColumns;
    d.hidden = ss.hidden;
    d.tabColor = ss.tabColor;
    d.columnWidths = ss.columnWidths.map((w) => w ?? undefined);
    for (const [r, cells] of ss.rows) {
      const row: Partial<Record<Attr, unknown[]>> = {};
      for (const attr of ATTRS) {
        const arr = cells[attr];
        if (!arr) continue;
        row[attr] = arr.map((v) => (attr === 'validation' && typeof v === 'number' ? rules[v] : untag(v)));
      }
      d.rows[r] = row;
    }
    d.conditionalRules = copy(ss.conditionalRules).map((rule) => ({ ...rule, ranges: rule.ranges as GridRef[] }));
    d.charts = copy(ss.charts);
    d.filter = ss.filter ? { ...ss.filter } : null;
    d.bandings = copy(ss.bandings ?? []);
    return d;
  });
  return {
    id: s.id,
    name: s.name,
    timeZone: s.timeZone,
    locale: s.locale,
    sheets,
    activeSheetId: s.activeSheetId,
    activeRange: s.activeRange ? copy(s.activeRange) : null,
    nextSheetId: s.nextSheetId,
    protections: copy(s.protections),
    nextProtectionId: s.nextProtectionId,
    nextChartId: s.nextChartId,
  };
}
