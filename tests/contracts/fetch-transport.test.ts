// The transport contract over Node's fetch transport, against the simulator's HTTP server on 127.0.0.1.

import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { FetchTransport } from '../../src/node/fetch-transport';
import { startSimulatorServer } from '../../src/simulator/server';
import { describeTransportContract } from './transport.contract';

/** Short, since one server below never answers: the timeout is certain, only its length is chosen. */
const TIMEOUT_MS = 300;

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describeTransportContract(
  'FetchTransport',
  async (fault) => {
    const simulator = await startSimulatorServer({ fault, ratePerSecond: 1000, perMinute: 100_000 });
    // A port nobody listens on: the connection is refused.
    const closed = createTcpServer();
    const refusedPort = await listen(closed);
    await closeServer(closed);
    // A server that takes the connection and never answers: the request times out.
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => sockets.push(socket));
    const silentPort = await listen(silent);
    const transport = new FetchTransport(TIMEOUT_MS);
    return {
      base: simulator.url,
      send: (requests) => transport.send(requests),
      failing: [
        { url: `http://127.0.0.1:${refusedPort}/api/v1/tag`, kind: 'refused' },
        { url: `http://127.0.0.1:${silentPort}/api/v1/tag`, kind: 'timeout' },
      ],
      close: async () => {
        for (const socket of sockets) socket.destroy();
        await Promise.all([simulator.close(), closeServer(silent)]);
      },
    };
  },
  { failureScope: 'request' },
);
