// One automation per spreadsheet, whoever installed it: which editor's tick trigger is the one, the
// decisions taken on that record (install, take over, stray, adopt) and how they are told in
// Portuguese. Pure: the Apps Script host stores the record and carries out the plans.

import { z } from 'zod';
import * as say from '../messages/automation';

/** A tick not heard from for this many periods is dead (one late or skipped tick is not). */
const STALE_AFTER_PERIODS = 2.5;

/** Whose tick trigger runs this spreadsheet's automation. */
export interface TickOwner {
  /** The trigger's unique id (what its time-driven events carry as `triggerUid`). */
  readonly triggerId: string;
  /** The owner's e-mail; null when the account did not reveal it (consumer accounts may not). */
  readonly email: string | null;
  /** When the owner installed or adopted it (epoch ms). */
  readonly installedAt: number;
}

/** The owner record plus the heartbeat (last tick, epoch ms) the owner's tick writes. */
export interface TickRecord {
  readonly owner: TickOwner;
  readonly heartbeat: number | null;
}

const tickOwnerSchema = z.object({
  triggerId: z.string().min(1),
  email: z.string().nullable(),
  installedAt: z.number().finite(),
});

/** The stored owner record, validated; anything unreadable counts as no record. */
export function parseTickOwner(text: string | null): TickOwner | null {
  if (!text) return null;
  try {
    const parsed = tickOwnerSchema.safeParse(JSON.parse(text));
    return parsed.success ? { ...parsed.data, email: parsed.data.email || null } : null;
  } catch {
    return null;
  }
}

export function parseHeartbeat(text: string | null): number | null {
  const value = Number(text);
  return text && Number.isFinite(value) && value > 0 ? value : null;
}

/** The last sign of life: the newest tick, or the installation when no tick has run yet. */
function lastSignOfLife(record: TickRecord): number {
  return Math.max(record.heartbeat ?? 0, record.owner.installedAt);
}

export function isTickAlive(record: TickRecord, now: number, periodMs: number): boolean {
  return now - lastSignOfLife(record) <= STALE_AFTER_PERIODS * periodMs;
}

/** What "make sure the tick exists" does for the editor asking. `remove`: own tick triggers to delete. */
export type InstallPlan =
  /** The record names one of this editor's triggers: it is the automation already. */
  | { readonly kind: 'mine'; readonly remove: readonly string[] }
  /** Another editor's tick is alive: install nothing (and drop this editor's strays). */
  | { readonly kind: 'other'; readonly owner: TickOwner; readonly remove: readonly string[] }
  /**
   * This editor becomes the owner: `adopt` one of their existing ticks (an upgrade from the version
   * without a record) or create one (null). `replaced` is the dead owner taken over, if any.
   */
  | { readonly kind: 'install'; readonly adopt: string | null; readonly remove: readonly string[]; readonly replaced: TickRecord | null };

/** `ownTickIds`: the asking editor's tick triggers (the only ones Apps Script shows them). */
export function planInstall(record: TickRecord | null, ownTickIds: readonly string[], now: number, periodMs: number): InstallPlan {
  if (record !== null && ownTickIds.includes(record.owner.triggerId)) {
    return { kind: 'mine', remove: ownTickIds.filter((id) => id !== record.owner.triggerId) };
  }
  if (record !== null && isTickAlive(record, now, periodMs)) return { kind: 'other', owner: record.owner, remove: ownTickIds };
  const [adopt = null, ...rest] = ownTickIds;
  return { kind: 'install', adopt, remove: rest, replaced: record };
}

/** What one tick does before any work. */
export type TickPlan =
  /** Run by hand (no trigger event): work, without claiming anything. */
  | { readonly kind: 'manual' }
  /** The recorded owner's tick: beat the heartbeat and work. */
  | { readonly kind: 'owner' }
  /** No live owner: this tick becomes the automation (`previous`: the dead owner, if any), then works. */
  | { readonly kind: 'adopt'; readonly previous: TickRecord | null }
  /** A duplicate while the owner's tick is alive: delete itself, do nothing else. */
  | { readonly kind: 'stray' };

/**
 * A tick with no record yet (upgrade from the version without one) adopts itself. A tick that is
 * not the owner's is a stray, unless the owner's tick is dead: then the automation lives on in it
 * rather than in none.
 */
export function planTick(record: TickRecord | null, triggerUid: string | null, now: number, periodMs: number): TickPlan {
  if (triggerUid === null) return { kind: 'manual' };
  if (record === null) return { kind: 'adopt', previous: null };
  if (record.owner.triggerId === triggerUid) return { kind: 'owner' };
  return isTickAlive(record, now, periodMs) ? { kind: 'stray' } : { kind: 'adopt', previous: record };
}

// ---- Portuguese, for the people who click the menu and read the sidebar (worded in messages/automation) ----

/** The owner as a person reads it: the e-mail, or "outro editor" when the account hid it. */
function ownerLabel(owner: TickOwner): string {
  return owner.email ?? say.OTHER_EDITOR;
}

/** Another editor's live tick already runs the automation. */
export function otherOwnerNotice(owner: TickOwner): string {
  return say.otherOwnerNotice(ownerLabel(owner));
}

/** The recorded owner's tick has stopped running. */
export function staleOwnerNotice(record: TickRecord, timeZone: string): string {
  return say.staleOwnerNotice(ownerLabel(record.owner), say.formatDateTime(lastSignOfLife(record), timeZone));
}

/** The stale warning as the sidebar shows it, with what to do. */
export function staleOwnerWarning(record: TickRecord, timeZone: string): string {
  return say.staleOwnerWarning(staleOwnerNotice(record, timeZone));
}

/** This editor took over from a dead owner. */
export function tookOverNotice(previous: TickRecord, timeZone: string): string {
  return say.tookOverNotice(staleOwnerNotice(previous, timeZone));
}

/** "Desativar" by someone who is not the owner: the owner's tick removes itself. */
export function disabledByOtherNotice(owner: TickOwner, periodMs: number, runPending: boolean): string {
  return say.disabledByOtherNotice(ownerLabel(owner), say.describePeriod(periodMs), runPending);
}

/** "Desativar" while the recorded owner's tick was already dead (`finishing`: this editor's tick finishes the pending run). */
export function disabledStaleNotice(previous: TickRecord, timeZone: string, finishing: boolean): string {
  return say.disabledStaleNotice(staleOwnerNotice(previous, timeZone), finishing);
}
