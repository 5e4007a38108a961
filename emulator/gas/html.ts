/**
 * HtmlService: outputs built from the environment's HTML files. Templates
 * are passed through untouched (no scriptlets), which is all a bundle that
 * inlines its own script and style needs.
 */
import { instrument } from './counter';
import type { Ctx } from './state';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export class HtmlOutput {
  private title = '';
  private width = 0;
  private height = 0;
  private sandboxMode: string = SandboxMode.IFRAME;
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private faviconUrl: string | null = null;
  private metaTags: { name: string; content: string }[] = [];

  constructor(
    readonly _ctx: Ctx,
    private content: string,
  ) {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): HtmlOutput {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): HtmlOutput {
    this.width = Number(width);
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.height = Number(height);
    return this;
  }
  setSandboxMode(mode: string): HtmlOutput {
    this.sandboxMode = String(mode);
    return this;
  }
  getSandboxMode(): string {
    return this.sandboxMode;
  }
  setXFrameOptionsMode(mode: string): HtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  getXFrameOptionsMode(): string {
    return this.xFrameOptionsMode;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this.metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  setFaviconUrl(url: string): HtmlOutput {
    this.faviconUrl = String(url);
    return this;
  }
  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }
  asTemplate(): HtmlTemplate {
    return new HtmlTemplate(this._ctx, this.content);
  }
}
instrument(HtmlOutput, 'Html', 'HtmlOutput');

export class HtmlTemplate {
  [variable: string]: unknown;

  constructor(
    readonly _ctx: Ctx,
    readonly _raw: string,
  ) {}
  evaluate(): HtmlOutput {
    return new HtmlOutput(this._ctx, this._raw);
  }
  getRawContent(): string {
    return this._raw;
  }
}
instrument(HtmlTemplate, 'Html', 'HtmlTemplate');

export class HtmlServiceImpl {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(readonly _ctx: Ctx) {}

  private _file(name: unknown): string {
    const key = String(name).replace(/\.html$/, '');
    const html = this._ctx.htmlFiles[key];
    if (html === undefined) throw new Error(`No HTML file named ${String(name)} was found.`);
    return html;
  }

  createHtmlOutput(html?: unknown): HtmlOutput {
    return new HtmlOutput(this._ctx, html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: unknown): HtmlOutput {
    return new HtmlOutput(this._ctx, this._file(filename));
  }
  createTemplate(html: unknown): HtmlTemplate {
    return new HtmlTemplate(this._ctx, String(html));
  }
  createTemplateFromFile(filename: unknown): HtmlTemplate {
    return new HtmlTemplate(this._ctx, this._file(filename));
  }
}
instrument(HtmlServiceImpl, 'Html', 'HtmlService');

declare module './state' {
  interface Classes {
    HtmlOutput: HtmlOutput;
  }
}
