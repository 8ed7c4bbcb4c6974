// Fault scenarios of the Node host: the built CLI (dist/cli.js) run as real processes on an .xlsx in
// a temporary folder, against the simulator served on 127.0.0.1 with faults. Each phase is one or
// more commands; a phase's state is what the command's exit code and message said. Each scenario is
// built per API generation (`cliScenariosFor`): the server's URL and key, `Turmas` ids and the faults
// follow it.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRequest, HttpResponse } from '../../src/core/http';
import { SHEET } from '../../src/core/sheets';
import type { Cell } from '../../src/core/workbook/workbook';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { type SimulatorServer, startSimulatorServer } from '../../src/simulator/server';
import { API_SETUPS } from '../support/apps-script-school';
import { type ApiGeneration, GENERATIONS } from './generations';
import type { Scenario, Trial } from './scenarios';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
/** A Monday after both cohorts started; the simulator answers at its own (system) clock. */
const RUN_DATE = '2026-11-16';
const STUDENTS = 12;
const COHORTS = 2;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** One CLI command as its own process (so a lock, a crash or a kill is real). */
function cli(args: string[], env: Record<string, string>, options: { onSpawn?: (kill: () => void) => void } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    options.onSpawn?.(() => child.kill('SIGKILL'));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 137 : 1), stdout, stderr }));
  });
}

/** A school's workbook with two cohorts, and the simulator that serves them (with a switchable fault). */
class CliSchool {
  readonly dir = mkdtempSync(join(tmpdir(), 'cademi-faults-'));
  readonly file = join(this.dir, 'escola.xlsx');
  fault: ((request: HttpRequest) => HttpResponse | undefined) | null = null;
  commands = 0;
  private constructor(
    readonly server: SimulatorServer,
    readonly api: ApiGeneration,
  ) {}

  /** The key `sync` sends on this school's generation. */
  get token(): string {
    return API_SETUPS[this.api].token;
  }

  static async open(api: ApiGeneration): Promise<CliSchool> {
    let school: CliSchool | null = null;
    const server = await startSimulatorServer({ port: 0, studentCount: STUDENTS, api, fault: (request) => school?.fault?.(request) });
    school = new CliSchool(server, api);
    const ids = API_SETUPS[api];
    await school.run(['init', school.file], {});
    for (const cohort of server.simulator.school.cohorts.slice(0, COHORTS)) {
      await school.run(
        [
          'cohort',
          'add',
          school.file,
          '--name',
          cohort.name,
          '--tag',
          String(ids.tagId(cohort.tagId)),
          '--start',
          cohort.start,
          '--products',
          cohort.productIds.map(ids.productId).join(','),
        ],
        {},
      );
    }
    school.commands = 0;
    return school;
  }

  /** The API as `sync` reaches it: this server (…/api/v1 or …/api/v3), the generation's key. */
  get apiEnv(): Record<string, string> {
    return { CADEMI_BASE_URL: this.server.url, CADEMI_TOKEN: this.token };
  }

  run(args: string[], env: Record<string, string>, options: { onSpawn?: (kill: () => void) => void } = {}): Promise<Outcome> {
    this.commands++;
    return cli(args, env, options);
  }

  sync(env: Record<string, string> = this.apiEnv, options: { onSpawn?: (kill: () => void) => void } = {}): Promise<Outcome> {
    return this.run(['sync', this.file, '--date', RUN_DATE], env, options);
  }

  async sheet(name: string): Promise<Cell[][]> {
    if (!existsSync(this.file)) return [];
    return (await XlsxWorkbook.load(this.file)).readSheet(name) ?? [];
  }

  async close(): Promise<void> {
    await this.server.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const keyOf = (row: Cell[]) => JSON.stringify([row[0], row[2], row[5]]);

/** Tracks a trial like the Apps Script observer: states per phase, and the week's rows against a reference. */
class CliObserver {
  readonly states: string[] = [];
  private whyOk = true;
  private partial = false;
  private lost = 0;
  private dups = 0;
  private readonly notes: string[] = [];
  reference: Set<string> | null = null;

  constructor(private readonly school: CliSchool) {}

  /** The state a command ended in: `Concluída`, `Falhou: …` (exit 1) or `Recusada: …` (exit 2). */
  state(outcome: Outcome, phase: { label?: string; why?: RegExp } = {}): string {
    if (outcome.code === 0) return 'Concluída';
    const message = outcome.stderr.replace(/\s+/g, ' ').trim();
    const matches = phase.why ? phase.why.test(message) : false;
    if (phase.why && !matches) {
      this.whyOk = false;
      this.notes.push(`a mensagem não diz por quê: ${message.slice(0, 160)}`);
    }
    if (/erro inesperado|\n\s+at /.test(outcome.stderr)) this.require(false, `erro inesperado ou stack trace: ${message.slice(0, 160)}`);
    const kind = outcome.code === 2 ? 'Recusada' : 'Falhou';
    return `${kind}: ${matches && phase.label ? phase.label : `código ${outcome.code}: ${message.slice(0, 80)}`}`;
  }

  /** Ends a phase: records its state and checks the week's rows in the saved file. */
  async endPhase(outcome: Outcome, phase: { label?: string; why?: RegExp } = {}): Promise<void> {
    this.states.push(this.state(outcome, phase));
    await this.checkWeek();
  }

  async checkWeek(): Promise<void> {
    const rows = (await this.school.sheet(SHEET.history)).slice(1);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
    this.dups = Math.max(this.dups, [...counts.values()].filter((n) => n > 1).length);
    if (this.reference === null) {
      if (rows.length > 0) this.reference = new Set(counts.keys());
      return;
    }
    const missing = [...this.reference].filter((key) => !counts.has(key)).length;
    if (rows.length > 0 && missing > 0) {
      this.partial = true;
      this.notes.push(`${missing} linha(s) da semana sumiram após "${this.states.at(-1)}"`);
    }
    this.lost = Math.max(this.lost, rows.length === 0 ? this.reference.size : missing);
  }

  require(ok: boolean, note: string): void {
    if (!ok) {
      this.whyOk = false;
      this.notes.push(note);
    }
  }

  trial(fault: string): Trial {
    return {
      fault,
      api: this.school.api,
      runs: this.school.commands,
      finalState: this.states.join(' → '),
      logSaysWhy: this.whyOk,
      historyComplete: !this.partial,
      rowsLost: this.lost,
      duplicates: this.dups,
      tokenLeaks: 0,
      valuesChanged: 0,
      ...(this.notes.length > 0 ? { note: this.notes.join('; ') } : {}),
    };
  }
}

/** Runs a trial on a fresh school of `api` and always cleans up. */
async function withSchool(api: ApiGeneration, fault: string, body: (school: CliSchool, observer: CliObserver) => Promise<void>): Promise<Trial> {
  const school = await CliSchool.open(api);
  const observer = new CliObserver(school);
  try {
    await body(school, observer);
    return observer.trial(fault);
  } finally {
    await school.close();
  }
}

const HTML_404: HttpResponse = { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>404 Not Found</h1>nginx</body></html>' };

/** Waits until the simulator has answered more than `count` requests (the sync is under way). */
async function untilRequests(school: CliSchool, count: number): Promise<void> {
  for (let i = 0; i < 600 && school.server.simulator.stats.requests <= count; i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Every CLI fault scenario on `api`, in the table's order. */
export function cliScenariosFor(api: ApiGeneration): Scenario[] {
  const gen = GENERATIONS[api];
  const ids = API_SETUPS[api];
  const { token } = ids;
  const onSchool = (fault: string, body: (school: CliSchool, observer: CliObserver) => Promise<void>) => withSchool(api, fault, body);

  // Class 1: a re-run whose every answer is a 404 without Cademi's envelope exits 1 naming the URL, and keeps the week.
  // Class 1: a re-run whose every answer is a 404 without Cademi's envelope exits 1 naming the URL, and keeps the week.
  const cliAll404: Scenario = {
    fault: 'CLI: 404 sem envelope em tudo no re-run',
    api,
    expected: 'Concluída → Falhou: endereço da API não encontrado → Concluída',
    run: async () => [
      await onSchool('CLI: 404 sem envelope em tudo no re-run', async (school, observer) => {
        await observer.endPhase(await school.sync());
        school.fault = () => HTML_404;
        await observer.endPhase(await school.sync(), { label: 'endereço da API não encontrado', why: new RegExp(`127\\.0\\.0\\.1:\\d+/api/${api}`) });
        school.fault = null;
        await observer.endPhase(await school.sync());
      }),
    ],
  };

  // Class 1: one cohort's tag answers Cademi's own 404 on a re-run; the other cohort is refreshed, this one keeps its rows.
  const cliOne404: Scenario = {
    fault: 'CLI: 404 na tag de uma turma no re-run',
    api,
    expected: 'Concluída → Concluída → Concluída',
    run: async () => [
      await onSchool('CLI: 404 na tag de uma turma no re-run', async (school, observer) => {
        await observer.endPhase(await school.sync());
        const tag = school.server.simulator.school.cohorts[0].tagId;
        school.fault = (request) => (gen.isTagPageOf(request, tag) ? gen.error(404, 'Tag não encontrada') : undefined);
        const rerun = await school.sync();
        await observer.endPhase(rerun);
        const shown = String(ids.tagId(tag));
        observer.require(rerun.stderr.includes(`tag ${shown}`), `o aviso não diz qual tag falhou: ${rerun.stderr.slice(0, 160)}`);
        school.fault = null;
        await observer.endPhase(await school.sync());
      }),
    ],
  };

  // Class 2: while a sync runs, a second sync and a `cohort add` on the same file are refused (busy), never
  // "succeed" and get overwritten; once the first is done the same `cohort add` works and the week is whole.
  const cliTwoWriters: Scenario = {
    fault: 'CLI: dois comandos no mesmo arquivo',
    api,
    expected: 'Concluída → Falhou: planilha em uso → Falhou: planilha em uso → Concluída',
    run: async () => [
      await onSchool('CLI: dois comandos no mesmo arquivo', async (school, observer) => {
        const busy = { label: 'planilha em uso', why: /em uso|ocupad|outro comando|outro processo/i };
        const first = school.sync();
        await untilRequests(school, 2);
        const add = [
          'cohort',
          'add',
          school.file,
          '--name',
          'Turma Extra',
          '--tag',
          String(ids.tagId(999)),
          '--start',
          '2026-11-02',
          '--products',
          String(ids.productId(11)),
        ];
        const [second, added] = await Promise.all([school.sync(), school.run(add, {})]);
        await observer.endPhase(await first);
        observer.states.push(observer.state(second, busy), observer.state(added, busy));
        await observer.endPhase(await school.run(add, {}));
        const cohorts = (await school.sheet(SHEET.cohorts)).map((row) => row[0]);
        observer.require(cohorts.includes('Turma Extra'), 'a turma cadastrada depois da coleta não está em Turmas');
      }),
    ],
  };

  // Class 2: a sync killed while holding the file leaves a stale lock that the next command takes over.
  const cliKilledHolder: Scenario = {
    fault: 'CLI: processo morto segurando o arquivo',
    api,
    expected: 'Concluída',
    run: async () => [
      await onSchool('CLI: processo morto segurando o arquivo', async (school, observer) => {
        let kill: () => void = () => undefined;
        const killed = school.sync(school.apiEnv, { onSpawn: (k) => (kill = k) });
        await untilRequests(school, 2);
        kill();
        await killed;
        // The lock is stale once its holder stops refreshing it; the next sync must get it within a minute.
        let outcome: Outcome = { code: 1, stdout: '', stderr: '' };
        for (let attempt = 0; attempt < 30; attempt++) {
          outcome = await school.sync();
          if (outcome.code === 0 || !/em uso|ocupad/i.test(outcome.stderr)) break;
          await new Promise((resolve) => setTimeout(resolve, 2_000));
        }
        await observer.endPhase(outcome);
      }),
    ],
  };

  // Class 6: an invalid `URL da API` (plain http to a school's host) stops the run with exit 2 naming the cell;
  // the embedded simulator never writes invented students into that workbook. The same rule holds for CADEMI_BASE_URL.
  const httpUrl = `http://escola.cademi.com.br/api/${api}`;
  const cliHttpUrl: Scenario = {
    fault: 'CLI: URL da API em http:// (erro de digitação)',
    api,
    expected: 'Recusada: URL da API inválida',
    run: async () => {
      const trials: Trial[] = [];
      trials.push(
        await onSchool('CLI: URL da API em http:// (erro de digitação)', async (school, observer) => {
          const workbook = await XlsxWorkbook.load(school.file);
          const settings = workbook.readSheet(SHEET.settings)!;
          const row = settings.findIndex((cells) => cells[0] === 'URL da API');
          workbook.updateRows(SHEET.settings, row, [['URL da API', httpUrl]]);
          await workbook.save(school.file);
          const outcome = await school.sync({ CADEMI_TOKEN: token });
          await observer.endPhase(outcome, { label: 'URL da API inválida', why: /URL da API/ });
          observer.require(!/token/i.test(outcome.stderr), `culpa o token: ${outcome.stderr.slice(0, 160)}`);
          const rows = (await school.sheet(SHEET.history)).length;
          observer.require(rows <= 1, `${rows - 1} linha(s) gravadas no Histórico`);
        }),
      );
      trials.push(
        await onSchool('CLI: URL da API em http:// (erro de digitação)', async (school, observer) => {
          const outcome = await school.sync({ CADEMI_BASE_URL: httpUrl, CADEMI_TOKEN: token });
          await observer.endPhase(outcome, { label: 'URL da API inválida', why: /CADEMI_BASE_URL/ });
          const rows = (await school.sheet(SHEET.history)).length;
          observer.require(rows <= 1, `${rows - 1} linha(s) gravadas no Histórico`);
        }),
      );
      return trials;
    },
  };

  // Class 7: a 429 asking for hours makes the CLI stop at once with a message (never wait silently), and
  // write nothing; the next run completes the week.
  const cliHugeRetryAfter: Scenario = {
    fault: 'CLI: Retry-After de horas',
    api,
    expected: 'Falhou: espera longa demais → Concluída',
    run: async () => [
      await onSchool('CLI: Retry-After de horas', async (school, observer) => {
        let seen = 0;
        school.fault = (request) =>
          gen.isProgress(request) && seen++ === 1 ? gen.error(429, 'Limite de requisições excedido', { 'retry-after': '7200' }) : undefined;
        await observer.endPhase(await school.sync(), { label: 'espera longa demais', why: /2 ?h|120 min|7\.?200 s|duas horas/i });
        const rows = (await school.sheet(SHEET.history)).length;
        observer.require(rows <= 1, `${rows - 1} linha(s) gravadas no Histórico por uma execução que falhou`);
        observer.require(seen > 1, 'a Cademi não chegou a pedir a espera (cenário não armado)');
        school.fault = null;
        await observer.endPhase(await school.sync());
      }),
    ],
  };

  return [cliAll404, cliOne404, cliTwoWriters, cliKilledHolder, cliHttpUrl, cliHugeRetryAfter];
}

/** The CLI scenarios of both generations, v1's first. */
export const CLI_SCENARIOS: readonly Scenario[] = [...cliScenariosFor('v1'), ...cliScenariosFor('v3')];
