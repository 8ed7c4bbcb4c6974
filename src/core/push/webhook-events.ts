// Cademi's progress webhooks (push) as plain data: both documented formats, checked with zod.

import { z } from 'zod';
import { BODY_NOT_JSON, notAProgressEvent } from '../messages/webhook';
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
  const type =
    typeof json === 'object' && json !== null ? String((json as Record<string, unknown>).event_type ?? (json as Record<string, unknown>).event ?? '?') : '?';
  return { kind: 'ignored', reason: notAProgressEvent(type.slice(0, 40)) };
}
