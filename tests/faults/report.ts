// Runs every fault scenario on both API generations and summarises it:
// `fault | api | runs | survived | rows lost | duplicates`, with totals per generation.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cliScenariosFor } from './cli-scenarios';
import { APIS, type ApiGeneration } from './generations';
import { type Scenario, scenariosFor, survived, type Trial } from './scenarios';

/** One generation's faults: the Apps Script bundle's, then the Node CLI's. */
export function scenariosOf(api: ApiGeneration): Scenario[] {
  return [...scenariosFor(api), ...cliScenariosFor(api)];
}

/** Every fault on every generation, v1's first. */
export const ALL_SCENARIOS: readonly Scenario[] = APIS.flatMap(scenariosOf);

export interface FaultRow {
  fault: string;
  api: ApiGeneration;
  /** Why the fault cannot happen on this generation (then nothing ran). */
  notApplicable?: string;
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
  const { api } = scenario;
  if (scenario.notApplicable !== undefined) return notApplicableRow(scenario, scenario.notApplicable);
  let trials: Trial[];
  try {
    trials = await scenario.run();
  } catch (error) {
    return {
      ...emptyRow(scenario),
      got: [`erro: ${String(error).slice(0, 200)}`],
      notes: [String((error as Error)?.stack ?? error).slice(0, 600)],
      ms: Date.now() - started,
    };
  }
  const sum = (f: (trial: Trial) => number) => trials.reduce((total, trial) => total + f(trial), 0);
  return {
    fault: scenario.fault,
    api,
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

/** The row of a fault that cannot happen on its generation: no trial, the reason. */
export function notApplicableRow(scenario: Scenario, reason: string): FaultRow {
  return { ...emptyRow(scenario), runs: 0, got: [scenario.expected], notApplicable: reason, notes: [reason] };
}

/** Rows in the order of `scenarios` (jest settles them in its own order). */
export function inSuiteOrder(rows: readonly FaultRow[], scenarios: readonly Scenario[] = ALL_SCENARIOS): FaultRow[] {
  const place = new Map(scenarios.map((scenario, index) => [`${scenario.api}|${scenario.fault}`, index]));
  return [...rows].sort((a, b) => (place.get(`${a.api}|${a.fault}`) ?? 0) - (place.get(`${b.api}|${b.fault}`) ?? 0));
}

/** A row with one trial that did not survive (a scenario that threw). */
function emptyRow(scenario: Scenario): FaultRow {
  return {
    fault: scenario.fault,
    api: scenario.api,
    runs: 1,
    survived: 0,
    rowsLost: 0,
    duplicates: 0,
    expected: scenario.expected,
    got: [],
    executions: 0,
    tokenLeaks: 0,
    valuesChanged: 0,
    notes: [],
    ms: 0,
  };
}

/** A row that ran and did not end as expected (lost, doubled, leaked, or a trial that did not survive). */
export function failed(row: FaultRow): boolean {
  return row.survived < row.runs || row.rowsLost > 0 || row.duplicates > 0 || row.tokenLeaks > 0;
}

export async function runFaultSuite(scenarios: readonly Scenario[] = ALL_SCENARIOS): Promise<FaultRow[]> {
  const rows: FaultRow[] = [];
  for (const scenario of scenarios) {
    rows.push(await runScenario(scenario));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return rows;
}

/**
 * The table, one block per API generation each with its totals, then the overall total; then the
 * faults that do not apply to a generation and why, then one line per fault that did not fully survive.
 */
export function formatFaultTable(rows: readonly FaultRow[]): string {
  const header = ['fault', 'api', 'runs', 'survived', 'rows lost', 'duplicates'];
  const cells = (row: FaultRow) =>
    row.notApplicable !== undefined
      ? [row.fault, row.api, '-', 'n/a', '-', '-']
      : [row.fault, row.api, String(row.runs), String(row.survived), String(row.rowsLost), String(row.duplicates)];
  const totalsOf = (label: string, api: string, of: readonly FaultRow[]) => {
    const total = (f: (row: FaultRow) => number) => String(of.reduce((sum, row) => sum + f(row), 0));
    return [label, api, total((row) => row.runs), total((row) => row.survived), total((row) => row.rowsLost), total((row) => row.duplicates)];
  };
  const apis = [...new Set(rows.map((row) => row.api))];
  const blocks = apis.map((api) => {
    const of = rows.filter((row) => row.api === api);
    return { body: of.map(cells), totals: totalsOf(`total ${api}`, api, of) };
  });
  const overall = totalsOf('total', apis.join('+'), rows);
  const all = [header, ...blocks.flatMap((block) => [...block.body, block.totals]), overall];
  const widths = header.map((_, column) => Math.max(...all.map((line) => line[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column <= 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  const out = [line(header)];
  for (const block of blocks) out.push(rule, ...block.body.map(line), rule, line(block.totals));
  if (blocks.length > 1) out.push(rule, line(overall));
  const skipped = rows.filter((row) => row.notApplicable !== undefined);
  if (skipped.length > 0) {
    out.push('', 'Não se aplicam:');
    for (const row of skipped) out.push(`- ${row.fault} (${row.api}): ${row.notApplicable}`);
  }
  const failing = rows.filter(failed);
  if (failing.length > 0) {
    out.push('', 'Não sobreviveram:');
    for (const row of failing) {
      out.push(
        `- ${row.fault} (${row.api}): esperado "${row.expected}", obtido ${row.got.map((state) => `"${state}"`).join(', ')}${row.tokenLeaks ? `; ${row.tokenLeaks} pedido(s) a outro host` : ''}`,
      );
      for (const note of [...new Set(row.notes)].slice(0, 4)) out.push(`    ${note}`);
    }
  }
  return out.join('\n');
}

/** out/faults.json: one object per fault and generation. */
export function writeFaultReport(rows: readonly FaultRow[], path = join(__dirname, '../../out/faults.json')): string {
  mkdirSync(dirname(path), { recursive: true });
  const objects = rows.map((row) => ({
    fault: row.fault,
    api: row.api,
    ...(row.notApplicable === undefined ? {} : { notApplicable: row.notApplicable }),
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
    seconds: Math.round(row.ms / 100) / 10,
  }));
  writeFileSync(path, `${JSON.stringify(objects, null, 2)}\n`);
  return path;
}
