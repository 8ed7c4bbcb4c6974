import { doctorPlan } from '../../../src/core/doctor/plan';
import { reportText } from '../../../src/core/doctor/report-text';
import type { HttpResponse } from '../../../src/core/http';
import { DEFAULT_TOKEN } from '../../../src/simulator';
import { cohort, config, drive, texts } from './support';

const URL = 'https://escola.cademi.com.br/api/v1';
const simulatorBase = 'https://simulador.cademi.local/api/v1';
const cell = (value: string) => ({ state: 'valid', value }) as const;

function plan(cohorts = [cohort('Turma 2026-07', 101, [11, 12, 13], 1), cohort('Turma 2026-08', 102, [11, 12], 2)], token: string | null = DEFAULT_TOKEN) {
  return doctorPlan({ host: 'node', config: config(cohorts), apiUrlCell: cell(simulatorBase), token });
}

describe('the v1 check plan', () => {
  it('lists each active cohort’s tag and each tracked product once, and passes against the simulator', () => {
    const built = plan([cohort('Turma 2026-07', 101, [11, 12, 13], 1), cohort('Turma 2026-08', 102, [11, 12], 2), cohort('Arquivada', 103, [14], 3, false)]);
    expect(built.api).toBe('v1');
    expect(built.steps.map((step) => step.request.url)).toEqual([
      `${simulatorBase}/usuario/lista_por_tag/101`,
      `${simulatorBase}/usuario/lista_por_tag/102`,
      `${simulatorBase}/produto/11`,
      `${simulatorBase}/produto/12`,
      `${simulatorBase}/produto/13`,
    ]);
    const { report } = drive(built);
    expect(texts(report, 'failure')).toEqual([]);
    expect(report.canRun).toBe(true);
    expect(texts(report, 'ok')).toEqual(
      expect.arrayContaining([
        'Turma Turma 2026-07: a tag 101 responde (GET /usuario/lista_por_tag/{tag_id}).',
        'Produto 13: encontrado.',
        'A Cademi aceitou a chave.',
        '2 turmas ativas, 3 produtos acompanhados.',
      ]),
    );
    expect(reportText(report)).toMatch(/^Verificação da conexão com a Cademi \(API v1\)\n\nEndereço e chave\n {2}✓ URL da API: https:\/\/simulador/);
    expect(reportText(report).trim().split('\n').at(-1)).toBe('A próxima atualização pode rodar.');
  });

  it('names the cohort and the cell of an unknown tag or product', () => {
    const { report } = drive(plan([cohort('Turma 2026-07', 101, [11], 1), cohort('Turma Fantasma', 999, [77], 4)]));
    expect(report.canRun).toBe(false);
    expect(texts(report, 'failure')).toEqual([
      'Turma Turma Fantasma: a Cademi não conhece a tag 999 (HTTP 404), ou ela está fora do alcance da chave. Corrija Turmas, linha 5, coluna Tag ID.',
      'A Cademi não conhece o produto 77 (HTTP 404). Corrija Turmas, linha 5, coluna Produtos (turma Turma Fantasma).',
    ]);
    expect(reportText(report)).toContain('A próxima atualização vai falhar: Turma Turma Fantasma: a Cademi não conhece a tag 999');
    expect(reportText(report)).toContain('(e 1 outro problema acima).');
  });

  it('stops at a refused key: one request, a line saying to replace it, the rest skipped', () => {
    const { report, sent } = drive(plan(undefined, 'chave-errada-123'));
    expect(sent).toHaveLength(1);
    expect(report.canRun).toBe(false);
    const [refused] = texts(report, 'failure');
    expect(refused).toMatch(/recusou a chave em GET \/usuario\/lista_por_tag\/\{tag_id\} \(HTTP 405\).*substitua-a na variável CADEMI_TOKEN/);
    expect(texts(report, 'info')).toEqual(['4 verificações a mais não foram feitas: sem uma chave aceita, nenhuma responderia.']);
    expect(texts(report)).not.toContain('A Cademi aceitou a chave.');
    expect(reportText(report)).not.toContain('chave-errada');
  });

  it('sends nothing without a usable address or key, and says which cell or variable to fix', () => {
    const noUrl = doctorPlan({ host: 'apps-script', config: config([cohort('T', 101, [11])]), apiUrlCell: { state: 'empty' }, token: 'abc123456' });
    expect(noUrl.steps).toEqual([]);
    expect(noUrl.lines.filter((line) => line.status === 'failure').map((line) => line.text)).toEqual([expect.stringContaining('A URL da API está vazia')]);
    const noKey = doctorPlan({ host: 'apps-script', config: config([cohort('T', 101, [11])]), apiUrlCell: cell(URL), token: null });
    expect(noKey.steps).toEqual([]);
    expect(noKey.lines.find((line) => line.status === 'failure')?.text).toBe(
      'Falta a chave da API Cademi: salve-a em "Progresso Cademi › Configurar token da API…".',
    );
    const badEnv = doctorPlan({
      host: 'node',
      config: config([cohort('T', 101, [11])]),
      apiUrlCell: cell(URL),
      envUrl: 'http://escola.com/api/v1',
      token: 'abc123456',
    });
    expect(badEnv.steps).toEqual([]);
    expect(badEnv.lines[0]).toMatchObject({ status: 'failure', text: expect.stringMatching(/^A variável CADEMI_BASE_URL usa http:\/\//) });
    const badKey = doctorPlan({ host: 'node', config: config([cohort('T', 101, [11])]), apiUrlCell: cell(URL), token: 'com espaço' });
    expect(badKey.steps).toEqual([]);
    expect(badKey.lines.some((line) => line.status === 'failure' && line.text.startsWith('A chave da API não pode ser enviada'))).toBe(true);
  });

  it('uses the embedded simulator only when no address is named anywhere (Node)', () => {
    const simulator = (api: 'v1' | 'v3') => ({ api, baseUrl: `https://sim.local/api/${api}`, token: api === 'v1' ? 'sim-v1' : 'ck_test_sim' });
    const built = doctorPlan({ host: 'node', config: config([cohort('T', 101, [11])]), apiUrlCell: { state: 'empty' }, token: null, simulator });
    expect(built.steps[0]?.request).toMatchObject({ url: 'https://sim.local/api/v1/usuario/lista_por_tag/101', headers: { Authorization: 'sim-v1' } });
    expect(built.lines.map((line) => line.text)).toContain('Chave: a do simulador embutido.');
    const named = doctorPlan({ host: 'node', config: config([cohort('T', 101, [11])]), apiUrlCell: cell(URL), token: 'abc123456', simulator });
    expect(named.steps[0]?.request.url).toBe(`${URL}/usuario/lista_por_tag/101`);
  });

  it('refuses v3 ids on a v1 run, naming the cells, and reports config problems as the run treats them', () => {
    const issues = [
      { sheet: 'Turmas', row: 3, column: 1, columnName: 'Tag ID', severity: 'error' as const, message: 'vazio' },
      { sheet: 'Histórico', row: -1, column: -1, columnName: '', severity: 'error' as const, message: 'a aba sumiu' },
    ];
    const built = doctorPlan({
      host: 'node',
      config: config([cohort('Nova', 'tag_sim0002t', ['prd_sim0000b'], 2), cohort('Velha', 101, [11], 1)], {}, issues),
      apiUrlCell: cell(URL),
      token: 'abc123456',
    });
    const failures = built.lines.filter((line) => line.status === 'failure').map((line) => line.text);
    expect(failures).toEqual([
      'Histórico: a aba sumiu',
      'Turma Nova: o Tag ID não é da API v1 (a v1 usa um número inteiro). Corrija Turmas, linha 3, coluna Tag ID.',
      'Turma Nova: há produtos que não são da API v1 (a v1 usa números inteiros). Corrija Turmas, linha 3, coluna Produtos.',
    ]);
    expect(built.lines.find((line) => line.text.startsWith('Turmas, linha 4'))).toMatchObject({
      status: 'warning',
      text: expect.stringContaining('fica de fora'),
    });
    expect(built.steps.map((step) => step.request.url)).toEqual([`${URL}/usuario/lista_por_tag/101`, `${URL}/produto/11`]);
  });

  it('fails without an active cohort', () => {
    const built = plan([cohort('Arquivada', 101, [11], 1, false)]);
    expect(built.steps).toEqual([]);
    expect(built.lines.find((line) => line.status === 'failure')?.text).toMatch(/^Nenhuma turma ativa/);
  });

  it('waits out a 429’s Retry-After and retries; gives up on a server error after three tries', () => {
    let refused = 0;
    const busy = drive(plan(), {
      fault: (request) => (request.url.endsWith('/produto/12') && refused++ < 1 ? { status: 429, headers: { 'retry-after': '7' }, body: '' } : undefined),
    });
    expect(busy.report.canRun).toBe(true);
    const retries = busy.sent.map((request, index) => [request.url, busy.sentAt[index]] as const).filter(([url]) => url.endsWith('/produto/12'));
    expect(retries).toHaveLength(2);
    expect(retries[1]![1] - retries[0]![1]).toBe(7000);

    const down: HttpResponse = { status: 503, headers: {}, body: 'down' };
    const broken = drive(plan(), { fault: (request) => (request.url.endsWith('/produto/13') ? down : undefined) });
    expect(broken.sent.filter((request) => request.url.endsWith('/produto/13'))).toHaveLength(3);
    expect(texts(broken.report, 'failure')).toEqual([
      'A Cademi respondeu GET /produto/{produto_id} com erro interno (HTTP 503) em 3 tentativas: o problema é do lado da Cademi; tente de novo mais tarde.',
    ]);
  });
});
