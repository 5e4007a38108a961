/**
 * The emulator's own page. Every piece of sheet, mail or server text goes in
 * with textContent or as an attribute value, never as markup: a cell may hold
 * `<script>` typed by an officer, and an email is rendered only inside a
 * sandboxed frame.
 */

import type {
  ChartView,
  DriveFileView as DriveFile,
  MailView as Mail,
  SheetView,
  StateView as State,
  UiDelta,
} from '../server/types';

type Panel = NonNullable<UiDelta['panel']>;

const OUTBOX = '\u0000outbox';
/** A tab for a separate file in Drive: the prefix, then its id. */
const DRIVE_FILE = '\u0000drive:';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
};

const ui = {
  menu: $('menu'),
  today: $<HTMLInputElement>('today'),
  plus1: $<HTMLButtonElement>('plus1'),
  plus7: $<HTMLButtonElement>('plus7'),
  triggers: $('triggers'),
  banners: $('banners'),
  grid: $('grid'),
  tabs: $('tabs'),
  exportLink: $<HTMLAnchorElement>('export'),
  sheetNote: $('sheet-note'),
  panel: $('panel'),
  panelTitle: $('panel-title'),
  panelFrame: $<HTMLIFrameElement>('panel-frame'),
  panelClose: $<HTMLButtonElement>('panel-close'),
  backdrop: $('backdrop'),
  typingAs: $<HTMLSelectElement>('typing-as'),
};

let state: State | undefined;
let selected = sessionStorage.getItem('emulator:tab') ?? 'Requests';

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v);
  }
  // append() turns strings into text nodes: no markup is ever parsed.
  el.append(...children);
  return el;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!res.ok) throw new Error(data.error?.message ?? `The emulator answered ${res.status}`);
  return data;
}

function banner(text: string, kind: 'alert' | 'error' | 'info' = 'alert', details?: string): void {
  const close = h('button', { type: 'button', class: 'icon', 'aria-label': 'Dismiss', text: '×' });
  const body = h('span', { class: 'text', text });
  // The raw answer, for whoever wants it, behind a toggle: the officer reads the sentence above it.
  if (details !== undefined)
    body.append(h('details', {}, h('summary', { text: 'details' }), h('pre', { text: details })));
  const box = h('div', { class: `banner ${kind}`, role: kind === 'info' ? 'status' : 'alert' }, body, close);
  close.addEventListener('click', () => box.remove());
  ui.banners.append(box);
}

function showUi(delta: UiDelta | null | undefined): void {
  if (!delta) return;
  delta.alerts.forEach((a) => banner(a, 'alert'));
  delta.toasts.forEach((t) => banner(t, 'info'));
  if (delta.panel) openPanel(delta.panel);
}

function openPanel(panel: Panel): void {
  const dialog = panel.kind === 'dialog';
  ui.panelTitle.textContent = panel.title || (dialog ? 'Dialog' : 'Sidebar');
  ui.panelFrame.title = `Add-on ${panel.kind}: ${panel.title}`;
  ui.panelFrame.src = panel.url;
  // A dialog floats over the sheet at the size the add-on asked for; a sidebar keeps its 300 px column.
  ui.panel.classList.toggle('dialog', dialog);
  ui.panelClose.setAttribute('aria-label', dialog ? 'Close dialog' : 'Close sidebar');
  if (dialog) {
    ui.panel.setAttribute('role', 'dialog');
    ui.panel.setAttribute('aria-modal', 'true');
    ui.panel.style.width = `min(${panel.width ?? 600}px, 96vw)`;
    ui.panel.style.height = `min(${(panel.height ?? 400) + 44}px, 92vh)`;
  } else {
    ui.panel.removeAttribute('role');
    ui.panel.removeAttribute('aria-modal');
    ui.panel.style.width = '';
    ui.panel.style.height = '';
  }
  ui.backdrop.hidden = !dialog;
  ui.panel.hidden = false;
}

function closePanel(): void {
  ui.panel.hidden = true;
  ui.backdrop.hidden = true;
  ui.panelFrame.src = 'about:blank';
}

// Each refresh is numbered so a slow, older answer never overwrites a newer
// one, and the page says which answer it last drew (data-rendered on <body>)
// and how many it has asked for (data-asked): the browser tests wait for
// those signals, never for a fixed time or a network reply.
let refreshesStarted = 0;
let refreshRendered = 0;

async function refresh(): Promise<void> {
  const seq = ++refreshesStarted;
  // How many refreshes have been asked for: a test notes it before acting, then waits for a later one to be drawn.
  document.body.dataset.asked = String(seq);
  try {
    const fetched = await api<State>('/api/state');
    if (seq < refreshRendered) return;
    refreshRendered = seq;
    state = fetched;
    render();
  } catch (err) {
    banner(`Could not read the emulator's state: ${(err as Error).message}`, 'error');
  }
}

async function act(work: () => Promise<UiDelta | void>): Promise<void> {
  try {
    showUi((await work()) || undefined);
  } catch (err) {
    banner((err as Error).message, 'error');
  }
  await refresh();
}

function render(): void {
  if (!state) return;
  // Redrawing would throw away what the officer is typing: draw once she has finished.
  if (editing) {
    editing.redraw = true;
    return;
  }
  const s = state;
  // Not while she is typing a new day: a refresh must not overwrite it.
  if (!todayTyped) ui.today.value = ukDate(s.today);

  ui.menu.replaceChildren(
    ...s.menu.map((item) => {
      const b = h('button', { type: 'button', text: item.caption });
      b.addEventListener('click', () =>
        act(async () => {
          type MenuAnswer = { error?: { message: string }; ui: UiDelta; question?: { text: string } };
          let out = await api<MenuAnswer>('/api/menu', { functionName: item.functionName });
          if (out.question) {
            // The item asked a question (ui.prompt): the browser's own prompt box asks the officer.
            const text = window.prompt(out.question.text, '');
            out = await api<MenuAnswer>('/api/menu', {
              functionName: item.functionName,
              answers: [text === null ? { button: 'CANCEL', text: '' } : { button: 'OK', text }],
            });
          }
          if (out.error) banner(`${item.caption} failed: ${out.error.message}`, 'error');
          return out.ui;
        }),
      );
      return b;
    }),
  );

  ui.triggers.replaceChildren(
    ...[...new Set(s.triggers.map((t) => t.handler))].map((handler) => {
      const b = h('button', { type: 'button', text: `Fire trigger: ${handler}` });
      b.addEventListener('click', () =>
        act(async () => {
          const out = await api<{ result?: unknown; error?: { message: string }; ui: UiDelta }>('/api/trigger', {
            handler,
          });
          if (out.error) banner(`${handler} failed: ${out.error.message}`, 'error');
          else banner(triggerSummary(handler, out.result), 'info', JSON.stringify(out.result, null, 2));
          return out.ui;
        }),
      );
      return b;
    }),
  );

  const files = s.driveFiles ?? [];
  const names = [...s.sheets.map((sh) => sh.name), OUTBOX, ...files.map((f) => DRIVE_FILE + f.id)];
  if (!names.includes(selected)) selected = s.sheets[0]?.name ?? OUTBOX;
  ui.tabs.replaceChildren(
    ...names.map((name) => {
      const file = files.find((f) => DRIVE_FILE + f.id === name);
      const label = name === OUTBOX ? `Outbox (${s.outbox.length})` : file ? `${file.sheet} (separate file)` : name;
      const tab = h('button', {
        type: 'button',
        role: 'tab',
        'aria-selected': String(name === selected),
        'aria-controls': 'grid',
        text: label,
      });
      tab.addEventListener('click', () => {
        if (editing) finishEdit(editing, 'commit');
        selected = name;
        sessionStorage.setItem('emulator:tab', name);
        render();
      });
      return tab;
    }),
  );

  if (ui.typingAs.options.length !== s.users.length) {
    ui.typingAs.replaceChildren(
      ...s.users.map((u) => h('option', { value: u.email, text: `${u.label} (${u.email})` })),
    );
  }

  const file = files.find((f) => DRIVE_FILE + f.id === selected);
  if (selected === OUTBOX) renderOutbox(s.outbox);
  else if (file) renderDriveFile(file);
  else renderSheet(s.sheets.find((sh) => sh.name === selected));
  document.body.dataset.rendered = String(refreshRendered);
}

/** What the menu item shows for the same run: the answer's summary, or its errors in words. */
function triggerSummary(handler: string, result: unknown): string {
  const r = (result ?? {}) as { ok?: unknown; summary?: unknown; errors?: { message?: unknown }[] };
  if (typeof r.summary === 'string' && r.summary !== '') return r.summary;
  if (r.ok === false && Array.isArray(r.errors)) return r.errors.map((e) => String(e?.message ?? '')).join(' ');
  return `${handler} ran.`;
}

function columnLetter(i: number): string {
  let n = i + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function renderSheet(sheet: SheetView | undefined): void {
  ui.exportLink.hidden = !sheet;
  ui.typingAs.parentElement!.hidden = !sheet;
  if (!sheet) {
    ui.grid.replaceChildren(h('p', { class: 'empty', text: 'No such sheet.' }));
    return;
  }
  ui.exportLink.href = `/api/export?sheet=${encodeURIComponent(sheet.name)}`;
  ui.exportLink.setAttribute('download', `${sheet.name}.csv`);
  ui.grid.setAttribute('aria-label', `Sheet ${sheet.name}`);
  ui.sheetNote.textContent =
    sheet.totalRows > sheet.rows.length
      ? `Showing the first ${sheet.rows.length} of ${sheet.totalRows} rows (export for all).`
      : `${Math.max(sheet.totalRows - 1, 0)} row${sheet.totalRows === 2 ? '' : 's'} below the header.`;
  if (sheet.unshownRules?.length) {
    ui.sheetNote.textContent += ` Colours of ${sheet.unshownRules.length} conditional format rule${sheet.unshownRules.length === 1 ? '' : 's'} not shown: ${sheet.unshownRules.join('; ')}.`;
  }
  if (sheet.rows.length === 0) {
    ui.grid.replaceChildren(h('p', { class: 'empty', text: 'This sheet is empty.' }));
    return;
  }
  // The grid keeps the keyboard if it had it: a redraw after an edit leaves the officer on her next cell.
  const hadFocus = ui.grid.contains(document.activeElement) && document.activeElement !== ui.grid;
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const height = sheet.rows.length + sheet.spareRows;
  const at = cursors.get(sheet.name);
  const cursor = at && at.r < height && at.c < width ? at : { r: 1 < height ? 1 : 0, c: 0 };
  cursors.set(sheet.name, cursor);
  const formulas = new Set(sheet.formulas ?? []);
  const cell = (r: number, c: number): HTMLTableCellElement => {
    const text = sheet.rows[r]?.[c] ?? '';
    const key = `${r}:${c}`;
    const box = sheet.checkboxes?.[r]?.[c] && (text === 'TRUE' || text === 'FALSE');
    // Sheets draws a checkbox cell as a tick box; its value stays readable to a screen reader.
    const td = box
      ? h(
          'td',
          { class: 'checkbox' },
          h('span', {
            role: 'img',
            'aria-label': text === 'TRUE' ? 'ticked' : 'not ticked',
            text: text === 'TRUE' ? '☑' : '☐',
          }),
        )
      : h('td', { text });
    td.dataset.r = String(r);
    td.dataset.c = String(c);
    td.tabIndex = r === cursor.r && c === cursor.c ? 0 : -1;
    if (td.tabIndex === 0) td.classList.add('cursor');
    if (formulas.has(key)) {
      td.classList.add('formula');
      td.title = 'A formula: the emulator shows its text and does not calculate it (the add-on reads #ERROR!)';
    } else if (text.length > 30) td.title = text;
    if (sheet.dropdowns?.cells[key] !== undefined) td.classList.add('dropdown');
    const bg = sheet.backgrounds?.[r]?.[c];
    // A CSSOM assignment, not markup: an invalid value is simply ignored.
    if (bg && bg !== '#ffffff') td.style.backgroundColor = bg;
    const fg = sheet.fontColors?.[r]?.[c];
    if (fg) td.style.color = fg;
    // The width the add-on gave the column, as Sheets draws it; text wider than that is cut (or wrapped) there.
    const w = sheet.columnWidths?.[c];
    if (w !== undefined) {
      td.classList.add('sized');
      td.style.width = td.style.minWidth = td.style.maxWidth = `${w}px`;
    }
    if (sheet.wraps?.[r]?.[c]) td.classList.add('wrap');
    // As in Sheets, text with nothing to its right runs on over the empty cells instead of being cut.
    else if (text !== '' && !box && (sheet.rows[r] ?? []).slice(c + 1).every((v) => v === '')) {
      td.classList.add('overflow');
    }
    if (sheet.bold?.[r]?.[c]) td.classList.add('bold');
    return td;
  };
  const letters = h(
    'tr',
    {},
    h('th', { class: 'corner', scope: 'col', 'aria-label': 'Row' }),
    ...Array.from({ length: width }, (_, c) => h('th', { class: 'col', scope: 'col', text: columnLetter(c) })),
  );
  const row = (r: number, cls = ''): HTMLTableRowElement =>
    h(
      'tr',
      cls ? { class: cls } : {},
      h('th', { class: 'rownum', scope: 'row', text: String(r + 1) }),
      ...Array.from({ length: width }, (_, c) => cell(r, c)),
    );
  // Row 1 holds the headers and is frozen by setUp, so it stays in view with the letters.
  const thead = h('thead', {}, letters, row(0, 'header-row'));
  const tbody = h(
    'tbody',
    {},
    ...sheet.rows.slice(1).map((_, i) => row(i + 1)),
    // Blank rows below the last used one, as Sheets has, for a new row.
    ...Array.from({ length: sheet.spareRows }, (_, i) => row(sheet.rows.length + i, 'spare')),
  );
  const charts = (sheet.charts ?? []).map(renderChart);
  ui.grid.replaceChildren(
    h('table', { role: 'grid', 'aria-label': `Cells of ${sheet.name}` }, thead, tbody),
    ...(charts.length ? [h('div', { class: 'charts' }, ...charts)] : []),
  );
  if (hadFocus) cellAt(cursor.r, cursor.c)?.focus();
}

// ---- typing into the grid ---------------------------------------------------

/** The selected cell of each sheet (from 0, row 0 being the headers). */
const cursors = new Map<string, { r: number; c: number }>();

interface Editing {
  sheet: string;
  r: number;
  c: number;
  control: HTMLInputElement | HTMLSelectElement;
  /** Opened by typing a character: the arrows then finish the edit and move, as in Sheets. */
  quick: boolean;
  /** A refresh arrived while she typed; draw it once she has finished. */
  redraw: boolean;
}
let editing: Editing | undefined;

function currentSheet(): SheetView | undefined {
  return selected === OUTBOX ? undefined : state?.sheets.find((sh) => sh.name === selected);
}

function cellAt(r: number, c: number): HTMLTableCellElement | null {
  return ui.grid.querySelector<HTMLTableCellElement>(`td[data-r="${r}"][data-c="${c}"]`);
}

function cellName(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

function moveCursor(dr: number, dc: number): void {
  const sheet = currentSheet();
  const at = sheet && cursors.get(sheet.name);
  if (!sheet || !at) return;
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const height = sheet.rows.length + sheet.spareRows;
  const r = Math.min(Math.max(at.r + dr, 0), height - 1);
  const c = Math.min(Math.max(at.c + dc, 0), width - 1);
  selectCell(r, c);
}

function selectCell(r: number, c: number): void {
  const sheet = currentSheet();
  if (!sheet) return;
  const before = cursors.get(sheet.name);
  if (before) {
    const old = cellAt(before.r, before.c);
    old?.classList.remove('cursor');
    if (old) old.tabIndex = -1;
  }
  cursors.set(sheet.name, { r, c });
  const td = cellAt(r, c);
  if (!td) return;
  td.tabIndex = 0;
  td.classList.add('cursor');
  td.focus();
}

function isCheckbox(sheet: SheetView, r: number, c: number): boolean {
  return Boolean(sheet.checkboxes?.[r]?.[c]);
}

function startEdit(r: number, c: number, typed?: string): void {
  const sheet = currentSheet();
  const td = cellAt(r, c);
  if (!sheet || !td || editing) return;
  const key = `${r}:${c}`;
  const current = sheet.edits?.[key] ?? sheet.rows[r]?.[c] ?? '';
  const list = sheet.dropdowns?.cells[key];
  let control: HTMLInputElement | HTMLSelectElement;
  if (list !== undefined && typed === undefined) {
    // A dropdown rule: choose from its list, as Sheets' chip offers; typing over it still works.
    const items = sheet.dropdowns!.lists[list];
    const shown = sheet.rows[r]?.[c] ?? '';
    const options = ['', ...items, ...(shown !== '' && !items.includes(shown) ? [shown] : [])];
    const select = h(
      'select',
      { 'aria-label': `Choose a value for cell ${cellName(r, c)}` },
      ...options.map((o) => h('option', { value: o, text: o === '' ? '(blank)' : o })),
    );
    select.value = shown;
    control = select;
  } else {
    const input = h('input', { type: 'text', 'aria-label': `Edit cell ${cellName(r, c)}`, spellcheck: 'false' });
    input.value = typed ?? current;
    control = input;
  }
  const ed: Editing = { sheet: sheet.name, r, c, control, quick: typed !== undefined, redraw: false };
  editing = ed;
  td.classList.add('editing');
  td.replaceChildren(control);
  control.focus();
  if (control instanceof HTMLInputElement) control.setSelectionRange(control.value.length, control.value.length);
  let keyed = false;
  control.addEventListener('keydown', (e: Event) => {
    if (!(e instanceof KeyboardEvent)) return;
    const move = editKeyMove(e, ed);
    if (move === 'cancel') {
      e.preventDefault();
      finishEdit(ed, 'cancel');
    } else if (move) {
      e.preventDefault();
      finishEdit(ed, 'commit', move);
    } else if (control instanceof HTMLSelectElement) {
      keyed = true;
    }
  });
  if (control instanceof HTMLSelectElement) {
    // Picking with the mouse is the choice; stepping through with the arrow keys waits for Enter.
    control.addEventListener('change', () => {
      if (!keyed) finishEdit(ed, 'commit', [1, 0]);
      keyed = false;
    });
  }
  // Clicking elsewhere keeps what was typed, as in Sheets.
  control.addEventListener('blur', () => finishEdit(ed, 'commit', undefined, false));
}

/** What a key does while a cell is being edited: a move once the text is kept, cancel, or nothing (a caret key). */
function editKeyMove(e: KeyboardEvent, ed: Editing): [number, number] | 'cancel' | undefined {
  if (e.key === 'Escape') return 'cancel';
  if (e.key === 'Enter') return e.shiftKey ? [-1, 0] : [1, 0];
  if (e.key === 'Tab') return e.shiftKey ? [0, -1] : [0, 1];
  if (!ed.quick || !(ed.control instanceof HTMLInputElement)) return undefined;
  const arrows: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  return arrows[e.key];
}

function finishEdit(ed: Editing, how: 'commit' | 'cancel', move?: [number, number], refocus = true): void {
  if (editing !== ed) return;
  editing = undefined;
  const text = ed.control.value;
  const sheet = state?.sheets.find((sh) => sh.name === ed.sheet);
  const before = ed.control instanceof HTMLSelectElement ? (sheet?.rows[ed.r]?.[ed.c] ?? '') : undefined;
  const unchanged = before !== undefined ? text === before : false;
  const td = ed.control.parentElement;
  td?.classList.remove('editing');
  // Until the workbook answers, the cell shows what she typed (or what it held, if she cancelled).
  if (td) td.replaceChildren(how === 'commit' ? text : (sheet?.rows[ed.r]?.[ed.c] ?? ''));
  if (refocus && selected === ed.sheet) {
    const t = cellAt(ed.r, ed.c);
    t?.focus();
    if (move) moveCursor(move[0], move[1]);
  }
  if (how === 'cancel' || unchanged) {
    if (ed.redraw) render();
    return;
  }
  void writeCell(ed.sheet, ed.r, ed.c, text);
}

async function writeCell(sheet: string, r: number, c: number, text: string): Promise<void> {
  await act(async () => {
    const out = await api<{ cell?: string; error?: { message: string } }>('/api/edit', {
      sheet,
      row: r + 1,
      column: c + 1,
      text,
      user: ui.typingAs.value || undefined,
    });
    // Sheets puts its refusal in a box over the grid; here it is a banner, in the same words.
    if (out.error) banner(out.error.message, 'alert');
  });
}

ui.grid.addEventListener('click', (e) => {
  const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-r]');
  if (!td || td.classList.contains('editing')) return;
  const r = Number(td.dataset.r);
  const c = Number(td.dataset.c);
  selectCell(r, c);
  const sheet = currentSheet();
  // A tick box changes with one click, as in Sheets.
  if (sheet && (e.target as HTMLElement).closest('td.checkbox [role="img"]')) toggleCheckbox(sheet, r, c);
});

ui.grid.addEventListener('dblclick', (e) => {
  const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-r]');
  if (!td || td.classList.contains('editing') || td.classList.contains('checkbox')) return;
  startEdit(Number(td.dataset.r), Number(td.dataset.c));
});

function toggleCheckbox(sheet: SheetView, r: number, c: number): void {
  void writeCell(sheet.name, r, c, sheet.rows[r]?.[c] === 'TRUE' ? 'FALSE' : 'TRUE');
}

ui.grid.addEventListener('keydown', (e) => {
  const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-r]');
  const sheet = currentSheet();
  if (!td || !sheet || editing || e.target !== td) return;
  const r = Number(td.dataset.r);
  const c = Number(td.dataset.c);
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  if (moves[e.key]) {
    e.preventDefault();
    moveCursor(...moves[e.key]);
  } else if (e.key === 'Tab') {
    e.preventDefault();
    moveCursor(0, e.shiftKey ? -1 : 1);
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    if (isCheckbox(sheet, r, c)) toggleCheckbox(sheet, r, c);
    else startEdit(r, c);
  } else if (e.key === ' ' && isCheckbox(sheet, r, c)) {
    e.preventDefault();
    toggleCheckbox(sheet, r, c);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    if ((sheet.rows[r]?.[c] ?? '') !== '') void writeCell(sheet.name, r, c, '');
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    // Typing on a selected cell replaces what it holds.
    e.preventDefault();
    startEdit(r, c, e.key);
  }
});

function figure(text: string): number | null {
  const n = Number(text.replace(/[£,%\s]/g, ''));
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}

/**
 * A chart as plain bars: the first column labels the rows, each further
 * column is a series; a first row of text names the series, as Sheets reads it.
 */
function renderChart(chart: ChartView): HTMLElement {
  const rows = chart.data.filter((r) => r.some((c) => c.trim() !== ''));
  const headed = rows.length > 1 && rows[0].slice(1).every((c) => figure(c) === null);
  const names = headed ? rows[0].slice(1) : (rows[0]?.slice(1).map((_, i) => `Series ${i + 1}`) ?? []);
  const body = headed ? rows.slice(1) : rows;
  const max = Math.max(1, ...body.flatMap((r) => r.slice(1).map((c) => Math.abs(figure(c) ?? 0))));
  const caption = `${chart.title || 'Untitled chart'} (${chart.type.toLowerCase()} chart at ${chart.anchor}, data ${chart.source})`;
  if (chart.stacked) return renderStackedChart(caption, headed ? rows[0][0] : '', names, body);
  const table = h(
    'table',
    { class: 'chart' },
    h('caption', { text: caption }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', text: headed ? rows[0][0] : '' }),
        ...names.map((n) => h('th', { scope: 'col', text: n })),
      ),
    ),
    h(
      'tbody',
      {},
      ...body.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', text: r[0] ?? '' }),
          ...names.map((_, i) => {
            const text = r[i + 1] ?? '';
            const bar = h('span', { class: `bar s${i % 4}` });
            bar.style.width = `${Math.round((Math.abs(figure(text) ?? 0) / max) * 100)}%`;
            return h('td', {}, h('span', { class: 'track' }, bar), h('span', { class: 'value', text }));
          }),
        ),
      ),
    ),
  );
  return h('figure', {}, table);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const SERIES_COLOURS = ['#1a73e8', '#e8710a', '#188038', '#9334e6', '#d93025', '#00796b', '#f9ab00', '#5f6368'];

/** An SVG element, built as the HTML ones are: attributes and text nodes only, never markup. */
function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

/**
 * A stacked bar chart as Sheets would draw it: one bar per row, a coloured
 * segment per series, the row's total at its end and a legend below. The
 * figures follow in a table for anyone who cannot see the picture.
 */
function renderStackedChart(caption: string, corner: string, names: string[], body: string[][]): HTMLElement {
  const labelWidth = 170;
  const barWidth = 300;
  const rowHeight = 22;
  const legendRows = Math.ceil(names.length / 2);
  const totals = body.map((r) => names.reduce((n, _, i) => n + Math.max(0, figure(r[i + 1] ?? '') ?? 0), 0));
  const scale = barWidth / Math.max(1, ...totals);
  const barsHeight = body.length * rowHeight;
  const width = labelWidth + barWidth + 50;
  const height = barsHeight + 12 + legendRows * 18;
  const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': caption });
  body.forEach((r, row) => {
    const y = row * rowHeight;
    const label = (r[0] ?? '').length > 24 ? `${(r[0] ?? '').slice(0, 23)}…` : (r[0] ?? '');
    picture.append(svg('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end', class: 'label' }, label));
    let x = labelWidth;
    names.forEach((name, i) => {
      const value = Math.max(0, figure(r[i + 1] ?? '') ?? 0);
      if (value === 0) return;
      const w = value * scale;
      picture.append(
        svg(
          'rect',
          { x, y: y + 4, width: w, height: rowHeight - 8, fill: SERIES_COLOURS[i % SERIES_COLOURS.length] },
          svg('title', {}, `${r[0] ?? ''}, ${name}: ${r[i + 1]}`),
        ),
      );
      x += w;
    });
    picture.append(svg('text', { x: x + 6, y: y + 15, class: 'total' }, String(totals[row])));
  });
  names.forEach((name, i) => {
    const x = (i % 2) * (width / 2) + 8;
    const y = barsHeight + 12 + Math.floor(i / 2) * 18;
    picture.append(
      svg('rect', { x, y, width: 10, height: 10, fill: SERIES_COLOURS[i % SERIES_COLOURS.length] }),
      svg('text', { x: x + 16, y: y + 9, class: 'legend' }, name),
    );
  });
  const figures = h(
    'table',
    { class: 'chart-figures' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col', text: corner }), ...names.map((n) => h('th', { scope: 'col', text: n }))),
    ),
    h(
      'tbody',
      {},
      ...body.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', text: r[0] ?? '' }),
          ...names.map((_, i) => h('td', { text: r[i + 1] ?? '' })),
        ),
      ),
    ),
  );
  return h(
    'figure',
    { class: 'stacked' },
    h('figcaption', { text: caption }),
    picture,
    h('details', {}, h('summary', { text: 'Figures' }), figures),
  );
}

/** A file the add-on made in Drive, as its viewers see it: read-only values, and who it is shared with. */
function renderDriveFile(file: DriveFile): void {
  ui.exportLink.hidden = true;
  ui.grid.setAttribute('aria-label', file.name);
  const readers = file.readers.length ? file.readers.join(', ') : 'nobody yet';
  ui.sheetNote.textContent = `“${file.name}”: a separate spreadsheet in the officer’s Drive${file.trashed ? ' (in the bin)' : ''}, shared as Viewer with ${readers}. Read-only here, as for its viewers.`;
  const rows = file.values.map((r) =>
    h('tr', {}, ...r.map((v) => h('td', { text: v === null || v === undefined ? '' : String(v) }))),
  );
  ui.grid.replaceChildren(h('table', { class: 'drive-file' }, h('tbody', {}, ...rows)));
}

function renderOutbox(outbox: Mail[]): void {
  ui.exportLink.hidden = true;
  ui.grid.setAttribute('aria-label', 'Outbox');
  ui.sheetNote.textContent = outbox.length
    ? `${outbox.length} email${outbox.length === 1 ? '' : 's'} sent (newest first). Each is also saved as an .eml file in the data folder.`
    : '';
  if (outbox.length === 0) {
    ui.grid.replaceChildren(h('p', { class: 'empty', text: 'No email has been sent yet.' }));
    return;
  }
  const items = [...outbox].reverse().map((m) => {
    const fields: [string, string][] = [
      ['From', m.name ? `${m.name} <${m.from}>` : m.from],
      ['To', m.to],
      ['Cc', m.cc],
      ['Bcc', m.bcc],
      ['Reply-To', m.replyTo],
      ['Sent', new Date(m.sentAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })],
    ];
    const dl = h(
      'dl',
      {},
      ...fields.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]),
    );
    let body: HTMLElement;
    if (m.htmlBody) {
      // No allow-scripts and no allow-same-origin: the email cannot run code or reach the emulator.
      body = h('iframe', { sandbox: '', title: `Email: ${m.subject}`, referrerpolicy: 'no-referrer' });
      (body as HTMLIFrameElement).srcdoc = m.htmlBody;
    } else {
      body = h('pre', { text: m.body });
    }
    const download = h('a', { href: m.eml, download: '', text: 'Download .eml' });
    return h(
      'article',
      { class: 'mail' },
      h('h3', { text: m.subject || '(no subject)' }),
      dl,
      body,
      h('p', {}, download),
    );
  });
  ui.grid.replaceChildren(h('div', { class: 'outbox' }, ...items));
}

/**
 * The clock shows and takes UK dates (27/08/2026) whatever the browser's
 * locale: a native date input would follow the browser (08/27/2026 in en-US)
 * while every date in the sheets is day first.
 */
function ukDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A typed day as YYYY-MM-DD: day first (27/8/2026, 27-08-2026, 27.08.26), or already ISO; undefined if it is not a day. */
function isoFromTyped(text: string): string | undefined {
  const t = text.trim();
  let y: number, mo: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(t);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [d, mo, y] = [Number(uk[1]), Number(uk[2]), uk[3].length === 2 ? 2000 + Number(uk[3]) : Number(uk[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** She has typed in the clock since it was last set: a refresh leaves her text alone. */
let todayTyped = false;
ui.today.addEventListener('input', () => {
  todayTyped = true;
});

function setTodayFromInput(): void {
  todayTyped = false;
  const iso = isoFromTyped(ui.today.value);
  if (iso === undefined) {
    banner(`"${ui.today.value}" is not a day: type it as dd/mm/yyyy, like 27/08/2026.`, 'error');
    if (state) ui.today.value = ukDate(state.today);
    return;
  }
  // Enter and the change that follows it ask for the same day: ask once.
  if (iso === state?.today || iso === askedToday) {
    ui.today.value = ukDate(iso);
    return;
  }
  askedToday = iso;
  void act(async () => void (await api('/api/clock', { today: iso }))).finally(() => {
    askedToday = undefined;
  });
}
let askedToday: string | undefined;

ui.today.addEventListener('change', setTodayFromInput);
ui.today.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  setTodayFromInput();
});
ui.plus1.addEventListener('click', () => void act(async () => void (await api('/api/clock', { advanceDays: 1 }))));
ui.plus7.addEventListener('click', () => void act(async () => void (await api('/api/clock', { advanceDays: 7 }))));
ui.panelClose.addEventListener('click', closePanel);

window.addEventListener('message', (event: MessageEvent) => {
  // Only the sidebar frame, served from this origin, may drive the page.
  if (event.origin !== location.origin || event.source !== ui.panelFrame.contentWindow) return;
  const data = event.data as { type?: string; ui?: UiDelta | null };
  if (data?.type === 'gas-emulator:close') closePanel();
  if (data?.type === 'gas-emulator:ran') {
    showUi(data.ui);
    void refresh();
  }
});
window.addEventListener('focus', () => void refresh());

void refresh();
