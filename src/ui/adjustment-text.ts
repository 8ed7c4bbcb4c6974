// How an adjustment reads in the sidebar ("Ana: Turma A → Turma B").

import type { AdjustmentView } from '../core/sidebar/api';
import { formatDate } from './dates';

/** One line saying what an adjustment did. */
export function describeAdjustment(adjustment: AdjustmentView): string {
  return adjustment.action === 'Mover'
    ? `${adjustment.name}: ${adjustment.from} → ${adjustment.to} (a partir de ${formatDate(adjustment.date)})`
    : `${adjustment.name}: desistência em ${formatDate(adjustment.date)} (${adjustment.from})`;
}
