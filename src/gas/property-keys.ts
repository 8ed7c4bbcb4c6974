// Every PropertiesService key the Apps Script host uses, in one place: the `cademi.` namespace is
// shared by the stores, so a new key is chosen here, next to the others, never inline.

/** Document properties: state of this spreadsheet's runs, shared by its editors. */
export const DOCUMENT_KEY = {
  token: 'cademi.apiToken',
  /** The checkpoint's manifest: how many chunks, and the length and hash of their concatenation. */
  checkpoint: 'cademi.checkpoint',
  /** Prefix of the checkpoint's numbered chunks: `cademi.checkpoint.1`, `cademi.checkpoint.2`, … */
  checkpointChunk: 'cademi.checkpoint.',
  runRequested: 'cademi.runRequested',
  lastCompletedWeek: 'cademi.lastCompletedWeek',
  lastFailureAt: 'cademi.lastFailureAt',
  lastOutcome: 'cademi.lastOutcome',
  progress: 'cademi.progress',
  pausedUntil: 'cademi.pausedUntil',
  /** The open incident (one alert per incident, not per tick). */
  incident: 'cademi.incident',
  slackWebhook: 'cademi.slackWebhook',
  archiveSpreadsheetId: 'cademi.archiveSpreadsheetId',
  autoUpdate: 'cademi.autoUpdate',
  tickOwner: 'cademi.tickOwner',
  tickHeartbeat: 'cademi.tickHeartbeat',
  /** The native charts placed, with their pending records (see native-charts.ts). */
  chartLedger: 'cademi.charts',
} as const;

/** Script properties: read by the web app (doPost), which has no document. */
export const SCRIPT_KEY = {
  webhookSecret: 'cademi.webhookSecret',
  webhookSpreadsheetId: 'cademi.webhookSpreadsheetId',
} as const;

/** User properties: per person. */
export const USER_KEY = {
  selfCheckPassed: 'cademi.selfCheckPassed',
} as const;
