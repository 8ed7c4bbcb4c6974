// Numbers and durations as a Brazilian reader expects them in the CLI's lines, the HTML preview and
// the sidebar (`1.500`, `1,1 s`, `9 min 25 s`, `1 aluno`, `3 alunos`). Waits and instants of a run are
// in sync.ts (formatWait, formatInstant). Imports nothing: the sidebar's bundle takes it along.

/** A whole count with dots between thousands: `1.500`. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * The noun (or participle) agreeing with `count`: `one` for exactly one, `many` otherwise, so 0 reads
 * "0 alunos" as Brazilian usage has it. Every count a person reads goes through this, never "aluno(s)".
 */
export function plural(count: number, one: string, many: string): string {
  return Math.abs(count) === 1 ? one : many;
}

/** A count and its noun, with dots between thousands: `1 aluno`, `1.500 alunos`. */
export function countOf(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${plural(count, one, many)}`;
}

/** A measured duration: `1,1 s`, `9 min 25 s`, `2 h 5 min`. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1).replace('.', ',')} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
