// `cademi-monitor simulator`: the simulated Cademi API as an HTTP server on 127.0.0.1.

import { parseArgs } from 'node:util';
import { startSimulatorServer } from '../../simulator/server';
import { EXIT, integerOption, UsageError, type CliIo } from '../cli-io';
import { EMBEDDED_TOKEN } from '../embedded-api';

export async function simulatorCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8787' },
      'latency-ms': { type: 'string', default: '0' },
      rate: { type: 'string', default: '2' },
      seed: { type: 'string' },
      students: { type: 'string' },
    },
    strict: true,
  });
  const port = integerOption('--port', values.port, 0, 65535)!;
  const latencyMs = Number(values['latency-ms']);
  const rate = Number(values.rate);
  if (!(latencyMs >= 0) || !Number.isFinite(latencyMs)) throw new UsageError('--latency-ms deve ser um número ≥ 0');
  if (!(rate > 0) || !Number.isFinite(rate)) throw new UsageError('--rate deve ser um número > 0');
  const seed = integerOption('--seed', values.seed, 0, 2 ** 32 - 1);
  const studentCount = integerOption('--students', values.students, 1, 100_000);
  const server = await startSimulatorServer({
    port,
    latencyMs,
    ratePerSecond: rate,
    token: EMBEDDED_TOKEN,
    seed,
    studentCount,
  });
  io.stdout.write(`Simulador Cademi em ${server.url} (token: ${EMBEDDED_TOKEN}, ${rate} req/s). Ctrl+C para parar.\n`);
  io.stdout.write(`Ex.: CADEMI_BASE_URL=${server.url} CADEMI_TOKEN=${EMBEDDED_TOKEN} cademi-monitor sync escola.xlsx\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return EXIT.ok;
}
