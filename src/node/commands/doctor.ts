// `cademi-monitor doctor <arquivo.xlsx>`: can the school's next run succeed? Checks the address, the
// key, the cohorts' tags and products and, on v3, the live `/openapi.json` against the contract;
// prints the report and exits 0 only when nothing would make the run fail. It never writes the file.

import type { ApiGeneration, ApiTarget } from '../../core/cademi/types';
import { DoctorRun } from '../../core/doctor/doctor-run';
import { doctorPlan } from '../../core/doctor/plan';
import { readConfigForCheck } from '../../core/doctor/read-config';
import { reportText } from '../../core/doctor/report-text';
import type { HttpResponse } from '../../core/http';
import { RequestPacer } from '../../core/sync/pacer';
import { EXIT } from '../cli-io';
import { type DriverClock, systemDriverClock, type Transport } from '../drive-job';
import { type EmbeddedApi, embeddedApi } from '../embedded-api';
import { FetchTransport } from '../fetch-transport';
import { defineCommand } from './command';
import { loadExistingWorkbook } from './workbook-file';

/** How the check's requests travel: the embedded simulator, or fetch to the real API. */
interface Connection {
  readonly transport: Transport;
  readonly clock: DriverClock;
  readonly marginMs: number;
}

export const doctorCommand = defineCommand('doctor', {
  options: {},
  positionals: ['<arquivo.xlsx>'],
  run: async ({ positionals: [file = ''] }, io) => {
    const workbook = await loadExistingWorkbook(file);
    const { config, apiUrlCell } = readConfigForCheck(workbook);
    // Made only when the plan asks for it: no address named anywhere.
    const made: { embedded: EmbeddedApi | null } = { embedded: null };
    const simulator = (api: ApiGeneration): ApiTarget => {
      made.embedded = embeddedApi({ startAt: Date.now(), api });
      return made.embedded.target;
    };
    const plan = doctorPlan({ host: 'node', config, apiUrlCell, envUrl: io.env.CADEMI_BASE_URL, token: io.env.CADEMI_TOKEN ?? null, simulator });
    const connection: Connection = made.embedded ?? { transport: new FetchTransport(), clock: io.clock ?? systemDriverClock, marginMs: 150 };
    const run = new DoctorRun(plan);
    await driveDoctor(run, connection, config.settings.requestsPerSecond);
    const report = run.report();
    io.stdout.write(reportText(report));
    return report.canRun ? EXIT.ok : EXIT.runFailed;
  },
});

/** Sends the check's requests one by one, paced at the school's requests per second, waiting out each retry's delay. */
async function driveDoctor(run: DoctorRun, connection: Connection, requestsPerSecond: number): Promise<void> {
  const { clock, transport } = connection;
  const pacer = new RequestPacer(requestsPerSecond, { marginMs: connection.marginMs });
  for (let next = run.next(); next !== null; next = run.next()) {
    if (next.notBefore > clock.now()) await clock.sleep(next.notBefore - clock.now());
    const wait = pacer.delayFor(1, clock.now());
    if (wait > 0) await clock.sleep(wait);
    pacer.record(1, clock.now());
    const [response] = await transport.send([next.request]);
    run.answer(response ?? NO_RESPONSE, clock.now());
  }
}

const NO_RESPONSE: HttpResponse & { transportError: string } = { status: 0, headers: {}, body: '', transportError: 'other' };
