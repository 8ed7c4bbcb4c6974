// The Workbook contract over the SpreadsheetApp adapter, on the Apps Script fakes: a fresh spreadsheet
// (with its default "Página1" tab, as Sheets creates it) per test, reopened as a next execution.

import { JOB_NOTE_PREFIX } from '../../src/core/messages/config';
import { columnWidthsOf } from '../../src/core/workbook/column-widths';
import type { SheetContent } from '../../src/core/workbook/workbook';
import { CHART_RECORD_PREFIX } from '../../src/gas/native-charts';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { type AppsScriptEnv, createAppsScriptEnv, type RecordedSpec } from '../../testkit/fakes';
import type { FakeDataValidation } from '../../testkit/fakes/cell-rules';
import { FAKE_CHARTS } from '../../testkit/fakes/charts';
import { describeWorkbookContract, type WorkbookHarness } from './workbook.contract';

function spreadsheetHarness(): WorkbookHarness {
  const env: AppsScriptEnv = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
  // The adapter reaches SpreadsheetApp's enums and builders, and Charts, as globals.
  Object.assign(globalThis, { SpreadsheetApp: env.spreadsheetApp, Charts: FAKE_CHARTS });
  let book = new SpreadsheetWorkbook(env.spreadsheet.gas());
  /** Inspection reads the fakes without counting service calls. */
  const look = <T>(f: () => T): T => env.runtime.quietly(f);
  const sheet = (name: string) => env.spreadsheet.sheet(name);
  const notesOf = (name: string) => {
    const fake = sheet(name);
    const all = new Map<string, string>();
    const grid = look(() => fake.gas().getRange(1, 1, fake.maxRows, fake.maxColumns).getNotes());
    for (const [r, row] of grid.entries()) for (const [c, text] of row.entries()) if (text !== '') all.set(`${r}:${c}`, text);
    return all;
  };
  return {
    get book() {
      return book;
    },
    // A next execution opens the spreadsheet anew (the adapter reads identities once per execution).
    reopen: async () => {
      book = new SpreadsheetWorkbook(env.spreadsheet.gas());
    },
    serviceCalls: () => Object.values(env.calls()).reduce((total, count) => total + count, 0),
    inspect: {
      numberFormat: (name, row, column) => {
        const format = sheet(name).attr('numberFormat').get(row, column) as string | null;
        return format && format !== 'General' ? format : null;
      },
      jobNotes: (name) =>
        new Map([...notesOf(name)].filter(([, text]) => text.startsWith(JOB_NOTE_PREFIX)).map(([at, text]) => [at, text.slice(JOB_NOTE_PREFIX.length)])),
      highlighted: (name, row, column) => ![null, '#ffffff'].includes(sheet(name).attr('background').get(row, column) as string | null),
      hidden: (name) => sheet(name).hidden,
      frozen: (name) => ({ rows: sheet(name).frozenRows, columns: sheet(name).frozenColumns }),
      tabColor: (name) => sheet(name).tabColor,
      filterRows: (name) => sheet(name).filter?.range.numRows ?? null,
      conditionalRuleCount: (name) => sheet(name).conditionalFormatRules.length,
      muted: (name, row) => sheet(name).attr('fontColor').get(row, 0) === '#9e9e9e',
      filterFirstRow: (name) => (sheet(name).filter ? sheet(name).filter!.range.row - 1 : null),
      conditionalRuleFirstRows: (name) =>
        sheet(name).conditionalFormatRules.map((rule) => ((rule as unknown as RecordedSpec).ranges[0] as { row: number }).row - 1),
      bold: (name, row, column) => sheet(name).attr('fontWeight').get(row, column) === 'bold',
      columnWidths: (name, columns) => Array.from({ length: columns }, (_, column) => sheet(name).columnWidths.get(column + 1) ?? null),
      hiddenColumns: (name) => [...sheet(name).hiddenColumns].map((column) => column - 1).sort((a, b) => a - b),
      wrapped: (name, row, column) => sheet(name).attr('wrap').get(row, column) === true,
      validation: (name, row, column) => {
        const rule = sheet(name).attr('validation').get(row, column) as FakeDataValidation | null;
        if (!rule) return null;
        const { criteria, values, helpText, allowInvalid } = rule.state;
        if (criteria === 'DATE_IS_VALID_DATE') return { kind: 'date', helpText: helpText ?? '', rejects: !allowInvalid };
        if (criteria === 'VALUE_IN_LIST') return { kind: 'list', values: values[0] as string[], helpText: helpText ?? '', rejects: !allowInvalid };
        throw new Error(`unexpected rule ${criteria}`);
      },
      link: (name, row, column) => sheet(name).linkAt(row, column),
      cellStyle: (name, row, column) => {
        const attr = (key: string) => sheet(name).attr(key).get(row, column) as string | number | null;
        const orNull = <T>(value: T, ...defaults: unknown[]) => (value === null || defaults.includes(value) ? null : value);
        return {
          bold: attr('fontWeight') === 'bold',
          background: orNull(attr('background') as string | null, '#ffffff'),
          fontColor: orNull(attr('fontColor') as string | null, '#000000'),
          // Sheets' default size is 10 points.
          fontSize: orNull(attr('fontSize') as number | null, 10),
        };
      },
      activeSheet: () => env.spreadsheet.active.name,
      protections: (name) =>
        sheet(name)
          .protections.filter((protection) => protection.type === 'SHEET')
          .map((protection) => ({ warningOnly: protection.warningOnly, description: protection.description })),
      charts: (name) =>
        look(() => {
          const fake = sheet(name);
          return fake.metadata
            .filter((entry) => entry.key.startsWith(CHART_RECORD_PREFIX))
            .map((entry) => {
              const placed = fake.charts.find((candidate) => String(candidate.state.chartId) === entry.value);
              return { id: entry.key.slice(CHART_RECORD_PREFIX.length), title: String(placed?.state.options.title), native: entry.value };
            });
        }),
    },
    person: {
      renames: async (from, to) => {
        look(() => sheet(from).setName(to));
        book = new SpreadsheetWorkbook(env.spreadsheet.gas());
      },
      deletes: async (name) => {
        look(() => env.spreadsheet.gas().deleteSheet(sheet(name).gas()));
        book = new SpreadsheetWorkbook(env.spreadsheet.gas());
      },
      addsNote: (name, row, column, text) =>
        look(() =>
          sheet(name)
            .gas()
            .getRange(row + 1, column + 1)
            .setNote(text),
        ),
      notes: (name) => new Map([...notesOf(name)].filter(([, text]) => !text.startsWith(JOB_NOTE_PREFIX))),
    },
  };
}

describeWorkbookContract('SpreadsheetWorkbook', spreadsheetHarness, {
  cellTextRule: true,
  charts: 'native',
  columnWidths: 'applied',
  protection: 'warning',
  // Range.clear() keeps notes, so the job's notes stay on their cells until setNotes replaces them.
  notesOnRewrite: 'kept',
  personNotes: true,
  noteHighlight: true,
  // A tab a person hid, or columns they froze, stay as they left them when the job rewrites the sheet.
  unsetKeepsLayout: true,
  // Sheets' limit, as the fake enforces it.
  maxSheetName: 100,
});

describe('SpreadsheetWorkbook sheets people read, in service calls', () => {
  function fresh() {
    const env = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
    Object.assign(globalThis, { SpreadsheetApp: env.spreadsheetApp, Charts: FAKE_CHARTS });
    return { env, book: new SpreadsheetWorkbook(env.spreadsheet.gas()) };
  }
  /** A contacts-like sheet of `students` rows under a title and a tutor's band. */
  const contacts = (students: number): SheetContent => ({
    rows: [
      ['Contatos da semana de 14/09/2026'],
      ['Aluno', 'Motivo', 'Celular', 'Contato em', 'Resultado', 'ID'],
      ['Tutora: Ana Souza'],
      ...Array.from({ length: students }, (_, i) => [`Aluno ${i}`, '10 dias sem acesso', `(11) 9${String(i).padStart(4, '0')}-0000`, null, null, i]),
    ],
    headerRow: 1,
    frozenRows: 2,
    columnFormats: [undefined, undefined, undefined, 'dd/mm/yyyy', undefined, '0'],
    wrappedColumns: [1],
    hiddenColumns: [5],
    validations: [
      { kind: 'date', column: 3, helpText: 'Data' },
      { kind: 'list', column: 4, values: ['Atendeu', 'Não atendeu'], helpText: 'Lista' },
    ],
    links: Array.from({ length: students }, (_, i) => ({ row: 3 + i, column: 2, url: `https://wa.me/55119${i}` })),
    rowStyles: [
      { row: 0, bold: true, fontSize: 14 },
      { row: 2, bold: true, background: '#e8f0fe' },
    ],
    mutedRows: [3],
  });
  const cost = (students: number, rewrite: boolean) => {
    const { env, book } = fresh();
    if (rewrite) book.writeSheet('Contatos', contacts(3));
    env.runtime.resetCalls();
    book.writeSheet('Contatos', contacts(students));
    return env.calls('Range');
  };

  it('each feature is one batched call however many rows (links: one per run of linked cells)', () => {
    for (const rewrite of [false, true]) expect(cost(400, rewrite)).toEqual(cost(4, rewrite));
    expect(cost(400, true)).toMatchObject({
      'Range.setRichTextValues': 1,
      'Range.setDataValidation': 2,
      'Range.clearDataValidations': 1,
      'Range.setWrapStrategy': 1,
      'Range.setFontWeights': 1,
      'Range.setFontSizes': 1,
      'Range.setBackgrounds': 1,
      'Range.setFontColors': 1,
      'Range.setValues': 1,
    });
  });

  it('sets the widths with one setColumnWidths call per run of equal widths', () => {
    const { env, book } = fresh();
    const content: SheetContent = {
      rows: [
        ['Semana 1', 'Semana 2', 'Semana 3', 'Aluno'],
        [1.5, 2.5, 3.5, 'Ana Luíza Conceição'],
      ],
      columnFormats: ['0.0', '0.0', '0.0'],
    };
    book.writeSheet('S', content);
    expect(env.calls('Sheet.setColumnWidths')).toEqual({ 'Sheet.setColumnWidths': 2 });
    expect([1, 2, 3, 4].map((column) => env.spreadsheet.sheet('S').columnWidths.get(column))).toEqual(columnWidthsOf(content));
  });

  it('arrangeSheets moves only the sheets not yet in place (2 calls each), then activates the first', () => {
    const { env, book } = fresh();
    for (const name of ['Resumo', 'Contatos', 'Turma A', 'Execuções']) book.writeSheet(name, { rows: [[name]] });
    env.runtime.resetCalls();
    book.arrangeSheets(['Resumo', 'Contatos', 'Turma A', 'Execuções']);
    // Página1, the spreadsheet's first tab, is the only one out of place: the four move in front of it.
    expect(env.calls('Spreadsheet.moveActiveSheet')).toEqual({ 'Spreadsheet.moveActiveSheet': 4 });
    env.runtime.resetCalls();
    book.arrangeSheets(['Resumo', 'Contatos', 'Turma A', 'Execuções']);
    expect(env.calls('Spreadsheet.moveActiveSheet')).toEqual({});
    expect(env.calls('Spreadsheet.setActiveSheet')).toEqual({ 'Spreadsheet.setActiveSheet': 1 });
    expect(env.spreadsheet.active.name).toBe('Resumo');
  });

  it('writes a linked cell as rich text over the value already written, leaving the cells beside it alone', () => {
    const { env, book } = fresh();
    book.writeSheet('S', {
      rows: [
        ['Celular', 'Nota'],
        ['+55 11 99999-0000', 7],
        ['11,12', 8],
      ],
      links: [{ row: 1, column: 0, url: 'https://wa.me/5511999990000' }],
    });
    const sheet = env.spreadsheet.sheet('S');
    expect(sheet.dump()).toEqual([
      ['Celular', 'Nota'],
      ['+55 11 99999-0000', 7],
      ['11,12', 8],
    ]);
    expect([sheet.linkAt(1, 0), sheet.linkAt(2, 0), sheet.linkAt(1, 1)]).toEqual(['https://wa.me/5511999990000', null, null]);
  });
});
