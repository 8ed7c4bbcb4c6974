import { V3_CONTRACT } from '../../../src/core/cademi-v3/contract';
import { doctorPlan } from '../../../src/core/doctor/plan';
import { reportText } from '../../../src/core/doctor/report-text';
import type { HttpRequest, HttpResponse } from '../../../src/core/http';
import { DEFAULT_V3_TOKEN, openApiDocument, productV3Id, tagV3Id } from '../../../src/simulator';
import { cohort, config, drive, texts } from './support';

// biome-ignore lint/suspicious/noExplicitAny: the test edits an OpenAPI document's nested JSON in place, field by field
type Doc = Record<string, any>;

const BASE = 'https://simulador.cademi.local/api/v3';
const cell = (value: string) => ({ state: 'valid', value }) as const;
const JULY = cohort('Turma 2026-07', tagV3Id(101), [11, 12, 13].map(productV3Id), 1);
const AUGUST = cohort('Turma 2026-08', tagV3Id(102), [11, 12].map(productV3Id), 2);

function plan(cohorts = [JULY, AUGUST], token: string | null = DEFAULT_V3_TOKEN, url = BASE) {
  return doctorPlan({ host: 'apps-script', config: config(cohorts), apiUrlCell: cell(url), token });
}

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const isOpenApi = (request: HttpRequest) => request.url.endsWith('/openapi.json');

describe('the v3 check plan', () => {
  it('validates the key, lists one user per tag, reads one progress, each product, then the contract', () => {
    const { report, sent } = drive(plan());
    expect(sent.map((request) => request.url.replace(BASE, ''))).toEqual([
      '/credentials/current',
      `/users?${encodeURIComponent('tag_id[]')}=${tagV3Id(101)}&limit=1`,
      expect.stringMatching(/^\/users\/usr_\w+\/progress\?limit=1$/),
      `/users?${encodeURIComponent('tag_id[]')}=${tagV3Id(102)}&limit=1`,
      ...[11, 12, 13].map((id) => `/products/${productV3Id(id)}`),
      '/openapi.json',
    ]);
    expect(texts(report, 'failure')).toEqual([]);
    expect(report.canRun).toBe(true);
    expect(texts(report, 'ok')).toEqual(
      expect.arrayContaining([
        'A Cademi aceitou a chave (GET /credentials/current), chave de teste.',
        `Turma Turma 2026-07: a tag ${tagV3Id(101)} responde (GET /users).`,
        'O progresso dos alunos responde (GET /users/{user_id}/progress, um aluno da turma Turma 2026-07).',
        `Produto ${productV3Id(13)}: encontrado.`,
        'GET /users: parâmetro tag_id[] (na query) [conhecido]: confere',
        'GET /users/{user_id}/progress: campo items[].percent (number, obrigatório) [suposto]: confere',
      ]),
    );
    expect(texts(report, 'warning')).toEqual([expect.stringContaining('chave é de teste')]);
    const summary = texts(report, 'info')[0];
    expect(summary).toMatch(/^(\d+) de \1 itens do contrato conferem com o documento \(contrato 3\.12\.0, OpenAPI 3\.0\.3\)\.$/);
    expect(reportText(report)).toContain('Contrato da API v3 (/openapi.json)\n  • ');
    expect(reportText(report)).not.toContain(DEFAULT_V3_TOKEN);
  });

  it('reports a deliberately different /openapi.json line by line, and fails the verdict', () => {
    const doc = openApiDocument(BASE) as Doc;
    const item = doc.paths['/users/{user_id}/progress'].get.responses['200'].content['application/json'].schema.properties.items.items;
    item.properties.progress_percent = item.properties.percent;
    delete item.properties.percent;
    doc.paths['/users'].get.parameters.find((param: { name: string }) => param.name === 'tag_id[]').name = 'tag_id';
    delete doc.paths['/products/{product_id}'];
    const { report } = drive(plan(), { fault: (request) => (isOpenApi(request) ? json(200, doc) : undefined) });
    expect(report.canRun).toBe(false);
    expect(texts(report, 'failure')).toEqual([
      'GET /users: parâmetro tag_id[] (na query) [conhecido]: o documento o declara como tag_id',
      'GET /users/{user_id}/progress: campo items[].percent (number, obrigatório) [suposto]: ausente da resposta 2xx do documento, que tem progress_percent',
    ]);
    expect(texts(report, 'warning')).toContainEqual(
      // contractEntries marks every path entry known, this assumed one too (see the report).
      expect.stringMatching(
        /^GET \/products\/\{product_id\} \[\w+\]: o caminho não consta do documento; 3 parâmetros e campos dele não conferidos\. Só o nome/,
      ),
    );
    expect(reportText(report)).toContain(
      'A próxima atualização vai falhar: GET /users: parâmetro tag_id[] (na query) [conhecido]: o documento o declara como tag_id (e 1 outro problema acima).',
    );
  });

  it('only warns about the endpoints the run can do without: product names and the events list', () => {
    const doc = openApiDocument(BASE) as Doc;
    delete doc.paths['/events'];
    delete doc.paths['/products/{product_id}'];
    doc.paths['/users'].get.responses['200'].content['application/json'].schema.properties.items.items.properties.phone = { type: 'integer' };
    const { report } = drive(plan(), { fault: (request) => (isOpenApi(request) ? json(200, doc) : undefined) });
    expect(texts(report, 'failure')).toEqual([]);
    expect(report.canRun).toBe(true);
    const warnings = texts(report, 'warning');
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^GET \/events \[conhecido\]: o caminho não consta do documento; 12 parâmetros e campos dele não conferidos\. A atualização ainda não lê/,
      ),
    );
    expect(warnings).toContainEqual('GET /users: campo items[].phone (string, pode ser null) [suposto]: o documento diz integer; esta versão lê string');
  });

  it('stops at a refused key, telling where to replace it', () => {
    const { report, sent } = drive(plan(undefined, 'ck_live_revogada0001'));
    expect(sent).toHaveLength(1);
    expect(texts(report, 'failure')).toEqual([
      'A Cademi recusou a chave em GET /credentials/current (HTTP 401, código invalid_credential): ela está errada, incompleta ou foi revogada. ' +
        'Gere uma nova chave na Cademi e substitua-a em "Progresso Cademi › Configurar token da API…".',
    ]);
  });

  it('names the permission a limited key lacks; a product path it may not read only warns', () => {
    const { report } = drive(plan(), { v3Credentials: [{ secret: DEFAULT_V3_TOKEN, endpoints: ['usersByTag'] }] });
    expect(report.canRun).toBe(false);
    expect(texts(report, 'failure')).toEqual([
      expect.stringMatching(
        /^A chave não tem permissão para GET \/users\/\{user_id\}\/progress \(HTTP 403, código permission_denied\), de que a atualização precisa para ler o progresso/,
      ),
    ]);
    expect(texts(report, 'warning').filter((text) => text.includes('HTTP 403') && text.includes('aparece como "Produto prd_'))).toHaveLength(3);
  });

  it('names the cohort of an unknown tag; a product path Cademi does not serve is a warning, not a failure', () => {
    const ghost = cohort('Turma Fantasma', 'tag_naoexiste', [productV3Id(11)], 6);
    const { report } = drive(plan([JULY, ghost]), { fault: (request) => (request.url.includes('/products/') ? json(404, {}) : undefined) });
    expect(texts(report, 'failure')).toEqual([
      'Turma Turma Fantasma: a Cademi não conhece a tag tag_naoexiste (HTTP 404), ou ela está fora do alcance da chave. Corrija Turmas, linha 7, coluna Tag ID.',
    ]);
    expect(texts(report, 'warning').filter((text) => text.includes('respondeu HTTP 404'))).toHaveLength(3);
    const withoutGhost = drive(plan([JULY]), { fault: (request) => (request.url.includes('/products/') ? json(404, {}) : undefined) });
    expect(withoutGhost.report.canRun).toBe(true);
  });

  it('fails on a product Cademi says does not exist (404 in its envelope), naming where Turmas has it', () => {
    const missing = productV3Id(12);
    const { report } = drive(plan([JULY]), {
      fault: (request) =>
        decodeURIComponent(request.url).includes(`/products/${missing}`)
          ? json(404, { error: { code: 'not_found', message: 'x', request_id: 'req_1' } })
          : undefined,
    });
    expect(report.canRun).toBe(false);
    const failures = texts(report, 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(missing);
    expect(failures[0]).toContain('Turmas');
  });

  it('warns, without failing, when the contract is not published or not a document', () => {
    const missing = drive(plan(), { fault: (request) => (isOpenApi(request) ? json(404, { error: { code: 'not_found' } }) : undefined) });
    expect(missing.report.canRun).toBe(true);
    expect(texts(missing.report, 'warning')).toContain(
      'A Cademi não entregou o contrato em GET /openapi.json (HTTP 404, código not_found): os caminhos e campos desta versão não puderam ser conferidos.',
    );
    const odd = drive(plan(), { fault: (request) => (isOpenApi(request) ? json(200, { hello: 'world' }) : undefined) });
    expect(texts(odd.report, 'warning')).toContain('A resposta de /openapi.json não é um documento OpenAPI legível (não tem "paths"): nada foi conferido.');
    const text = drive(plan(), { fault: (request) => (isOpenApi(request) ? { status: 200, headers: {}, body: '<html>' } : undefined) });
    expect(texts(text.report, 'warning')).toContain('GET /openapi.json não respondeu um objeto JSON: o contrato não foi conferido.');
  });

  it('scrubs the key from answers before any name is read from them', () => {
    const doc = openApiDocument(BASE) as Doc;
    const item = doc.paths['/users/{user_id}/progress'].get.responses['200'].content['application/json'].schema.properties.items.items;
    item.properties[`percent${DEFAULT_V3_TOKEN}`] = item.properties.percent;
    delete item.properties.percent;
    const { report } = drive(plan(), { fault: (request) => (isOpenApi(request) ? json(200, doc) : undefined) });
    expect(reportText(report)).not.toContain(DEFAULT_V3_TOKEN);
    expect(texts(report, 'failure')).toContainEqual(expect.stringContaining('items[].percent'));
  });

  it('picks v3 for an empty Apps Script cell with a v3 key (Cademi’s default address), and calls a v1 school domain at /api/v3', () => {
    const empty = doctorPlan({ host: 'apps-script', config: config([JULY]), apiUrlCell: { state: 'empty' }, token: 'ck_live_abc123' });
    expect(empty.api).toBe('v3');
    expect(empty.steps[0]?.request.url).toBe(`${V3_CONTRACT.defaultBaseUrl}/credentials/current`);
    expect(empty.lines.map((line) => line.text)).toContain(`URL da API vazia: a API v3 usa o endereço padrão da Cademi, ${V3_CONTRACT.defaultBaseUrl}.`);
    const domain = doctorPlan({ host: 'node', config: config([JULY]), apiUrlCell: cell('https://escola.com/api/v1'), token: 'ck_live_abc123' });
    expect(domain.steps[0]?.request.url).toBe('https://escola.com/api/v3/credentials/current');
    expect(domain.lines.map((line) => line.text)).toContain('A API v3 é chamada em https://escola.com/api/v3 (o mesmo domínio, caminho /api/v3).');
  });

  it('warns when Versão da API contradicts the key, and refuses v1 ids on a v3 run', () => {
    const forcedV1 = doctorPlan({
      host: 'node',
      config: config([cohort('T', 101, [11])], { apiVersion: 'v1' }),
      apiUrlCell: cell('https://e.com/api/v1'),
      token: 'ck_live_abc123',
    });
    expect(forcedV1.lines.find((line) => line.status === 'warning')?.text).toMatch(/^Versão da API = v1, mas a chave tem o formato/);
    const forcedV3 = doctorPlan({
      host: 'node',
      config: config([cohort('T', 101, [11])], { apiVersion: 'v3' }),
      apiUrlCell: cell('https://e.com/api/v3'),
      token: 'abc123456',
    });
    expect(forcedV3.lines.filter((line) => line.status === 'warning').map((line) => line.text)).toEqual([
      expect.stringMatching(/^Versão da API = v3, mas a chave não começa/),
    ]);
    expect(forcedV3.lines.filter((line) => line.status === 'failure').map((line) => line.text)).toEqual([
      'Turma T: o Tag ID não é da API v3 (a v3 usa tag_…). Corrija Turmas, linha 2, coluna Tag ID.',
      'Turma T: há produtos que não são da API v3 (a v3 usa prd_…). Corrija Turmas, linha 2, coluna Produtos.',
    ]);
    expect(forcedV3.steps.map((step) => step.endpoint)).toEqual(['GET /credentials/current', 'GET /openapi.json']);
  });
});
