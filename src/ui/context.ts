// What every sidebar panel shares: the RPC client, the message area, the latest server state and
// the Cademi catalog (tags and products), with one `refresh()` that re-renders every panel.

import type { Option, SidebarState } from '../core/sidebar/api';
import { errorText, type Messages } from './messages';
import type { RpcCall } from './rpc-client';

export interface Catalog {
  readonly tags: readonly Option[];
  readonly products: readonly Option[];
}

export type StateListener = (state: SidebarState, catalog: Catalog) => void;

export class SidebarContext {
  private current: SidebarState | null = null;
  private catalogValue: Catalog = { tags: [], products: [] };
  private readonly listeners: StateListener[] = [];

  constructor(
    readonly call: RpcCall,
    readonly messages: Messages,
  ) {}

  get state(): SidebarState | null {
    return this.current;
  }

  get catalog(): Catalog {
    return this.catalogValue;
  }

  /** Registers a panel's render function; it runs on every refresh. */
  onState(listener: StateListener): void {
    this.listeners.push(listener);
  }

  /** Reloads `getState()` and re-renders every panel. */
  async refresh(): Promise<void> {
    this.current = await this.call('getState');
    this.render();
  }

  /** Loads the Cademi tags and products (they need the API token; without it they stay empty). */
  async loadCatalog(): Promise<void> {
    const [tags, products] = await Promise.all([this.call('listTags'), this.call('listProducts')]);
    this.catalogValue = { tags, products };
    this.render();
  }

  /** Runs a user action; a failure is shown in the alert area and yields undefined. */
  async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.messages.clearError();
    try {
      return await work();
    } catch (error) {
      this.messages.error(errorText(error));
      return undefined;
    }
  }

  private render(): void {
    if (!this.current) return;
    for (const listener of this.listeners) listener(this.current, this.catalogValue);
  }
}

/** The name of an option by id, or '#id' when the catalog does not (yet) know it. */
export function optionName(options: readonly Option[], id: number | string): string {
  return options.find((option) => option.id === id)?.name ?? `#${id}`;
}
