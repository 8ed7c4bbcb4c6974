// Issue 11 through the CLI (main() over an .xlsx): answers that must never cost a week, names kept
// from history, capped waits, impossible dates, and notes people type beside `Histórico`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_HEADERS } from '../../src/core/history/schema';
import type { HttpRequest, HttpResponse } from '../../src/core/http';
import { SHEET } from '../../src/core/sheets';
import { MAX_WAIT_MS } from '../../src/core/sync/pacer';
import type { Cell } from '../../src/core/workbook/workbook';
import { type DriverClock, systemDriverClock, type WaitNotice } from '../../src/node/drive-job';
import { embeddedApi } from '../../src/node/embedded-api';
import { runWeek } from '../../src/node/sync-runner';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { createSchool } from '../../src/simulator';
import { type SimulatorServer, startSimulatorServer } from '../../src/simulator/server';
import { mondayRun, schoolWorkbook } from '../support/school-workbook';
import { cli, cohortOptions, initWorkbook, readHistory, SIMULATOR_TOKEN, syncWeeks, useTempDir } from './support/cli-harness';

const HTML_404: HttpResponse = { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><h1>404 Not Found</h1>nginx</html>' };
const envelope = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ success: false, code: status, msg: 'resposta simulada' }),
});

describe('sync over HTTP when the API misbehaves', () => {
  let server: SimulatorServer;
  const dir = useTempDir('cademi-bad-', 'all');
  let file: string;
  let env: Record<string, string>;
  let fault: ((request: HttpRequest, real: () => HttpResponse) => HttpResponse | undefined) | null = null;
  const cohorts = createSchool({ studentCount: 12 }).cohorts.slice(0, 2);

  beforeAll(async () => {
    let inner = false;
    server = await startSimulatorServer({
      port: 0,
      studentCount: 12,
      // `real()` asks the simulator itself (the hook is skipped inside), so a fault can edit a true answer.
      fault: (request) => {
        if (inner || !fault) return undefined;
        const real = () => {
          inner = true;
          try {
            return server.simulator.handle(request);
          } finally {
            inner = false;
          }
        };
        return fault(request, real);
      },
    });
    file = await initWorkbook(join(dir(), 'escola.xlsx'), ...cohorts.map(cohortOptions));
    env = { CADEMI_BASE_URL: server.url, CADEMI_TOKEN: SIMULATOR_TOKEN };
    const first = await cli(['sync', file], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
  }, 60_000);

  afterAll(() => server.close());

  afterEach(() => {
    fault = null;
  });

  it('every endpoint answering a 404 page: exit 1 naming the URL (no query), the file byte-identical', async () => {
    const before = readFileSync(file);
    fault = () => HTML_404;
    const run = await cli(['sync', file], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `O endereço ${server.url.replace(/[.]/g, '\\.')}/(usuario/lista_por_tag|produto)/\\d+ não existe \\(HTTP 404 sem a resposta padrão da Cademi\\)`,
      ),
    );
    expect(run.stderr).not.toMatch(/não existe na Cademi|simulador-token|\?/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("one tag answering Cademi's 404 on a re-run: exit 0, that cohort keeps its rows, the warning names the tag", async () => {
    const [first, second] = cohorts;
    const before = (await readHistory(file)).filter((row) => row[1] === first.name);
    expect(before.length).toBeGreaterThan(0);
    fault = (request) => (request.url.includes(`/lista_por_tag/${first.tagId}`) ? envelope(404) : undefined);
    const run = await cli(['sync', file], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`aviso: Turma "${first.name}" não sincronizada: a tag ${first.tagId} não existe na Cademi`));
    const after = await readHistory(file);
    expect(after.filter((row) => row[1] === first.name)).toEqual(before);
    expect(after.some((row) => row[1] === second.name)).toBe(true);
  }, 60_000);

  it('a 429 asking for hours: exit 1 at once saying how long, the file byte-identical', async () => {
    const before = readFileSync(file);
    fault = (request) => (request.url.includes('/progresso_por_produto/') ? envelope(429, { 'retry-after': '7200' }) : undefined);
    // The sync's waits, watched only (the real ones, pacing, still happen).
    const waits: number[] = [];
    const watched: DriverClock = {
      now: () => systemDriverClock.now(),
      sleep: (ms) => {
        waits.push(ms);
        return systemDriverClock.sleep(ms);
      },
    };
    const run = await cli(['sync', file], env, { clock: watched });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^erro: A Cademi pediu para aguardar 2 h antes da próxima chamada \(HTTP 429 em GET \/usuario\/progresso_por_produto\/.*limite de 5 min/,
    );
    // It did not sit through the two hours, nor any wait past the cap.
    expect(waits.filter((ms) => ms > MAX_WAIT_MS)).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 60_000);

  it('an impossible last access (year 0001) is stored as missing, with a warning naming the student and the field', async () => {
    const tag = cohorts[1].tagId;
    let studentId = 0;
    fault = (request, real) => {
      if (!request.url.includes(`/lista_por_tag/${tag}`)) return undefined;
      const answer = real();
      const body = JSON.parse(answer.body);
      studentId = body.data.usuario[0].id;
      body.data.usuario[0].ultimo_acesso_em = '0001-01-01 00:00:00';
      return { ...answer, body: JSON.stringify(body) };
    };
    const run = await cli(['sync', file], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`aviso: Aluno ${studentId}: o campo ultimo_acesso_em veio com uma data impossível; tratada como ausente.`);
    expect(run.stderr).not.toContain('0001');
    const rows = (await readHistory(file)).filter((row) => row[2] === studentId);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row[9] === null)).toBe(true);
  }, 60_000);
});

describe('sync with the embedded simulator, over weeks and edits', () => {
  const dir = useTempDir('cademi-weeks-', 'all');

  async function school(name: string): Promise<string> {
    const file = await initWorkbook(join(dir(), name), ['--name', 'Turma 2026-07', '--tag', '101', '--start', '2026-07-06', '--products', '11,12,13']);
    await syncWeeks(file, '2026-09-14');
    return file;
  }

  it("product names of later weeks are Cademi's, as in the first week", async () => {
    const file = await school('nomes.xlsx');
    expect((await cli(['sync', file, '--date', '2026-09-21'])).code).toBe(0);
    const rows = (await readHistory(file)).slice(1);
    const weeks = new Set(rows.map((row) => row[0]));
    expect(weeks.size).toBe(2);
    expect(rows.filter((row) => /^Produto \d+$/.test(String(row[6])))).toEqual([]);
    const names = new Map(rows.map((row) => [row[5], row[6]]));
    expect(names.size).toBe(3);
  });

  /** Adds an `Observação` column with a note on the rows `pick` chooses, the body sorted by name; returns the notes by key. */
  async function annotate(file: string, pick: (row: Cell[]) => boolean): Promise<Map<string, string>> {
    const workbook = await XlsxWorkbook.load(file);
    const [header, ...body] = workbook.readSheet(SHEET.history)!.map((row) => row.slice(0, HISTORY_HEADERS.length));
    const notes = new Map<string, string>();
    const rows = body
      .sort((a, b) => String(a[3]).localeCompare(String(b[3])))
      .map((row) => {
        if (!pick(row)) return [...row, null];
        const note = `falar com ${row[3]} sobre ${row[5]}`;
        notes.set(`${row[0]}|${row[2]}|${row[5]}`, note);
        return [...row, note];
      });
    workbook.updateRows(SHEET.history, 0, [[...header, 'Observação'], ...rows]);
    await workbook.save(file);
    return notes;
  }

  async function notesIn(file: string): Promise<Map<string, string>> {
    const notes = new Map<string, string>();
    for (const row of (await readHistory(file)).slice(1)) {
      const note = row[HISTORY_HEADERS.length];
      if (note !== null && note !== undefined && note !== '') notes.set(`${row[0]}|${row[2]}|${row[5]}`, String(note));
    }
    return notes;
  }

  it('notes typed in a column added to Histórico stay on their rows across a re-run, or the re-run is refused', async () => {
    const file = await school('notas.xlsx');
    const kept = await annotate(file, (row) => Number(row[2]) % 3 === 0 && row[5] !== 13);
    expect(kept.size).toBeGreaterThan(0);
    expect((await cli(['sync', file, '--date', '2026-09-16'])).code).toBe(0); // same week, rewritten in the job's order
    expect(await notesIn(file)).toEqual(kept);

    // Fewer rows: product 13 leaves the cohort. Notes only on other rows: they stay, and nothing lingers past the end.
    const edit = await cli(['cohort', 'edit', file, 'Turma 2026-07', '--products', '11,12']);
    expect(edit.code).toBe(0);
    const longer = await readHistory(file);
    expect((await cli(['sync', file, '--date', '2026-09-17'])).code).toBe(0);
    expect(await notesIn(file)).toEqual(kept);
    const rows = await readHistory(file);
    expect(rows.slice(1).every((row) => row[5] !== 13)).toBe(true);
    // Rows past the new end held notes (moved up to their rows): none is left behind there.
    expect(longer.slice(rows.length).some((row) => row[HISTORY_HEADERS.length])).toBe(true);
    expect(rows.slice(1).every((row) => row[0] !== null && row[2] !== null)).toBe(true);

    // A note on a row the re-run would drop: refused with a message, the file byte-identical.
    expect((await cli(['cohort', 'edit', file, 'Turma 2026-07', '--products', '11'])).code).toBe(0);
    const before = readFileSync(file);
    const refused = await cli(['sync', file, '--date', '2026-09-18']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /anotações na coluna "Observação" em linhas da semana 14\/09\/2026 que esta execução não produz mais \(linha \d+: aluno \d+, produto 12/,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('notes on an older week stay aligned when that week is re-run (the full rewrite)', async () => {
    const file = await school('antiga.xlsx');
    expect((await cli(['sync', file, '--date', '2026-09-21'])).code).toBe(0);
    const notes = await annotate(file, (row) => Number(row[2]) % 4 === 1);
    expect((await cli(['sync', file, '--date', '2026-09-15'])).code).toBe(0);
    expect(await notesIn(file)).toEqual(notes);
  });
});

describe("runWeek (the Node host's weekly run)", () => {
  it('tells of a long wait under the cap before sitting through it, and then completes', async () => {
    const now = mondayRun('2026-09-14');
    const api = embeddedApi({ startAt: now, studentCount: 60 });
    let progress = 0;
    const transport = {
      async send(requests: readonly HttpRequest[]): Promise<HttpResponse[]> {
        const out = requests.map((request) =>
          request.url.includes('progresso_por_produto') && ++progress === 4 ? envelope(429, { 'retry-after': '90' }) : api.simulator.handle(request),
        );
        api.virtualClock.advance(150);
        return out;
      },
    };
    const notices: WaitNotice[] = [];
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 1 });
    const { result } = await runWeek(workbook, { ...api, transport }, { now, trigger: 'CLI', onWait: (notice) => notices.push(notice) });
    expect(notices.map((notice) => notice.message)).toEqual([
      expect.stringMatching(/^A Cademi pediu para aguardar 1 min 30 s \(HTTP 429 em GET \/usuario\/progresso_por_produto\//),
    ]);
    expect(result.stats.retries).toBe(1);
  });
});
