// A cohort (turma) as configured in `Turmas`: one Cademi tag, the products it tracks, its pace.

import type { LocalDate } from '../time/local-date';

export interface CohortConfig {
  readonly name: string;
  readonly tagId: number;
  readonly start: LocalDate;
  readonly productIds: readonly number[];
  /** Name of a track in `Metas`; null = no expected curve (`Sem meta`). */
  readonly goalTrack: string | null;
  readonly tutorEmail: string | null;
  readonly active: boolean;
  /** 0-based row in `Turmas` (header = 0), to point messages at the right row. */
  readonly sheetRow: number;
}
