// The Workbook contract over the SpreadsheetApp adapter, on the Apps Script fakes: a fresh spreadsheet
// (with its default "Página1" tab, as Sheets creates it) per test, reopened as a next execution.

import { JOB_NOTE_PREFIX } from '../../src/core/messages/config';
import { CHART_RECORD_PREFIX } from '../../src/gas/native-charts';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { type AppsScriptEnv, createAppsScriptEnv } from '../../testkit/fakes';
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
