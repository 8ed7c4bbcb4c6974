// Dates as the sidebar shows them: ISO 'YYYY-MM-DD' from the server becomes dd/mm/aaaa.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const ISO_TIME = /T(\d{2}):(\d{2})/;

/** 'YYYY-MM-DD' (or a full ISO timestamp) as dd/mm/aaaa; anything else is shown as given. */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const match = ISO_DATE.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
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
