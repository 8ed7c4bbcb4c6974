// The sidebar's RPC contract: one type shared by the server (Apps Script) and the client (the
// sidebar's script). Payloads are JSON-safe: dates cross as ISO strings ('YYYY-MM-DD').

import type { Adjustment, AdjustmentAction } from '../adjustments/adjustments-sheet';
import type { CohortInput, DefaultGoal, FieldError, ValidationResult } from '../config/cohort-editing';
import type { StudentId } from '../model/ids';

export type { ProductId, StudentId, TagId } from '../model/ids';

/** A cohort as the sidebar lists it: its row in `Turmas` plus what the last sync saw. */
export interface CohortView extends CohortInput {
  readonly active: boolean;
  /** Students in the cohort's latest collected week; null before the first sync. */
  readonly studentCount: number | null;
  /** The latest week collected for the cohort; null before the first sync. */
  readonly lastWeek: string | null;
}

// The sidebar's date fields show and take dd/mm/aaaa (ISO accepted) and send ISO: the one pt-BR date
// parser and formatter, re-exported because the browser bundle may import only this contract and
// its messages (biome.jsonc).
export { idOfText } from '../model/ids';
export { formatBrDate, parseBrDate } from '../time/pt-br-dates';

// Cohort edits cross as the config parser's own types, so the form and `Turmas` cannot drift apart.
export type { AdjustmentAction, CohortInput, DefaultGoal, FieldError, ValidationResult };

/** An `Ajustes` row as the sidebar shows it (the domain type, with `undone` for `undoneAt`). */
export type AdjustmentView = Omit<Adjustment, 'row' | 'undoneAt'> & { readonly undone: boolean };

export interface StudentMatch {
  readonly studentId: StudentId;
  readonly name: string;
  readonly email: string;
  readonly cohort: string;
}

export interface PossibleDropout {
  readonly studentId: StudentId;
  readonly name: string;
  readonly email: string;
  readonly cohort: string;
  readonly daysWithoutAccess: number | null;
  /** Names of the tracked products whose access has ended in Cademi. */
  readonly endedProducts: readonly string[];
}

export interface RunStatus {
  readonly state: 'idle' | 'running' | 'paused' | 'failed';
  readonly week: string | null;
  readonly settled: number;
  readonly total: number;
  /** 0-100. */
  readonly percent: number;
  readonly message: string;
  /**
   * What the coordinator should know about the automatic updates' trigger (the editor whose account
   * runs it has stopped ticking, or this click took it over); null when all is well.
   */
  readonly automationNotice: string | null;
}

export interface RunSummary {
  readonly startedAt: string;
  readonly week: string;
  readonly outcome: string;
  readonly message: string;
}

export interface SidebarState {
  readonly cohorts: readonly CohortView[];
  readonly goalTracks: readonly string[];
  /** The school's default goal track, which "Nova turma" starts with, or why there is none. */
  readonly defaultGoal: DefaultGoal;
  readonly adjustments: readonly AdjustmentView[];
  readonly run: RunStatus;
  readonly lastRuns: readonly RunSummary[];
  readonly tokenConfigured: boolean;
}

export interface Option {
  readonly id: number | string;
  readonly name: string;
}

/** Every server function the sidebar may call, by name. Nothing else is reachable from it. */
export interface SidebarApi {
  getState(): SidebarState;
  listTags(): Option[];
  listProducts(): Option[];
  validateCohort(input: CohortInput, originalName: string | null): ValidationResult;
  saveCohort(input: CohortInput, originalName: string | null): ValidationResult;
  archiveCohort(name: string): ValidationResult;
  searchStudents(query: string): StudentMatch[];
  moveStudent(studentId: StudentId, toCohort: string, fromWeek: string, reason: string): AdjustmentView;
  markDropout(studentId: StudentId, date: string, reason: string): AdjustmentView;
  undoAdjustment(id: string): AdjustmentView;
  possibleDropouts(): PossibleDropout[];
  runNow(): RunStatus;
  runStatus(): RunStatus;
}

export type SidebarMethod = keyof SidebarApi;

export const SIDEBAR_METHODS: readonly SidebarMethod[] = [
  'getState',
  'listTags',
  'listProducts',
  'validateCohort',
  'saveCohort',
  'archiveCohort',
  'searchStudents',
  'moveStudent',
  'markDropout',
  'undoAdjustment',
  'possibleDropouts',
  'runNow',
  'runStatus',
];
