// The simulator behind a gate: every request waits until the gate opens, so a sync can be held in
// the middle of its run (holding its workbook's lock) for as long as a test needs, with no timing.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SimulatorServer, startSimulatorServer } from '../../../src/simulator/server';
import { SIMULATOR_TOKEN } from './cli-harness';

export class GatedApi {
  private open = false;
  private readonly waiting: (() => void)[] = [];
  private signalFirst!: () => void;
  /** Resolves on the first request: the sync that sent it holds its workbook's lock. */
  readonly arrived = new Promise<void>((resolve) => (this.signalFirst = resolve));

  private constructor(
    private readonly http: Server,
    readonly simulator: SimulatorServer,
  ) {}

  static async start(studentCount = 4): Promise<GatedApi> {
    const simulator = await startSimulatorServer({ port: 0, studentCount });
    let gated: GatedApi | null = null;
    const http = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const answer = () => {
          const headers = Object.fromEntries(Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
          const result = simulator.simulator.handle({ method: 'GET', url: `${gated!.url.replace(/\/api\/v1$/, '')}${request.url}`, headers });
          response.writeHead(result.status, result.headers);
          response.end(result.body);
        };
        gated!.signalFirst();
        if (gated!.open) answer();
        else gated!.waiting.push(answer);
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    gated = new GatedApi(http, simulator);
    return gated;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}/api/v1`;
  }

  get env(): Record<string, string> {
    return { CADEMI_BASE_URL: this.url, CADEMI_TOKEN: SIMULATOR_TOKEN };
  }

  release(): void {
    this.open = true;
    for (const answer of this.waiting.splice(0)) answer();
  }

  async close(): Promise<void> {
    this.release();
    this.http.closeAllConnections();
    await new Promise((resolve) => this.http.close(resolve));
    await this.simulator.close();
  }
}
