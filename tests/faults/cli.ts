// `npm run faults`: runs the fault suite on both API generations, prints the table, writes out/faults.json.
// Exit code 1 when a fault lost rows, doubled rows, or a trial did not survive.
// For iterating: `npm run faults -- --api v3` runs one generation, `--only <text>` the faults whose name has it.

import { APIS, type ApiGeneration } from './generations';
import { failed, formatFaultTable, runFaultSuite, scenariosOf, writeFaultReport } from './report';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const api = option('--api');
  if (api !== undefined && !APIS.includes(api as ApiGeneration)) throw new Error(`--api ${api}: use ${APIS.join(' or ')}`);
  const only = option('--only')?.toLowerCase();
  const scenarios = (api === undefined ? APIS : [api as ApiGeneration])
    .flatMap(scenariosOf)
    .filter((scenario) => only === undefined || scenario.fault.toLowerCase().includes(only));
  const started = Date.now();
  const rows = await runFaultSuite(scenarios);
  console.log(formatFaultTable(rows));
  const path = writeFaultReport(rows);
  console.log(`\n${path} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exitCode = rows.some(failed) ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
