/**
 * Embedded charts, recorded not drawn: type, source ranges, options and
 * position, which is all a script can read back from a real chart.
 */
import type { GridRef } from './a1';
import { instrument } from './counter';
import type { ChartData } from './sheetData';
import type { Classes, Ctx } from './state';

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  COLUMN: 'COLUMN',
  LINE: 'LINE',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  TABLE: 'TABLE',
  COMBO: 'COMBO',
  HISTOGRAM: 'HISTOGRAM',
} as const;

export const ChartHiddenDimensionStrategy = {
  IGNORE_BOTH: 'IGNORE_BOTH',
  IGNORE_ROWS: 'IGNORE_ROWS',
  IGNORE_COLUMNS: 'IGNORE_COLUMNS',
  SHOW_BOTH: 'SHOW_BOTH',
} as const;

export const Position = { TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM', NONE: 'NONE' } as const;

export const Charts = { ChartType, ChartHiddenDimensionStrategy, Position };

export class EmbeddedChartBuilder {
  private data: ChartData;

  constructor(
    readonly _ctx: Ctx,
    readonly _sheetId: number,
    from?: ChartData,
  ) {
    this.data = from
      ? {
          ...from,
          ranges: from.ranges.map((r) => ({ ...r })),
          options: { ...from.options },
          position: { ...from.position },
        }
      : {
          id: '',
          type: ChartType.COLUMN,
          ranges: [],
          options: {},
          position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
          hidden: 'IGNORE_BOTH',
        };
  }

  setChartType(type: string): EmbeddedChartBuilder {
    this.data.type = String(type);
    return this;
  }
  addRange(range: unknown): EmbeddedChartBuilder {
    const ref = this._ctx.grid.toRef(range);
    if (!ref) throw new Error('Invalid argument: range');
    this.data.ranges.push({ ...ref.ref });
    return this;
  }
  removeRange(range: unknown): EmbeddedChartBuilder {
    const ref = this._ctx.grid.toRef(range);
    if (ref) this.data.ranges = this.data.ranges.filter((r) => JSON.stringify(r) !== JSON.stringify(ref.ref));
    return this;
  }
  clearRanges(): EmbeddedChartBuilder {
    this.data.ranges = [];
    return this;
  }
  getRanges(): (Classes['Range'] | null)[] {
    return this.data.ranges.map((ref: GridRef) => this._ctx.grid.fromRef({ sheetId: this._sheetId, ref }));
  }
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    this.data.position = { row: anchorRow, column: anchorColumn, offsetX: offsetX ?? 0, offsetY: offsetY ?? 0 };
    return this;
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this.data.options[String(option)] = value;
    return this;
  }
  setHiddenDimensionStrategy(strategy: string): EmbeddedChartBuilder {
    this.data.hidden = String(strategy);
    return this;
  }
  setTitle(title: string): EmbeddedChartBuilder {
    return this.setOption('title', title);
  }
  setStacked(): EmbeddedChartBuilder {
    return this.setOption('isStacked', true);
  }
  setLegendPosition(position: string): EmbeddedChartBuilder {
    return this.setOption('legend.position', position);
  }
  setColors(colors: unknown): EmbeddedChartBuilder {
    return this.setOption('colors', colors);
  }
  asBarChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.BAR);
  }
  asColumnChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.COLUMN);
  }
  asPieChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.PIE);
  }
  asLineChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.LINE);
  }
  asTableChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.TABLE);
  }
  getChartType(): string {
    return this.data.type;
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this._ctx, this._sheetId, {
      ...this.data,
      ranges: this.data.ranges.map((r) => ({ ...r })),
      options: { ...this.data.options },
      position: { ...this.data.position },
    });
  }
}
instrument(EmbeddedChartBuilder, 'Spreadsheet', 'EmbeddedChartBuilder');

export class ChartOptions {
  constructor(
    readonly _ctx: Ctx,
    readonly _options: Record<string, unknown>,
  ) {}
  get(option: string): unknown {
    return this._options[option] ?? null;
  }
}
instrument(ChartOptions, 'Spreadsheet', 'ChartOptions');

export class EmbeddedChart {
  constructor(
    readonly _ctx: Ctx,
    readonly _sheetId: number,
    readonly _data: ChartData,
  ) {}
  getChartId(): number | null {
    return this._data.id ? Number(this._data.id.replace(/\D/g, '')) : null;
  }
  getId(): string {
    return this._data.id;
  }
  getRanges(): (Classes['Range'] | null)[] {
    return this._data.ranges.map((ref) => this._ctx.grid.fromRef({ sheetId: this._sheetId, ref }));
  }
  getOptions(): ChartOptions {
    return new ChartOptions(this._ctx, { ...this._data.options, type: this._data.type });
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number } {
    const p = this._data.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.column };
  }
  getHiddenDimensionStrategy(): string {
    return this._data.hidden;
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._ctx, this._sheetId, this._data);
  }
}
instrument(EmbeddedChart, 'Spreadsheet', 'EmbeddedChart');
