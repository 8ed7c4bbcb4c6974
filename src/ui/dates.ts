// Dates in the sidebar: ISO from the server shown as dd/mm/aaaa, and the date fields, which show and
// take dd/mm/aaaa whatever the browser's language (an <input type=date> would follow the browser:
// mm/dd/yyyy in en-US) and send the ISO date the server expects. Parsing is core's one pt-BR parser.

import { DATE_REQUIRED, dateNotRecognized } from '../core/messages/sidebar';
import { formatBrDate, parseBrDate } from '../core/sidebar/api';

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;
const ISO_TIME = /T(\d{2}):(\d{2})/;

/** 'YYYY-MM-DD' (or a full ISO timestamp) as dd/mm/aaaa; anything else is shown as given. */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const date = ISO_DATE_PREFIX.exec(iso)?.[0];
  return date ? formatBrDate(date) : iso;
}

/** An ISO timestamp as dd/mm/aaaa hh:mm (the time as the server wrote it). */
export function formatDateTime(iso: string): string {
  const time = ISO_TIME.exec(iso);
  return time ? `${formatDate(iso)} ${time[1]}:${time[2]}` : formatDate(iso);
}

/** Today in the coordinator's local time, as 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type DateReading = { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly message: string };

/** A text field holding a dd/mm/aaaa date (sidebar.html gives it inputmode, a pattern and the dd/mm/aaaa hint shown while empty). */
export class DateField {
  constructor(readonly input: HTMLInputElement) {
    // What parses is rewritten the one way the sidebar shows dates: 1/9/2026 and 2026-09-01 become 01/09/2026.
    input.addEventListener('blur', () => {
      const reading = this.read();
      if (reading.ok) this.show(reading.iso);
    });
  }

  /** Shows an ISO date (empty for null). */
  show(iso: string | null): void {
    this.input.value = iso ? formatBrDate(iso) : '';
  }

  /** The ISO date typed, or what to tell the coordinator (empty, or no calendar date). */
  read(): DateReading {
    const typed = this.input.value.trim();
    if (typed === '') return { ok: false, message: DATE_REQUIRED };
    const iso = parseBrDate(typed);
    return iso ? { ok: true, iso } : { ok: false, message: dateNotRecognized(typed) };
  }

  /** The ISO date when it parses, else the text as typed (for a server that judges it itself). */
  value(): string {
    const reading = this.read();
    return reading.ok ? reading.iso : this.input.value.trim();
  }
}

/** Shows `message` in a field's error slot (and marks the field invalid), or clears both for null. */
export function showFieldError(control: HTMLElement, slot: HTMLElement, message: string | null): void {
  slot.textContent = message ?? '';
  slot.hidden = message === null;
  if (message === null) control.removeAttribute('aria-invalid');
  else control.setAttribute('aria-invalid', 'true');
}
