// "Verificar conexão com a Cademi": the same check as `cademi-monitor doctor`, over UrlFetchApp with
// the key saved in DocumentProperties, paced at the school's requests per second; the report is
// shown in a dialog as escaped text. It reads the sheets and writes nothing.

import { DoctorRun } from '../core/doctor/doctor-run';
import { doctorPlan } from '../core/doctor/plan';
import { readConfigForCheck } from '../core/doctor/read-config';
import { reportText } from '../core/doctor/report-text';
import { doctorMessages } from '../core/messages/doctor';
import { RequestPacer } from '../core/sync/pacer';
import { MENU_TITLE } from './menu';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { readToken } from './state-store';
import { fetchOneRequest, UrlNotAllowedError } from './urlfetch-transport';

const DIALOG_WIDTH = 760;
const DIALOG_HEIGHT = 560;

export function checkConnection(): void {
  const ui = SpreadsheetApp.getUi();
  const { config, apiUrlCell } = readConfigForCheck(new SpreadsheetWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
  const plan = doctorPlan({ host: 'apps-script', config, apiUrlCell, token: readToken() });
  const run = new DoctorRun(plan);
  const pacer = new RequestPacer(config.settings.requestsPerSecond);
  try {
    for (let next = run.next(); next !== null; next = run.next()) {
      const retryWait = next.notBefore - Date.now();
      if (retryWait > 0) Utilities.sleep(retryWait);
      const wait = pacer.delayFor(1, Date.now());
      if (wait > 0) Utilities.sleep(wait);
      pacer.record(1, Date.now());
      run.answer(fetchOneRequest(next.request), Date.now());
    }
  } catch (error) {
    // The manifest's allowlist refuses the address: its message says which and what to do.
    if (!(error instanceof UrlNotAllowedError)) throw error;
    ui.alert(MENU_TITLE, error.message, ui.ButtonSet.OK);
    return;
  }
  const report = run.report();
  const html = `<pre style="font: 13px/1.45 monospace; white-space: pre-wrap; margin: 0">${escapeHtml(reportText(report))}</pre>`;
  ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(DIALOG_WIDTH).setHeight(DIALOG_HEIGHT), doctorMessages.title(report.api));
}

/** The report is our own text, but it names cohorts and cells a person typed: shown as text, never as markup. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
