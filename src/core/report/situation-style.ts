// How each `Situação` looks and ranks in the reports: attention order, cell colours, chart colours.

import type { Situation } from '../model/status';

/** Students needing attention first, dropouts last: the order of pivot rows and chart series. */
export const ATTENTION_ORDER: readonly Situation[] = ['Em risco', 'Atrasado', 'Sem meta', 'Em dia', 'Desistente'];

export interface SituationStyle {
  /** Cell background in the pivot; null leaves the cell's own background. */
  readonly background: string | null;
  readonly fontColor: string;
  /** Series colour in charts. */
  readonly chartColor: string;
}

export const SITUATION_STYLE: Readonly<Record<Situation, SituationStyle>> = {
  'Em risco': { background: '#f4c7c3', fontColor: '#a50e0e', chartColor: '#d93025' },
  Atrasado: { background: '#fce8b2', fontColor: '#7f5a00', chartColor: '#f9ab00' },
  'Em dia': { background: '#b7e1cd', fontColor: '#0d652d', chartColor: '#1e8e3e' },
  'Sem meta': { background: '#e8eaed', fontColor: '#3c4043', chartColor: '#9aa0a6' },
  Desistente: { background: null, fontColor: '#9aa0a6', chartColor: '#5f6368' },
};

/** 0 for the most urgent situation. */
export function attentionRank(situation: Situation): number {
  return ATTENTION_ORDER.indexOf(situation);
}
