/**
 * The spreadsheet UI: menus, sidebars, dialogs, alerts and toasts are
 * recorded on the environment for tests and the emulator to show. Alerts
 * answer from `env.ui.responses` (a queue) or with the default button.
 */
import { instrument } from './counter';
import { signatureError } from './errors';
import { HtmlOutput } from './html';
import type { Ctx } from './state';

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

export class Menu {
  private items: { caption: string; functionName: string }[] = [];

  constructor(
    readonly _ctx: Ctx,
    readonly _name: string,
  ) {}

  addItem(caption: string, functionName: string): Menu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw new Error("The parameters don't match the method signature for Ui.Menu.addItem.");
    }
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): Menu {
    return this;
  }
  addSubMenu(menu: unknown): Menu {
    if (!(menu instanceof Menu))
      throw new Error("The parameters don't match the method signature for Ui.Menu.addSubMenu.");
    for (const item of menu._items())
      this.items.push({ caption: `${menu._name} > ${item.caption}`, functionName: item.functionName });
    return this;
  }
  _items(): { caption: string; functionName: string }[] {
    return this.items.slice();
  }
  addToUi(): void {
    // Adding a menu of the same name again replaces it, as reopening the document would.
    const menus = this._ctx.ui.menus;
    const record = { name: this._name, items: this.items.slice() };
    const i = menus.findIndex((m) => m.name === this._name);
    if (i >= 0) menus[i] = record;
    else menus.push(record);
  }
}
instrument(Menu, 'Spreadsheet', 'Menu');

export class PromptResponse {
  constructor(
    readonly _ctx: Ctx,
    readonly _button: string,
    readonly _text: string,
  ) {}
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): string {
    return this._button;
  }
}
instrument(PromptResponse, 'Spreadsheet', 'PromptResponse');

function defaultButton(buttons: unknown): string {
  return buttons === ButtonSet.YES_NO || buttons === ButtonSet.YES_NO_CANCEL ? Button.YES : Button.OK;
}

export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(readonly _ctx: Ctx) {}

  private _next(buttons: unknown): { button: string; text: string } {
    const r = this._ctx.ui.responses.shift();
    if (r === undefined) return { button: defaultButton(buttons), text: '' };
    return typeof r === 'string' ? { button: r, text: '' } : { button: r.button, text: r.text ?? '' };
  }

  createMenu(caption: string): Menu {
    return new Menu(this._ctx, String(caption));
  }
  createAddonMenu(): Menu {
    return new Menu(this._ctx, 'Add-on');
  }
  alert(a: unknown, b?: unknown, c?: unknown): string {
    // alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons).
    const message = c !== undefined || (b !== undefined && !(String(b) in ButtonSet)) ? `${a}: ${b}` : String(a);
    this._ctx.ui.alerts.push(message);
    return this._next(c ?? b).button;
  }
  prompt(a: unknown, b?: unknown, c?: unknown): PromptResponse {
    const message = c !== undefined || (b !== undefined && !(String(b) in ButtonSet)) ? `${a}: ${b}` : String(a);
    this._ctx.ui.alerts.push(message);
    const r = this._next(c ?? b);
    return new PromptResponse(this._ctx, r.button, r.text);
  }
  showSidebar(userInterface: unknown): void {
    if (!(userInterface instanceof HtmlOutput)) throw signatureError('Ui.showSidebar', [userInterface]);
    this._ctx.ui.sidebars.push(userInterface);
  }
  showModalDialog(userInterface: unknown, title: unknown): void {
    if (!(userInterface instanceof HtmlOutput)) throw signatureError('Ui.showModalDialog', [userInterface, title]);
    this._ctx.ui.dialogs.push({
      html: userInterface.getContent(),
      title: String(title),
      modal: true,
      output: userInterface,
    });
  }
  showModelessDialog(userInterface: unknown, title: unknown): void {
    if (!(userInterface instanceof HtmlOutput)) throw signatureError('Ui.showModelessDialog', [userInterface, title]);
    this._ctx.ui.dialogs.push({
      html: userInterface.getContent(),
      title: String(title),
      modal: false,
      output: userInterface,
    });
  }
}
instrument(Ui, 'Spreadsheet', 'Ui');
