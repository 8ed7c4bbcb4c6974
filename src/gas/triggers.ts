// The single periodic tick trigger: installed and removed idempotently (never two).

import { TICK_MINUTES } from './deployment';

export const TICK_HANDLER = 'tick';
const AUTO_UPDATE_KEY = 'cademi.autoUpdate';

function tickTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === TICK_HANDLER);
}

/** Ensures exactly one tick trigger exists; returns true when it had to create it. */
export function ensureTickTrigger(): boolean {
  const existing = tickTriggers();
  existing.slice(1).forEach((trigger) => ScriptApp.deleteTrigger(trigger));
  if (existing.length > 0) return false;
  const builder = ScriptApp.newTrigger(TICK_HANDLER).timeBased();
  (TICK_MINUTES >= 60 ? builder.everyHours(TICK_MINUTES / 60) : builder.everyMinutes(TICK_MINUTES)).create();
  return true;
}

export function removeTickTriggers(): number {
  const existing = tickTriggers();
  existing.forEach((trigger) => ScriptApp.deleteTrigger(trigger));
  return existing.length;
}

export function hasTickTrigger(): boolean {
  return tickTriggers().length > 0;
}

/** Whether the coordinator wants the weekly run to start by itself. */
export function isAutoUpdateEnabled(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(AUTO_UPDATE_KEY) === 'on';
}

export function setAutoUpdate(enabled: boolean): void {
  PropertiesService.getDocumentProperties().setProperty(AUTO_UPDATE_KEY, enabled ? 'on' : 'off');
}
