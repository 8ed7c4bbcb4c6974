// The simulator over real HTTP on 127.0.0.1 (node:http), for the CLI, demos and end-to-end tests.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest } from '../core/http';
import { systemClock } from './clock';
import { createSimulator, type Simulator, type SimulatorOptions } from './handler';
import { createSchool } from './school';

/** Options of `startSimulatorServer`. */
export interface SimulatorServerOptions {
  /** Port to listen on (default 0: any free port). */
  port?: number;
  /** Only loopback is allowed: the simulator is never reachable from another machine. */
  host?: '127.0.0.1';
  /** Delay added to every response, in ms (default 0). */
  latencyMs?: number;
  ratePerSecond?: number;
  perMinute?: number;
  token?: string;
  seed?: number;
  studentCount?: number;
  /** Fault injection, as in `createSimulator` (tests and the fault suite). */
  fault?: SimulatorOptions['fault'];
  /** Which API generation `url` points at (default v1); both are served either way. */
  api?: 'v1' | 'v3';
  /** The v3 keys accepted under /api/v3, as in `createSimulator`. */
  v3Credentials?: SimulatorOptions['v3Credentials'];
}

/** A running simulator server. */
export interface SimulatorServer {
  /** The API base URL, e.g. http://127.0.0.1:41234/api/v1 (…/api/v3 with `api: 'v3'`) */
  readonly url: string;
  close(): Promise<void>;
  readonly simulator: Simulator;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Starts the simulator on 127.0.0.1 with the system clock. */
export function startSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const host = '127.0.0.1';
  const latencyMs = options.latencyMs ?? 0;
  const simulator = createSimulator({
    clock: systemClock,
    school: createSchool({ seed: options.seed, studentCount: options.studentCount }),
    token: options.token,
    ratePerSecond: options.ratePerSecond,
    perMinute: options.perMinute,
    fault: options.fault,
    v3Credentials: options.v3Credentials,
  });
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    // Requests carry no body; drain anything sent so the socket can be reused.
    request.resume();
    request.on('end', () => {
      let origin = `http://${request.headers.host ?? host}`;
      if (!/^http:\/\/[\w.:[\]-]+$/.test(origin)) origin = `http://${host}`;
      const simulated: HttpRequest = { method: request.method as 'GET', url: `${origin}${request.url ?? '/'}`, headers: headersOf(request) };
      const answer = simulator.handle(simulated);
      const send = () => {
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      };
      if (latencyMs > 0) setTimeout(send, latencyMs);
      else send();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}/api/${options.api ?? 'v1'}`,
        simulator,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive sockets would hold close() open until they time out.
            server.closeAllConnections();
          }),
      });
    });
  });
}
