// A cohort whose ids belong to the other API generation: a school that switched to v3 (a `ck_live_`
// key) while `Turmas` still holds v1's numbers, or the reverse. Such a cohort cannot be asked for
// at all, so it is flagged at its cell and left out of the run; the other cohorts still sync.

import type { ApiGeneration } from '../cademi/types';
import * as say from '../messages/config';
import type { CohortConfig } from '../model/cohort';
import type { ConfigIssue } from '../model/issues';
import { COHORT_HEADERS, SHEET } from '../sheets';

/** True when an id is of the generation's kind: v1's integers, v3's prefixed strings. */
function fits(id: number | string, api: ApiGeneration): boolean {
  return api === 'v1' ? typeof id === 'number' : typeof id === 'string';
}

/** The active cohorts the generation can ask for, and an issue at the cell of each that it cannot. */
export function cohortsForApi(cohorts: readonly CohortConfig[], api: ApiGeneration): { cohorts: CohortConfig[]; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const kept = cohorts.filter((cohort) => {
    if (!cohort.active) return true;
    const at = (column: 'Tag ID' | 'Produtos', message: string): ConfigIssue => ({
      sheet: SHEET.cohorts,
      row: cohort.sheetRow,
      column: COHORT_HEADERS.indexOf(column),
      columnName: column,
      severity: 'error',
      message,
    });
    const before = issues.length;
    if (!fits(cohort.tagId, api)) issues.push(at('Tag ID', say.idOfOtherApi(String(cohort.tagId), api)));
    const foreign = cohort.productIds.filter((id) => !fits(id, api));
    if (foreign.length > 0) issues.push(at('Produtos', say.idOfOtherApi(foreign.join(', '), api)));
    return issues.length === before;
  });
  return { cohorts: kept, issues };
}
