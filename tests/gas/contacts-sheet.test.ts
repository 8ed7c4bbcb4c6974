// `Contatos da semana` as the built bundle writes it in Sheets (the fakes' state, as Sheets would
// hold it): the title, one band per tutor named from `Turmas`, the phone with its WhatsApp link, the
// typed columns' validations, the hidden keys, widths and formats; what a tutor types survives a
// re-run; `Mostrar celular = Não` takes the phone out of the sheet and out of the tutors' e-mails.

import { CONTACT_RESULTS, contactColumns } from '../../src/core/report/contacts';
import { SHEET } from '../../src/core/sheets';
import type { FakeDataValidation } from '../../testkit/fakes/cell-rules';
import { configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';

const MONDAY = mondayRun('2026-09-14');
const CONTACTS = 'Contatos da semana';

/** "Atualizar agora", then ticks until the week is written. */
function runWeek(gas: GasSchool): void {
  const { env, fns } = gas;
  env.execute(() => fns.atualizarAgora(), { context: 'ui' });
  for (const run of env.runTriggersUntil(env.time.now() + 3 * 60 * 60_000, fns)) expect(run.error).toBeUndefined();
}

function setSetting(gas: GasSchool, key: string, value: string): void {
  gas.env.runtime.quietly(() => {
    const settings = gas.env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
    const keys = settings
      .getRange(1, 1, settings.getLastRow(), 1)
      .getValues()
      .map((row) => row[0]);
    settings.getRange(keys.indexOf(key) + 1, 2).setValue(value);
  });
}

describe('Contatos da semana in Sheets', () => {
  const COLUMNS = contactColumns(true);
  const at = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name);
  let gas: GasSchool;

  beforeAll(() => {
    gas = gasSchool(MONDAY);
    configure(gas, { cohorts: 2, tutors: ['Ana Souza <ana@escola.com.br>', 'bruno@escola.com.br'], emailTutors: true });
    runWeek(gas);
  });

  const sheet = () => gas.env.spreadsheet.sheet(CONTACTS);
  const values = () => sheet().dump();
  /** 0-based rows below the header that hold a student (bands hold only their text). */
  const studentRows = () =>
    values()
      .map((row, index) => ({ row, index }))
      .filter(({ row, index }) => index > 1 && typeof row[at('Aluno ID')] === 'number');

  it('titles the week, freezes title and header, and opens one styled band per tutor, named from Turmas', () => {
    const rows = values();
    expect(String(rows[0]?.[0])).toMatch(/^Contatos da semana de 14\/09\/2026 · atualizado em 14\/09\/2026 \d\d:\d\d$/);
    expect(rows[1]).toEqual(COLUMNS);
    expect(sheet().frozenRows).toBe(2);
    expect(sheet().attr('fontWeight').get(1, 0)).toBe('bold');
    const bands = rows.map((row, index) => ({ row, index })).filter(({ row, index }) => index > 1 && row[at('Aluno ID')] === '');
    expect(new Set(bands.map(({ row }) => String(row[0]).replace(/ · \d+ alunos?$/, '')))).toEqual(
      new Set(['Ana Souza · ana@escola.com.br', 'bruno@escola.com.br']),
    );
    for (const { index } of bands) {
      expect(sheet().attr('fontWeight').get(index, 0)).toBe('bold');
      expect(sheet().attr('background').get(index, 0)).toBe('#e8f0fe');
    }
  });

  it('links each phone to WhatsApp by its digits; a student without a phone gets no link', () => {
    let linked = 0;
    for (const { row, index } of studentRows()) {
      const phone = gas.school.studentById(Number(row[at('Aluno ID')]))?.celular ?? null;
      expect(row[at('Celular')]).toBe(phone ?? '');
      const link = sheet().linkAt(index, at('WhatsApp'));
      if (phone === null) {
        expect(link).toBeNull();
        expect(row[at('WhatsApp')]).toBe('');
      } else {
        expect(row[at('WhatsApp')]).toBe('Abrir WhatsApp');
        expect(link).toBe(`https://wa.me/${phone.replace(/\D/g, '')}`);
        linked++;
      }
    }
    expect(linked).toBeGreaterThan(0);
  });

  it('validates the typed columns, hides the keys, wraps Motivo, sets every width and the formats', () => {
    const [{ index }] = studentRows();
    const rule = (column: number) => (sheet().attr('validation').get(index, column) as FakeDataValidation | null)?.state;
    expect(rule(at('Contato em'))).toMatchObject({ criteria: 'DATE_IS_VALID_DATE', allowInvalid: false, helpText: 'Digite a data do contato (dd/mm/aaaa).' });
    expect(rule(at('Resultado'))).toMatchObject({ criteria: 'VALUE_IN_LIST', allowInvalid: false, values: [[...CONTACT_RESULTS], true] });
    expect(rule(at('Aluno'))).toBeUndefined();
    expect([...sheet().hiddenColumns].sort((a, b) => a - b)).toEqual([at('Semana') + 1, at('Aluno ID') + 1]);
    expect(sheet().attr('wrap').get(index, at('Motivo'))).toBe(true);
    expect(sheet().columnWidths.get(at('Motivo') + 1)).toBe(300);
    for (let column = 1; column <= COLUMNS.length; column++) expect(sheet().columnWidths.get(column)).toBeGreaterThanOrEqual(56);
    expect(sheet().attr('numberFormat').get(index, at('Contato em'))).toBe('dd/mm/yyyy');
    expect(sheet().attr('numberFormat').get(index, at('Progresso (%)'))).toBe('#,##0.0');
    expect(sheet().attr('numberFormat').get(index, at('Celular'))).toBe('@');
  });

  it('e-mails each tutor their students with the reason and the phone', () => {
    const ana = gas.env.mail.sent.find((mail) => mail.to === 'ana@escola.com.br');
    expect(ana).toBeDefined();
    const withPhone = studentRows().find(
      ({ row }) => row[at('Celular')] !== '' && gas.env.mail.sent.some((mail) => mail.body.includes(String(row[at('Aluno')]))),
    );
    expect(withPhone).toBeDefined();
    const mail = gas.env.mail.sent.find((sent) => sent.body.includes(String(withPhone!.row[at('Aluno')])))!;
    expect(mail.body).toContain(`${withPhone!.row[at('Situação')]}, ${withPhone!.row[at('Motivo')]}; celular ${withPhone!.row[at('Celular')]}`);
    const phone = String(withPhone!.row[at('Celular')]);
    expect(String(mail.options.htmlBody)).toContain(`<a href="https://wa.me/${phone.replace(/\D/g, '')}">${phone}</a> (WhatsApp)`);
  });

  it('keeps what a tutor typed when the week is run again', () => {
    const [{ row, index }] = studentRows();
    gas.env.runtime.quietly(() =>
      sheet()
        .gas()
        .getRange(index + 1, at('Resultado') + 1)
        .setValue('Retomou os estudos'),
    );
    const title = values()[0]?.[0];
    gas.env.time.set(gas.env.time.now() + 60 * 60_000);
    runWeek(gas);
    // The sheet was rebuilt (collected again, an hour later), and the typed value came along.
    expect(values()[0]?.[0]).not.toBe(title);
    const again = studentRows().find((entry) => entry.row[at('Aluno ID')] === row[at('Aluno ID')]);
    expect(again?.row[at('Resultado')]).toBe('Retomou os estudos');
  });

  it('leaves the phone out of the sheet and the e-mails with Mostrar celular = Não', () => {
    setSetting(gas, 'Mostrar celular', 'Não');
    const sentBefore = gas.env.mail.sent.length;
    runWeek(gas);
    const columns = contactColumns(false);
    expect(values()[1]).toEqual(columns);
    expect(JSON.stringify(values())).not.toMatch(/wa\.me|Abrir WhatsApp/);
    for (let row = 0; row < values().length; row++) for (let column = 0; column < COLUMNS.length; column++) expect(sheet().linkAt(row, column)).toBeNull();
    const mails = gas.env.mail.sent.slice(sentBefore);
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(`${mail.body}${String(mail.options.htmlBody ?? '')}`).not.toMatch(/celular|wa\.me/);
    // What was typed is still there, under the layout without the phone.
    expect(values().some((row) => row[columns.indexOf('Resultado')] === 'Retomou os estudos')).toBe(true);
  });
});
