// What the connection check says: one line per check, each ok, a warning (the run goes on) or a
// failure (the next run cannot succeed), in a section of the report.

import type { HttpRequest, HttpResponse } from '../http';
import type { DoctorSection } from '../messages/doctor';

export type { DoctorHost, DoctorSection } from '../messages/doctor';

/** `info` is said but judges nothing (a count, a summary); `warning` lets the run go on; `failure` does not. */
export type CheckStatus = 'ok' | 'info' | 'warning' | 'failure';

/** One line of the report (pt-BR, from the catalogue; never text from an answer). */
export interface CheckLine {
  readonly section: DoctorSection;
  readonly status: CheckStatus;
  readonly text: string;
}

export const ok = (section: DoctorSection, text: string): CheckLine => ({ section, status: 'ok', text });
export const info = (section: DoctorSection, text: string): CheckLine => ({ section, status: 'info', text });
export const warning = (section: DoctorSection, text: string): CheckLine => ({ section, status: 'warning', text });
export const failure = (section: DoctorSection, text: string): CheckLine => ({ section, status: 'failure', text });

/** What reading one answer found. */
export interface StepResult {
  readonly lines: readonly CheckLine[];
  /** Checks this answer made possible (a progress call for a user the listing gave). */
  readonly next?: readonly DoctorStep[];
  /** The key was refused: every later request would be refused too. */
  readonly stop?: boolean;
}

/**
 * One request of the check and how its answer reads. `read` gets the answer (the key already
 * scrubbed from it) and throws the client's typed error for anything but a usable 2xx; `explain`
 * says what such an error means for this check (null: the run's general reading of it).
 */
export interface DoctorStep {
  readonly endpoint: string;
  readonly section: DoctorSection;
  readonly request: HttpRequest;
  read(response: HttpResponse, nowMs: number): StepResult;
  explain?(error: unknown): StepResult | null;
}
