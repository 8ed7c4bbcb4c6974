// Browser test support for the sidebar: a `google.script.run` stand-in that forwards
// `sidebarRpc(method, args)` to Node, and an in-memory fake of the SidebarApi to back it.
// The stand-in takes any `(method, args) => Promise<unknown>` handler, so the real server (over the
// Apps Script fakes) can replace the fake without touching the page side.

import type { Page } from 'playwright-core';
import {
  type AdjustmentView,
  type CohortInput,
  type CohortView,
  type DefaultGoal,
  type FieldError,
  type Option,
  type PossibleDropout,
  type RunStatus,
  type RunSummary,
  SIDEBAR_METHODS,
  type SidebarApi,
  type SidebarMethod,
  type StudentMatch,
  type ValidationResult,
} from '../../src/core/sidebar/api';

/** What the page's `google.script.run.sidebarRpc(method, args)` reaches in Node. */
export type RpcHandler = (method: string, args: unknown[]) => Promise<unknown>;

/** The envelope crossing `page.exposeFunction` (a thrown error's message survives verbatim). */
type RpcEnvelope = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/**
 * Installs `window.google.script.run` in `page` (before any page script runs). Only `sidebarRpc`
 * exists on it, like the real add-on; arguments and results cross as JSON, and a rejected handler
 * calls the failure handler with an Error carrying the handler's message.
 */
export async function installScriptRunStandIn(page: Page, handler: RpcHandler): Promise<void> {
  await page.exposeFunction('__sidebarRpc', async (method: string, args: unknown[]): Promise<RpcEnvelope> => {
    try {
      const value = await handler(method, args);
      return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
  await page.addInitScript(() => {
    type Handler = ((value: unknown) => void) | null;
    type Envelope = { ok: true; value: unknown } | { ok: false; message: string };
    const bridge = (window as unknown as { __sidebarRpc: (method: string, args: unknown[]) => Promise<Envelope> }).__sidebarRpc;
    const runner = (success: Handler, failure: Handler): object => ({
      withSuccessHandler: (next: Handler) => runner(next, failure),
      withFailureHandler: (next: Handler) => runner(success, next),
      sidebarRpc(method: string, args: unknown[]) {
        // Like google.script.run: arguments are serialized, handlers run asynchronously, no return value.
        void bridge(String(method), JSON.parse(JSON.stringify(args ?? []))).then((envelope) => {
          if (envelope.ok) success?.(envelope.value);
          else failure?.(new Error(envelope.message));
        });
      },
    });
    (window as unknown as { google: unknown }).google = { script: { run: runner(null, null), host: { close() {} } } };
  });
}

/** A handler dispatching to a SidebarApi implementation by name (unknown names are refused). */
export function handlerFor(api: SidebarApi): RpcHandler {
  return async (method, args) => {
    if (!(SIDEBAR_METHODS as readonly string[]).includes(method)) throw new Error(`Função desconhecida: ${method}`);
    const fn = api[method as SidebarMethod] as (...params: unknown[]) => unknown;
    return fn.apply(api, args);
  };
}

// ---------------------------------------------------------------------------------------------
// The in-memory fake.

export const XSS_STUDENT_NAME = '<img src=x onerror=alert(1)>';
export const XSS_COHORT_NAME = '"><script>alert(2)</script>';

interface FakeStudent {
  readonly studentId: number;
  readonly name: string;
  readonly email: string;
  cohort: string;
  endedProducts: string[];
}

const TAGS: Option[] = [
  { id: 11, name: 'Turma 2026-09' },
  { id: 12, name: 'Turma 2026-10' },
  { id: 13, name: 'Turma 2026-11' },
  { id: 14, name: XSS_COHORT_NAME },
];
const PRODUCTS: Option[] = [
  { id: 101, name: 'Excel Essencial' },
  { id: 102, name: 'Power BI' },
  { id: 103, name: 'SQL do Zero' },
];

const STUDENTS_PER_RUN_STEP = 40;

/** A stateful SidebarApi: cohorts, students, adjustments and a run that advances on each runStatus. */
export class FakeSidebarServer implements SidebarApi {
  readonly cohorts: CohortView[] = [
    {
      name: 'Turma 2026-09',
      tagId: 11,
      start: '2026-09-07',
      productIds: [101, 102],
      goalTrack: 'Padrão 12 semanas',
      tutorEmail: 'tutora@escola.com.br',
      active: true,
      studentCount: 42,
      lastWeek: '2026-10-26',
    },
    {
      name: 'Turma 2026-10',
      tagId: 12,
      start: '2026-10-05',
      productIds: [101],
      goalTrack: null,
      tutorEmail: null,
      active: true,
      studentCount: 38,
      lastWeek: '2026-10-26',
    },
    {
      name: XSS_COHORT_NAME,
      tagId: 14,
      start: '2026-08-03',
      productIds: [103],
      goalTrack: null,
      tutorEmail: null,
      active: true,
      studentCount: null,
      lastWeek: null,
    },
    {
      name: 'Turma 2026-03',
      tagId: 9,
      start: '2026-03-02',
      productIds: [101],
      goalTrack: 'Padrão 12 semanas',
      tutorEmail: null,
      active: false,
      studentCount: 35,
      lastWeek: '2026-06-22',
    },
  ];
  readonly students: FakeStudent[] = [
    { studentId: 1, name: 'Ana Beatriz Souza', email: 'ana.souza@example.com', cohort: 'Turma 2026-09', endedProducts: [] },
    { studentId: 2, name: 'Bruno Carvalho', email: 'bruno@example.com', cohort: 'Turma 2026-09', endedProducts: ['Power BI'] },
    { studentId: 3, name: XSS_STUDENT_NAME, email: 'xss@example.com', cohort: 'Turma 2026-10', endedProducts: ['Excel Essencial'] },
    { studentId: 4, name: 'Carla Dias', email: 'carla.dias@example.com', cohort: 'Turma 2026-10', endedProducts: [] },
  ];
  readonly adjustments: AdjustmentView[] = [];
  readonly lastRuns: RunSummary[] = [{ startedAt: '2026-10-26T06:00:00-03:00', week: '2026-10-26', outcome: 'Concluída', message: '80 alunos, 2 turmas' }];
  readonly goalTracks = ['Padrão 12 semanas', 'Intensivo 8 semanas'];
  defaultGoal: DefaultGoal = { track: 'Padrão 12 semanas' };
  /** Every call, in order, as the page made it. */
  readonly calls: { method: string; args: unknown[] }[] = [];
  run: RunStatus = { state: 'idle', week: null, settled: 0, total: 0, percent: 0, message: '', automationNotice: null };
  tokenConfigured = true;
  by = 'coordenacao@escola.com.br';
  private readonly failures = new Map<string, string>();
  private nextAdjustment = 1;

  /** The handler to give the stand-in: records the call, then dispatches (or fails once, if armed). */
  readonly handler: RpcHandler = async (method, args) => {
    this.calls.push({ method, args });
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw new Error(failure);
    }
    return handlerFor(this)(method, args);
  };

  /** Makes the next call of `method` fail with `message` (as a server exception would). */
  failNext(method: SidebarMethod, message: string): void {
    this.failures.set(method, message);
  }

  callsOf(method: SidebarMethod): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  getState() {
    return {
      cohorts: this.cohorts,
      goalTracks: this.goalTracks,
      defaultGoal: this.defaultGoal,
      adjustments: this.adjustments,
      run: this.run,
      lastRuns: this.lastRuns,
      tokenConfigured: this.tokenConfigured,
    };
  }

  listTags(): Option[] {
    return TAGS;
  }

  listProducts(): Option[] {
    return PRODUCTS;
  }

  validateCohort(input: CohortInput, originalName: string | null): ValidationResult {
    const errors: FieldError[] = [];
    if (!TAGS.some((tag) => tag.id === input.tagId)) errors.push({ field: 'tagId', message: 'Escolha uma tag da Cademi.' });
    if (input.name.trim() === '') errors.push({ field: 'name', message: 'Informe o nome da turma.' });
    else if (this.cohorts.some((cohort) => cohort.name === input.name && cohort.name !== originalName)) {
      errors.push({ field: 'name', message: `Já existe uma turma chamada ${input.name}.` });
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.start)) errors.push({ field: 'start', message: 'Informe a data de início (dd/mm/aaaa).' });
    if (input.productIds.length === 0) errors.push({ field: 'productIds', message: 'Escolha ao menos um produto.' });
    if (input.goalTrack !== null && !this.goalTracks.includes(input.goalTrack)) errors.push({ field: 'goalTrack', message: 'Meta desconhecida.' });
    if (input.tutorEmail !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.tutorEmail)) {
      errors.push({ field: 'tutorEmail', message: 'E-mail do tutor inválido: use nome@dominio.com.' });
    }
    return errors.length ? { ok: false, errors } : { ok: true };
  }

  saveCohort(input: CohortInput, originalName: string | null): ValidationResult {
    const result = this.validateCohort(input, originalName);
    if (!result.ok) return result;
    const view: CohortView = { ...input, productIds: [...input.productIds], active: true, studentCount: null, lastWeek: null };
    const at = originalName === null ? -1 : this.cohorts.findIndex((cohort) => cohort.name === originalName);
    if (at >= 0) this.cohorts[at] = { ...view, studentCount: this.cohorts[at].studentCount, lastWeek: this.cohorts[at].lastWeek };
    else this.cohorts.push(view);
    return { ok: true };
  }

  archiveCohort(name: string): ValidationResult {
    const at = this.cohorts.findIndex((cohort) => cohort.name === name);
    if (at < 0) return { ok: false, errors: [{ field: 'form', message: `Turma ${name} não encontrada.` }] };
    this.cohorts[at] = { ...this.cohorts[at], active: false };
    return { ok: true };
  }

  searchStudents(query: string): StudentMatch[] {
    const needle = query.trim().toLowerCase();
    if (needle.length < 2) return [];
    return this.students
      .filter((student) => student.name.toLowerCase().includes(needle) || student.email.toLowerCase().includes(needle))
      .map(({ studentId, name, email, cohort }) => ({ studentId, name, email, cohort }));
  }

  moveStudent(studentId: number, toCohort: string, fromWeek: string, reason: string): AdjustmentView {
    const student = this.student(studentId);
    if (!this.cohorts.some((cohort) => cohort.active && cohort.name === toCohort))
      throw new Error(`Turma de destino "${toCohort}" não existe ou está arquivada.`);
    if (toCohort === student.cohort) throw new Error(`${student.name} já está na turma ${toCohort}.`);
    const adjustment = this.record({ date: fromWeek, studentId, name: student.name, action: 'Mover', from: student.cohort, to: toCohort, reason });
    student.cohort = toCohort;
    return adjustment;
  }

  markDropout(studentId: number, date: string, reason: string): AdjustmentView {
    const student = this.student(studentId);
    return this.record({ date, studentId, name: student.name, action: 'Desistência', from: student.cohort, to: '', reason });
  }

  undoAdjustment(id: string): AdjustmentView {
    const at = this.adjustments.findIndex((adjustment) => adjustment.id === id);
    if (at < 0) throw new Error(`Ajuste ${id} não encontrado em Ajustes.`);
    const adjustment = this.adjustments[at];
    if (adjustment.undone) throw new Error('Este ajuste já foi desfeito.');
    if (adjustment.action === 'Mover') this.student(Number(adjustment.studentId)).cohort = adjustment.from;
    const undone = { ...adjustment, undone: true };
    this.adjustments[at] = undone;
    return undone;
  }

  possibleDropouts(): PossibleDropout[] {
    return this.students
      .filter(
        (student) =>
          student.endedProducts.length > 0 && !this.adjustments.some((a) => a.studentId === student.studentId && a.action === 'Desistência' && !a.undone),
      )
      .map((student) => ({
        studentId: student.studentId,
        name: student.name,
        email: student.email,
        cohort: student.cohort,
        daysWithoutAccess: 19,
        endedProducts: student.endedProducts,
      }));
  }

  runNow(): RunStatus {
    if (this.run.state === 'running') throw new Error('Já há uma atualização em andamento.');
    this.run = {
      state: 'running',
      week: '2026-11-02',
      settled: 0,
      total: 120,
      percent: 0,
      message: 'Coletando o progresso na Cademi…',
      automationNotice: null,
    };
    return this.run;
  }

  /** Advances a running run by one step (40 of 120 students), finishing on the third call. */
  runStatus(): RunStatus {
    if (this.run.state !== 'running') return this.run;
    const settled = Math.min(this.run.total, this.run.settled + STUDENTS_PER_RUN_STEP);
    const done = settled >= this.run.total;
    this.run = {
      ...this.run,
      state: done ? 'idle' : 'running',
      settled,
      percent: Math.round((settled / this.run.total) * 100),
      message: done ? 'Semana gravada em Histórico.' : 'Coletando o progresso na Cademi…',
    };
    if (done) {
      this.lastRuns.unshift({ startedAt: '2026-11-02T09:15:00-03:00', week: '2026-11-02', outcome: 'Concluída', message: `${settled} alunos, 3 turmas` });
      for (const [at, cohort] of this.cohorts.entries()) if (cohort.active) this.cohorts[at] = { ...cohort, lastWeek: '2026-11-02' };
    }
    return this.run;
  }

  private student(studentId: number): FakeStudent {
    const student = this.students.find((candidate) => candidate.studentId === studentId);
    if (!student) throw new Error(`Aluno ${studentId} não encontrado.`);
    return student;
  }

  private record(fields: Omit<AdjustmentView, 'id' | 'by' | 'undone'>): AdjustmentView {
    const adjustment: AdjustmentView = { ...fields, id: `adj-${this.nextAdjustment++}`, by: this.by, undone: false };
    this.adjustments.unshift(adjustment);
    return adjustment;
  }
}
