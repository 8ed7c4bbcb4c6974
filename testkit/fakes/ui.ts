// Fake Ui: records menus and dialogs; alerts and prompts are answered from a queue the test scripts.
import { enumOf, instrument, type Runtime } from './runtime';

type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;

/** Button names as the fake returns them (`ui.Button.YES === 'YES'`). */
export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
export const BUTTON = enumOf<ButtonName>('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const BUTTON_SET = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
const ALLOWED: Record<string, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

/** A menu entry as recorded. */
export type MenuItemRecord = { kind: 'item'; caption: string; functionName: string } | { kind: 'separator' } | { kind: 'submenu'; menu: MenuRecord };
/** A menu as recorded (`caption` null for the add-on menu). */
export interface MenuRecord {
  caption: string | null;
  addon: boolean;
  items: MenuItemRecord[];
}
/** Something shown to the user. */
export interface DialogRecord {
  kind: 'alert' | 'prompt' | 'sidebar' | 'modal' | 'modeless';
  title?: string;
  prompt?: string;
  buttons?: string;
  /** The button the scripted user pressed. */
  response?: ButtonName;
  /** The text the scripted user typed (prompts). */
  text?: string;
  /** The HtmlOutput shown (sidebars and dialogs). */
  html?: GoogleAppsScript.HTML.HtmlOutput;
}

class FakeMenu implements GMenu {
  readonly record: MenuRecord;
  constructor(
    private readonly ui: FakeUi,
    caption: string | null,
    addon: boolean,
  ) {
    this.record = { caption, addon, items: [] };
  }
  addItem(caption: string, functionName: string): GMenu {
    this.record.items.push({ kind: 'item', caption, functionName });
    return this;
  }
  addSeparator(): GMenu {
    this.record.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: GMenu): GMenu {
    this.record.items.push({ kind: 'submenu', menu: (menu as FakeMenu).record });
    return this;
  }
  addToUi(): void {
    this.ui.addMenu(this.record);
  }
}

const UI_API = [
  'alert',
  'prompt',
  'createMenu',
  'createAddonMenu',
  'showSidebar',
  'showModalDialog',
  'showModelessDialog',
] as const satisfies readonly (keyof GUi)[];

/** The Ui of a fake spreadsheet. Script answers with `scriptAlert` / `scriptPrompt` before the code asks. */
export class FakeUi implements Pick<GUi, (typeof UI_API)[number] | 'Button' | 'ButtonSet'> {
  readonly Button = BUTTON as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  /** Menus added with addToUi (a later menu with the same caption replaces the earlier one). */
  menus: MenuRecord[] = [];
  /** Everything shown, in order. */
  readonly shown: DialogRecord[] = [];
  private readonly alertAnswers: ButtonName[] = [];
  private readonly promptAnswers: Array<{ button: ButtonName; text: string }> = [];

  constructor(readonly rt: Runtime) {}
  gas(): GUi {
    return this as unknown as GUi;
  }

  /** Queues the button the user will press on the next alert (unscripted OK-only alerts answer OK). */
  scriptAlert(button: ButtonName): void {
    this.alertAnswers.push(button);
  }
  /** Queues the answer to the next prompt. */
  scriptPrompt(answer: { button: ButtonName; text?: string }): void {
    this.promptAnswers.push({ button: answer.button, text: answer.text ?? '' });
  }
  /** Scripted answers not consumed yet. */
  pending(): { alerts: number; prompts: number } {
    return { alerts: this.alertAnswers.length, prompts: this.promptAnswers.length };
  }
  /** The last sidebar shown, if any. */
  lastSidebar(): DialogRecord | undefined {
    return [...this.shown].reverse().find((d) => d.kind === 'sidebar');
  }
  /** Finds a recorded menu item by caption, searching submenus. */
  findMenuItem(caption: string): { caption: string; functionName: string } | undefined {
    const walk = (items: MenuItemRecord[]): { caption: string; functionName: string } | undefined => {
      for (const item of items) {
        if (item.kind === 'item' && item.caption === caption) return item;
        if (item.kind === 'submenu') {
          const found = walk(item.menu.items);
          if (found) return found;
        }
      }
      return undefined;
    };
    for (const m of this.menus) {
      const found = walk(m.items);
      if (found) return found;
    }
    return undefined;
  }
  addMenu(record: MenuRecord): void {
    this.menus = this.menus.filter((m) => m.caption !== record.caption || m.addon !== record.addon);
    this.menus.push(record);
  }

  private dialogArgs(args: unknown[]): { title?: string; prompt: string; buttons?: string } {
    if (args.length >= 3) return { title: String(args[0]), prompt: String(args[1]), buttons: String(args[2]) };
    return { prompt: String(args[0]), buttons: args[1] === undefined ? undefined : String(args[1]) };
  }
  private checkButton(button: ButtonName, buttons: string | undefined, what: string): void {
    const allowed = ALLOWED[buttons ?? 'OK'];
    if (!allowed.includes(button)) throw new Error(`FakeUi: scripted ${button} for ${what} with buttons ${buttons ?? 'OK'}`);
  }

  alert(...args: [string] | [string, GoogleAppsScript.Base.ButtonSet] | [string, string, GoogleAppsScript.Base.ButtonSet]): GoogleAppsScript.Base.Button {
    const d = this.dialogArgs(args);
    let response = this.alertAnswers.shift();
    if (response === undefined) {
      if ((d.buttons ?? 'OK') !== 'OK') throw new Error(`FakeUi: alert "${d.prompt}" (${d.buttons}) has no scripted answer; call ui.scriptAlert(...) first`);
      response = 'OK';
    }
    this.checkButton(response, d.buttons, `alert "${d.prompt}"`);
    this.shown.push({ kind: 'alert', ...d, response });
    return response as unknown as GoogleAppsScript.Base.Button;
  }
  prompt(
    ...args: [string] | [string, GoogleAppsScript.Base.ButtonSet] | [string, string, GoogleAppsScript.Base.ButtonSet]
  ): GoogleAppsScript.Base.PromptResponse {
    const d = this.dialogArgs(args);
    const answer = this.promptAnswers.shift();
    if (!answer) throw new Error(`FakeUi: prompt "${d.prompt}" has no scripted answer; call ui.scriptPrompt(...) first`);
    this.checkButton(answer.button, d.buttons, `prompt "${d.prompt}"`);
    this.shown.push({ kind: 'prompt', ...d, response: answer.button, text: answer.text });
    return { getResponseText: () => answer.text, getSelectedButton: () => answer.button as unknown as GoogleAppsScript.Base.Button };
  }
  createMenu(caption: string): GMenu {
    return new FakeMenu(this, caption, false);
  }
  createAddonMenu(): GMenu {
    return new FakeMenu(this, null, true);
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.shown.push({ kind: 'sidebar', title: userInterface.getTitle(), html: userInterface });
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.shown.push({ kind: 'modal', title, html: userInterface });
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.shown.push({ kind: 'modeless', title, html: userInterface });
  }
}
instrument(FakeUi, 'Ui', UI_API);
