// The embedded Cademi simulator as an ApiConnection: in-process, on a virtual clock shared with the
// driver, so a week's full 2 req/s pacing passes in simulated time while the real run takes seconds.

import type { ApiGeneration } from '../core/cademi/types';
import type { HttpRequest, HttpResponse } from '../core/http';
import { createSchool, createSimulator, DEFAULT_V3_TOKEN, VirtualClock } from '../simulator';
import type { ApiConnection } from './sync-runner';

/** Addresses that never leave the process: requests to them go straight to the simulator's handler. */
const EMBEDDED_BASE_URL: Readonly<Record<ApiGeneration, string>> = {
  v1: 'https://simulador.cademi.local/api/v1',
  v3: 'https://simulador.cademi.local/api/v3',
};
/** The embedded simulator's v1 API key (used when CADEMI_TOKEN is not set). */
export const EMBEDDED_TOKEN = 'simulador-token';
/** The embedded simulator's v3 key: a `ck_test_` key, as Cademi's sandbox gives. */
export const EMBEDDED_V3_TOKEN = DEFAULT_V3_TOKEN;

export type EmbeddedSimulator = ReturnType<typeof createSimulator>;

export interface EmbeddedApi extends ApiConnection {
  readonly simulator: EmbeddedSimulator;
  readonly virtualClock: VirtualClock;
}

export interface EmbeddedOptions {
  /** Virtual time at which the clock starts. */
  readonly startAt: number;
  /** The token the client sends (a wrong one gets 405 on v1, 401 on v3, as from the real API). */
  readonly token?: string;
  /** Which generation the client speaks (default v1); the simulator serves both. */
  readonly api?: ApiGeneration;
  /** Simulated round-trip time per batch. */
  readonly latencyMs?: number;
  readonly seed?: number;
  readonly studentCount?: number;
}

export function embeddedApi(options: EmbeddedOptions): EmbeddedApi {
  const virtualClock = new VirtualClock(options.startAt);
  const simulator = createSimulator({
    clock: virtualClock,
    token: EMBEDDED_TOKEN,
    school: createSchool({ seed: options.seed, studentCount: options.studentCount }),
  });
  const latencyMs = options.latencyMs ?? 150;
  const api = options.api ?? 'v1';
  return {
    target: { api, baseUrl: EMBEDDED_BASE_URL[api], token: options.token ?? (api === 'v3' ? EMBEDDED_V3_TOKEN : EMBEDDED_TOKEN) },
    virtual: true,
    marginMs: 0,
    simulator,
    virtualClock,
    clock: {
      now: () => virtualClock.now(),
      sleep: async (ms) => virtualClock.advance(ms),
    },
    transport: {
      async send(requests: readonly HttpRequest[]): Promise<HttpResponse[]> {
        const responses = requests.map((request) => simulator.handle(request));
        virtualClock.advance(latencyMs);
        return responses;
      },
    },
  };
}

/** Moves the shared virtual clock forward to `at` (a new simulated week). */
export function advanceTo(api: EmbeddedApi, at: number): void {
  if (at > api.virtualClock.now()) api.virtualClock.set(at);
}
