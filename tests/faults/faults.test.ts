// The fault suite under jest, on both API generations: every fault ends in its expected state, with
// nothing lost or doubled, whether the school syncs through Cademi API v1 or v3.

import { APIS } from './generations';
import { ALL_SCENARIOS, type FaultRow, formatFaultTable, inSuiteOrder, notApplicableRow, runScenario, scenariosOf, writeFaultReport } from './report';
import { referenceWeek } from './scenarios';

const rows: FaultRow[] = [];

describe('fault suite (build/Code.js over the fakes, and dist/cli.js as processes; simulator with faults)', () => {
  afterAll(() => {
    if (rows.length === ALL_SCENARIOS.length) {
      const table = inSuiteOrder(rows);
      writeFaultReport(table);
      console.log(formatFaultTable(table));
    }
  });

  describe.each(APIS)('API %s', (api) => {
    beforeAll(() => {
      referenceWeek(api);
    }, 60_000);

    describe.each(scenariosOf(api).map((scenario) => [scenario.fault, scenario] as const))('%s', (_name, scenario) => {
      if (scenario.notApplicable !== undefined) {
        // Listed in the table with its reason; nothing to run on this generation (jest runs no hook for it).
        rows.push(notApplicableRow(scenario, scenario.notApplicable));
        it.skip(`does not apply on ${api}: ${scenario.notApplicable}`, () => undefined);
        return;
      }

      let row: FaultRow;
      beforeAll(async () => {
        row = await runScenario(scenario);
        rows.push(row);
      }, 180_000);

      it('loses no row and doubles none', () => {
        expect({ rowsLost: row.rowsLost, duplicates: row.duplicates }).toEqual({ rowsLost: 0, duplicates: 0 });
      });

      it(`ends in "${scenario.expected}" with the log saying why, every run`, () => {
        expect({ survived: row.survived, got: row.got }).toEqual({ survived: row.runs, got: [scenario.expected] });
        expect(row.tokenLeaks).toBe(0);
      });
    });
  });
});
