// Issue 11 in Apps Script (the built bundle over the fakes): answers that must never cost a week,
// names kept from history, Cademi's long waits paused and logged, impossible dates, and notes typed
// beside `Histórico` kept on their rows.

import { HISTORY_HEADERS } from '../../src/core/history/schema';
import type { HttpRequest, HttpResponse } from '../../src/core/http';
import { SHEET } from '../../src/core/sheets';
import { API_URL, gasSchool } from '../support/apps-script-school';
import { ALERT_EMAIL, type Fault, runWeek, type FaultyGasSchool as School, withFaults } from '../support/faulty-gas-school';
import { mondayRun } from '../support/school-workbook';

const MONDAY = mondayRun('2026-09-14');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const HTML_404: HttpResponse = { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><h1>404 Not Found</h1>nginx</html>' };
const envelope = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ success: false, code: status, msg: 'resposta simulada' }),
});

const school = (cohorts = 2): School => withFaults(gasSchool(MONDAY), cohorts);

const logRows = (gas: School) => gas.env.spreadsheet.sheet(SHEET.runs).dump().slice(1);
const lastLog = (gas: School) => logRows(gas).at(-1)!;
const historyRows = (gas: School) => (gas.env.spreadsheet.gas().getSheetByName(SHEET.history) ? gas.env.spreadsheet.sheet(SHEET.history).dump() : []);
const isTagPage = (request: HttpRequest, tagId?: number) => request.url.includes(`/usuario/lista_por_tag/${tagId ?? ''}`);

describe('answers that must never cost a week', () => {
  it('a re-run whose every answer is a 404 page fails (Falhou, an alert) naming the URL, and keeps the week', () => {
    const gas = school();
    runWeek(gas);
    expect(lastLog(gas)[4]).toBe('Concluída');
    const before = historyRows(gas);
    gas.env.time.advance(30 * MINUTE);
    gas.fault = () => HTML_404;
    runWeek(gas);
    const row = lastLog(gas);
    expect(row[4]).toBe('Falhou');
    expect(String(row[12])).toMatch(new RegExp(`O endereço ${API_URL.replace(/[.]/g, '\\.')}/(usuario/lista_por_tag|produto)/\\d+ não existe`));
    expect(gas.env.mail.sent.at(-1)).toMatchObject({ to: ALERT_EMAIL });
    expect(historyRows(gas)).toEqual(before);
  });

  it("a tag answering Cademi's 404 on a re-run: Concluída, that cohort keeps its rows, the log names the tag", () => {
    const gas = school();
    runWeek(gas);
    const [first, second] = gas.school.cohorts;
    const before = historyRows(gas).filter((row) => row[1] === first.name);
    gas.env.time.advance(30 * MINUTE);
    gas.fault = (request) => (isTagPage(request, first.tagId) ? envelope(404) : undefined);
    runWeek(gas);
    expect(lastLog(gas)[4]).toBe('Concluída');
    expect(String(lastLog(gas)[12])).toMatch(new RegExp(`a tag ${first.tagId} não existe`));
    const after = historyRows(gas);
    expect(after.filter((row) => row[1] === first.name)).toEqual(before);
    expect(after.some((row) => row[1] === second.name)).toBe(true);
  });

  it('a fresh week in which every tag lists nobody fails and writes no Histórico', () => {
    const gas = school();
    gas.fault = (request, real) => {
      if (!isTagPage(request)) return undefined;
      const body = JSON.parse(real().body);
      Object.assign(body.data, { usuario: [], paginator: { next_page_url: null } });
      return { status: 200, headers: {}, body: JSON.stringify(body) };
    };
    runWeek(gas);
    expect(lastLog(gas)[4]).toBe('Falhou');
    expect(String(lastLog(gas)[12])).toMatch(/nenhum aluno coletado/);
    expect(historyRows(gas).slice(1)).toEqual([]);
    expect(gas.env.mail.sent).toHaveLength(1);
  });
});

describe('product names', () => {
  it("the second week writes Cademi's names, known from the first, without fetching the products again", () => {
    const gas = school(1);
    runWeek(gas);
    gas.env.time.set(mondayRun('2026-09-21'));
    const productCalls = () => gas.env.urlFetch.log.filter((fetch) => /\/produto\/\d+$/.test(fetch.url)).length;
    const before = productCalls();
    runWeek(gas);
    expect(lastLog(gas)[4]).toBe('Concluída');
    expect(productCalls()).toBe(before);
    const rows = historyRows(gas).slice(1);
    expect(new Set(rows.map((row) => String(row[0]))).size).toBe(2);
    expect(rows.filter((row) => /^Produto \d+$/.test(String(row[6])))).toEqual([]);
  });
});

describe('Cademi asking for a long wait', () => {
  const once = (seconds: number): Fault => {
    let fired = false;
    return (request) => {
      if (fired || !request.url.includes('/progresso_por_produto/')) return undefined;
      fired = true;
      return envelope(429, { 'retry-after': String(seconds) });
    };
  };

  it('pauses the run, logs when it resumes, sends nothing before then, and completes after', () => {
    const gas = school(1);
    gas.fault = once(3 * 3600);
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    const paused = lastLog(gas);
    expect(paused[4]).toBe('Em andamento');
    expect(String(paused[12])).toMatch(
      /^A Cademi pediu para aguardar 3 h \(HTTP 429 em GET \/usuario\/progresso_por_produto\/.*\); a coleta retoma a partir do ponto salvo às 09:0\d de 14\/09\/2026\.$/,
    );
    const fetched = gas.env.urlFetch.log.length;

    // Ticks and a click during the wait: no request, no new log row; the click says when it resumes.
    gas.env.runTriggersUntil(MONDAY + 2 * HOUR + 50 * MINUTE, gas.fns);
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    expect(gas.env.urlFetch.log.length).toBe(fetched);
    expect(logRows(gas)).toHaveLength(1);
    expect(JSON.stringify(gas.env.ui.shown.at(-1))).toMatch(/continua automaticamente às 09:0\d de 14\/09\/2026/);

    gas.env.runTriggersUntil(MONDAY + 6 * HOUR, gas.fns);
    expect(lastLog(gas)[4]).toBe('Concluída');
    expect(gas.env.urlFetch.log.filter((fetch) => fetch.at > MONDAY + 10 * MINUTE && fetch.at < MONDAY + 3 * HOUR)).toEqual([]);
  });

  it('a wait past the end of the week fails the run at once, saying so', () => {
    const gas = school(1);
    gas.fault = once(8 * 24 * 3600);
    runWeek(gas);
    expect(lastLog(gas)[4]).toBe('Falhou');
    expect(String(lastLog(gas)[12])).toMatch(/aguardar 8 dias .* passa do fim da semana 14\/09\/2026/);
    expect(historyRows(gas).slice(1)).toEqual([]);
  });
});

describe('impossible dates', () => {
  it('a last access of year 0001 is stored empty and the run log names the student and the field', () => {
    const gas = school(1);
    let studentId = 0;
    gas.fault = (request, real) => {
      if (!isTagPage(request) || request.url.includes('cursor=')) return undefined;
      const answer = real();
      const body = JSON.parse(answer.body);
      studentId = body.data.usuario[0].id;
      body.data.usuario[0].ultimo_acesso_em = '0001-01-01T00:00:00-03:00';
      return { ...answer, body: JSON.stringify(body) };
    };
    runWeek(gas);
    expect(lastLog(gas)[4]).toBe('Concluída');
    expect(String(lastLog(gas)[12])).toContain(`Aluno ${studentId}: o campo ultimo_acesso_em veio com uma data impossível; tratada como ausente.`);
    const rows = historyRows(gas).filter((row) => row[2] === studentId);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row[9] === '')).toBe(true);
  });
});

describe('a column people add to Histórico', () => {
  it('keeps its notes on their rows when a re-run rewrites the week after someone sorted the sheet', () => {
    const gas = school(1);
    runWeek(gas);
    const sheet = gas.env.spreadsheet.gas().getSheetByName(SHEET.history)!;
    const width = HISTORY_HEADERS.length;
    const rows = sheet.getLastRow();
    sheet.getRange(1, width + 1).setValue('Observação');
    const values = sheet.getRange(2, 1, rows - 1, width).getValues();
    const notes = new Map<string, string>();
    sheet.getRange(2, width + 1, rows - 1, 1).setValues(
      values.map((row, index) => {
        if (index % 6 !== 0) return [''];
        const note = `ligar: ${row[3]}`;
        notes.set(`${row[2]}|${row[5]}`, note);
        return [note];
      }),
    );
    sheet.sort(4, false); // by name, Z to A: the header stays (it is frozen)
    gas.env.time.advance(HOUR);
    runWeek(gas);
    expect(lastLog(gas)[4]).toBe('Concluída');
    const after = new Map<string, string>();
    for (const row of historyRows(gas).slice(1)) if (row[width] !== '') after.set(`${row[2]}|${row[5]}`, String(row[width]));
    expect(after).toEqual(notes);
    expect(historyRows(gas)[0][width]).toBe('Observação');
  });
});
