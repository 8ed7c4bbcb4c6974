// How an adjustment reads in the sidebar ("Ana: Turma A → Turma B").

import { dropoutDescription, moveDescription } from '../core/messages/sidebar';
import type { AdjustmentView } from '../core/sidebar/api';
import { formatDate } from './dates';

/** One line saying what an adjustment did. */
export function describeAdjustment(adjustment: AdjustmentView): string {
  return adjustment.action === 'Mover'
    ? moveDescription(adjustment.name, adjustment.from, adjustment.to, formatDate(adjustment.date))
    : dropoutDescription(adjustment.name, formatDate(adjustment.date), adjustment.from);
}
