// The onOpen simple trigger, in the built bundle: the menu, then the file opened on `Resumo` for
// whoever opens it, where the trigger's authorization allows, and never an error.

import { REPORT_SHEET } from '../../src/core/identity/sheet-names';
import { gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';

const MONDAY = mondayRun('2026-09-14');

function withSheets(names: readonly string[]) {
  const gas = gasSchool(MONDAY, { studentCount: 10 });
  for (const name of names) gas.env.spreadsheet.addSheet(name);
  // Whoever last looked at the file left it on its first tab.
  gas.env.spreadsheet.active = gas.env.spreadsheet.sheets[0]!;
  return gas;
}

describe('onOpen', () => {
  it('opens the file on Resumo, after adding the menu', () => {
    const gas = withSheets(['Configuração', REPORT_SHEET.overview, 'Histórico']);
    gas.env.execute(() => gas.fns.onOpen({ authMode: 'LIMITED' }));
    expect(gas.env.ui.menus).toHaveLength(1);
    expect(gas.env.spreadsheet.active.name).toBe(REPORT_SHEET.overview);
  });

  it('touches no sheet where the trigger may not read the file (an add-on not yet used in it)', () => {
    const gas = withSheets(['Configuração', REPORT_SHEET.overview]);
    gas.env.execute(() => gas.fns.onOpen({ authMode: 'NONE' }));
    expect(gas.env.ui.menus).toHaveLength(1);
    expect(gas.env.spreadsheet.active.name).toBe('Página1');
    expect([gas.env.calls('SpreadsheetApp.getActive'), gas.env.calls('Spreadsheet.'), gas.env.calls('Sheet.')]).toEqual([{}, {}, {}]);
  });

  it('leaves the file where it was without Resumo, or with it hidden, and never throws', () => {
    const gas = withSheets(['Configuração']);
    gas.env.execute(() => gas.fns.onOpen({ authMode: 'LIMITED' }));
    expect(gas.env.spreadsheet.active.name).toBe('Página1');
    const hidden = withSheets([REPORT_SHEET.overview]);
    hidden.env.spreadsheet.sheet(REPORT_SHEET.overview).hidden = true;
    hidden.env.execute(() => hidden.fns.onOpen({ authMode: 'LIMITED' }));
    expect(hidden.env.spreadsheet.active.name).toBe('Página1');
    // A standalone run: no active spreadsheet at all.
    const standalone = withSheets([]);
    standalone.env.spreadsheetApp.active = null;
    expect(() => standalone.env.execute(() => standalone.fns.onOpen())).not.toThrow();
    expect(standalone.env.ui.menus).toHaveLength(1);
  });
});
