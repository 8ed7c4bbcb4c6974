// The sidebar's message area: polite status lines (aria-live) and server errors (role=alert), in the
// row below the panels (sidebar.css), so a message never covers a field or a button.

import { CLOSE, CLOSE_ERROR_LABEL } from '../core/messages/sidebar';
import { button, byId, el, replaceChildren } from './dom';

const STATUS_VISIBLE_MS = 10_000;

/** Shows what happened (status) and what went wrong (alert): the latest of each, never a pile. */
export class Messages {
  private readonly statusArea = byId('status-message');
  private readonly errorArea = byId('error-message');

  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * A polite, transient status line ("Turma criada."), replacing the previous one and emptied after a
   * few seconds. The live region itself stays in the page (empty, it has no height): one that is
   * hidden when its text changes is not reliably announced.
   */
  status(text: string): void {
    clearTimeout(this.statusTimer);
    this.statusArea.textContent = text;
    if (text !== '') this.statusTimer = setTimeout(() => this.status(''), STATUS_VISIBLE_MS);
  }

  /** A server or validation error the coordinator must see; stays until closed or the next action. */
  error(text: string): void {
    replaceChildren(
      this.errorArea,
      el('p', { text }),
      button(CLOSE, () => this.clearError(), 'link', CLOSE_ERROR_LABEL),
    );
    this.errorArea.hidden = false;
  }

  clearError(): void {
    replaceChildren(this.errorArea);
    this.errorArea.hidden = true;
  }
}

/** What a failed server call says: the server's errors are ours (pt-BR, from the catalogue). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
