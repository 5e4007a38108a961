/**
 * The colours conditional formatting gives cells, worked out for the
 * emulator's grid. The Apps Script stand-in only stores rules (as Sheets'
 * API does); here they are evaluated the way Sheets shows them:
 *   - rules in list order, and for each cell only the first rule that covers
 *     it and holds sets its format;
 *   - a custom formula is written for the top-left cell of the rule's first
 *     range; relative references move with the cell, $-anchored parts stay;
 *   - a formula that errors, or gives anything but TRUE or a non-zero
 *     number, does not hold.
 * Formulas cover what formatting rules are written with: references,
 * literals, comparisons, & + - * /, and AND OR NOT IF IFERROR ISERROR
 * ISNUMBER ISTEXT ISBLANK SEARCH FIND REGEXMATCH EXACT LEN LOWER UPPER TRIM
 * LEFT RIGHT TODAY. A formula outside that is reported, never guessed at.
 */

export interface GridBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface RuleInput {
  ranges: GridBox[];
  criteria: string;
  args: unknown[];
  background: string | null;
  fontColor: string | null;
}

export interface CellFormats {
  backgrounds: (string | null)[][];
  fontColors: (string | null)[][];
  /** Rules that could not be evaluated, each once, with the reason. */
  unsupported: string[];
}

/** A cell's value as the formula sees it: blank is null, dates are serial numbers. */
type Value = number | string | boolean | null | FormulaError;

class FormulaError {
  constructor(readonly code: string) {}
}

class Unsupported extends Error {}

/**
 * `values` are the sheet's raw values from row 1, column 1 (as many rows and
 * columns as the grid shows); `today` is the serial number of today in the
 * spreadsheet's zone. Returns a format for every cell a rule colours, null elsewhere.
 */
export function evaluateRules(
  rules: readonly RuleInput[],
  values: readonly (readonly Value[])[],
  today: number,
): CellFormats {
  const rows = values.length;
  const cols = rows ? Math.max(...values.map((r) => r.length)) : 0;
  const backgrounds = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  const fontColors = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  const done = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  const unsupported: string[] = [];

  for (const rule of rules) {
    if (rule.ranges.length === 0 || (!rule.background && !rule.fontColor)) continue;
    let test: (row: number, col: number) => boolean;
    try {
      test = compileCondition(rule, values, today);
    } catch (err) {
      if (!(err instanceof Unsupported)) throw err;
      unsupported.push(err.message);
      continue;
    }
    for (const box of rule.ranges) {
      const lastRow = Math.min(box.row + box.numRows - 1, rows);
      const lastCol = Math.min(box.column + box.numColumns - 1, cols);
      for (let r = box.row; r <= lastRow; r++) {
        for (let c = box.column; c <= lastCol; c++) {
          if (done[r - 1][c - 1] || !test(r, c)) continue;
          done[r - 1][c - 1] = true;
          backgrounds[r - 1][c - 1] = rule.background || null;
          fontColors[r - 1][c - 1] = rule.fontColor || null;
        }
      }
    }
  }
  return { backgrounds, fontColors, unsupported };
}

function compileCondition(
  rule: RuleInput,
  values: readonly (readonly Value[])[],
  today: number,
): (row: number, col: number) => boolean {
  // An empty string is an empty cell: getValues gives '' for both.
  const cell = (row: number, col: number): Value => {
    const v = row >= 1 && col >= 1 ? values[row - 1]?.[col - 1] : null;
    return v === undefined || v === '' ? null : v;
  };
  const arg = rule.args[0];
  const text = (v: Value): string => (v === null || v instanceof FormulaError ? '' : String(v));
  switch (rule.criteria) {
    case 'CELL_EMPTY':
      return (r, c) => text(cell(r, c)) === '';
    case 'CELL_NOT_EMPTY':
      return (r, c) => text(cell(r, c)) !== '';
    case 'TEXT_CONTAINS':
      return (r, c) =>
        text(cell(r, c))
          .toLowerCase()
          .includes(String(arg ?? '').toLowerCase());
    case 'TEXT_NOT_CONTAINS':
      return (r, c) =>
        !text(cell(r, c))
          .toLowerCase()
          .includes(String(arg ?? '').toLowerCase());
    case 'TEXT_EQUAL_TO':
      return (r, c) => text(cell(r, c)).toLowerCase() === String(arg ?? '').toLowerCase();
    case 'TEXT_STARTS_WITH':
      return (r, c) =>
        text(cell(r, c))
          .toLowerCase()
          .startsWith(String(arg ?? '').toLowerCase());
    case 'NUMBER_GREATER_THAN':
      return (r, c) => typeof cell(r, c) === 'number' && (cell(r, c) as number) > Number(arg);
    case 'NUMBER_LESS_THAN':
      return (r, c) => typeof cell(r, c) === 'number' && (cell(r, c) as number) < Number(arg);
    case 'CUSTOM_FORMULA': {
      const source = String(arg ?? '');
      const anchor = rule.ranges[0];
      const ast = parseFormula(source);
      return (r, c) => {
        const env: EvalEnv = { cell, today, rowShift: r - anchor.row, colShift: c - anchor.column };
        return truthy(evaluate(ast, env));
      };
    }
    default:
      throw new Unsupported(`condition ${rule.criteria} is not shown by the emulator`);
  }
}

function truthy(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return false;
}

// ---- formulas ----------------------------------------------------------------

type Node =
  | { kind: 'lit'; value: Value }
  | { kind: 'ref'; col: number; row: number; colFixed: boolean; rowFixed: boolean }
  | { kind: 'op'; op: string; left: Node; right: Node }
  | { kind: 'neg'; arg: Node }
  | { kind: 'call'; name: string; args: Node[] };

interface EvalEnv {
  cell(row: number, col: number): Value;
  today: number;
  rowShift: number;
  colShift: number;
}

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|(\d+(?:\.\d+)?)|(\$?[A-Za-z]{1,3}\$?\d+)(?![\w(])|([A-Za-z_][A-Za-z0-9_.]*)\s*(?=\()|(TRUE|FALSE)\b|(<>|<=|>=|[=<>&+\-*/(),]))/iy;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(source);
    if (!m) throw new Unsupported(`formula ${source}: cannot read it from "${source.slice(at).trim()}"`);
    tokens.push(m.slice(1).find((t) => t !== undefined) as string);
    at = TOKEN.lastIndex;
  }
  return tokens;
}

/** Reads `=expression`; throws Unsupported for anything outside the subset above. */
export function parseFormula(source: string): Node {
  const body = source.trim().replace(/^=/, '');
  const tokens = tokenize(body);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const take = (expected?: string): string => {
    const t = tokens[i];
    if (t === undefined || (expected !== undefined && t !== expected)) {
      throw new Unsupported(`formula ${source}: expected ${expected ?? 'more'} at "${t ?? 'the end'}"`);
    }
    i++;
    return t;
  };
  const binary = (next: () => Node, ops: string[]): (() => Node) => {
    return () => {
      let left = next();
      while (peek() !== undefined && ops.includes(peek() as string)) {
        const op = take();
        left = { kind: 'op', op, left, right: next() };
      }
      return left;
    };
  };
  const primary = (): Node => {
    const t = take();
    if (t === '(') {
      const inner = comparison();
      take(')');
      return inner;
    }
    if (t === '-') return { kind: 'neg', arg: primary() };
    if (t === '+') return primary();
    if (t.startsWith('"')) return { kind: 'lit', value: t.slice(1, -1).replace(/""/g, '"') };
    if (/^\d/.test(t)) return { kind: 'lit', value: Number(t) };
    if (/^(TRUE|FALSE)$/i.test(t) && peek() !== '(') return { kind: 'lit', value: t.toUpperCase() === 'TRUE' };
    const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(t);
    if (ref && peek() !== '(') {
      return {
        kind: 'ref',
        colFixed: ref[1] === '$',
        col: columnNumber(ref[2]),
        rowFixed: ref[3] === '$',
        row: Number(ref[4]),
      };
    }
    if (/^[A-Za-z_]/.test(t) && peek() === '(') {
      const name = t.toUpperCase();
      if (!(name in FUNCTIONS)) throw new Unsupported(`formula ${source}: ${name}() is not evaluated by the emulator`);
      take('(');
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(comparison());
        while (peek() === ',') {
          take(',');
          args.push(comparison());
        }
      }
      take(')');
      return { kind: 'call', name, args };
    }
    throw new Unsupported(`formula ${source}: cannot evaluate "${t}"`);
  };
  const product = binary(primary, ['*', '/']);
  const sum = binary(product, ['+', '-']);
  const concat = binary(sum, ['&']);
  const comparison = binary(concat, ['=', '<>', '<', '>', '<=', '>=']);
  const ast = comparison();
  if (i < tokens.length) throw new Unsupported(`formula ${source}: unexpected "${tokens[i]}"`);
  return ast;
}

function columnNumber(letters: string): number {
  return letters
    .toUpperCase()
    .split('')
    .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

const VALUE_ERROR = new FormulaError('#VALUE!');

function asText(v: Value): string | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function asNumber(v: Value): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) ? n : VALUE_ERROR;
}

function asBoolean(v: Value): boolean | FormulaError {
  if (v instanceof FormulaError) return v;
  if (typeof v === 'boolean') return v;
  if (v === null) return false;
  if (typeof v === 'number') return v !== 0;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  return VALUE_ERROR;
}

/** Sheets' order across types: numbers < text < booleans; a blank is 0 beside a number, "" beside text. */
function compare(a: Value, b: Value): number {
  const rank = (v: Value): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === null) a = typeof b === 'number' ? 0 : typeof b === 'boolean' ? false : '';
  if (b === null) b = typeof a === 'number' ? 0 : typeof a === 'boolean' ? false : '';
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

type Fn = (args: Node[], env: EvalEnv) => Value;

const text1 =
  (f: (s: string) => Value): Fn =>
  (args, env) => {
    const s = asText(evaluate(args[0], env));
    return s instanceof FormulaError ? s : f(s);
  };

const FUNCTIONS: Record<string, Fn> = {
  AND: (args, env) => {
    let all = true;
    for (const a of args) {
      const b = asBoolean(evaluate(a, env));
      if (b instanceof FormulaError) return b;
      all = all && b;
    }
    return all;
  },
  OR: (args, env) => {
    let any = false;
    for (const a of args) {
      const b = asBoolean(evaluate(a, env));
      if (b instanceof FormulaError) return b;
      any = any || b;
    }
    return any;
  },
  NOT: (args, env) => {
    const b = asBoolean(evaluate(args[0], env));
    return b instanceof FormulaError ? b : !b;
  },
  IF: (args, env) => {
    const b = asBoolean(evaluate(args[0], env));
    if (b instanceof FormulaError) return b;
    if (b) return args[1] ? evaluate(args[1], env) : true;
    return args[2] ? evaluate(args[2], env) : false;
  },
  IFERROR: (args, env) => {
    const v = evaluate(args[0], env);
    return v instanceof FormulaError ? (args[1] ? evaluate(args[1], env) : '') : v;
  },
  ISERROR: (args, env) => evaluate(args[0], env) instanceof FormulaError,
  ISNUMBER: (args, env) => typeof evaluate(args[0], env) === 'number',
  ISTEXT: (args, env) => typeof evaluate(args[0], env) === 'string',
  ISBLANK: (args, env) => evaluate(args[0], env) === null,
  SEARCH: (args, env) => find(args, env, false),
  FIND: (args, env) => find(args, env, true),
  REGEXMATCH: (args, env) => {
    const s = asText(evaluate(args[0], env));
    const p = asText(evaluate(args[1], env));
    if (s instanceof FormulaError) return s;
    if (p instanceof FormulaError) return p;
    try {
      return new RegExp(p).test(s);
    } catch {
      return new FormulaError('#REF!');
    }
  },
  EXACT: (args, env) => {
    const a = asText(evaluate(args[0], env));
    const b = asText(evaluate(args[1], env));
    if (a instanceof FormulaError) return a;
    if (b instanceof FormulaError) return b;
    return a === b;
  },
  LEN: text1((s) => s.length),
  LOWER: text1((s) => s.toLowerCase()),
  UPPER: text1((s) => s.toUpperCase()),
  TRIM: text1((s) => s.trim().replace(/ +/g, ' ')),
  LEFT: (args, env) => {
    const s = asText(evaluate(args[0], env));
    const n = args[1] ? asNumber(evaluate(args[1], env)) : 1;
    if (s instanceof FormulaError) return s;
    if (n instanceof FormulaError) return n;
    return s.slice(0, Math.max(0, n));
  },
  RIGHT: (args, env) => {
    const s = asText(evaluate(args[0], env));
    const n = args[1] ? asNumber(evaluate(args[1], env)) : 1;
    if (s instanceof FormulaError) return s;
    if (n instanceof FormulaError) return n;
    return n <= 0 ? '' : s.slice(-n);
  },
  TODAY: (_args, env) => env.today,
};

/** SEARCH / FIND: the 1-based position of the first text in the second, or #VALUE! when it is not there. */
function find(args: Node[], env: EvalEnv, caseSensitive: boolean): Value {
  const needle = asText(evaluate(args[0], env));
  const hay = asText(evaluate(args[1], env));
  const start = args[2] ? asNumber(evaluate(args[2], env)) : 1;
  if (needle instanceof FormulaError) return needle;
  if (hay instanceof FormulaError) return hay;
  if (start instanceof FormulaError) return start;
  const at = caseSensitive
    ? hay.indexOf(needle, start - 1)
    : hay.toLowerCase().indexOf(needle.toLowerCase(), start - 1);
  return at < 0 ? VALUE_ERROR : at + 1;
}

function evaluate(node: Node, env: EvalEnv): Value {
  switch (node.kind) {
    case 'lit':
      return node.value;
    case 'ref':
      return env.cell(node.row + (node.rowFixed ? 0 : env.rowShift), node.col + (node.colFixed ? 0 : env.colShift));
    case 'neg': {
      const n = asNumber(evaluate(node.arg, env));
      return n instanceof FormulaError ? n : -n;
    }
    case 'call':
      return FUNCTIONS[node.name](node.args, env);
    case 'op': {
      const a = evaluate(node.left, env);
      const b = evaluate(node.right, env);
      if (a instanceof FormulaError) return a;
      if (b instanceof FormulaError) return b;
      if (node.op === '&') return (asText(a) as string) + (asText(b) as string);
      if (['+', '-', '*', '/'].includes(node.op)) {
        const x = asNumber(a);
        const y = asNumber(b);
        if (x instanceof FormulaError) return x;
        if (y instanceof FormulaError) return y;
        if (node.op === '/' && y === 0) return new FormulaError('#DIV/0!');
        return node.op === '+' ? x + y : node.op === '-' ? x - y : node.op === '*' ? x * y : x / y;
      }
      const c = compare(a, b);
      switch (node.op) {
        case '=':
          return c === 0;
        case '<>':
          return c !== 0;
        case '<':
          return c < 0;
        case '>':
          return c > 0;
        case '<=':
          return c <= 0;
        default:
          return c >= 0;
      }
    }
  }
}

/** Sheets' serial day number (30 December 1899 is 0) of an ISO calendar date. */
export function serialOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}
