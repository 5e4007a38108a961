/**
 * Rich text, reduced to what scripts use it for: a cell's text with one link
 * (e.g. a link to a scanned script).
 */
import { instrument } from './counter';
import type { Ctx } from './state';

export class RichTextValue {
  constructor(
    readonly _ctx: Ctx,
    readonly _text: string,
    readonly _link: string | null,
  ) {}
  getText(): string {
    return this._text;
  }
  getLinkUrl(): string | null {
    return this._link;
  }
  getRuns(): RichTextValue[] {
    return [this];
  }
  copy(): RichTextValueBuilder {
    return new RichTextValueBuilder(this._ctx, this._text, this._link);
  }
}
instrument(RichTextValue, 'Spreadsheet', 'RichTextValue');

export class RichTextValueBuilder {
  constructor(
    readonly _ctx: Ctx,
    private text = '',
    private link: string | null = null,
  ) {}
  setText(text: unknown): RichTextValueBuilder {
    this.text = String(text);
    return this;
  }
  /** setLinkUrl(url) or setLinkUrl(start, end, url): one link per cell here. */
  setLinkUrl(a: unknown, _b?: unknown, c?: unknown): RichTextValueBuilder {
    const url = c === undefined ? a : c;
    this.link = url === null || url === undefined || url === '' ? null : String(url);
    return this;
  }
  setTextStyle(): RichTextValueBuilder {
    return this;
  }
  build(): RichTextValue {
    return new RichTextValue(this._ctx, this.text, this.link);
  }
}
instrument(RichTextValueBuilder, 'Spreadsheet', 'RichTextValueBuilder');
