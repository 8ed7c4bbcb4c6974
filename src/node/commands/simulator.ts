// `cademi-monitor simulator`: the simulated Cademi API as an HTTP server on 127.0.0.1.

import { apiOptionInvalid, portUnavailable, simulatorExample, simulatorListening, simulatorV3Note } from '../../core/messages/cli';
import { DEFAULT_V3_TOKEN } from '../../simulator';
import { startSimulatorServer } from '../../simulator/server';
import { type CliIo, EXIT, integerOption, numberOption, UsageError } from '../cli-io';
import { EMBEDDED_TOKEN } from '../embedded-api';
import { defineCommand, type ParsedArgs } from './command';

const OPTIONS = {
  port: { type: 'string', default: '8787' },
  'latency-ms': { type: 'string', default: '0' },
  rate: { type: 'string', default: '2' },
  seed: { type: 'string' },
  students: { type: 'string' },
  api: { type: 'string', default: 'v1' },
} as const;

export const simulatorCommand = defineCommand('simulator', { options: OPTIONS, positionals: [], run: serveSimulator });

async function serveSimulator({ values }: ParsedArgs<typeof OPTIONS>, io: CliIo): Promise<number> {
  const port = integerOption('--port', values.port, 0, 65535)!;
  const latencyMs = numberOption('--latency-ms', values['latency-ms'], { min: 0, max: 600_000 })!;
  const rate = numberOption('--rate', values.rate, { min: 0, max: 1_000, above: true })!;
  const seed = integerOption('--seed', values.seed, 0, 2 ** 32 - 1);
  const studentCount = integerOption('--students', values.students, 1, 100_000);
  const api = apiOption(values.api);
  // Both generations are served; the address and key printed are those of the one asked for.
  const token = api === 'v3' ? DEFAULT_V3_TOKEN : EMBEDDED_TOKEN;
  let server: Awaited<ReturnType<typeof startSimulatorServer>>;
  try {
    server = await startSimulatorServer({ port, latencyMs, ratePerSecond: rate, token: EMBEDDED_TOKEN, seed, studentCount, api });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(portUnavailable(port));
    throw error;
  }
  io.stdout.write(`${simulatorListening(server.url, token, rate)}\n`);
  if (api === 'v3') {
    const v1Url = server.url.replace(/\/api\/v3$/, '/api/v1');
    io.stdout.write(`${simulatorExample(server.url, token)}\n${simulatorV3Note(v1Url)}\n`);
  } else io.stdout.write(`${simulatorExample(server.url, token)}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return EXIT.ok;
}

/** `--api v1|v3`: which generation's address and key to print. */
function apiOption(value: string | undefined): 'v1' | 'v3' {
  if (value === undefined || value === 'v1' || value === 'v3') return value ?? 'v1';
  throw new UsageError(apiOptionInvalid(value));
}
