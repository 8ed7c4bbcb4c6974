// `Contatos da semana` in the .xlsx the CLI writes, read back with exceljs as Excel or LibreOffice
// would: the title, one band per tutor (named as `Turmas` gives it), the reason and the numbers it
// refers to, the phone with its WhatsApp link, the typed columns' validations, the hidden keys, the
// formats; what a tutor types survives the next sync; `Histórico` keeps the phone as its last column.

import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { HISTORY_HEADERS } from '../../src/core/history/schema';
import { CONTACT_RESULTS, contactColumns } from '../../src/core/report/contacts';
import { SHEET } from '../../src/core/sheets';
import { createSchool } from '../../src/simulator';
import { AUGUST_COHORT, cli, initWorkbook, JULY_COHORT, syncWeeks, useTempDir } from './support/cli-harness';

const COLUMNS = contactColumns(true);
const column = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name) + 1;
/** The embedded simulator's school (the CLI's default one), to check phones against. */
const SCHOOL = createSchool();

async function open(file: string): Promise<{ book: ExcelJS.Workbook; contacts: ExcelJS.Worksheet }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const contacts = book.getWorksheet('Contatos da semana');
  if (!contacts) throw new Error('no Contatos da semana');
  return { book, contacts };
}

/** The sheet's rows below the header, as exceljs reads them (1-based row numbers). */
function bodyRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let number = 3; number <= sheet.rowCount; number++) rows.push(sheet.getRow(number));
  return rows;
}

const isBand = (row: ExcelJS.Row) => row.getCell(column('Aluno ID')).value === null && typeof row.getCell(1).value === 'string';

describe('Contatos da semana in the .xlsx', () => {
  const dir = useTempDir('cademi-contacts-', 'all');
  const file = () => join(dir(), 'escola.xlsx');

  beforeAll(async () => {
    await initWorkbook(file(), [...JULY_COHORT, '--tutor', 'Ana Souza <ana@escola.com.br>'], [...AUGUST_COHORT, '--tutor', 'bruno@escola.com.br']);
    await syncWeeks(file(), '2026-09-14');
  }, 120_000);

  it('titles the week and the update, freezes title and header, and opens a band per tutor, named from Turmas', async () => {
    const { contacts } = await open(file());
    expect(String(contacts.getCell('A1').value)).toMatch(/^Contatos da semana de 14\/09\/2026 · atualizado em 14\/09\/2026 \d\d:\d\d$/);
    expect(contacts.getCell('A1').font?.bold).toBe(true);
    expect(COLUMNS.map((_, index) => contacts.getRow(2).getCell(index + 1).value)).toEqual(COLUMNS);
    expect(contacts.getRow(2).getCell(1).font?.bold).toBe(true);
    expect(contacts.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const bands = bodyRows(contacts).filter(isBand);
    expect(bands.map((row) => String(row.getCell(1).value))).toEqual([
      expect.stringMatching(/^(Ana Souza · ana@escola\.com\.br|bruno@escola\.com\.br) · \d+ alunos?$/),
      expect.stringMatching(/^(Ana Souza · ana@escola\.com\.br|bruno@escola\.com\.br) · \d+ alunos?$/),
    ]);
    expect(new Set(bands.map((row) => String(row.getCell(1).value).split(' · ')[0]))).toEqual(new Set(['Ana Souza', 'bruno@escola.com.br']));
    for (const band of bands) {
      expect(band.getCell(1).font?.bold).toBe(true);
      expect(band.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
    // A band's count is the number of students under it.
    const rows = bodyRows(contacts);
    for (const band of bands) {
      const start = rows.indexOf(band) + 1;
      const next = rows.findIndex((row, index) => index >= start && isBand(row));
      const count = Number(/(\d+) alunos?$/.exec(String(band.getCell(1).value))?.[1]);
      expect((next < 0 ? rows.length : next) - start).toBe(count);
    }
  });

  it('gives each student a reason, the numbers it refers to, the phone from Cademi and a WhatsApp link built from its digits', async () => {
    const { contacts } = await open(file());
    const students = bodyRows(contacts).filter((row) => !isBand(row));
    expect(students.length).toBeGreaterThan(3);
    let linked = 0;
    for (const row of students) {
      const id = Number(row.getCell(column('Aluno ID')).value);
      const reason = String(row.getCell(column('Motivo')).value ?? '');
      expect(['Em risco', 'Atrasado']).toContain(row.getCell(column('Situação')).value);
      expect(reason).not.toBe('');
      const days = row.getCell(column('Dias sem acesso')).value;
      for (const [, shown] of reason.matchAll(/(\d+) dias? sem acesso/g)) expect(Number(shown)).toBe(days);
      const progress = Number(row.getCell(column('Progresso (%)')).value);
      const expected = Number(row.getCell(column('Esperado (%)')).value);
      for (const [, points] of reason.matchAll(/([\d,]+) pontos? abaixo do esperado/g)) {
        expect(Number(points.replace(',', '.'))).toBeCloseTo(expected - progress, 5);
      }
      const phone = SCHOOL.studentById(id)?.celular ?? null;
      const cell = row.getCell(column('WhatsApp'));
      if (phone === null) {
        expect(row.getCell(column('Celular')).value).toBeNull();
        expect(cell.value).toBeNull();
        continue;
      }
      expect(row.getCell(column('Celular')).value).toBe(phone);
      expect(cell.value).toEqual({ text: 'Abrir WhatsApp', hyperlink: `https://wa.me/${phone.replace(/\D/g, '')}` });
      expect((cell.value as ExcelJS.CellHyperlinkValue).hyperlink).toMatch(/^https:\/\/wa\.me\/55\d{10,11}$/);
      linked++;
    }
    expect(linked).toBeGreaterThan(0);
  });

  it('validates Contato em as a date and Resultado as the list, hides the keys, wraps Motivo and formats the numbers', async () => {
    const { contacts } = await open(file());
    const first = bodyRows(contacts).find((row) => !isBand(row))!;
    expect(first.getCell(column('Contato em')).dataValidation).toMatchObject({ type: 'date', showErrorMessage: true });
    const list = first.getCell(column('Resultado')).dataValidation;
    expect(list).toMatchObject({ type: 'list', showErrorMessage: true });
    expect(String(list.formulae?.[0])).toBe(`"${CONTACT_RESULTS.join(',')}"`);
    expect(contacts.getColumn(column('Semana')).hidden).toBe(true);
    expect(contacts.getColumn(column('Aluno ID')).hidden).toBe(true);
    expect(contacts.getColumn(column('Aluno')).hidden).toBe(false);
    expect(first.getCell(column('Motivo')).alignment?.wrapText).toBe(true);
    expect(first.getCell(column('Contato em')).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(column('Progresso (%)')).numFmt).toBe('#,##0.0');
    expect(first.getCell(column('Dias sem acesso')).numFmt).toBe('#,##0');
    expect(first.getCell(column('Semana')).value).toBeInstanceOf(Date);
    for (const name of ['Aluno', 'Motivo', 'E-mail', 'Celular'] as const) expect(contacts.getColumn(column(name)).width).toBeGreaterThan(9);
  });

  it('stores the phone as the last column of Histórico, as text', async () => {
    const { book } = await open(file());
    const history = book.getWorksheet(SHEET.history)!;
    expect(HISTORY_HEADERS.map((_, index) => history.getRow(1).getCell(index + 1).value)).toEqual([...HISTORY_HEADERS]);
    const phones = [];
    for (let number = 2; number <= history.rowCount; number++) {
      const value = history.getRow(number).getCell(HISTORY_HEADERS.length).value;
      if (value !== null) phones.push(value);
    }
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.every((value) => typeof value === 'string')).toBe(true);
  });

  it('keeps what a tutor typed across the re-run of the week, and below the next week’s list under its own band', async () => {
    const { book, contacts } = await open(file());
    const typed = bodyRows(contacts).find((row) => !isBand(row))!;
    const id = typed.getCell(column('Aluno ID')).value;
    typed.getCell(column('Contato em')).value = new Date(Date.UTC(2026, 8, 15));
    typed.getCell(column('Resultado')).value = 'Deixou recado';
    await book.xlsx.writeFile(file());

    expect((await cli(['sync', file(), '--date', '2026-09-14'])).code).toBe(0);
    const again = (await open(file())).contacts;
    const same = bodyRows(again).find((row) => row.getCell(column('Aluno ID')).value === id && !isBand(row))!;
    expect(same.getCell(column('Resultado')).value).toBe('Deixou recado');
    expect(same.getCell(column('Contato em')).value).toEqual(new Date(Date.UTC(2026, 8, 15)));

    await syncWeeks(file(), '2026-09-21');
    const next = (await open(file())).contacts;
    expect(String(next.getCell('A1').value)).toMatch(/^Contatos da semana de 21\/09\/2026 · /);
    const rows = bodyRows(next);
    const notes = rows.findIndex((row) => row.getCell(1).value === 'Anotações da semana de 14/09/2026');
    expect(notes).toBeGreaterThan(0);
    const kept = rows.slice(notes + 1).find((row) => row.getCell(column('Aluno ID')).value === id)!;
    expect(kept.getCell(column('Resultado')).value).toBe('Deixou recado');
  }, 120_000);
});
