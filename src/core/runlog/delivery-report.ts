// What became of the messages a run sent (alerts, tutors' lists), channel by channel, and the one
// Portuguese sentence the run log shows for them (worded in messages/alerts).

import { channelOutcomes, deliveriesSentence, deliveryOutcome, type MailFailureKind, noChannelConfigured } from '../messages/alerts';

export type DeliveryChannel = 'e-mail' | 'Slack';

/** One message on one channel: sent, failed (with why) or skipped (a quota left no room). */
export type Delivery =
  | { readonly channel: DeliveryChannel; readonly status: 'sent' }
  | { readonly channel: DeliveryChannel; readonly status: 'failed' | 'skipped'; readonly reason: string };

/** Everything one notification tried, e.g. the alert "a atualização falhou" or the tutors' lists. */
export interface DeliveryReport {
  /** What was being sent, as the run log names it ("Alerta (a atualização falhou)"). */
  readonly title: string;
  /** Empty when no channel is configured. */
  readonly deliveries: readonly Delivery[];
}

export type { MailFailureKind };

/** Classifies a MailApp exception text. */
export function mailFailureKind(raw: string): MailFailureKind {
  if (/invalid (email|argument|recipient)|e-mail inválido|endereço inválido/i.test(raw)) return 'address';
  if (/too many|limit|limite|quota|cota/i.test(raw)) return 'limit';
  return 'other';
}

/** Recipients in a comma-separated address list: what MailApp's daily quota counts. */
export function recipientCount(addresses: string): number {
  return addresses.split(',').filter((address) => address.trim() !== '').length;
}

/** Groups of identical outcomes per channel, in the order first seen. */
function tally(deliveries: readonly Delivery[]): Map<DeliveryChannel, Map<string, { status: Delivery['status']; reason: string; count: number }>> {
  const byChannel = new Map<DeliveryChannel, Map<string, { status: Delivery['status']; reason: string; count: number }>>();
  for (const delivery of deliveries) {
    const reason = delivery.status === 'sent' ? '' : delivery.reason;
    const groups = byChannel.get(delivery.channel) ?? new Map();
    const key = `${delivery.status}\u0000${reason}`;
    const group = groups.get(key) ?? { status: delivery.status, reason, count: 0 };
    group.count++;
    groups.set(key, group);
    byChannel.set(delivery.channel, groups);
  }
  return byChannel;
}

/**
 * One sentence for the run log: "Alerta (a atualização falhou) — e-mail: enviado; Slack: falhou
 * (Slack respondeu HTTP 404)." Counts appear when a channel carried more than one message. Empty
 * for no report (nothing was due to be sent).
 */
export function describeDeliveries(report: DeliveryReport | null): string {
  if (report === null) return '';
  if (report.deliveries.length === 0) return noChannelConfigured(report.title);
  const channels = [...tally(report.deliveries)].map(([channel, groups]) => {
    const single = report.deliveries.filter((delivery) => delivery.channel === channel).length === 1;
    const outcomes = [...groups.values()].map(({ status, reason, count }) => deliveryOutcome(status, single ? null : count, reason));
    return channelOutcomes(channel, outcomes);
  });
  return deliveriesSentence(report.title, channels);
}
