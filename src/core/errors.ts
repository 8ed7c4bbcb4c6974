// Reading a thrown value, in one place for both hosts.

import { thrownValue } from './messages/sync';

/** The message of a thrown value, for developer logs and for errors whose text is ours (never a cell for outside text). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * An error's class and, for our code and Apps Script services (`Exception`), its message. Errors that
 * may quote what they parsed (SyntaxError from JSON.parse, zod) give only their class, and a
 * platform message is cut where it would quote a server's response.
 */
export function describeError(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('message' in error)) return thrownValue(typeof error);
  const name = String((error as Error).name || 'Error');
  if (name === 'SyntaxError' || /zod/i.test(name)) return name;
  const [beforeResponse = ''] = String((error as Error).message).split(/truncated server response|server response|resposta do servidor/i);
  const message = beforeResponse.trim().slice(0, 300);
  return message ? `${name}: ${message}` : name;
}
