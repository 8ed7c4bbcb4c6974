// What a person may read of a BigQuery failure, in both hosts: the core's own errors are written for
// a person (pt-BR, from the catalogue); a client's error (Google's official client in Node, the
// advanced service in Apps Script) is English and may quote a response, so only its name and code.

import { bigQueryClientFailed } from '../messages/bigquery';
import { BigQueryInsertError, BigQueryNotReadyError, BigQueryStreamingBufferError } from './history-sink';
import { BigQueryShapeError } from './history-table';
import { BigQueryConfigError } from './requests';

const OURS = [BigQueryInsertError, BigQueryStreamingBufferError, BigQueryNotReadyError, BigQueryConfigError, BigQueryShapeError];

export function describeBigQueryFailure(error: unknown, host: 'cli' | 'apps-script'): string {
  if (OURS.some((kind) => error instanceof kind)) return (error as Error).message;
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const shownCode = (typeof code === 'string' && /^[\w.-]{1,40}$/.test(code)) || (typeof code === 'number' && Number.isInteger(code)) ? String(code) : null;
  const shownName = typeof name === 'string' && /^[A-Za-z][\w]{0,59}$/.test(name) ? name : 'Error';
  return bigQueryClientFailed(shownName, shownCode, host);
}
