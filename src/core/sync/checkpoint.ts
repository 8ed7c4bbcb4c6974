// The resumable job's cursor: small, JSON-safe, never data (Apps Script properties hold 9 KB a value).

import type { PageWalk } from '../cademi/pagination';
import type { LocalDate } from '../time/local-date';

export interface SyncCheckpoint {
  readonly version: 1;
  readonly runId: string;
  readonly week: LocalDate;
  /** "Today" for the whole run (epoch ms): collection time, days without access. */
  readonly now: number;
  /** Cohorts whose tag listing ended, with the page walk of those still listing. */
  readonly walks: Readonly<Record<string, PageWalk>>;
  /** Cohorts that could not be listed this run (unknown tag, unsafe page URL), with why. */
  readonly failedCohorts: Readonly<Record<string, string>>;
  /** Calls made so far by earlier slices, for the run log. */
  readonly calls: number;
  readonly retries: number;
}
