// Issue 13, parts 2, 9 and 10 in the CLI: every date option takes dd/mm/aaaa (ISO still accepted)
// through one parser, every date the CLI prints is dd/mm/aaaa, `sync` and `demo` end with the files
// they wrote and "N alunos para contatar", a demo asked to start before the first cohort starts
// with it, and `Execuções` in the .xlsx keeps a cohort not started yet in `Avisos`, not `Erros`.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadConfig } from '../../src/core/config/load-config';
import { buildWeeklyContacts } from '../../src/core/report/contacts';
import { readHistoryRows } from '../../src/core/report/report-sheets';
import { RUN_LOG_HEADERS } from '../../src/core/runlog/run-log';
import { SHEET } from '../../src/core/sheets';
import { serialOfLocalDate } from '../../src/core/time/local-date';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { cli, initWorkbook, readHistory, useTempDir } from './support/cli-harness';

/** An ISO date anywhere in what a person reads. */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const JULY = ['--name', 'Turma Julho', '--tag', '101', '--start', '06/07/2026', '--products', '11,12,13'];
const AUGUST = ['--name', 'Turma Agosto', '--tag', '102', '--start', '2026-08-03', '--products', '11,12,13'];
/** Starts after every date synced here: a cohort not started yet. */
const LATER = ['--name', 'Turma Dezembro', '--tag', '106', '--start', '07/12/2026', '--products', '11'];

const lines = (text: string) => text.trimEnd().split('\n');

describe('dates in and out, the run summary, Execuções', () => {
  const dir = useTempDir('cademi-dates-', 'all');
  let file: string;
  beforeAll(async () => {
    file = await initWorkbook(join(dir(), 'escola.xlsx'), JULY, AUGUST);
  });

  it('cohort add takes --start as dd/mm/aaaa or ISO, stores a date cell, and lists it as dd/mm/aaaa', async () => {
    const added = await cli(['cohort', 'add', file, ...LATER]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Turma "Turma Dezembro" adicionada \(tag 106, início 07\/12\/2026, produtos 11\)\.\n/);
    const starts = (await XlsxWorkbook.load(file))
      .readSheet(SHEET.cohorts)!
      .slice(1)
      .map((row) => row[2]);
    expect(starts).toEqual([serialOfLocalDate('2026-07-06'), serialOfLocalDate('2026-08-03'), serialOfLocalDate('2026-12-07')]);
    const list = await cli(['cohort', 'list', file]);
    expect(lines(list.stdout).map((line) => line.split('\t')[2])).toEqual(['início 06/07/2026', 'início 03/08/2026', 'início 07/12/2026']);
    expect(`${added.stdout}${list.stdout}`).not.toMatch(ISO_DATE);
  });

  it('sync --date 21/09/2026 is the same week as --date 2026-09-21; the summary ends with the files and the students to contact', async () => {
    const iso = await cli(['sync', file, '--date', '2026-09-21']);
    expect(iso.code).toBe(0);
    const afterIso = await readHistory(file);
    const run = await cli(['sync', file, '--date', '21/09/2026']);
    expect(run.code).toBe(0);
    const history = await readHistory(file);
    expect(history).toHaveLength(afterIso.length);
    expect(new Set(history.slice(1).map((row) => row[0]))).toEqual(new Set([serialOfLocalDate('2026-09-21')]));

    const said = lines(run.stdout);
    expect(said.at(-3)).toMatch(
      /^Semana 21\/09\/2026: 2 turmas, \d+ alunos, [\d.]+ linhas; [\d.]+ chamadas?, [\d.]+ (valor mantido|valores mantidos) sem chamada \(Origem = Mantido\); /,
    );
    expect(said.at(-2)).toBe(`Gravado: ${file}, a prévia ${join(dir(), 'escola.html')}.`);
    expect(existsSync(join(dir(), 'escola.html'))).toBe(true);
    const workbook = await XlsxWorkbook.load(file);
    const config = loadConfig(workbook);
    const listed = buildWeeklyContacts(readHistoryRows(workbook.readSheet(SHEET.history), config.settings.timeZone), config, null).entries.length;
    expect(listed).toBeGreaterThan(1);
    expect(said.at(-1)).toBe(`${listed} alunos para contatar nesta semana (aba Contatos da semana).`);
    // The cohort that starts in December is a warning on stderr, its date as people read it.
    expect(run.stderr).toMatch(/aviso: Turma "Turma Dezembro" começa em 07\/12\/2026; ignorada nesta semana\./);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(ISO_DATE);
  });

  it('Execuções: the cohort not started yet is an Aviso, Erros stays 0, the times are date-time cells', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet(SHEET.runs)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...RUN_LOG_HEADERS]);
    const at = (name: (typeof RUN_LOG_HEADERS)[number]) => sheet.getRow(sheet.rowCount).getCell(RUN_LOG_HEADERS.indexOf(name) + 1);
    expect(at('Situação').value).toBe('Concluída');
    expect(at('Erros').value).toBe(0);
    expect(at('Avisos').value).toBe(1);
    expect(at('Início').type).toBe(ExcelJS.ValueType.Date);
    expect(at('Início').numFmt).toMatch(/h/);
    expect(at('Semana').type).toBe(ExcelJS.ValueType.Date);
  });

  it('student move --from-week and dropout --date take dd/mm/aaaa, and say the date that way', async () => {
    const history = await readHistory(file);
    const [mover, leaver] = [
      ...new Set(
        history
          .slice(1)
          .filter((row) => row[1] === 'Turma Julho')
          .map((row) => Number(row[2])),
      ),
    ];
    const moved = await cli(['student', 'move', file, String(mover), '--to', 'Turma Agosto', '--from-week', '28/09/2026']);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/Turma Julho → Turma Agosto a partir de 28\/09\/2026\.\n$/);
    const dropped = await cli(['student', 'dropout', file, String(leaver), '--date', '2/10/2026']);
    expect(dropped.code).toBe(0);
    expect(dropped.stdout).toMatch(/desistência em 02\/10\/2026\.\n$/);
    const dates = (await XlsxWorkbook.load(file))
      .readSheet(SHEET.adjustments)!
      .slice(1)
      .map((row) => row[0]);
    expect(dates).toEqual([serialOfLocalDate('2026-09-28'), serialOfLocalDate('2026-10-02')]);
  });
});

describe('demo', () => {
  const dir = useTempDir('cademi-demo-dates-');

  it('--first-week before the first cohort starts: the demo starts with it and says so; the end names the files and the students to contact', async () => {
    const out = join(dir(), 'demo.xlsx');
    const run = await cli(['demo', '--out', out, '--weeks', '1', '--students', '30', '--first-week', '01/06/2026']);
    expect(run.code).toBe(0);
    const said = lines(run.stdout);
    expect(said[0]).toBe('A semana pedida (01/06/2026) é anterior ao início da primeira turma simulada (06/07/2026); a demonstração começa em 06/07/2026.');
    expect(said[1]).toBe('Demonstração: simulador Cademi embutido, 5 turmas, 1 semana a partir de 06/07/2026.');
    expect(said.at(-2)).toBe(`Gravado: ${out}, a prévia ${join(dir(), 'demo.html')}.`);
    expect(said.at(-1)).toMatch(/^(Nenhum aluno|1 aluno|\d+ alunos) para contatar nesta semana \(aba Contatos da semana\)\.$/);
    expect(new Set((await readHistory(out)).slice(1).map((row) => row[0]))).toEqual(new Set([serialOfLocalDate('2026-07-06')]));
    expect(run.stdout).not.toMatch(ISO_DATE);
  });

  it('--first-week takes dd/mm/aaaa: the week of that date, said as dd/mm/aaaa', async () => {
    const out = join(dir(), 'demo.xlsx');
    const run = await cli(['demo', '--out', out, '--weeks', '1', '--students', '30', '--first-week', '23/09/2026']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toBe('Demonstração: simulador Cademi embutido, 5 turmas, 1 semana a partir de 21/09/2026.');
    expect(new Set((await readHistory(out)).slice(1).map((row) => row[0]))).toEqual(new Set([serialOfLocalDate('2026-09-21')]));
  });
});
