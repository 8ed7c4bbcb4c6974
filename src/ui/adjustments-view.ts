// The `Ajustes` panel: recent adjustments, each with Desfazer; undone ones are struck through.

import { adjustmentBy, adjustmentReason, adjustmentUndone, NO_ADJUSTMENTS, UNDO, UNDOING, UNDONE_BADGE, undoLabel } from '../core/messages/sidebar';
import type { AdjustmentView } from '../core/sidebar/api';
import { describeAdjustment } from './adjustment-text';
import type { SidebarContext } from './context';
import { button, byId, el, replaceChildren, whileBusy } from './dom';

export function mountAdjustments(context: SidebarContext): void {
  const list = byId<HTMLUListElement>('adjustment-list');

  function undo(adjustment: AdjustmentView, control: HTMLButtonElement): void {
    void whileBusy(control, UNDOING, () =>
      context.attempt(async () => {
        const undone = await context.call('undoAdjustment', adjustment.id);
        context.messages.status(adjustmentUndone(describeAdjustment(undone)));
        await context.refresh();
      }),
    );
  }

  function item(adjustment: AdjustmentView): HTMLLIElement {
    const summary = el(
      adjustment.undone ? 's' : 'span',
      { className: 'adjustment-text' },
      el('strong', { text: adjustment.action }),
      ` ${describeAdjustment(adjustment)}`,
    );
    const meta = [adjustment.reason && adjustmentReason(adjustment.reason), adjustment.by && adjustmentBy(adjustment.by)].filter(Boolean).join(' · ');
    const entry = el(
      'li',
      { className: adjustment.undone ? 'adjustment undone' : 'adjustment' },
      summary,
      meta ? el('span', { className: 'hint', text: meta }) : null,
      adjustment.undone ? el('span', { className: 'badge', text: UNDONE_BADGE }) : null,
    );
    if (!adjustment.undone) {
      const control = button(UNDO, () => undo(adjustment, control), 'secondary small', undoLabel(adjustment.name));
      entry.append(control);
    }
    return entry;
  }

  context.onState((state) => {
    if (state.adjustments.length === 0) {
      replaceChildren(list, el('li', { className: 'empty', text: NO_ADJUSTMENTS }));
      return;
    }
    replaceChildren(list, ...state.adjustments.map(item));
  });
}
