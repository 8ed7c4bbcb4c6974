// `npm run faults`: runs the fault suite, prints the table, writes out/faults.json.
// Exit code 1 when a fault lost rows, doubled rows, or a trial did not survive.

import { formatFaultTable, runFaultSuite, writeFaultReport } from './report';

async function main(): Promise<void> {
  const started = Date.now();
  const rows = await runFaultSuite();
  console.log(formatFaultTable(rows));
  const path = writeFaultReport(rows);
  console.log(`\n${path} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const bad = rows.some((row) => row.survived < row.runs || row.rowsLost > 0 || row.duplicates > 0 || row.tokenLeaks > 0);
  process.exitCode = bad ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
