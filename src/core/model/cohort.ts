// A cohort (turma) as configured in `Turmas`: one Cademi tag, the products it tracks, its pace.

import type { LocalDate } from '../time/local-date';
import type { ProductId, TagId } from './ids';

export interface CohortConfig {
  /**
   * Stable identity (`Turmas` column `ID`, filled by the job): the history, the cohort's sheets and
   * charts follow it when the name changes. Absent only for cohorts built in memory (tests).
   */
  readonly id?: string;
  readonly name: string;
  /** v1's integer or v3's `tag_…`: the generation `Versão da API` calls. */
  readonly tagId: TagId;
  readonly start: LocalDate;
  /** v1's integers or v3's `prd_…`. */
  readonly productIds: readonly ProductId[];
  /** Name of a track in `Metas`; null = no expected curve (`Sem meta`). */
  readonly goalTrack: string | null;
  readonly tutorEmail: string | null;
  /**
   * The tutor's name as `Turmas` gives it (`Ana Souza <ana@escola.com.br>` in the `Tutor` cell); null
   * when the cell holds only an e-mail. Absent only for cohorts built in memory (tests).
   */
  readonly tutorName?: string | null;
  readonly active: boolean;
  /** 0-based row in `Turmas` (header = 0), to point messages at the right row. */
  readonly sheetRow: number;
}

/** How people read a cohort's tutor: the name when `Turmas` gives one, else the e-mail; '' for none. */
export function tutorLabel(cohort: Pick<CohortConfig, 'tutorEmail' | 'tutorName'>): string {
  return cohort.tutorName ?? cohort.tutorEmail ?? '';
}
