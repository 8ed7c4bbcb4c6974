// The one periodic tick trigger per spreadsheet, whoever installed it. Apps Script shows each editor
// only their own triggers and lets them delete only those
// (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()), so the
// document records whose tick is the automation (tick-ownership.ts) and the others step aside.

import { planInstall, planTick, type TickOwner, type TickRecord } from '../core/schedule/tick-owner';
import { TICK_MINUTES } from './deployment';
import { DOCUMENT_KEY } from './property-keys';
import { clearTickRecord, readTickRecord, recordTickOwner, TICK_PERIOD_MS, writeHeartbeat } from './tick-ownership';

const TICK_HANDLER = 'tick';
const AUTO_UPDATE_KEY = DOCUMENT_KEY.autoUpdate;

/** The current editor's tick triggers (nobody else's are visible). */
function ownTickTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === TICK_HANDLER);
}

function deleteTriggers(triggers: readonly GoogleAppsScript.Script.Trigger[], ids: readonly string[]): void {
  for (const trigger of triggers) if (ids.includes(trigger.getUniqueId())) ScriptApp.deleteTrigger(trigger);
}

function createTick(): GoogleAppsScript.Script.Trigger {
  const builder = ScriptApp.newTrigger(TICK_HANDLER).timeBased();
  return (TICK_MINUTES >= 60 ? builder.everyHours(TICK_MINUTES / 60) : builder.everyMinutes(TICK_MINUTES)).create();
}

/** What ensureTickTrigger found or did. */
export type TickInstall =
  /** The current editor's tick is the automation (`created`: installed just now). */
  | { readonly kind: 'mine'; readonly created: boolean }
  /** Another editor's live tick is the automation: nothing was installed. */
  | { readonly kind: 'other'; readonly owner: TickOwner }
  /** The recorded owner's tick was dead: the current editor's tick replaces it. */
  | { readonly kind: 'took-over'; readonly previous: TickRecord };

/**
 * Makes sure the spreadsheet has exactly one live tick: keeps the current editor's if it is the
 * recorded one, installs nothing while another editor's is alive, and otherwise installs (or adopts)
 * the current editor's and records them as the owner.
 */
export function ensureTickTrigger(): TickInstall {
  const now = Date.now();
  const own = ownTickTriggers();
  const plan = planInstall(
    readTickRecord(),
    own.map((trigger) => trigger.getUniqueId()),
    now,
    TICK_PERIOD_MS,
  );
  deleteTriggers(own, plan.remove);
  switch (plan.kind) {
    case 'mine':
      return { kind: 'mine', created: false };
    case 'other':
      return { kind: 'other', owner: plan.owner };
    case 'install':
      recordTickOwner(plan.adopt ?? createTick().getUniqueId(), now);
      return plan.replaced ? { kind: 'took-over', previous: plan.replaced } : { kind: 'mine', created: plan.adopt === null };
  }
}

/**
 * A tick's first step: `run` when it is the automation (it beats the heartbeat) or was started by
 * hand (no `triggerUid`); `stray` when it is a duplicate, which it has just deleted.
 */
export function claimTick(triggerUid: string | null): 'run' | 'stray' {
  const now = Date.now();
  const plan = planTick(readTickRecord(), triggerUid, now, TICK_PERIOD_MS);
  switch (plan.kind) {
    case 'manual':
      return 'run';
    case 'owner':
      writeHeartbeat(now);
      return 'run';
    case 'adopt':
      recordTickOwner(triggerUid as string, now);
      if (plan.previous) console.warn(`tick: the recorded tick (${plan.previous.owner.triggerId}) stopped beating; tick ${triggerUid} took over`);
      return 'run';
    case 'stray': {
      // It runs as the editor who created it, so it can delete itself.
      const own = ownTickTriggers();
      deleteTriggers(own, [triggerUid as string]);
      console.log(`tick: ${triggerUid} is a duplicate of the recorded tick; deleted`);
      return 'stray';
    }
  }
}

/** Removes the current editor's tick triggers; the record goes too when it named one of them. */
export function removeTickTriggers(): number {
  const own = ownTickTriggers();
  const record = readTickRecord();
  for (const trigger of own) ScriptApp.deleteTrigger(trigger);
  if (record && own.some((trigger) => trigger.getUniqueId() === record.owner.triggerId)) clearTickRecord();
  return own.length;
}

/** What switching the automation off did, for the person who clicked. */
export type AutomationStop =
  /** The current editor's tick (if any) is gone, or stays only to finish the run in progress. */
  | { readonly kind: 'mine' }
  /** Another editor's live tick: it removes itself on its next run (auto-update is off in the document). */
  | { readonly kind: 'other'; readonly owner: TickOwner }
  /**
   * The recorded owner's tick was already dead: the record is cleared, or, when a run is pending,
   * the current editor's tick takes over to finish it (`finishing`) and then removes itself.
   */
  | { readonly kind: 'stale'; readonly previous: TickRecord; readonly finishing: boolean };

/**
 * "Desativar": auto-update goes off in the document for everyone. The current editor's own ticks go
 * now (unless one must finish `runPending`); another editor's tick cannot be deleted from here, but
 * it sees auto-update off and removes itself.
 */
export function stopAutomation(runPending: boolean): AutomationStop {
  setAutoUpdate(false);
  const now = Date.now();
  const record = readTickRecord();
  const own = ownTickTriggers();
  const plan = planInstall(
    record,
    own.map((trigger) => trigger.getUniqueId()),
    now,
    TICK_PERIOD_MS,
  );
  if (plan.kind === 'mine' || record === null) {
    if (!runPending) removeTickTriggers();
    return { kind: 'mine' };
  }
  // Someone else's record: this editor's ticks are strays either way.
  for (const trigger of own) ScriptApp.deleteTrigger(trigger);
  if (plan.kind === 'other') return { kind: 'other', owner: plan.owner };
  clearTickRecord();
  if (runPending) ensureTickTrigger();
  return { kind: 'stale', previous: record, finishing: runPending };
}

/** Whether the coordinator wants the weekly run to start by itself. */
export function isAutoUpdateEnabled(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(AUTO_UPDATE_KEY) === 'on';
}

export function setAutoUpdate(enabled: boolean): void {
  PropertiesService.getDocumentProperties().setProperty(AUTO_UPDATE_KEY, enabled ? 'on' : 'off');
}
