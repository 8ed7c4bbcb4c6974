// Numbers and durations as a Brazilian reader expects them in the CLI's lines and the HTML preview
// (`1.500`, `1,1 s`, `9 min 25 s`). Waits and instants of a run are in sync.ts (formatWait, formatInstant).

/** A whole count with dots between thousands: `1.500`. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A measured duration: `1,1 s`, `9 min 25 s`, `2 h 5 min`. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1).replace('.', ',')} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
