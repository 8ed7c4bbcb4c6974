// Issue 11 in the core: no answer erases a week (404s, empty tags, runs that collect nothing), names
// known from history are kept, waits are held for the whole job and capped, impossible dates are
// missing with a warning, and the columns people add to `Histórico` stay on their rows.

import { loadConfig } from '../../../src/core/config/load-config';
import { HistoryIndex } from '../../../src/core/history/history-index';
import { HISTORY_HEADERS } from '../../../src/core/history/schema';
import { HistoryNotesError } from '../../../src/core/history/week-replacement';
import type { HttpRequest, HttpResponse } from '../../../src/core/http';
import { COHORT_HEADERS, SHEET } from '../../../src/core/sheets';
import { decodeCheckpoint, encodeCheckpoint } from '../../../src/core/sync/checkpoint';
import { SyncFailedError } from '../../../src/core/sync/errors';
import { SyncJob } from '../../../src/core/sync/job';
import { decodeStaging, encodeStaging } from '../../../src/core/sync/staging';
import { commitWeek, type RunStateStore } from '../../../src/core/sync/week-commit';
import { startWeekRun } from '../../../src/core/sync/week-run';
import { formatBrDate } from '../../../src/core/time/pt-br-dates';
import type { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import type { Cell } from '../../../src/core/workbook/workbook';
import { driveJob, type Transport, type WaitNotice } from '../../../src/node/drive-job';
import type { EmbeddedApi } from '../../../src/node/embedded-api';
import { mondayRun, schoolWorkbook, testApi } from '../../support/school-workbook';

const WEEK1 = mondayRun('2026-09-14');
const WEEK2 = mondayRun('2026-09-21');
const DAY = 86_400_000;
const HTML_404: HttpResponse = { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><h1>404 Not Found</h1>nginx</html>' };
const envelope = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: JSON.stringify({ success: false, code: status, msg: 'resposta simulada' }),
});

type Change = (request: HttpRequest, answer: () => HttpResponse) => HttpResponse;

/** The embedded simulator's transport, with `change` deciding each answer (default: the real one). */
function transportOf(api: EmbeddedApi, change: Change = (_request, answer) => answer(), seen: HttpRequest[] = []): Transport {
  return {
    async send(requests) {
      seen.push(...requests);
      const out = requests.map((request) => change(request, () => api.simulator.handle(request)));
      api.virtualClock.advance(100);
      return out;
    },
  };
}

/** These runs keep no state between executions (as the Node host). */
const NO_RUN_STATE: RunStateStore = { hasCursor: () => false, saveCursor: () => {}, recordCompletion: () => {}, clearCursor: () => {} };

/** One weekly run over the workbook, as the hosts do it. */
async function weekRun(
  workbook: MemoryWorkbook,
  api: EmbeddedApi,
  now: number,
  change?: Change,
  options: { onWait?: (notice: WaitNotice) => void; seen?: HttpRequest[] } = {},
) {
  if (api.virtualClock.now() < now) api.virtualClock.set(now);
  const { job, config } = startWeekRun(workbook, { now, target: api.target, runId: `r-${now}` });
  await driveJob(job, { transport: transportOf(api, change, options.seen), clock: api.clock, requestsPerSecond: 2, onWait: options.onWait });
  return commitWeek(workbook, job, config, NO_RUN_STATE, { trigger: 'teste', startedAt: now, finishedAt: now });
}

const historyOf = (workbook: MemoryWorkbook): Cell[][] => workbook.readSheet(SHEET.history) ?? [];
const isTagPage = (request: HttpRequest, tagId?: number) => request.url.includes(`/usuario/lista_por_tag/${tagId ?? ''}`);
const withBody = (response: HttpResponse, edit: (body: { data: Record<string, unknown> }) => void): HttpResponse => {
  const body = JSON.parse(response.body);
  edit(body);
  return { ...response, body: JSON.stringify(body) };
};

describe('a 404 that is not Cademi answering', () => {
  it.each([
    ['an HTML page', HTML_404],
    ['an empty body', { status: 404, headers: {}, body: '' }],
    ['other JSON', { status: 404, headers: {}, body: '{"error":"not found"}' }],
  ])('(%s) fails the run naming the URL, and a re-run keeps the week', async (_name, answer) => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 2 });
    await weekRun(workbook, api, WEEK1);
    const before = historyOf(workbook);
    const failure = await weekRun(workbook, api, WEEK1 + DAY, () => answer as HttpResponse).catch((error) => error);
    expect(failure).toBeInstanceOf(SyncFailedError);
    expect(failure.kind).toBe('endpoint');
    expect(failure.message).toMatch(/O endereço https:\/\/simulador\.cademi\.local\/api\/v1\/(usuario\/lista_por_tag|produto)\/\d+ não existe/);
    expect(failure.message).toMatch(/URL da API/);
    expect(historyOf(workbook)).toEqual(before);
  });

  it('on a progress call or a later page names the path without its query (no cursor, no token)', async () => {
    const api = testApi(WEEK1, { studentCount: 500 });
    const workbook = schoolWorkbook(api.simulator.school);
    const onPage = await weekRun(workbook, api, WEEK1, (request, answer) => (request.url.includes('cursor=') ? HTML_404 : answer())).catch((error) => error);
    expect(onPage).toMatchObject({ kind: 'endpoint' });
    expect(onPage.message).toMatch(/\/usuario\/lista_por_tag\/\d+ não existe/);
    expect(onPage.message).not.toMatch(/cursor|\?|simulador-token/);
    const onProgress = await weekRun(workbook, api, WEEK1, (request, answer) => (request.url.includes('progresso_por_produto') ? HTML_404 : answer())).catch(
      (error) => error,
    );
    expect(onProgress).toMatchObject({ kind: 'endpoint' });
    expect(onProgress.message).toMatch(/\/usuario\/progresso_por_produto\/\d+\/\d+ não existe/);
    expect(workbook.readSheet(SHEET.history)).toBeNull();
  });

  it("while Cademi's own 404 on a progress call only skips that pair, without its text", async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 1 });
    let skipped = 0;
    const result = await weekRun(workbook, api, WEEK1, (request, answer) =>
      request.url.includes('progresso_por_produto') && skipped++ === 0 ? envelope(404) : answer(),
    );
    expect(result.warnings.join(' ')).toMatch(/linha não registrada/);
    expect(JSON.stringify([result.warnings, workbook.readSheet(SHEET.runs)])).not.toContain('resposta simulada');
  });
});

describe('a cohort that cannot be collected on a re-run keeps its rows of the week', () => {
  async function collectedWeek() {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 2 });
    await weekRun(workbook, api, WEEK1);
    const [first, second] = api.simulator.school.cohorts;
    const rowsOf = (cohort: string) =>
      historyOf(workbook)
        .slice(1)
        .filter((row) => row[1] === cohort);
    return { api, workbook, first, second, rowsOf, before: { first: rowsOf(first.name), second: rowsOf(second.name) } };
  }

  it("when its tag answers Cademi's 404: the other cohort is refreshed, this one untouched, other weeks too", async () => {
    const { api, workbook, first, second, rowsOf, before } = await collectedWeek();
    const result = await weekRun(workbook, api, WEEK1 + 2 * DAY, (request, answer) => (isTagPage(request, first.tagId) ? envelope(404) : answer()));
    expect(result.collectedCohorts).toEqual([second.name]);
    expect(result.warnings.join(' ')).toMatch(new RegExp(`Turma "${first.name}" não sincronizada: a tag ${first.tagId} não existe`));
    expect(rowsOf(first.name)).toEqual(before.first);
    const refreshed = rowsOf(second.name);
    expect(refreshed).toHaveLength(before.second.length);
    expect(refreshed[0][13]).not.toEqual(before.second[0][13]); // collected again, later
    const keys = historyOf(workbook)
      .slice(1)
      .map((row) => `${row[0]}|${row[2]}|${row[5]}`);
    expect(new Set(keys).size).toBe(keys.length);
    // What the hosts copy elsewhere (BigQuery) is the whole week, kept rows included.
    expect(result.rows).toHaveLength(before.first.length + before.second.length);
  });

  it('when its tag lists nobody while the cohort has rows: not collected, with a warning and a note at Tag ID', async () => {
    const { api, workbook, first, rowsOf, before } = await collectedWeek();
    const result = await weekRun(workbook, api, WEEK1 + DAY, (request, answer) =>
      isTagPage(request, first.tagId) ? withBody(answer(), (body) => Object.assign(body.data, { usuario: [], paginator: { next_page_url: null } })) : answer(),
    );
    expect(rowsOf(first.name)).toEqual(before.first);
    expect(result.warnings.join(' ')).toMatch(new RegExp(`a tag ${first.tagId} não listou nenhum aluno, mas a turma já tem linhas`));
    expect(result.cohortProblems).toContainEqual({ cohort: first.name, column: 'Tag ID', message: expect.stringMatching(/não listou nenhum aluno/) });
  });

  it('in a later week too: an empty tag does not start the cohort over, and earlier weeks stay', async () => {
    const { api, workbook, first, second } = await collectedWeek();
    const week1 = historyOf(workbook);
    const result = await weekRun(workbook, api, WEEK2, (request, answer) =>
      isTagPage(request, first.tagId) ? withBody(answer(), (body) => Object.assign(body.data, { usuario: [], paginator: { next_page_url: null } })) : answer(),
    );
    expect(result.collectedCohorts).toEqual([second.name]);
    expect(historyOf(workbook).slice(0, week1.length)).toEqual(week1);
  });
});

describe('a run that collects nothing fails and writes nothing', () => {
  it('when no cohort could be collected, on a fresh week and on a re-run', async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 2 });
    const fresh = await weekRun(workbook, api, WEEK1, (request, answer) => (isTagPage(request) ? envelope(404) : answer())).catch((error) => error);
    expect(fresh).toBeInstanceOf(SyncFailedError);
    expect(fresh.kind).toBe('empty');
    expect(fresh.message).toMatch(/^Nenhuma turma pôde ser coletada \(turma "Turma 2026-07": a tag 101 não existe/);
    expect(workbook.readSheet(SHEET.history)).toBeNull();
    expect(workbook.readSheet(SHEET.runs)).toBeNull();

    await weekRun(workbook, api, WEEK1);
    const before = historyOf(workbook);
    await expect(weekRun(workbook, api, WEEK1 + DAY, (request, answer) => (isTagPage(request) ? envelope(404) : answer()))).rejects.toMatchObject({
      kind: 'empty',
    });
    expect(historyOf(workbook)).toEqual(before);
  });

  it('when no cohort is due yet: said as nothing to collect (with the first start), never as cohorts that failed; no request', async () => {
    const early = mondayRun('2026-03-02');
    const api = testApi(early);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 2 });
    const seen: HttpRequest[] = [];
    const failure = await weekRun(workbook, api, early, undefined, { seen }).catch((error) => error);
    expect(failure).toBeInstanceOf(SyncFailedError);
    expect(failure.kind).toBe('empty');
    expect(failure.message).toBe(
      `Nenhuma turma ativa começou ainda (a primeira começa em ${formatBrDate(api.simulator.school.cohorts[0].start)}); nada a coletar nesta semana, e nada foi gravado no Histórico.`,
    );
    expect(seen.filter((request) => !request.url.includes('/produto'))).toEqual([]);
    expect(workbook.readSheet(SHEET.history)).toBeNull();
  });

  it('when every tag of a fresh week lists nobody', async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 2 });
    const failure = await weekRun(workbook, api, WEEK1, (request, answer) =>
      isTagPage(request) ? withBody(answer(), (body) => Object.assign(body.data, { usuario: [], paginator: { next_page_url: null } })) : answer(),
    ).catch((error) => error);
    expect(failure).toMatchObject({ kind: 'empty', message: expect.stringMatching(/nenhum aluno coletado/) });
    expect(workbook.readSheet(SHEET.history)).toBeNull();
  });
});

describe('product names', () => {
  it('from the second week on come from the history, without fetching the products again', async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 2 });
    const week1 = await weekRun(workbook, api, WEEK1);
    const names = new Map(week1.rows.map((row) => [row.productId, row.productName]));
    expect([...names.values()].every((name) => !/^Produto \d+$/.test(name))).toBe(true);
    const seen: HttpRequest[] = [];
    const week2 = await weekRun(workbook, api, WEEK2, undefined, { seen });
    expect(seen.filter((request) => /\/produto\/\d+$/.test(request.url))).toEqual([]);
    for (const row of week2.rows) expect(row.productName).toBe(names.get(row.productId));
  });

  it('a stored placeholder `Produto N` is no name: the product is fetched and its name used', async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 1 });
    await weekRun(workbook, api, WEEK1);
    const placeholders = historyOf(workbook).map((row, index) => (index === 0 ? row : row.map((cell, column) => (column === 6 ? `Produto ${row[5]}` : cell))));
    workbook.writeSheet(SHEET.history, { rows: placeholders });
    const seen: HttpRequest[] = [];
    const week2 = await weekRun(workbook, api, WEEK2, undefined, { seen });
    expect(seen.filter((request) => /\/produto\/\d+$/.test(request.url)).length).toBe(3);
    expect(week2.rows.every((row) => row.productName === api.simulator.school.productById(Number(row.productId))!.nome)).toBe(true);
  });
});

describe('impossible dates', () => {
  it('are missing, with a warning naming the student and the field (no API text); the warning survives a resume', async () => {
    const api = testApi(WEEK1);
    const config = loadConfig(schoolWorkbook(api.simulator.school, { cohorts: 1 }));
    const students = api.simulator.school.studentsWithTagAt(Number(config.cohorts[0].tagId), WEEK1);
    const [odd, older] = [students[0].id, students[1].id];
    const change: Change = (request, answer) =>
      isTagPage(request)
        ? withBody(answer(), (body) => {
            for (const user of body.data.usuario as { id: number; ultimo_acesso_em: string | null; criado_em: string }[]) {
              if (user.id === odd) user.ultimo_acesso_em = '0001-01-01 00:00:00';
              if (user.id === older) user.criado_em = '1899-12-30T00:00:00-03:00';
            }
          })
        : answer();
    const input = { config, target: api.target, history: HistoryIndex.fromRows([]), now: WEEK1, runId: 'r' };
    const first = new SyncJob(input);
    const stop = new Error('killed');
    let batches = 0;
    await expect(
      driveJob(first, {
        transport: transportOf(api, change),
        clock: api.clock,
        requestsPerSecond: 2,
        onBatch: () => {
          if (++batches === 5) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const resumed = new SyncJob(input, {
      checkpoint: first.checkpoint(),
      records: decodeStaging(encodeStaging(first.runId, first.stagingRecords()), first.runId),
    });
    await driveJob(resumed, { transport: transportOf(api, change), clock: api.clock, requestsPerSecond: 2 });
    const result = resumed.result();
    expect(result.rows.filter((row) => row.studentId === odd).every((row) => row.lastAccessAt === null)).toBe(true);
    expect(result.warnings).toContain(`Aluno ${odd}: o campo ultimo_acesso_em veio com uma data impossível; tratada como ausente.`);
    expect(result.warnings).toContain(`Aluno ${older}: o campo criado_em veio com uma data impossível; tratada como ausente.`);
    expect(result.warnings.join(' ')).not.toMatch(/0001|1899/);
  });
});

describe('impossible dates on many students', () => {
  it('make one warning per field, with the count and the first ids', async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 1 });
    const result = await weekRun(workbook, api, WEEK1, (request, answer) =>
      isTagPage(request)
        ? withBody(answer(), (body) =>
            (body.data.usuario as { ultimo_acesso_em: string | null }[]).forEach((user) => {
              user.ultimo_acesso_em = '0001-01-01';
            }),
          )
        : answer(),
    );
    const students = [...new Set(result.rows.map((row) => Number(row.studentId)))].sort((a, b) => a - b);
    expect(students.length).toBeGreaterThan(5);
    const warnings = result.warnings.filter((warning) => /data impossível/.test(warning));
    expect(warnings).toEqual([
      `${students.length} alunos com data impossível no campo ultimo_acesso_em (${students.slice(0, 5).join(', ')}…); tratadas como ausentes.`,
    ]);
  });
});

describe('waits', () => {
  /** Answers the third progress call with a 429 asking for `seconds`. */
  const rateLimitedOnce = (seconds: number): Change => {
    let progress = 0;
    return (request, answer) =>
      request.url.includes('progresso_por_produto') && ++progress === 3 ? envelope(429, { 'retry-after': String(seconds) }) : answer();
  };

  it('a 429 holds every request until its Retry-After, says a long one, then the run goes on', async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 1 });
    const sent: { url: string; at: number }[] = [];
    const notices: WaitNotice[] = [];
    let limitedAt = 0;
    const limited = rateLimitedOnce(40);
    const result = await weekRun(
      workbook,
      api,
      WEEK1,
      (request, answer) => {
        sent.push({ url: request.url, at: api.virtualClock.now() });
        const response = limited(request, answer);
        if (response.status === 429) limitedAt = api.virtualClock.now();
        return response;
      },
      { onWait: (notice) => notices.push(notice) },
    );
    expect(result.stats.retries).toBe(1);
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toMatch(/^A Cademi pediu para aguardar 40 s \(HTTP 429 em GET \/usuario\/progresso_por_produto/);
    // Nothing went out during the wait, whatever its URL (the batch partner of the 429 was already sent with it).
    const during = sent.filter((entry) => entry.at > limitedAt && entry.at < limitedAt + 40_000);
    expect(during).toEqual([]);
  });

  it('past the cap the run fails at once, saying how long Cademi asked for, and waits for nothing', async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 1 });
    const failure = await weekRun(workbook, api, WEEK1, rateLimitedOnce(7200)).catch((error) => error);
    expect(failure).toBeInstanceOf(SyncFailedError);
    expect(failure.kind).toBe('wait');
    expect(failure.message).toMatch(
      /^A Cademi pediu para aguardar 2 h antes da próxima chamada \(HTTP 429 em GET \/usuario\/progresso_por_produto\/\{usuario_email_id_doc\}\/\{produto_id\}\); isso passa do limite de 5 min/,
    );
    expect(failure.message).toMatch(/Rode de novo depois das 08:0\d de 14\/09\/2026/);
    expect(api.virtualClock.now() - WEEK1).toBeLessThan(60_000);
    expect(workbook.readSheet(SHEET.history)).toBeNull();
  });

  it('a storm of 429s is waited out however it falls on the requests; only an endless one fails the run', async () => {
    const storm = (length: number): Change => {
      let count = 0;
      return (request, answer) =>
        request.url.includes('progresso_por_produto') && ++count > 3 && count <= 3 + length ? envelope(429, { 'retry-after': '1' }) : answer();
    };
    const api = testApi(WEEK1);
    const survived = await weekRun(schoolWorkbook(api.simulator.school, { cohorts: 1 }), api, WEEK1, storm(15));
    expect(survived.stats.retries).toBe(15);
    const endless = testApi(WEEK1);
    await expect(weekRun(schoolWorkbook(endless.simulator.school, { cohorts: 1 }), endless, WEEK1, storm(1000))).rejects.toMatchObject({
      kind: 'retries-exhausted',
    });
  });

  it('the checkpoint remembers until when, and a resumed job sends nothing before it', async () => {
    const api = testApi(WEEK1);
    const config = loadConfig(schoolWorkbook(api.simulator.school, { cohorts: 1 }));
    const job = new SyncJob({ config, target: api.target, history: HistoryIndex.fromRows([]), now: WEEK1, runId: 'r' });
    const limited = rateLimitedOnce(3 * 3600);
    const transport = transportOf(api, limited);
    let now = api.virtualClock.now();
    while (job.pendingWait() === null) {
      const batch = job.nextRequests(2, now);
      const responses = await transport.send(batch.map((item) => item.request));
      now = api.virtualClock.now();
      batch.forEach((item, index) => {
        job.accept(item.key, responses[index], now);
      });
      api.virtualClock.advance(1000); // within the simulator's 2 requests a second
    }
    const until = job.pendingWait()!.until;
    expect(job.pendingWait()).toMatchObject({ rateLimited: true, requestedMs: 3 * 3600_000 });
    const checkpoint = decodeCheckpoint(encodeCheckpoint(job.checkpoint()));
    expect(checkpoint.notBefore).toBe(until);
    const resumed = new SyncJob(
      { config, target: api.target, history: HistoryIndex.fromRows([]), now: WEEK1, runId: 'r' },
      { checkpoint, records: decodeStaging(encodeStaging('r', job.stagingRecords()), 'r') },
    );
    expect(resumed.nextRequests(2, until - 1)).toEqual([]);
    expect(resumed.nextRetryAt()).toBe(until);
    expect(resumed.nextRequests(2, until).length).toBeGreaterThan(0);
  });
});

describe('columns people add to Histórico', () => {
  const NOTE = HISTORY_HEADERS.length;

  /** Adds `Observação` and types a note on the rows `pick` chooses; returns the notes by row key. */
  function annotate(workbook: MemoryWorkbook, pick: (row: Cell[], index: number) => boolean, reorder = false): Map<string, string> {
    const [header, ...body] = historyOf(workbook).map((row) => row.slice(0, NOTE));
    const notes = new Map<string, string>();
    const annotated = body.map((row, index) => {
      if (!pick(row, index)) return [...row, null];
      const note = `ligar para ${row[3]} (${row[5]})`;
      notes.set(`${row[0]}|${row[2]}|${row[5]}`, note);
      return [...row, note];
    });
    workbook.writeSheet(SHEET.history, { rows: [[...header, 'Observação'], ...(reorder ? annotated.reverse() : annotated)] });
    return notes;
  }

  function notesNow(workbook: MemoryWorkbook): Map<string, string> {
    const found = new Map<string, string>();
    for (const row of historyOf(workbook).slice(1))
      if (row[NOTE] !== null && row[NOTE] !== undefined && row[NOTE] !== '') found.set(`${row[0]}|${row[2]}|${row[5]}`, String(row[NOTE]));
    return found;
  }

  it('stay on their rows when a re-run rewrites the week (rows sorted by a person, the fast path)', async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 2 });
    await weekRun(workbook, api, WEEK1);
    const notes = annotate(workbook, (_row, index) => index % 7 === 0, true);
    await weekRun(workbook, api, WEEK1 + DAY);
    expect(notesNow(workbook)).toEqual(notes);
    expect(historyOf(workbook)[0][NOTE]).toBe('Observação');
  });

  it('stay on their rows when an older week is re-run (the full rewrite)', async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 2 });
    await weekRun(workbook, api, WEEK1);
    await weekRun(workbook, api, WEEK2);
    const notes = annotate(workbook, (_row, index) => index % 5 === 0);
    api.virtualClock.set(WEEK2 + DAY);
    const { job, config } = startWeekRun(workbook, { now: WEEK1 + DAY, target: api.target, runId: 'again' });
    await driveJob(job, { transport: transportOf(api), clock: api.clock, requestsPerSecond: 2 });
    commitWeek(workbook, job, config, NO_RUN_STATE, { trigger: 'teste', startedAt: WEEK1, finishedAt: WEEK1 });
    expect(notesNow(workbook)).toEqual(notes);
  });

  it('on rows the re-run no longer has make it refuse, writing nothing; on kept rows they stay and nothing lingers', async () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 1 });
    await weekRun(workbook, api, WEEK1);
    const cohorts = workbook.readSheet(SHEET.cohorts)!;
    const products = COHORT_HEADERS.indexOf('Produtos');
    const dropProduct = () =>
      workbook.writeSheet(SHEET.cohorts, {
        rows: cohorts.map((row, index) => (index === 0 ? row : row.map((cell, column) => (column === products ? '11,12' : cell)))),
      });

    const onDropped = annotate(workbook, (row, index) => index < 6 || row[5] === 13);
    const before = historyOf(workbook);
    dropProduct();
    const refused = await weekRun(workbook, api, WEEK1 + DAY).catch((error) => error);
    expect(refused).toBeInstanceOf(HistoryNotesError);
    expect(refused.message).toMatch(
      /anotações na coluna "Observação" em linhas da semana 14\/09\/2026 que esta execução não produz mais \(linha \d+: aluno \d+, produto 13/,
    );
    expect(historyOf(workbook)).toEqual(before);
    expect(onDropped.size).toBeGreaterThan(0);

    workbook.writeSheet(SHEET.cohorts, { rows: cohorts });
    const kept = annotate(workbook, (row, index) => index % 4 === 0 && row[5] !== 13);
    dropProduct();
    await weekRun(workbook, api, WEEK1 + DAY);
    expect(notesNow(workbook)).toEqual(kept);
    expect(
      historyOf(workbook)
        .slice(1)
        .every((row) => row[5] !== 13 && row.length === NOTE + 1),
    ).toBe(true);
  });
});
