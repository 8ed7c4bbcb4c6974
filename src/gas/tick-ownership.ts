// Whose tick trigger is this spreadsheet's automation, kept in DocumentProperties (its keys live only
// here): the owner record and the heartbeat each owner tick writes. Every editor reads the same
// record, while Apps Script shows each editor only their own triggers.

import { parseHeartbeat, parseTickOwner, type TickOwner, type TickRecord } from '../core/schedule/tick-owner';
import { TICK_MINUTES } from './deployment';
import { DOCUMENT_KEY } from './property-keys';

const KEY = {
  owner: DOCUMENT_KEY.tickOwner,
  heartbeat: DOCUMENT_KEY.tickHeartbeat,
} as const;

/** How often the tick fires. */
export const TICK_PERIOD_MS = TICK_MINUTES * 60_000;

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function readTickRecord(): TickRecord | null {
  const owner = parseTickOwner(store().getProperty(KEY.owner));
  return owner === null ? null : { owner, heartbeat: parseHeartbeat(store().getProperty(KEY.heartbeat)) };
}

/** Records the current editor as the owner of `triggerId`; the installation counts as a beat. */
export function recordTickOwner(triggerId: string, now: number): TickOwner {
  const owner: TickOwner = { triggerId, email: currentEditorEmail(), installedAt: now };
  store().setProperties({ [KEY.owner]: JSON.stringify(owner), [KEY.heartbeat]: String(now) });
  return owner;
}

/** Written by each tick of the owner: the other editors read it to tell a live tick from a dead one. */
export function writeHeartbeat(now: number): void {
  store().setProperty(KEY.heartbeat, String(now));
}

export function clearTickRecord(): void {
  store().deleteProperty(KEY.owner);
  store().deleteProperty(KEY.heartbeat);
}

/**
 * The e-mail of the account the script runs as (the one a trigger it creates runs as), or null:
 * consumer accounts may not reveal it
 * (https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()).
 */
function currentEditorEmail(): string | null {
  try {
    return Session.getEffectiveUser().getEmail() || null;
  } catch {
    return null;
  }
}
