// The run log's sentence for what a notification did, channel by channel.

import { type Delivery, describeDeliveries, recipientCount } from '../../src/core/runlog/delivery-report';

const sent: Delivery = { channel: 'e-mail', status: 'sent' };
const quota: Delivery = { channel: 'e-mail', status: 'skipped', reason: 'cota diária de e-mails do MailApp esgotada' };

describe('describeDeliveries', () => {
  it('is empty when nothing was due, and says so when no channel is configured', () => {
    expect(describeDeliveries(null)).toBe('');
    expect(describeDeliveries({ title: 'Alerta (resolvido)', deliveries: [] })).toBe('Alerta (resolvido): nenhum canal configurado.');
  });
  it('names one message per channel without counts, and counts when a channel carried several', () => {
    expect(describeDeliveries({ title: 'Alerta (x)', deliveries: [sent, { channel: 'Slack', status: 'failed', reason: 'Slack respondeu HTTP 500' }] })).toBe(
      'Alerta (x) — e-mail: enviado; Slack: falhou (Slack respondeu HTTP 500).',
    );
    expect(describeDeliveries({ title: 'Listas dos tutores', deliveries: [sent, quota, sent] })).toBe(
      'Listas dos tutores — e-mail: 2 enviados, 1 não enviado (cota diária de e-mails do MailApp esgotada).',
    );
  });
  it('keeps different reasons apart', () => {
    const refused: Delivery = { channel: 'e-mail', status: 'failed', reason: 'o MailApp recusou o envio: Invalid email' };
    expect(describeDeliveries({ title: 'Listas dos tutores', deliveries: [refused, quota, refused] })).toBe(
      'Listas dos tutores — e-mail: 2 falharam (o MailApp recusou o envio: Invalid email), 1 não enviado (cota diária de e-mails do MailApp esgotada).',
    );
  });
});

test('recipientCount counts the addresses of a comma-separated list', () => {
  expect(recipientCount('a@x.com')).toBe(1);
  expect(recipientCount('a@x.com, b@x.com,')).toBe(2);
  expect(recipientCount('')).toBe(0);
});
