// Test support: an Apps Script school (the built bundle over the fakes) whose UrlFetchApp answers a
// test can replace one request at a time, with alerts mailed to the coordinator, and its weekly run.

import type { HttpRequest, HttpResponse } from '../../src/core/http';
import { SHEET } from '../../src/core/sheets';
import { configure, type GasSchool } from './apps-script-school';

/** An answer for `request`, or undefined for the simulator's own; `real()` asks the simulator. */
export type Fault = (request: HttpRequest, real: () => HttpResponse) => HttpResponse | undefined;

export interface FaultyGasSchool extends GasSchool {
  /** Consulted on every request while set. */
  fault: Fault | null;
}

export const ALERT_EMAIL = 'coord@escola.com';

/** Configures `gas` with `cohorts` cohorts and alerts to ALERT_EMAIL, and routes its requests through `fault`. */
export function withFaults(gas: GasSchool, cohorts: number): FaultyGasSchool {
  configure(gas, { cohorts });
  const settings = gas.env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
  const keys = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((row) => row[0]);
  settings.getRange(keys.indexOf('E-mail para alertas') + 1, 2).setValue(ALERT_EMAIL);
  const faulty = Object.assign(gas, { fault: null as Fault | null });
  const real = gas.env.urlFetch.handler;
  gas.env.urlFetch.handler = (request) => faulty.fault?.(request, () => real(request)) ?? real(request);
  return faulty;
}

/** "Atualizar agora", then the tick until the run is over (or `forMs` passes). */
export function runWeek(gas: GasSchool, forMs = 6 * 3_600_000): void {
  gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
  gas.env.runTriggersUntil(gas.env.time.now() + forMs, gas.fns);
}
