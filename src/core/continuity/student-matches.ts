// One continuous history per student across the v1 → v3 switch. v3 knows a student as `usr_…` where
// v1 knew them as an integer, and v3's contract exposes no v1 id, so a v3 student is matched to the
// v1 id the history already has for the same e-mail. The match is kept in `Correspondências` (once
// made it never changes, whatever the e-mails do later), and the rows keep the v1 id: pivots, charts,
// `Contatos da semana` and `Ajustes` go on seeing one student. A v3 student with no such e-mail keeps
// their `usr_…` id.

import type { StudentId } from '../model/ids';
import type { LocalDate } from '../time/local-date';

/** A recorded match: the v3 student `v3Id` is the history's `v1Id`. */
export interface StudentMatch {
  readonly v1Id: number;
  readonly v3Id: string;
  /** The e-mail that made the match (as the v3 answer gave it). */
  readonly email: string;
  /** The week the match was first made. */
  readonly week: LocalDate;
}

/** Where a listed v3 student's rows go, and the id their calls use. */
export interface ResolvedStudent {
  /** The id of their rows: the matched v1 id, or the API's own. */
  readonly key: StudentId;
  /** The id the API knows them by (differs from `key` when matched). */
  readonly apiId: StudentId;
}

export interface MatchSources {
  /** Matches already in `Correspondências`. */
  readonly recorded: readonly StudentMatch[];
  /** The history's ids for an e-mail (every week). */
  readonly studentsWithEmail: (email: string) => readonly StudentId[];
}

/**
 * The matcher of one run. A recorded match wins; otherwise the e-mail must name exactly one v1 id of
 * the history that no other v3 student holds (two v3 accounts sharing an e-mail, or two v1 ids with
 * it, match nobody: a wrong merge would mix two students' progress, a missed one only starts a row).
 */
export class StudentMatcher {
  private readonly v1ByV3 = new Map<string, number>();
  private readonly v3ByV1 = new Map<number, string>();
  private readonly made: StudentMatch[] = [];

  constructor(
    private readonly sources: MatchSources,
    private readonly week: LocalDate,
  ) {
    for (const match of sources.recorded) {
      if (this.v1ByV3.has(match.v3Id) || this.v3ByV1.has(match.v1Id)) continue; // the first recorded wins
      this.v1ByV3.set(match.v3Id, match.v1Id);
      this.v3ByV1.set(match.v1Id, match.v3Id);
    }
  }

  /** The rows' id of a student a v3 answer named (an integer id is v1's own: kept as it is). */
  resolve(apiId: StudentId, email: string): ResolvedStudent {
    if (typeof apiId === 'number') return { key: apiId, apiId };
    const recorded = this.v1ByV3.get(apiId);
    if (recorded !== undefined) return { key: recorded, apiId };
    const candidates = this.sources.studentsWithEmail(email).filter((id): id is number => typeof id === 'number');
    const [only] = candidates;
    if (candidates.length !== 1 || only === undefined || this.v3ByV1.has(only)) return { key: apiId, apiId };
    this.v1ByV3.set(apiId, only);
    this.v3ByV1.set(only, apiId);
    this.made.push({ v1Id: only, v3Id: apiId, email, week: this.week });
    return { key: only, apiId };
  }

  /** The v3 id a history id is called by: itself for a v3 id, the match for a v1 id, null when none. */
  apiIdOf(key: StudentId): string | null {
    return typeof key === 'string' ? key : (this.v3ByV1.get(key) ?? null);
  }

  /** The matches this run made (to record at the commit). */
  newMatches(): readonly StudentMatch[] {
    return this.made;
  }
}
