// The fault suite under jest: every fault ends in its expected state, with nothing lost or doubled.

import { ALL_SCENARIOS, type FaultRow, formatFaultTable, runScenario, writeFaultReport } from './report';
import { referenceWeek } from './scenarios';

const rows: FaultRow[] = [];

describe('fault suite (build/Code.js over the fakes, and dist/cli.js as processes; simulator with faults)', () => {
  beforeAll(() => {
    referenceWeek();
  }, 60_000);

  afterAll(() => {
    if (rows.length === ALL_SCENARIOS.length) {
      writeFaultReport(rows);
      console.log(formatFaultTable(rows));
    }
  });

  describe.each(ALL_SCENARIOS.map((scenario) => [scenario.fault, scenario] as const))('%s', (_name, scenario) => {
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
