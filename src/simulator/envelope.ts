// Cademi's response envelope: {success, code, data | msg, profiler} as JSON HTTP responses.

import type { HttpResponse } from '../core/http';
import { hashUnit } from './random';

/** Cademi's timing block: seconds since the epoch (floats) and the processing time. */
export interface Profiler {
  readonly start: number;
  readonly finish: number;
  readonly process: number;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function textHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return hash;
}

/** A plausible profiler for a request, derived from the instant and the URL so answers stay reproducible. */
export function profilerFor(seed: number, now: number, url: string): Profiler {
  const start = Math.round(now) / 1000;
  const process = Math.round((0.02 + 0.08 * hashUnit(seed, textHash(url), Math.floor(now))) * 1000) / 1000;
  return { start, finish: Math.round((start + process) * 1000) / 1000, process };
}

/** A 200 answer wrapping `data`. */
export function successResponse(data: unknown, profiler: Profiler): HttpResponse {
  return { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ success: true, code: 200, data, profiler }) };
}

/** An error answer: the HTTP status and the envelope's `code` agree. */
export function errorResponse(code: number, msg: string, profiler: Profiler, headers: Record<string, string> = {}): HttpResponse {
  return { status: code, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify({ success: false, code, msg, profiler }) };
}
