// `cademi-monitor doctor`: against the embedded simulator on v1 and v3, with a refused key, an unknown
// tag, and a v3 server on 127.0.0.1 whose /openapi.json differs from the contract.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SHEET } from '../../src/core/sheets';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { createSimulator, DEFAULT_V3_TOKEN, openApiDocument, productV3Id, systemClock, tagV3Id } from '../../src/simulator';
import { AUGUST_COHORT, cli, initWorkbook, JULY_COHORT, useTempDir, useVirtualClock } from './support/cli-harness';

// biome-ignore lint/suspicious/noExplicitAny: the test edits an OpenAPI document's nested JSON in place, field by field
type Doc = Record<string, any>;

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Rewrites the Turmas rows with the simulator's v3 ids (the v3 school is the same school). */
async function useV3Ids(file: string): Promise<void> {
  const workbook = await XlsxWorkbook.load(file);
  const rows = workbook.readSheet(SHEET.cohorts)!;
  const header = rows[0]!.map(String);
  const tag = header.indexOf('Tag ID');
  const products = header.indexOf('Produtos');
  for (const [index, row] of rows.entries()) {
    if (index === 0) continue;
    row[tag] = tagV3Id(Number(row[tag]));
    row[products] = String(row[products])
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((id) => productV3Id(Number(id)))
      .join(', ');
    workbook.updateRows(SHEET.cohorts, index, [row]);
  }
  await workbook.save(file);
}

/** The simulator over HTTP on 127.0.0.1, with `/openapi.json` replaced by `document`. */
async function v3ServerWith(document: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const simulator = createSimulator({ clock: systemClock, ratePerSecond: 1000, perMinute: 100_000 });
  let origin = '';
  const server: Server = createServer((request, response) => {
    const headers = Object.fromEntries(Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const result = request.url?.endsWith('/openapi.json')
      ? { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) }
      : simulator.handle({ method: 'GET', url: `${origin}${request.url}`, headers });
    response.writeHead(result.status, result.headers);
    response.end(result.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/api/v3`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('cademi-monitor doctor', () => {
  const dir = useTempDir('cademi-doctor-');
  const clock = useVirtualClock();

  it('passes on v1 against the embedded simulator, and leaves the file byte for byte', async () => {
    const file = await initWorkbook(join(dir(), 'escola.xlsx'), JULY_COHORT, AUGUST_COHORT);
    const before = digest(file);
    const run = await cli(['doctor', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Verificação da conexão com a Cademi \(API v1\)/);
    expect(run.stdout).toContain('✓ Turma Turma 2026-08: a tag 102 responde');
    expect(run.stdout).toContain('✓ A Cademi aceitou a chave.');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('A próxima atualização pode rodar.');
    expect(digest(file)).toBe(before);
  });

  it('passes on v3 against the embedded simulator, contract included', async () => {
    const file = await initWorkbook(join(dir(), 'escola.xlsx'), JULY_COHORT, AUGUST_COHORT);
    await useV3Ids(file);
    const run = await cli(['doctor', file], { CADEMI_TOKEN: DEFAULT_V3_TOKEN });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Verificação da conexão com a Cademi \(API v3\)/);
    expect(run.stdout).toContain('simulador Cademi embutido (https://simulador.cademi.local/api/v3)');
    expect(run.stdout).toMatch(/• (\d+) de \1 itens do contrato conferem/);
    expect(run.stdout).not.toContain('✗');
    expect(run.stdout).toContain('A próxima atualização pode rodar.');
  });

  it('fails with a refused key and says to replace it (the key itself never printed)', async () => {
    const file = await initWorkbook(join(dir(), 'escola.xlsx'), JULY_COHORT);
    const run = await cli(['doctor', file], { CADEMI_TOKEN: 'chave-antiga-0000' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ A Cademi recusou a chave .*substitua-a na variável CADEMI_TOKEN\./);
    expect(run.stdout).toContain('A próxima atualização vai falhar: A Cademi recusou a chave');
    expect(run.stdout).not.toContain('chave-antiga-0000');
  });

  it('fails on an unknown tag, naming the cohort and the cell', async () => {
    const ghost = ['--name', 'Turma Fantasma', '--tag', '999', '--start', '2026-07-06', '--products', '11'];
    const file = await initWorkbook(join(dir(), 'escola.xlsx'), JULY_COHORT, ghost);
    const run = await cli(['doctor', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '✗ Turma Turma Fantasma: a Cademi não conhece a tag 999 (HTTP 404), ou ela está fora do alcance da chave. Corrija Turmas, linha 3, coluna Tag ID.',
    );
  });

  it('fails against a v3 server whose /openapi.json differs, printing each mismatch', async () => {
    const document = openApiDocument('http://127.0.0.1/api/v3') as Doc;
    const item = document.paths['/users/{user_id}/progress'].get.responses['200'].content['application/json'].schema.properties.items.items;
    item.properties.progress_percent = item.properties.percent;
    delete item.properties.percent;
    item.properties.lessons_completed = { type: 'string' };
    document.paths['/users'].get.parameters.find((param: { name: string }) => param.name === 'tag_id[]').name = 'tag_id';
    const server = await v3ServerWith(document);
    try {
      const file = await initWorkbook(join(dir(), 'escola.xlsx'), JULY_COHORT);
      await useV3Ids(file);
      const run = await cli(['doctor', file], { CADEMI_BASE_URL: server.url, CADEMI_TOKEN: DEFAULT_V3_TOKEN });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`URL da API: ${server.url} (variável CADEMI_BASE_URL)`);
      expect(run.stdout).toContain('✓ A Cademi aceitou a chave (GET /credentials/current), chave de teste.');
      expect(run.stdout).toContain('✗ GET /users: parâmetro tag_id[] (na query) [conhecido]: o documento o declara como tag_id');
      expect(run.stdout).toContain(
        '✗ GET /users/{user_id}/progress: campo items[].percent (number, obrigatório) [suposto]: ausente da resposta 2xx do documento, que tem progress_percent',
      );
      expect(run.stdout).toContain(
        '✗ GET /users/{user_id}/progress: campo items[].lessons_completed (integer, obrigatório) [suposto]: o documento diz string; esta versão lê integer',
      );
      expect(run.stdout).toContain('✓ GET /users/{user_id}/progress: campo items[].product_id (string, obrigatório) [suposto]: confere');
      expect(run.stdout).toContain('A próxima atualização vai falhar: GET /users: parâmetro tag_id[]');
      // Paced on the (virtual) clock at the school's 2 requests per second.
      expect(clock.slept()).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('refuses bad usage with exit 2, and answers --help', async () => {
    expect((await cli(['doctor'])).code).toBe(2);
    expect((await cli(['doctor', join(dir(), 'nada.xlsx')])).code).toBe(2);
    expect((await cli(['doctor', 'a.xlsx', '--rapido'])).code).toBe(2);
    const help = await cli(['doctor', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^uso: cademi-monitor doctor <arquivo\.xlsx>/);
  });
});
