// Self-tests: the fake SpreadsheetApp behaves like Sheets where the add-on depends on it.
import { createSpreadsheetApp, type FakeSpreadsheet } from '../../testkit/fakes';

function freshSheet() {
  const app = createSpreadsheetApp();
  const ss = app.active as FakeSpreadsheet;
  return { app, ss, sheet: ss.gas().getSheets()[0], rt: app.rt };
}

describe('Range values', () => {
  test('getValues returns what setValues wrote, as copies, with empty cells as ""', () => {
    const { sheet } = freshSheet();
    sheet.getRange(1, 1, 2, 3).setValues([
      ['a', 1, true],
      ['b', 2.5, ''],
    ]);
    const values = sheet.getRange('A1:C3').getValues();
    expect(values).toEqual([
      ['a', 1, true],
      ['b', 2.5, ''],
      ['', '', ''],
    ]);
    values[0][0] = 'changed';
    expect(sheet.getRange(1, 1).getValue()).toBe('a');
  });

  test('setValues shape errors use Sheets messages', () => {
    const { sheet } = freshSheet();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    // Printed as Apps Script prints it (the class name `Exception`); a call that did not throw leaves `undefined`.
    let thrown: unknown;
    try {
      sheet.getRange(1, 1, 2, 2).setValues([[1, 2]]);
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(/^Exception: The number of rows/);
  });

  test('formulas are recorded; the apostrophe makes text and is not returned', () => {
    const { sheet } = freshSheet();
    sheet.getRange(1, 1, 1, 3).setValues([['=SUM(B2:B9)', "'=not a formula", "'0042"]]);
    expect(sheet.getRange(1, 1, 1, 3).getFormulas()).toEqual([['=SUM(B2:B9)', '', '']]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([['#FORMULA', '=not a formula', '0042']]);
  });

  test('pt-BR: "11,12" becomes the number 11.12 unless the cell is "@" or the text has an apostrophe', () => {
    const { sheet } = freshSheet();
    sheet.getRange('B1').setNumberFormat('@');
    sheet.getRange(1, 1, 1, 4).setValues([['11,12', '11,12', "'11,12", '007']]);
    expect(sheet.getRange(1, 1, 1, 4).getValues()).toEqual([[11.12, '11,12', '11,12', 7]]);
    sheet.getRange(2, 1, 1, 3).setValues([['1.234,5', '50%', 'VERDADEIRO']]);
    expect(sheet.getRange(2, 1, 1, 3).getValues()).toEqual([[1234.5, 0.5, true]]);
    expect(sheet.getRange('B2').getNumberFormat()).toBe('0.00%');
  });

  test('date strings become dates unless "@"; Date objects round-trip through a date-formatted cell', () => {
    const { sheet, rt } = freshSheet();
    sheet.getRange('B1').setNumberFormat('@');
    sheet.getRange(1, 1, 1, 2).setValues([['2026-09-01', '2026-09-01']]);
    const [[date, text]] = sheet.getRange(1, 1, 1, 2).getValues();
    expect(date).toBeInstanceOf(Date);
    expect(date).toBeInstanceOf(rt.Date);
    expect((date as Date).toISOString()).toBe('2026-09-01T03:00:00.000Z'); // midnight in Sao Paulo
    expect(text).toBe('2026-09-01');
    const instant = new Date(Date.UTC(2026, 2, 10, 15, 30));
    sheet.getRange('C1').setValue(instant);
    expect((sheet.getRange('C1').getValue() as Date).getTime()).toBe(instant.getTime());
    sheet.getRange('D1').setNumberFormat('dd/mm/yyyy').setValue(46000);
    expect(sheet.getRange('D1').getValue()).toBeInstanceOf(Date);
    sheet.getRange('E1').setNumberFormat('0.00').setValue(instant);
    expect(typeof sheet.getRange('E1').getValue()).toBe('number');
  });

  test('non-scalar values are refused; notes, backgrounds and formats round-trip', () => {
    const { sheet } = freshSheet();
    expect(() => sheet.getRange('A1').setValue({ a: 1 })).toThrow(/cannot store/);
    const r = sheet.getRange(1, 1, 1, 2);
    r.setNotes([['n1', null]])
      .setBackgrounds([['#ff0000', null]])
      .setFontWeight('bold');
    expect(r.getNotes()).toEqual([['n1', '']]);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('0.###############');
    expect(() => r.setNotes([['x']])).toThrow(/number of columns/);
  });
});

describe('Sheet and Spreadsheet', () => {
  test('dimensions, bounds, getLastRow, insert/delete rows', () => {
    const { sheet } = freshSheet();
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([1000, 26, 0]);
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    sheet.getRange(3, 2).setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B3');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange(5, 2).getValue()).toBe('x');
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(1, 4);
    expect(sheet.getRange(1, 2).getValue()).toBe('x');
    expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow('not possible to delete all non-frozen rows');
    sheet.appendRow(['a', 'b']);
    expect(sheet.getRange(2, 1, 1, 2).getValues()).toEqual([['a', 'b']]);
  });

  test('insertSheet and deleteSheet refuse what Sheets refuses', () => {
    const { ss } = freshSheet();
    const g = ss.gas();
    const turmas = g.insertSheet('Turmas');
    expect(g.getActiveSheet().getName()).toBe('Turmas');
    expect(() => g.insertSheet('Turmas')).toThrow('A sheet with the name "Turmas" already exists');
    expect(() => g.insertSheet('x'.repeat(101))).toThrow(/longer than 100/);
    g.insertSheet('Primeira', 0);
    expect(g.getSheets().map((s) => s.getName())).toEqual(['Primeira', 'Página1', 'Turmas']);
    expect(turmas.getIndex()).toBe(3);
    g.deleteSheet(g.getSheetByName('Primeira')!);
    g.deleteSheet(g.getSheetByName('Página1')!);
    expect(() => g.deleteSheet(turmas)).toThrow(/can't remove all the sheets/);
    expect(g.getSheetByName('Nope')).toBeNull();
    expect(g.getSpreadsheetTimeZone()).toBe('America/Sao_Paulo');
  });

  test('the 10 million cell limit', () => {
    const { ss } = freshSheet();
    const sheet = ss.gas().getSheets()[0];
    sheet.insertRowsAfter(1000, 300_000); // 301,000 × 26 = 7.8M
    expect(() => sheet.insertRowsAfter(1000, 100_000)).toThrow('above the limit of 10000000 cells');
    expect(ss.totalCells()).toBe(301_000 * 26);
  });

  test('charts, protections, filters and conditional formats are kept as data', () => {
    const { ss, app } = freshSheet();
    const sheet = ss.gas().getSheets()[0];
    const chart = sheet
      .newChart()
      .asLineChart()
      .setTitle('Progresso')
      .addRange(sheet.getRange('A1:C9'))
      .setOption('vAxis.maxValue', 100)
      .setPosition(2, 5, 0, 0)
      .build();
    sheet.insertChart(chart);
    const fake = ss.sheet('Página1');
    expect(fake.chartSpecs()).toEqual([
      expect.objectContaining({
        type: 'LINE',
        ranges: ['Página1!A1:C9'],
        options: { title: 'Progresso', 'vAxis.maxValue': 100 },
        position: { row: 2, column: 5, offsetX: 0, offsetY: 0 },
      }),
    ]);
    sheet.updateChart(sheet.getCharts()[0].modify().setOption('title', 'Novo').build());
    expect(fake.chartSpecs()[0].options.title).toBe('Novo');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);

    const p = sheet.protect().setDescription('gerada').setWarningOnly(true);
    expect(sheet.protect()).toBe(p);
    expect(sheet.getProtections(app.ProtectionType.SHEET).map((x) => x.isWarningOnly())).toEqual([true]);

    sheet.getRange('A1:C9').createFilter();
    expect(() => sheet.getRange('A1:C9').createFilter()).toThrow(/already has a filter/);
    sheet.getFilter()!.remove();
    expect(sheet.getFilter()).toBeNull();

    const rule = app
      .newConditionalFormatRule()
      .whenNumberLessThan(50)
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('B2:B9')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    expect((sheet.getConditionalFormatRules()[0] as unknown as { get(m: string): unknown[] }).get('whenNumberLessThan')).toEqual([50]);
  });

  test('calls are counted per method and per sheet', () => {
    const { ss, rt } = freshSheet();
    const sheet = ss.gas().getSheets()[0];
    sheet.getRange(1, 1, 10, 10).getValues();
    sheet.getRange(1, 1, 1, 1).setValues([[1]]);
    expect(rt.calls('Range.')).toEqual({ 'Range.getValues': 1, 'Range.setValues': 1 });
    expect(rt.callsByScope().Página1).toEqual({ 'Sheet.getRange': 2, 'Range.getValues': 1, 'Range.setValues': 1 });
  });
});

describe('Validations, rich text and columns', () => {
  test('a data validation keeps its criteria, list, help text and allowInvalid (true unless set), and is not checked against script writes', () => {
    const { app, sheet } = freshSheet();
    const list = app.newDataValidation().requireValueInList(['Atendeu', 'Não atendeu']).setAllowInvalid(false).setHelpText('Escolha da lista.').build();
    expect([list.getCriteriaType(), list.getCriteriaValues(), list.getAllowInvalid(), list.getHelpText()]).toEqual([
      'VALUE_IN_LIST',
      [['Atendeu', 'Não atendeu'], true],
      false,
      'Escolha da lista.',
    ]);
    const date = app.newDataValidation().requireDate().build();
    expect([date.getCriteriaType(), date.getAllowInvalid(), date.getHelpText()]).toEqual(['DATE_IS_VALID_DATE', true, null]);
    expect(() => app.newDataValidation().setHelpText('x').build()).toThrow('You must set a criteria');
    sheet.getRange('B2:B5').setDataValidation(list);
    // Sheets checks what people type, not what a script writes.
    sheet.getRange('B2').setValue('Outra coisa');
    expect(sheet.getRange('B2').getValue()).toBe('Outra coisa');
    expect(
      sheet
        .getRange('B1:B6')
        .getDataValidations()
        .map(([rule]) => rule?.getCriteriaType() ?? null),
    ).toEqual([null, 'VALUE_IN_LIST', 'VALUE_IN_LIST', 'VALUE_IN_LIST', 'VALUE_IN_LIST', null]);
    // Formats and contents cleared, the rule stays; clearDataValidations removes it.
    sheet.clear();
    expect(sheet.getRange('B3').getDataValidation()).not.toBeNull();
    sheet.getRange('A1:C9').clearDataValidations();
    expect(sheet.getRange('B3').getDataValidation()).toBeNull();
    expect(() => sheet.getRange('A1').setDataValidation({ getCriteriaType: () => 'x' } as never)).toThrow(/don't match the method signature/);
  });

  test('rich text: the text is written literally with its link; a plain write over the cell drops the link', () => {
    const { app, sheet, ss } = freshSheet();
    const link = app.newRichTextValue().setText('11,12').setLinkUrl('https://wa.me/1112').build();
    const plain = app.newRichTextValue().setText('Ana').build();
    sheet.getRange(1, 1, 2, 1).setRichTextValues([[link], [plain]]);
    expect(sheet.getRange(1, 1, 2, 1).getValues()).toEqual([['11,12'], ['Ana']]);
    expect(
      sheet
        .getRange(1, 1, 2, 1)
        .getRichTextValues()
        .map(([rich]) => [rich?.getText(), rich?.getLinkUrl()]),
    ).toEqual([
      ['11,12', 'https://wa.me/1112'],
      ['Ana', null],
    ]);
    const fake = ss.sheet('Página1');
    expect(fake.linkAt(0, 0)).toBe('https://wa.me/1112');
    sheet.getRange('A1').setValue('novo');
    expect(fake.linkAt(0, 0)).toBeNull();
    sheet.getRange('B1').setValue(7);
    expect(sheet.getRange('B1').getRichTextValue()).toBeNull();
    expect(() => sheet.getRange(1, 1, 2, 1).setRichTextValues([[link]])).toThrow(/number of rows/);
    expect(() => sheet.getRange('A1').setRichTextValues([['texto' as never]])).toThrow(/don't match the method signature/);
    expect(() => app.newRichTextValue().setText('ab').setLinkUrl(0, 5, 'https://x')).toThrow(/outside the text/);
  });

  test('columns hide and show within the grid; font sizes are numbers', () => {
    const { sheet, ss } = freshSheet();
    sheet.hideColumns(2, 3);
    sheet.showColumns(3);
    expect([1, 2, 3, 4, 5].map((column) => sheet.isColumnHiddenByUser(column))).toEqual([false, true, false, true, false]);
    expect(() => sheet.hideColumns(26, 2)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.setColumnWidths(0, 1, 100)).toThrow('Those columns are out of bounds.');
    expect([...ss.sheet('Página1').hiddenColumns].sort()).toEqual([2, 4]);
    sheet.getRange(1, 1, 1, 2).setFontSizes([[14, 10]]);
    expect(sheet.getRange(1, 1, 1, 3).getFontSizes()).toEqual([[14, 10, 10]]);
    expect(() => sheet.getRange(1, 1, 1, 1).setFontSizes([[null as never]])).toThrow(/don't match the method signature/);
  });
});

describe('Ui', () => {
  test('menus are recorded; alerts and prompts are answered from scripted responses', () => {
    const { app } = freshSheet();
    const ui = app.gas().getUi();
    ui.createMenu('Cademi').addItem('Atualizar agora', 'atualizarAgora').addSeparator().addSubMenu(ui.createMenu('Mais').addItem('Sobre', 'sobre')).addToUi();
    expect(app.ui.menus[0].items[0]).toEqual({ kind: 'item', caption: 'Atualizar agora', functionName: 'atualizarAgora' });
    expect(app.ui.findMenuItem('Sobre')?.functionName).toBe('sobre');

    expect(ui.alert('Pronto')).toBe(ui.Button.OK);
    expect(() => ui.alert('Apagar?', ui.ButtonSet.YES_NO)).toThrow(/no scripted answer/);
    app.ui.scriptAlert('YES');
    expect(ui.alert('Título', 'Apagar?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    app.ui.scriptPrompt({ button: 'OK', text: 'abc' });
    const answer = ui.prompt('Token?', ui.ButtonSet.OK_CANCEL);
    expect([answer.getSelectedButton(), answer.getResponseText()]).toEqual([ui.Button.OK, 'abc']);
    expect(app.ui.shown.map((d) => d.kind)).toEqual(['alert', 'alert', 'prompt']);

    app.uiAvailable = false;
    expect(() => app.gas().getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});
