// Self-tests: developer metadata and chart ids in the fake SpreadsheetApp behave as Sheets documents them.
import { createSpreadsheetApp, type FakeSpreadsheet, MAX_METADATA_CHARS } from '../../testkit/fakes';
import { FAKE_CHARTS } from '../../testkit/fakes/charts';

function fresh() {
  const app = createSpreadsheetApp();
  const ss = app.active as FakeSpreadsheet;
  const book = ss.gas();
  return { app, ss, book, first: book.getSheets()[0], second: book.insertSheet('Outra'), rt: app.rt };
}
const LINE = FAKE_CHARTS.ChartType.LINE as unknown as GoogleAppsScript.Charts.ChartType;

describe('developer metadata on a sheet', () => {
  test('the four addDeveloperMetadata overloads, read back with their visibility and location', () => {
    const { app, first } = fresh();
    const { DOCUMENT, PROJECT } = app.DeveloperMetadataVisibility;
    first.addDeveloperMetadata('tag').addDeveloperMetadata('hidden', PROJECT).addDeveloperMetadata('chart', '12').addDeveloperMetadata('secret', 'x', PROJECT);
    const items = first.getDeveloperMetadata();
    expect(items.map((item) => [item.getKey(), item.getValue(), item.getVisibility()])).toEqual([
      ['tag', null, DOCUMENT],
      ['hidden', null, PROJECT],
      ['chart', '12', DOCUMENT],
      ['secret', 'x', PROJECT],
    ]);
    // 'PROJECT' as a plain string is a value, not the enum: the overloads are told apart by type.
    first.addDeveloperMetadata('word', 'PROJECT');
    expect(first.getDeveloperMetadata().at(-1)!.getVisibility()).toBe(DOCUMENT);
    const location = items[2].getLocation();
    expect([location.getLocationType(), location.getSheet()!.getName(), location.getRow()]).toEqual([app.DeveloperMetadataLocationType.SHEET, 'Página1', null]);
    expect(() => first.addDeveloperMetadata('')).toThrow('must always have a key');
  });

  test('ids are positive and unique across the spreadsheet; entries stay with their sheet', () => {
    const { book, first, second } = fresh();
    first.addDeveloperMetadata('a', '1');
    second.addDeveloperMetadata('a', '2');
    const ids = [...first.getDeveloperMetadata(), ...second.getDeveloperMetadata()].map((item) => item.getId());
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toBeGreaterThan(0);
    second.setName('Renomeada');
    expect(second.getDeveloperMetadata().map((item) => item.getValue())).toEqual(['2']);
    book.deleteSheet(second);
    expect(book.insertSheet('Renomeada').getDeveloperMetadata()).toEqual([]);
  });

  test('finder filters combine; setValue, setKey, remove and moveToSheet change what is found', () => {
    const { app, first, second } = fresh();
    first
      .addDeveloperMetadata('cademi.chart.a', '1')
      .addDeveloperMetadata('cademi.chart.b', '2')
      .addDeveloperMetadata('other', '1', app.DeveloperMetadataVisibility.PROJECT);
    const find = () => first.createDeveloperMetadataFinder();
    expect(
      find()
        .withValue('1')
        .find()
        .map((item) => item.getKey()),
    ).toEqual(['cademi.chart.a', 'other']);
    expect(
      find()
        .withValue('1')
        .withVisibility(app.DeveloperMetadataVisibility.DOCUMENT)
        .find()
        .map((item) => item.getKey()),
    ).toEqual(['cademi.chart.a']);
    const [b] = find().withKey('cademi.chart.b').find();
    expect(find().withId(b.getId()).withLocationType(app.DeveloperMetadataLocationType.SHEET).find()).toEqual([b]);
    expect(find().withLocationType(app.DeveloperMetadataLocationType.ROW).find()).toEqual([]);
    b.setValue('20').setKey('cademi.chart.bb');
    expect(
      find()
        .withKey('cademi.chart.bb')
        .find()
        .map((item) => item.getValue()),
    ).toEqual(['20']);
    b.moveToSheet(second);
    expect(second.getDeveloperMetadata().map((item) => item.getKey())).toEqual(['cademi.chart.bb']);
    find().withKey('cademi.chart.a').find()[0].remove();
    expect(first.getDeveloperMetadata().map((item) => item.getKey())).toEqual(['other']);
  });

  test("another script project does not see this one's PROJECT entries", () => {
    const { app, first } = fresh();
    first.addDeveloperMetadata('shared', 'a').addDeveloperMetadata('mine', 'b', app.DeveloperMetadataVisibility.PROJECT);
    app.scriptProject = 'another-project';
    expect(first.getDeveloperMetadata().map((item) => item.getKey())).toEqual(['shared']);
    expect(first.createDeveloperMetadataFinder().withKey('mine').find()).toEqual([]);
  });

  test('a sheet holds at most 30,000 characters of keys and values, every project counted', () => {
    const { app, first, second } = fresh();
    expect(MAX_METADATA_CHARS).toBe(30_000);
    first.addDeveloperMetadata('k', 'x'.repeat(20_000), app.DeveloperMetadataVisibility.PROJECT);
    app.scriptProject = 'another-project';
    first.addDeveloperMetadata('kk', 'y'.repeat(9_997)); // 20,001 + 9,999 = 30,000: still fits
    expect(() => first.addDeveloperMetadata('z')).toThrow('limit is 30000 per sheet');
    const [kk] = first.createDeveloperMetadataFinder().withKey('kk').find();
    expect(() => kk.setValue('y'.repeat(9_998))).toThrow('limit is 30000');
    second.addDeveloperMetadata('big', 'w'.repeat(29_000));
    expect(() => second.getDeveloperMetadata()[0].moveToSheet(first)).toThrow('limit is 30000');
    expect(first.getDeveloperMetadata().map((item) => item.getKey())).toEqual(['kk']);
  });

  test('metadata calls are counted per method and per sheet', () => {
    const { first, rt } = fresh();
    first.addDeveloperMetadata('a', '1');
    rt.resetCalls();
    for (const item of first.getDeveloperMetadata()) item.getKey();
    expect(rt.callsByScope().Página1).toEqual({ 'Sheet.getDeveloperMetadata': 1, 'DeveloperMetadata.getKey': 1 });
  });
});

describe('chart ids', () => {
  test('unique across the spreadsheet, kept by updateChart, null on a built chart not inserted', () => {
    const { first, second } = fresh();
    const build = (sheet: GoogleAppsScript.Spreadsheet.Sheet, title: string) =>
      sheet.newChart().setChartType(LINE).addRange(sheet.getRange('A1:B3')).setOption('title', title).build();
    const built = build(first, 'Um');
    first.insertChart(built);
    second.insertChart(build(second, 'Dois'));
    expect(built.getChartId()).toBeNull();
    const [one] = first.getCharts();
    const [two] = second.getCharts();
    expect(one.getChartId()).not.toBeNull();
    expect(one.getChartId()).not.toBe(two.getChartId());
    first.updateChart(one.modify().setOption('title', 'Um renomeado').build());
    expect(first.getCharts().map((chart) => [chart.getChartId(), chart.getOptions().get('title')])).toEqual([[one.getChartId(), 'Um renomeado']]);
    expect(() => first.updateChart(built)).toThrow('does not exist');
    first.removeChart(first.getCharts()[0]);
    first.insertChart(build(first, 'Três'));
    expect([one.getChartId(), two.getChartId()]).not.toContain(first.getCharts()[0].getChartId());
  });
});
