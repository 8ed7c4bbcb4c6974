// What a command needs from its process: output streams and environment, injectable for tests.

import { badDateOption, badIdListOption, badIntegerOption, badNumberOption, numberRange } from '../core/messages/cli';
import type { LocalDate } from '../core/time/local-date';
import { parseBrDate } from '../core/time/pt-br-dates';
import type { DriverClock } from './drive-job';

export interface CliIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock a sync against a real API paces and waits on; the system's unless a test gives a virtual one. */
  readonly clock?: DriverClock;
}

/** Bad usage or a config error: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A command called the wrong way (an option or argument missing or invalid): exit 2, and the command's usage follows the message. */
export class OptionError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

export const EXIT = { ok: 0, runFailed: 1, usage: 2 } as const;

/** A whole-number option, or a usage error naming it (never NaN reaching the code, never a stack trace). */
export function integerOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new OptionError(badIntegerOption(name, text, min, max));
  return value;
}

/** A decimal option (`1.5` or `1,5`) within [min, max] (min excluded with `above`), or a usage error naming it. */
export function numberOption(name: string, text: string | undefined, range: { min: number; max: number; above?: boolean }): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\s*-?\d+([.,]\d+)?\s*$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  const low = range.above ? value > range.min : value >= range.min;
  if (!Number.isFinite(value) || !low || value > range.max) {
    throw new OptionError(badNumberOption(name, text, numberRange(range.min, range.max, range.above === true)));
  }
  return value;
}

/** A calendar-date option (DD/MM/AAAA, or AAAA-MM-DD) as an ISO LocalDate, or a usage error naming it. */
export function dateOption(name: string, text: string | undefined): LocalDate | undefined {
  if (text === undefined) return undefined;
  const date = parseBrDate(text);
  if (!date) throw new OptionError(badDateOption(name, text));
  return date;
}

/** A comma-separated list of positive ids (`--products 11,12`), or a usage error naming it. */
export function idListOption(name: string, text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const ids = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
  if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) throw new OptionError(badIdListOption(name, text));
  return ids;
}
