// Runs every fault scenario and summarises it: `fault | runs | survived | rows lost | duplicates`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI_SCENARIOS } from './cli-scenarios';
import { SCENARIOS, type Scenario, survived, type Trial } from './scenarios';

/** Every fault: the Apps Script bundle's, then the Node CLI's. */
export const ALL_SCENARIOS: readonly Scenario[] = [...SCENARIOS, ...CLI_SCENARIOS];

export interface FaultRow {
  fault: string;
  /** Trials of the fault (fresh spreadsheets; the kill sweep has one per kill point). */
  runs: number;
  /** Trials that ended in the expected state with the log saying why (no partial week, no token sent away). */
  survived: number;
  rowsLost: number;
  duplicates: number;
  /** The state a surviving trial ends in. */
  expected: string;
  /** The distinct states the trials ended in. */
  got: string[];
  /** Executions (clicks + ticks) over all trials. */
  executions: number;
  tokenLeaks: number;
  /** Rows whose values differ from the undisturbed run (fetched later: informative). */
  valuesChanged: number;
  /** Waiting on the lead's work in src/gas. */
  notes: string[];
  /** Real milliseconds the fault's trials took. */
  ms: number;
}

/** Runs one scenario (a thrown error is a row with zero survivors, not a crashed suite). */
export async function runScenario(scenario: Scenario): Promise<FaultRow> {
  const started = Date.now();
  let trials: Trial[];
  try {
    trials = await scenario.run();
  } catch (error) {
    return {
      fault: scenario.fault,
      runs: 1,
      survived: 0,
      rowsLost: 0,
      duplicates: 0,
      expected: scenario.expected,
      got: [`erro: ${String(error).slice(0, 200)}`],
      executions: 0,
      tokenLeaks: 0,
      valuesChanged: 0,
      notes: [String((error as Error)?.stack ?? error).slice(0, 600)],
      ms: Date.now() - started,
    };
  }
  const sum = (f: (trial: Trial) => number) => trials.reduce((total, trial) => total + f(trial), 0);
  return {
    fault: scenario.fault,
    runs: trials.length,
    survived: trials.filter((trial) => survived(scenario, trial)).length,
    rowsLost: sum((trial) => trial.rowsLost),
    duplicates: sum((trial) => trial.duplicates),
    expected: scenario.expected,
    got: [...new Set(trials.map((trial) => trial.finalState + (trial.logSaysWhy ? '' : ' (log não diz por quê)')))],
    executions: sum((trial) => trial.runs),
    tokenLeaks: sum((trial) => trial.tokenLeaks),
    valuesChanged: sum((trial) => trial.valuesChanged),
    notes: trials.flatMap((trial) => (trial.note ? [trial.note] : [])),
    ms: Date.now() - started,
  };
}

export async function runFaultSuite(scenarios: readonly Scenario[] = ALL_SCENARIOS): Promise<FaultRow[]> {
  const rows: FaultRow[] = [];
  for (const scenario of scenarios) {
    rows.push(await runScenario(scenario));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return rows;
}

/** The table, with totals, then one line per fault that did not fully survive. */
export function formatFaultTable(rows: readonly FaultRow[]): string {
  const header = ['fault', 'runs', 'survived', 'rows lost', 'duplicates'];
  const body = rows.map((row) => [row.fault, String(row.runs), String(row.survived), String(row.rowsLost), String(row.duplicates)]);
  const total = (f: (row: FaultRow) => number) => String(rows.reduce((sum, row) => sum + f(row), 0));
  const totals = ['total', total((row) => row.runs), total((row) => row.survived), total((row) => row.rowsLost), total((row) => row.duplicates)];
  const all = [header, ...body, totals];
  const widths = header.map((_, column) => Math.max(...all.map((line) => line[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  const out = [line(header), rule, ...body.map(line), rule, line(totals)];
  const failing = rows.filter((row) => row.survived < row.runs || row.rowsLost > 0 || row.duplicates > 0 || row.tokenLeaks > 0);
  if (failing.length > 0) {
    out.push('', 'Não sobreviveram:');
    for (const row of failing) {
      out.push(
        `- ${row.fault}: esperado "${row.expected}", obtido ${row.got.map((state) => `"${state}"`).join(', ')}${row.tokenLeaks ? `; ${row.tokenLeaks} pedido(s) a outro host` : ''}`,
      );
      for (const note of [...new Set(row.notes)].slice(0, 4)) out.push(`    ${note}`);
    }
  }
  return out.join('\n');
}

/** out/faults.json: one object per fault. */
export function writeFaultReport(rows: readonly FaultRow[], path = join(__dirname, '../../out/faults.json')): string {
  mkdirSync(dirname(path), { recursive: true });
  const objects = rows.map((row) => ({
    fault: row.fault,
    runs: row.runs,
    survived: row.survived,
    rowsLost: row.rowsLost,
    duplicates: row.duplicates,
    expected: row.expected,
    got: row.got,
    executions: row.executions,
    tokenLeaks: row.tokenLeaks,
    valuesChanged: row.valuesChanged,
    notes: [...new Set(row.notes)],
  }));
  writeFileSync(path, `${JSON.stringify(objects, null, 2)}\n`);
  return path;
}
