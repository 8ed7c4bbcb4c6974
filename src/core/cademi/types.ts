// The Cademi objects the monitor uses, as typed values after parsing and validation.
// Times are epoch milliseconds; `login_auto` (a credential) and `doc` (the CPF) are dropped at parse time and never kept.

/** The two Cademi API generations the monitor speaks. */
export type ApiGeneration = 'v1' | 'v3';

/** Where the API lives and the key that opens it. The token is never written to a sheet or log. */
export interface ApiTarget {
  /** e.g. https://escola.cademi.com.br/api/v1 (no trailing slash needed). */
  readonly baseUrl: string;
  readonly token: string;
  /** Which generation `baseUrl` speaks; absent = v1. */
  readonly api?: ApiGeneration;
}

export interface CademiStudent {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  /**
   * `celular` as Cademi holds it (trimmed, as typed: "+55 11 98765-4321", "(11) 98765-4321"); null when
   * absent or blank. Contact data for tutors: kept in the school's spreadsheet only (never in BigQuery).
   */
  readonly phone: string | null;
  readonly createdAt: number | null;
  /** null = never accessed. */
  readonly lastAccessAt: number | null;
  /** Date fields that held an impossible date (year 0001, say), read as null; absent when none did. */
  readonly impossibleDates?: readonly StudentDateField[];
}

/** The student fields whose dates the run reads (and warns about when impossible). */
export type StudentDateField = 'criado_em' | 'ultimo_acesso_em';

export interface CademiProgress {
  /** 0-100, parsed from strings like "41.7%" or "41,7%". */
  readonly percent: number;
  readonly lessonsOpened: number;
  readonly lessonsCompleted: number;
  /** max(aulas[].acesso_em), null when no lesson was opened. */
  readonly lastActivityAt: number | null;
}

export interface CademiTag {
  readonly id: number;
  readonly name: string;
}

export interface CademiProduct {
  readonly id: number;
  readonly order: number | null;
  readonly name: string;
}

export interface CademiAccess {
  readonly product: CademiProduct;
  readonly duration: number | null;
  readonly durationType: string | null;
  readonly startedAt: number | null;
  readonly endsAt: number | null;
  readonly ended: boolean;
}

/** One page of a cursor-paginated list. */
export interface Page<T> {
  readonly items: T[];
  readonly nextPageUrl: string | null;
}
