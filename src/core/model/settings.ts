// School-wide settings read from the `Configuração` sheet, with their defaults.

import { DEFAULT_GOAL_TRACK } from './goals';

export interface Thresholds {
  /** Days without access from which a student is `Atrasado` (engagement tools warn at 7). */
  readonly warnDaysWithoutAccess: number;
  /** Days without access from which a student is `Em risco` (engagement tools escalate at 14). */
  readonly riskDaysWithoutAccess: number;
  /** Percentage points below the expected curve from which a student is `Atrasado`. */
  readonly latePoints: number;
  /** Percentage points below the expected curve from which a student is `Em risco`. */
  readonly riskPoints: number;
  /** Consecutive weeks without progress from which a student is `Em risco`. */
  readonly stalledWeeks: number;
  /** Students who joined less than this many days ago are not judged yet. */
  readonly graceDays: number;
}

export interface Settings extends Thresholds {
  /** The `Metas` track a new cohort gets when none is chosen (`cohort add`, "Nova turma"); '' = none. */
  readonly defaultGoalTrack: string;
  /** Cademi API base URL; empty = the embedded simulator (Node host only). */
  readonly apiUrl: string;
  /** Which Cademi API generation to call (`Versão da API`); `auto` decides by the key and the URL (see `chooseApi`). */
  readonly apiVersion: ApiVersionSetting;
  readonly timeZone: string;
  /** The API's rate limit; Cademi allows 2 requests per second. */
  readonly requestsPerSecond: number;
  /** ISO weekday of the automatic weekly run (1 = Monday). */
  readonly runWeekday: number;
  /** Hour of the day (school time) from which the weekly run is due. */
  readonly runHour: number;
  /** Where run failures are e-mailed; empty = no e-mail. */
  readonly alertEmail: string;
  /** After each completed week, e-mail each tutor their own contact list (Apps Script, MailApp). */
  readonly emailTutors: boolean;
  /** `Contatos da semana` (and the tutors' e-mails) show each student's phone from Cademi and a WhatsApp link. */
  readonly showPhone: boolean;
  /** The optional BigQuery copy of Histórico (`projeto.conjunto.tabela` in the sheet, split once when read); null = none. */
  readonly bigQueryTable: BigQueryTable | null;
}

/** Where a BigQuery table lives: `project.dataset.table`. */
export interface BigQueryTable {
  readonly projectId: string;
  readonly datasetId: string;
  readonly tableId: string;
}

/** The table as the setting writes it. */
export function bigQueryTableName(table: BigQueryTable): string {
  return `${table.projectId}.${table.datasetId}.${table.tableId}`;
}

/** `Versão da API`: `automática` (as the sheet writes it), `v1` or `v3`. */
export type ApiVersionSetting = 'auto' | 'v1' | 'v3';

export const DEFAULT_SETTINGS: Settings = {
  apiUrl: '',
  apiVersion: 'auto',
  timeZone: 'America/Sao_Paulo',
  requestsPerSecond: 2,
  warnDaysWithoutAccess: 7,
  riskDaysWithoutAccess: 14,
  latePoints: 10,
  riskPoints: 25,
  stalledWeeks: 2,
  graceDays: 7,
  defaultGoalTrack: DEFAULT_GOAL_TRACK.name,
  runWeekday: 1,
  runHour: 6,
  alertEmail: '',
  emailTutors: false,
  showPhone: true,
  bigQueryTable: null,
};
