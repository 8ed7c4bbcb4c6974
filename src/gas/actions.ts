// What the menu items and the tick do, in Portuguese for the people who click them.

import { errorText } from '../core/errors';
import { AUTO_UPDATE_DISABLED, AUTO_UPDATE_ENABLED, SCHEDULE_NOTE } from '../core/messages/automation';
import { tokenMessages } from '../core/messages/cademi';
import * as say from '../core/messages/menu';
import { NO_RUNS, runFailed } from '../core/messages/sidebar';
import { formatInstant, waitingForApi } from '../core/messages/sync';
import { disabledByOtherNotice, disabledStaleNotice, otherOwnerNotice, tookOverNotice } from '../core/schedule/tick-owner';
import { SHEET } from '../core/sheets';
import type { SyncJob } from '../core/sync/job';
import { readWebhook, saveWebhook } from './alerts';
import { MENU_TITLE } from './menu';
import { readCheckpoint, setRunRequested } from './state-store';
import { TICK_PERIOD_MS } from './tick-ownership';
import { claimTick, ensureTickTrigger, isAutoUpdateEnabled, removeTickTriggers, setAutoUpdate, stopAutomation } from './triggers';
import { runOneSlice, type SliceReport } from './weekly-run';

const TITLE = MENU_TITLE;
const TOAST_EVERY_MS = 15_000;

/** "Atualizar agora": requests a run and works on it at once; the tick finishes what one slice cannot. */
export function refreshNow(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const inProgress = readCheckpoint();
  setRunRequested(true);
  // A tick must exist to finish a run longer than one execution, even with auto-update off: this
  // editor's, unless another editor's live tick already is the automation.
  const install = ensureTickTrigger();
  if (install.kind === 'took-over') ui.alert(TITLE, tookOverNotice(install.previous, spreadsheet.getSpreadsheetTimeZone()), ui.ButtonSet.OK);
  spreadsheet.toast(inProgress ? say.runContinuingToast(inProgress.week) : say.RUN_STARTED_TOAST, TITLE, 10);
  let lastToast = Date.now();
  const onProgress = (job: SyncJob) => {
    if (Date.now() - lastToast < TOAST_EVERY_MS) return;
    lastToast = Date.now();
    const { listing, settled, total } = job.progress();
    spreadsheet.toast(listing ? say.LISTING_STUDENTS : say.progressToast(settled, total, Math.floor((100 * settled) / Math.max(1, total))), TITLE, 10);
  };
  const report = runOneSlice({ trigger: 'Manual', onProgress });
  announce(report, spreadsheet, ui);
}

function announce(report: SliceReport, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, ui: GoogleAppsScript.Base.Ui): void {
  switch (report.kind) {
    case 'busy':
      ui.alert(TITLE, say.RUN_BUSY, ui.ButtonSet.OK);
      return;
    case 'no-token':
      ui.alert(TITLE, tokenMessages.missing(), ui.ButtonSet.OK);
      return;
    case 'paused':
      spreadsheet.toast(say.runPausedToast(report.week, report.settled, report.total), TITLE, 15);
      return;
    case 'completed':
      spreadsheet.toast(say.runCompletedToast(report.week, report.students, report.calls, report.carried), TITLE, 15);
      return;
    case 'failed':
      ui.alert(TITLE, runFailed(report.message), ui.ButtonSet.OK);
      return;
    case 'waiting-quota':
      ui.alert(TITLE, say.WAITING_FOR_QUOTA, ui.ButtonSet.OK);
      return;
    case 'waiting-api':
      ui.alert(TITLE, waitingForApi(formatInstant(report.until, spreadsheet.getSpreadsheetTimeZone())), ui.ButtonSet.OK);
      return;
    case 'idle':
      return;
  }
}

/**
 * The periodic trigger: advances a requested, due or unfinished run by one slice. A tick that is not
 * the spreadsheet's recorded automation (another editor's already is) deletes itself and stops.
 */
export function onTick(event?: { readonly triggerUid?: unknown }): void {
  const triggerUid = event?.triggerUid === undefined || event.triggerUid === null || event.triggerUid === '' ? null : String(event.triggerUid);
  let claim: ReturnType<typeof claimTick> | null = null;
  try {
    claim = claimTick(triggerUid);
  } catch (error) {
    // The heartbeat is bookkeeping: a properties failure here must not stop the slice, whose own
    // failure path logs to Execuções and alerts.
    console.error(`tick: could not record the heartbeat (${errorText(error)})`);
  }
  if (claim === 'stray') return;
  const report = runOneSlice({ trigger: 'Agendada' });
  // Without auto-update, the tick only lives to finish a requested run.
  if (!isAutoUpdateEnabled() && report.kind !== 'paused' && report.kind !== 'busy' && report.kind !== 'waiting-quota' && readCheckpoint() === null)
    removeTickTriggers();
}

/** "Ativar": one automation per spreadsheet; says whose account runs it when it is not the clicker's. */
export function enableAutoUpdate(): void {
  setAutoUpdate(true);
  const install = ensureTickTrigger();
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const message =
    install.kind === 'other'
      ? otherOwnerNotice(install.owner)
      : install.kind === 'took-over'
        ? `${tookOverNotice(install.previous, timeZone)} ${SCHEDULE_NOTE}`
        : AUTO_UPDATE_ENABLED;
  SpreadsheetApp.getUi().alert(TITLE, message, SpreadsheetApp.getUi().ButtonSet.OK);
}

/** "Desativar": off for the whole spreadsheet; another editor's tick removes itself on its next run. */
export function disableAutoUpdate(): void {
  const runPending = readCheckpoint() !== null;
  const stop = stopAutomation(runPending);
  const message =
    stop.kind === 'other'
      ? disabledByOtherNotice(stop.owner, TICK_PERIOD_MS, runPending)
      : stop.kind === 'stale'
        ? disabledStaleNotice(stop.previous, SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), stop.finishing)
        : AUTO_UPDATE_DISABLED;
  SpreadsheetApp.getUi().alert(TITLE, message, SpreadsheetApp.getUi().ButtonSet.OK);
}

export function showRuns(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(SHEET.runs);
  if (!sheet) {
    SpreadsheetApp.getUi().alert(TITLE, NO_RUNS, SpreadsheetApp.getUi().ButtonSet.OK);
    return;
  }
  spreadsheet.setActiveSheet(sheet);
}

/** "Configurar alertas do Slack…": the incoming-webhook URL, kept in DocumentProperties. */
export function configureSlackAlerts(): void {
  const ui = SpreadsheetApp.getUi();
  const current = readWebhook();
  const answer = ui.prompt(say.SLACK_DIALOG_TITLE, say.slackDialogPrompt(current ? current.slice(-4) : null), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const url = answer.getResponseText().trim();
  try {
    saveWebhook(url === '' ? null : url);
    ui.alert(TITLE, url === '' ? say.SLACK_DISABLED : say.webhookSaved(url.slice(-4)), ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(TITLE, say.webhookNotSaved(errorText(error)), ui.ButtonSet.OK);
  }
}
