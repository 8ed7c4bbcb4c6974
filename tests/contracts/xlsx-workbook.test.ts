// The Workbook contract over the .xlsx workbook (exceljs): every behaviour that must survive a file is
// checked again after a save to disk and a load, and a person's edits are made to the file as Excel
// or LibreOffice would save them.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { JOB_NOTE_PREFIX } from '../../src/core/messages/config';
import { VALIDATION_SPARE_ROWS } from '../../src/core/workbook/sheet-specs';
import type { Cell } from '../../src/core/workbook/workbook';
import { type ChartRenderer, MAX_WRAPPED_LINES, wrappedLineCount, XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { describeWorkbookContract, type WorkbookHarness } from './workbook.contract';

const TEMP = mkdtempSync(join(tmpdir(), 'cademi-xlsx-contract-'));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));
let files = 0;

const noteText = (note: ExcelJS.Cell['note']) => (typeof note === 'string' ? note : (note?.texts?.map((run) => run.text).join('') ?? ''));

/** Every note on a sheet, `row:column` (0-based) → its text; empty cells included. */
function allNotes(sheet: ExcelJS.Worksheet): Map<string, string> {
  const notes = new Map<string, string>();
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      const text = noteText(cell.note);
      if (text !== '') notes.set(`${rowNumber - 1}:${columnNumber - 1}`, text);
    }),
  );
  return notes;
}

/** `A1:C4` (exceljs's loaded form) or `{ from, to }` (as written) → the last row. */
function filterLastRow(filter: ExcelJS.Worksheet['autoFilter']): number | null {
  if (!filter) return null;
  if (typeof filter === 'string') return Number(/(\d+)$/.exec(filter)?.[1] ?? Number.NaN);
  const to = filter.to;
  return typeof to === 'string' ? Number(/(\d+)$/.exec(to)?.[1] ?? Number.NaN) : to.row;
}

/** Pixels Excel draws for a stored column width (ECMA-376 Part 1, 18.3.1.13, 7-pixel digits). */
const widthPx = (width: number) => Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);

/** `C2:C101` or `C2` → the 0-based cells it covers. */
function covers(address: string, row: number, column: number): boolean {
  const [from, to = from] = address.split(':');
  const decode = (cell: string) => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(cell) ?? [];
    return { row: Number(digits) - 1, column: [...(letters ?? '')].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1 };
  };
  const [a, b] = [decode(from), decode(to)];
  return row >= a.row && row <= b.row && column >= a.column && column <= b.column;
}

const color = (value: { argb?: string } | undefined) => (value?.argb ? `#${value.argb.slice(2).toLowerCase()}` : null);

/** A stand-in for the vega-lite renderer: a real PNG (1×1), sized as the chart would be; counts its drawings. */
const PIXEL = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
function countingRenderer(): { render: ChartRenderer; drawings: () => number } {
  let drawings = 0;
  return {
    render: async () => {
      drawings++;
      return { png: new Uint8Array(PIXEL), width: 480, height: 300 };
    },
    drawings: () => drawings,
  };
}

/** The filter's header row, 0-based. */
function filterFirst(filter: ExcelJS.Worksheet['autoFilter']): number | null {
  if (!filter) return null;
  if (typeof filter === 'string') return Number(/^[A-Z]+(\d+)/.exec(filter)?.[1] ?? Number.NaN) - 1;
  const from = filter.from;
  return typeof from === 'string' ? Number(/(\d+)$/.exec(from)?.[1] ?? Number.NaN) - 1 : from.row - 1;
}

function xlsxHarness(): WorkbookHarness {
  const renderer = countingRenderer();
  const options = { renderChart: renderer.render };
  let book = XlsxWorkbook.empty(options);
  const sheet = (name: string) => {
    const found = book.book.getWorksheet(name);
    if (!found) throw new Error(`no sheet "${name}"`);
    return found;
  };
  const cell = (name: string, row: number, column: number) =>
    sheet(name)
      .getRow(row + 1)
      .getCell(column + 1);
  const save = async (): Promise<string> => {
    const path = join(TEMP, `w${++files}.xlsx`);
    await book.save(path);
    return path;
  };
  /** The saved file edited as a spreadsheet program would save it, then opened by the job. */
  const edit = async (change: (xml: string) => string): Promise<void> => {
    const zip = await JSZip.loadAsync(Buffer.from(await book.book.xlsx.writeBuffer()));
    zip.file('xl/workbook.xml', change(await zip.file('xl/workbook.xml')!.async('string')));
    const path = join(TEMP, `w${++files}.xlsx`);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    book = await XlsxWorkbook.load(path, options);
  };
  /** A sheet reference as it stands in workbook.xml: quoted, apostrophes doubled, XML-escaped. */
  const reference = (name: string) => `'${name.replace(/'/g, "''")}'!`.replace(/'/g, '&apos;');
  return {
    get book() {
      return book;
    },
    reopen: async () => {
      book = await XlsxWorkbook.load(await save(), options);
    },
    serviceCalls: () => book.calls.reads + book.calls.writes,
    chartDrawings: renderer.drawings,
    inspect: {
      numberFormat: (name, row, column) => {
        const format = cell(name, row, column).numFmt;
        return format && format !== 'General' ? format : null;
      },
      jobNotes: (name) =>
        new Map(
          [...allNotes(sheet(name))].filter(([, text]) => text.startsWith(JOB_NOTE_PREFIX)).map(([at, text]) => [at, text.slice(JOB_NOTE_PREFIX.length)]),
        ),
      highlighted: (name, row, column) => {
        const fill = cell(name, row, column).fill;
        return fill?.type === 'pattern' && fill.pattern === 'solid';
      },
      hidden: (name) => sheet(name).state !== 'visible',
      frozen: (name) => {
        const view = (sheet(name).views ?? []).find((candidate) => candidate.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
        return { rows: view?.ySplit ?? 0, columns: view?.xSplit ?? 0 };
      },
      tabColor: (name) => {
        const color = sheet(name).properties.tabColor as { argb?: string } | undefined;
        return color?.argb ? `#${color.argb.slice(2).toLowerCase()}` : null;
      },
      filterRows: (name) => {
        const last = filterLastRow(sheet(name).autoFilter);
        return last === null ? null : last - (filterFirst(sheet(name).autoFilter) ?? 0);
      },
      // exceljs keeps a sheet's rules here (loaded ones too), outside its typings.
      conditionalRuleCount: (name) =>
        (sheet(name) as unknown as { conditionalFormattings: { rules: unknown[] }[] }).conditionalFormattings.reduce(
          (count, entry) => count + entry.rules.length,
          0,
        ),
      muted: (name, row) => cell(name, row, 0).font?.color?.argb === 'FF9E9E9E',
      protections: (name) => {
        const protection = (sheet(name) as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
        return protection?.sheet ? [{ warningOnly: false, description: '' }] : [];
      },
      charts: () => [],
      bold: (name, row, column) => cell(name, row, column).font?.bold === true,
      filterFirstRow: (name) => filterFirst(sheet(name).autoFilter),
      conditionalRuleFirstRows: (name) =>
        (sheet(name) as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] }).conditionalFormattings.flatMap((entry) =>
          entry.rules.map(() => Number(/^[A-Z]+(\d+)/.exec(entry.ref)?.[1] ?? Number.NaN) - 1),
        ),
      columnWidths: (name, columns) =>
        Array.from({ length: columns }, (_, column) => {
          const width = sheet(name).getColumn(column + 1).width;
          return width === undefined ? null : widthPx(width);
        }),
      hiddenColumns: (name) =>
        Array.from({ length: sheet(name).columnCount }, (_, column) => column).filter((column) => sheet(name).getColumn(column + 1).hidden),
      wrapped: (name, row, column) => cell(name, row, column).alignment?.wrapText === true,
      validation: (name, row, column) => {
        const model = (sheet(name) as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
        const found = Object.entries(model).find(([address, rule]) => rule && covers(address, row, column))?.[1];
        if (!found) return null;
        const rejects = found.showErrorMessage === true && (found.errorStyle ?? 'stop') === 'stop';
        if (found.prompt !== found.error) throw new Error('the prompt and the error message differ');
        if (found.type === 'date') return { kind: 'date', helpText: found.error ?? '', rejects };
        if (found.type === 'list')
          return { kind: 'list', values: String(found.formulae[0]).replace(/^"|"$/g, '').split(','), helpText: found.error ?? '', rejects };
        throw new Error(`unexpected rule ${found.type}`);
      },
      link: (name, row, column) => {
        const value = cell(name, row, column).value;
        return value !== null && typeof value === 'object' && 'hyperlink' in value ? value.hyperlink : null;
      },
      cellStyle: (name, row, column) => {
        const { font, fill } = cell(name, row, column);
        return {
          bold: font?.bold === true,
          background: fill?.type === 'pattern' && fill.pattern === 'solid' ? color(fill.fgColor) : null,
          fontColor: color(font?.color),
          // Every font the adapter writes names the workbook's Calibri 11: 11 is the default size, as 10 is Sheets'.
          fontSize: font?.size === undefined || font.size === 11 ? null : font.size,
        };
      },
      activeSheet: () => {
        const index = book.book.views?.[0]?.activeTab;
        return index === undefined ? null : (book.book.worksheets[index]?.name ?? null);
      },
      images: (name) =>
        sheet(name)
          .getImages()
          .map(({ range }) => {
            const { tl, ext } = range as unknown as { tl: { nativeRow: number; nativeCol: number }; ext: { width: number; height: number } };
            return { row: tl.nativeRow, column: tl.nativeCol, width: ext.width, height: ext.height };
          }),
    },
    person: {
      renames: (from, to) => edit((xml) => xml.split(`name="${from}"`).join(`name="${to}"`).split(reference(from)).join(reference(to))),
      deletes: async (name) => {
        // The program removes the tab and leaves the defined name pointing at #REF!.
        book.book.removeWorksheet(sheet(name).id);
        await edit((xml) => xml.split(`${reference(name)}$A$1`).join('#REF!'));
      },
      addsNote: (name, row, column, text) => {
        cell(name, row, column).note = text;
      },
      notes: (name) => new Map([...allNotes(sheet(name))].filter(([, text]) => !text.startsWith(JOB_NOTE_PREFIX))),
    },
  };
}

describeWorkbookContract('XlsxWorkbook', xlsxHarness, {
  cellTextRule: true,
  // exceljs cannot write native charts: they are drawn as pictures at save.
  charts: 'images',
  columnWidths: 'applied',
  // Excel's sheet protection locks the sheet; there is no warning-only kind, and owned sheets must stay editable.
  protection: 'none',
  // writeSheet builds the sheet anew, so the job's notes go with the old one (the job sets them again each run).
  notesOnRewrite: 'dropped',
  personNotes: true,
  noteHighlight: true,
  unsetKeepsLayout: false,
  // Excel's limit (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
  maxSheetName: 31,
});

describe('XlsxWorkbook defined names', () => {
  it('stores each identity as a workbook-level defined name pointing at the sheet’s A1', async () => {
    const harness = xlsxHarness();
    harness.book.writeSheet('Histórico', { rows: [['Semana']] });
    harness.book.writeSheet('Turma A', { rows: [['Aluno']] });
    harness.book.setSheetIdentity('Turma A', 'turma_ta_pivot');
    harness.book.renameSheet('Turma A', "Turma D'Ávila");
    await harness.reopen();
    const names = (harness.book as XlsxWorkbook).book.definedNames.model;
    expect(names.map((entry) => [entry.name, entry.ranges]).sort()).toEqual([
      ['ProgressoCademi_historico', ["'Histórico'!$A$1"]],
      ['ProgressoCademi_turma_ta_pivot', ["'Turma D''Ávila'!$A$1"]],
    ]);
  });
});

/** The pictures a saved file holds. */
const mediaOf = (zip: JSZip) =>
  Object.values(zip.files)
    .filter((file) => !file.dir && file.name.startsWith('xl/media/'))
    .map((file) => file.name);

describe('XlsxWorkbook sheets people read', () => {
  const saved = async (book: XlsxWorkbook) => {
    const path = join(TEMP, `w${++files}.xlsx`);
    await book.save(path);
    return { path, zip: await JSZip.loadAsync(readFileSync(path)) };
  };

  it('stores widths Excel draws at the pixels asked for, so date and date-time columns show their text, never ###', async () => {
    const book = XlsxWorkbook.empty();
    book.writeSheet('S', {
      rows: [
        ['Dia', 'Quando'],
        [46279, 46279.5],
      ],
      columnFormats: ['dd/mm/yyyy', 'dd/mm/yyyy hh:mm'],
    });
    const loaded = await XlsxWorkbook.load((await saved(book)).path);
    const sheet = loaded.book.getWorksheet('S')!;
    const [day, when] = [1, 2].map((column) => sheet.getColumn(column).width ?? 0);
    // The characters Excel's column dialog shows: what fits past the cell's 5 pixels of padding.
    const fits = (width: number) => (widthPx(width) - 5) / 7;
    expect(fits(day)).toBeGreaterThanOrEqual('dd/mm/yyyy'.length + 1);
    expect(fits(when)).toBeGreaterThanOrEqual('dd/mm/yyyy hh:mm'.length + 1);
    expect([widthPx(day), widthPx(when)]).toEqual([96, 132]);
  });

  it('writes one range per validation, also when a loaded sheet is saved again (exceljs alone would write overlapping ranges)', async () => {
    const book = XlsxWorkbook.empty();
    const rows = [['Aluno', 'Resultado'], ...Array.from({ length: 12 }, (_, i) => [`Aluno ${i}`, null])];
    book.writeSheet('S', { rows, validations: [{ kind: 'list', column: 1, values: ['Atendeu', 'Não atendeu'], helpText: 'Escolha da lista.' }] });
    const first = await saved(book);
    const again = await saved(await XlsxWorkbook.load(first.path));
    for (const { zip } of [first, again]) {
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      expect([...xml.matchAll(/sqref="([^"]+)"/g)].map((match) => match[1])).toEqual([`B2:B${rows.length + VALIDATION_SPARE_ROWS}`]);
    }
  });

  it('refuses a list Excel cannot hold (a comma in a value, more than 255 characters)', () => {
    const book = XlsxWorkbook.empty();
    const write = (values: string[]) => book.writeSheet('S', { rows: [['R']], validations: [{ kind: 'list', column: 0, values, helpText: 'x' }] });
    expect(() => write(['Sim, atendeu', 'Não'])).toThrow(/comma/);
    expect(() => write(Array.from({ length: 30 }, (_, i) => `Resultado número ${i}`))).toThrow(/255/);
    expect(() => write(['Atendeu', 'Não atendeu'])).not.toThrow();
  });

  it('opens on the arranged sheet: activeTab points at it and only its tab is selected', async () => {
    const book = XlsxWorkbook.empty();
    for (const name of ['Configuração', 'Turmas', 'Resumo']) book.writeSheet(name, { rows: [[name]], frozenRows: name === 'Resumo' ? 1 : 0 });
    book.arrangeSheets(['Resumo', 'Turmas']);
    const { zip } = await saved(book);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(/activeTab="(\d+)"/.exec(workbook)?.[1]).toBe('0');
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((match) => match[1])).toEqual(['Resumo', 'Turmas', 'Configuração']);
    // Each tab's sheet part, through the workbook's relationships.
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const part = async (name: string) => {
      const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
      return zip.file(`xl/${(target?.[1] ?? target?.[2] ?? '').replace(/^\/?xl\//, '')}`)!.async('string');
    };
    const selected = await Promise.all(['Resumo', 'Turmas', 'Configuração'].map(async (name) => /tabSelected="1"/.test(await part(name))));
    expect(selected).toEqual([true, false, false]);
    // The frozen header of the sheet it opens on is kept.
    expect(await part('Resumo')).toMatch(/state="frozen"/);
  });

  it('keeps only the pictures sheets show: a rewritten sheet leaves no unused image in the file', async () => {
    const renderer = countingRenderer();
    let book = XlsxWorkbook.empty({ renderChart: renderer.render });
    const rows = [
      ['Semana', 'Mediana (%)'],
      [1, 10],
    ];
    const spec = {
      id: 'p',
      title: 'P',
      kind: 'line',
      xTitle: 'x',
      yTitle: 'y',
      range: { row: 0, column: 0, rows: 2, columns: 2 },
      series: [{ name: 'Mediana (%)' }],
      position: { row: 0, column: 3 },
    } as const;
    for (let run = 0; run < 3; run++) {
      book.writeSheet('Gráficos A', { rows, charts: [spec, { ...spec, id: 'q', position: { row: 20, column: 3 } }] });
      if (run === 0) book.writeSheet('Gráficos B', { rows, charts: [spec] });
      const { path, zip } = await saved(book);
      expect(mediaOf(zip)).toHaveLength(3);
      book = await XlsxWorkbook.load(path, { renderChart: renderer.render });
    }
    expect(book.book.getWorksheet('Gráficos B')!.getImages()).toHaveLength(1);
    expect(renderer.drawings()).toBe(7);
  });

  it('saves the data when a chart cannot be drawn, without its picture, and says which', async () => {
    const book = XlsxWorkbook.empty({
      renderChart: async () => {
        throw new Error('no fonts');
      },
    });
    const spec = {
      id: 'p',
      title: 'P',
      kind: 'line',
      xTitle: 'x',
      yTitle: 'y',
      range: { row: 0, column: 0, rows: 1, columns: 2 },
      series: [{ name: 'm' }],
      position: { row: 0, column: 3 },
    } as const;
    book.writeSheet('Gráficos', { rows: [['Semana', 'm']], charts: [spec] });
    const { path } = await saved(book);
    expect(book.chartImageFailures.map(({ sheet, chart }) => [sheet, chart])).toEqual([['Gráficos', 'p']]);
    const loaded = await XlsxWorkbook.load(path);
    expect(loaded.readSheet('Gráficos')).toEqual([['Semana', 'm']]);
    expect(loaded.book.getWorksheet('Gráficos')!.getImages()).toHaveLength(0);
  });

  it('draws charts with the real renderer by default: a PNG in the file at the chart’s cell', async () => {
    const book = XlsxWorkbook.empty();
    const rows = [
      ['Semana', 'Mediana (%)', 'Esperado (%)'],
      [1, 10, 12],
      [2, 25, 24],
    ];
    book.writeSheet('Gráficos', {
      rows,
      charts: [
        {
          id: 'progress',
          title: 'Progresso',
          kind: 'line',
          xTitle: 'Semana',
          yTitle: '%',
          range: { row: 0, column: 0, rows: 3, columns: 3 },
          series: [{ name: 'Mediana (%)' }, { name: 'Esperado (%)', dashed: true }],
          position: { row: 1, column: 4 },
        },
      ],
    });
    const { path, zip } = await saved(book);
    expect(book.chartImageFailures).toEqual([]);
    const [media] = mediaOf(zip);
    expect((await zip.file(media!)!.async('nodebuffer')).subarray(1, 4).toString()).toBe('PNG');
    const [image] = (await XlsxWorkbook.load(path)).book.getWorksheet('Gráficos')!.getImages();
    expect([image!.range.tl.nativeRow, image!.range.tl.nativeCol]).toEqual([1, 4]);
  });

  /** The `<row>` element of 1-based row `number` in a saved sheet part. */
  const rowXml = (xml: string, number: number) => new RegExp(`<row r="${number}"[^>]*>`).exec(xml)?.[0] ?? '';
  const REASON = 'nunca acessou · sem avanço há 11 semanas · 44 pontos abaixo do esperado para a semana';

  it('makes a wrapped row as tall as its text, in the file (LibreOffice keeps a row without a height at 15 pt), the short ones untouched', async () => {
    const book = XlsxWorkbook.empty();
    const rows: Cell[][] = [['Turma A'], ['Aluno', 'Motivo'], ['Ana', REASON], ['Bia', '9 dias sem acesso'], ['Caio', `${REASON}\n${REASON}\n${REASON}`]];
    book.writeSheet('S', { rows, headerRow: 1, wrappedColumns: [1], columnWidths: [undefined, 260] });
    const xml = await (await saved(book)).zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // 260 px hold about 39 letters a line: the reason takes 3 lines of 15 pt.
    expect(wrappedLineCount(REASON, 260)).toBe(3);
    expect(rowXml(xml, 3)).toMatch(/ ht="45" customHeight="1"/);
    for (const plain of [1, 2, 4]) expect(rowXml(xml, plain)).not.toMatch(/ ht=/);
    // Nine lines are cut at MAX_WRAPPED_LINES: the whole text stays in the cell.
    expect(rowXml(xml, 5)).toMatch(new RegExp(` ht="${MAX_WRAPPED_LINES * 15}"`));
  });

  it('breaks lines as the programs do: at spaces and line breaks, a word longer than the line cut, never a line too few', () => {
    // (260 − 5) / 6.5: 39 letters a line.
    expect(wrappedLineCount('', 260)).toBe(1);
    expect(wrappedLineCount('9 dias sem acesso', 260)).toBe(1);
    expect(wrappedLineCount('a'.repeat(39), 260)).toBe(1);
    expect(wrappedLineCount(`${'a'.repeat(20)} ${'b'.repeat(19)}`, 260)).toBe(2);
    expect(wrappedLineCount('a'.repeat(100), 260)).toBe(3);
    expect(wrappedLineCount('um\ndois\n\ntrês', 260)).toBe(4);
  });

  it('rows added under a wrapped table (the run log, a week of Histórico) wrap and grow as the first ones', async () => {
    const book = XlsxWorkbook.empty();
    book.writeSheet('S', {
      rows: [
        ['Aluno', 'Nota', 'Motivo'],
        ['Ana', 1, 'curto'],
      ],
      wrappedColumns: [2],
      columnWidths: [undefined, undefined, 260],
    });
    book.replaceRowsFrom('S', 2, [
      ['Bia', 2, REASON],
      ['Caio', 3, 'curto'],
    ]);
    const loaded = await XlsxWorkbook.load((await saved(book)).path);
    const sheet = loaded.book.getWorksheet('S')!;
    expect(sheet.getRow(3).getCell(3).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getRow(3).height).toBe(45);
    expect(sheet.getRow(4).getCell(3).alignment).toMatchObject({ wrapText: true });
    expect(sheet.getRow(4).height ?? null).toBeNull();
  });

  it('moves a text column right of a column of numbers off its left edge (Excel and LibreOffice barely pad cells: "12,0+55 61 …")', async () => {
    const book = XlsxWorkbook.empty();
    const rows: Cell[][] = [
      ['Esperado (%)', 'Celular', 'E-mail', 'Dias'],
      [12, '+55 61 99117-2574', 'ana@x.br', 3],
      [44, null, 'bia@x.br', null],
    ];
    book.writeSheet('S', { rows });
    book.replaceRowsFrom('S', 3, [[28, '+55 11 98788-3767', 'caio@x.br', 1]]);
    const sheet = (await XlsxWorkbook.load((await saved(book)).path)).book.getWorksheet('S')!;
    for (const row of [2, 3, 4]) {
      expect(sheet.getRow(row).getCell(2).alignment).toEqual({ horizontal: 'left', indent: 1 });
      // Text after text, numbers, and the header keep the programs' own alignment.
      for (const column of [1, 3, 4]) expect(sheet.getRow(row).getCell(column).alignment ?? {}).toEqual({});
    }
    expect(sheet.getRow(1).getCell(2).alignment ?? {}).toEqual({});
  });

  it('names the workbook’s font (Calibri 11) in every font it writes: header, title sizes, bands, greyed rows, links', async () => {
    const book = XlsxWorkbook.empty();
    book.writeSheet('S', {
      rows: [['Título'], ['Aluno', 'WhatsApp'], ['Banda'], ['Ana', 'Abrir'], ['Bia', null]],
      headerRow: 1,
      rowStyles: [
        { row: 0, bold: true, fontSize: 14 },
        { row: 2, bold: true, background: '#e8f0fe', fontColor: '#1a237e' },
      ],
      mutedRows: [4],
      links: [{ row: 3, column: 1, url: 'https://wa.me/5561991172574' }],
    });
    const styles = await (await saved(book)).zip.file('xl/styles.xml')!.async('string');
    const fonts = [...(/<fonts[^>]*>(.*?)<\/fonts>/s.exec(styles)?.[1] ?? '').matchAll(/<font>(.*?)<\/font>/gs)].map((match) => match[1] ?? '');
    // The default font, the title's, the header's, the band's, the greyed row's and the link's.
    expect(fonts.length).toBeGreaterThanOrEqual(6);
    for (const font of fonts) {
      expect(font).toContain('<name val="Calibri"/>');
      expect(font).toMatch(/<sz val="\d+"\/>/);
    }
    expect(fonts.some((font) => font.includes('<b/>') && font.includes('<sz val="14"/>'))).toBe(true);
    expect(fonts.some((font) => font.includes('<u/>'))).toBe(true);
  });

  it('tells whether a sheet is hidden, by the program or by a person', async () => {
    const book = XlsxWorkbook.empty();
    book.writeSheet('_Identidade', { rows: [['k']], hidden: true });
    book.writeSheet('Minha aba', { rows: [['x']] });
    book.writeSheet('Resumo', { rows: [['y']] });
    const path = (await saved(book)).path;
    const loaded = await XlsxWorkbook.load(path);
    loaded.book.getWorksheet('Minha aba')!.state = 'hidden';
    const again = await XlsxWorkbook.load((await saved(loaded)).path);
    expect(['_Identidade', 'Minha aba', 'Resumo', 'Nenhuma'].map((name) => again.isSheetHidden(name))).toEqual([true, true, false, false]);
  });
});
