// After a completed week, each tutor gets their own contact list (when `Configuração` asks for it).

import { errorText } from '../core/errors';
import { DELIVERY_REASON } from '../core/messages/alerts';
import { TUTOR_LISTS_TITLE } from '../core/messages/mail';
import { PRODUCT_NAME } from '../core/messages/product';
import type { WeeklyContacts } from '../core/report/contacts';
import { tutorMessages } from '../core/report/tutor-mail';
import { type Delivery, type DeliveryReport, mailFailureKind, recipientCount } from '../core/runlog/delivery-report';

/**
 * Sends one message per tutor. MailApp's daily quota counts recipients
 * (https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()) and
 * other executions spend it too, so it is checked before each send: a message that does not fit is
 * skipped, not attempted. Null when there is nobody to write to; describeDeliveries renders the
 * report for the run log ("3 enviados, 2 não enviados (cota …)").
 */
export function mailTutors(contacts: WeeklyContacts, spreadsheetUrl: string): DeliveryReport | null {
  const messages = tutorMessages(contacts, spreadsheetUrl);
  if (messages.length === 0) return null;
  const deliveries: Delivery[] = messages.map((message): Delivery => {
    try {
      if (MailApp.getRemainingDailyQuota() < recipientCount(message.to)) return { channel: 'e-mail', status: 'skipped', reason: DELIVERY_REASON.mailQuota };
      MailApp.sendEmail({ to: message.to, subject: message.subject, body: message.body, htmlBody: message.htmlBody, name: PRODUCT_NAME });
      return { channel: 'e-mail', status: 'sent' };
    } catch (error) {
      const kind = mailFailureKind(errorText(error));
      console.warn(`tutor e-mail failed: ${kind}`);
      return { channel: 'e-mail', status: 'failed', reason: DELIVERY_REASON.mailRefused(kind) };
    }
  });
  const skipped = deliveries.filter((delivery) => delivery.status === 'skipped').length;
  if (skipped > 0) console.warn(`tutor e-mails: ${skipped} of ${deliveries.length} skipped (MailApp daily quota)`);
  return { title: TUTOR_LISTS_TITLE, deliveries };
}
