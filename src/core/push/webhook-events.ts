// Cademi's progress webhooks (push) as plain data: both documented formats, checked with zod.

import { z } from 'zod';
import { V3_CONTRACT } from '../cademi-v3/contract';
import { lookup } from '../cademi-v3/fields';
import { isV3Id } from '../cademi-v3/ids';
import { isProgressEvent } from '../cademi-v3/responses';
import { BODY_NOT_JSON, notAProgressEvent, PROGRESS_EVENT_UNREADABLE } from '../messages/webhook';
import type { ProductId, StudentId } from '../model/ids';

/** One student's progress in one product, as a webhook reported it. */
export interface PushedProgress {
  readonly studentId: StudentId;
  readonly productId: ProductId;
  /** 0-100 (the webhook sends an integer percent). */
  readonly percent: number;
  /** When the monitor received it (epoch ms): the value is known true at that instant. */
  readonly receivedAt: number;
}

const id = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);
const percent = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d+(?:[.,]\d+)?%?$/)
      .transform((text) => Number(text.replace('%', '').replace(',', '.'))),
  ])
  .pipe(z.number().min(0).max(100));

/** v1: `{event_id, event_type: 'usuario.progresso', event: {usuario, produto, progresso}}`. */
const legacyEvent = z.object({
  event_type: z.literal('usuario.progresso'),
  event: z.object({ usuario: z.object({ id }), produto: z.object({ id }), progresso: percent }),
});

/** v2: `{version: '2', event: 'user.progress', payload: {user, product, progress_percentage}}`. */
const v2Event = z.object({
  event: z.literal('user.progress'),
  payload: z.object({ user: z.object({ id }), product: z.object({ id }), progress_percentage: percent }),
});

/**
 * v3: `{id, type, version, occurred_at, data, delivery_id, attempt}` [known], a progress type and
 * `data`'s user, product and percent at the paths the contract table declares (assumed there).
 * Its `Cademi-Signature` header cannot be checked in `doPost` (Apps Script hides request headers):
 * the secret in the URL is what authenticates it, as for v1's webhooks.
 */
function v3Progress(json: unknown, receivedAt: number): PushedProgress | null {
  const { fields } = V3_CONTRACT.endpoints.events;
  const type = lookup(json, fields.type.path).value;
  if (typeof type !== 'string' || !isProgressEvent({ type })) return null;
  const studentId = lookup(json, fields.userId.path).value;
  const productId = lookup(json, fields.productId.path).value;
  const value = percent.safeParse(lookup(json, fields.percent.path).value);
  if (!isV3Id(studentId, 'usr_') || !isV3Id(productId, 'prd_') || !value.success) return null;
  return { studentId, productId, percent: value.data, receivedAt };
}

export type WebhookParse = { readonly kind: 'progress'; readonly progress: PushedProgress } | { readonly kind: 'ignored'; readonly reason: string };

/** Reads a webhook body; other event types (aula.concluida…) are acknowledged and ignored. */
export function parseWebhookBody(body: string, receivedAt: number): WebhookParse {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'ignored', reason: BODY_NOT_JSON };
  }
  const legacy = legacyEvent.safeParse(json);
  if (legacy.success) {
    const { usuario, produto, progresso } = legacy.data.event;
    return { kind: 'progress', progress: { studentId: usuario.id, productId: produto.id, percent: progresso, receivedAt } };
  }
  const v2 = v2Event.safeParse(json);
  if (v2.success) {
    const { user, product, progress_percentage } = v2.data.payload;
    return { kind: 'progress', progress: { studentId: user.id, productId: product.id, percent: progress_percentage, receivedAt } };
  }
  const v3 = v3Progress(json, receivedAt);
  if (v3 !== null) return { kind: 'progress', progress: v3 };
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const type = record.event_type ?? record.event ?? record.type;
  if (typeof type === 'string' && (PROGRESS_TYPES.has(type) || isProgressEvent({ type }))) return { kind: 'ignored', reason: PROGRESS_EVENT_UNREADABLE };
  // The reply names the type only when it reads as one (`aula.concluida`): any other text of the body stays out of it.
  return { kind: 'ignored', reason: notAProgressEvent(typeof type === 'string' && EVENT_TYPE.test(type) ? type : null) };
}

/** The v1 and v2 progress events, by type: one that did not parse above has fields missing or wrong. */
const PROGRESS_TYPES: ReadonlySet<string> = new Set(['usuario.progresso', 'user.progress']);
/** What an event type looks like: a dotted identifier, short. */
const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,3}$/i;
