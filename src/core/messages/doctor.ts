// Messages of the connection check (`cademi-monitor doctor`, the menu's "Verificar conexão com a
// Cademi"), in Brazilian Portuguese: headings, one line per check, the summary. They name the
// address, cohorts, cells, endpoints, fields and statuses; never the key, never text from an answer
// (a name from `/openapi.json` arrives here only when it is a plain identifier).

import type { TransportFailureKind } from '../http';
import { transportKind } from './cademi';
import { issueLocation } from './config';
import { countOf } from './numbers';

// The shapes below mirror cademi/ and cademi-v3/ types structurally: those folders import this
// catalogue, so it cannot import them back.
type ApiGeneration = 'v1' | 'v3';
type Knowledge = 'known' | 'assumed';

/** A contract entry as the report names it (cademi-v3's ContractEntry fits). */
export type ContractEntryNaming =
  | { readonly kind: 'path'; readonly endpoint: string; readonly knowledge: Knowledge }
  | { readonly kind: 'parameter'; readonly endpoint: string; readonly name: string; readonly in: 'path' | 'query'; readonly knowledge: Knowledge }
  | {
      readonly kind: 'field';
      readonly endpoint: string;
      readonly field: string;
      readonly jsonType: string;
      readonly required: boolean;
      readonly nullable: boolean;
      readonly knowledge: Knowledge;
    };

/** A comparison's finding as the report says it (cademi-v3's OpenApiProblem fits). */
export type ContractProblemNaming =
  | { readonly kind: 'path-missing' | 'method-missing' | 'param-missing' | 'no-response-schema' | 'field-optional' | 'field-nullable' }
  | { readonly kind: 'param-renamed'; readonly documentName: string | null }
  | { readonly kind: 'param-location'; readonly documentIn: string }
  | { readonly kind: 'field-missing'; readonly similar: string | null }
  | { readonly kind: 'field-type'; readonly documentTypes: readonly string[] };

/** Where the check runs: what to tell a person about the key and the address differs. */
export type DoctorHost = 'node' | 'apps-script';

/** The report's sections, in the order printed. */
export type DoctorSection = 'access' | 'config' | 'cohorts' | 'contract';

const KEY_PLACE: Readonly<Record<DoctorHost, string>> = {
  node: 'na variável CADEMI_TOKEN',
  'apps-script': 'em "Progresso Cademi › Configurar token da API…"',
};
const URL_PLACE: Readonly<Record<DoctorHost, string>> = {
  node: 'CADEMI_BASE_URL ou Configuração › URL da API',
  'apps-script': 'Configuração › URL da API',
};

const KNOWLEDGE: Readonly<Record<Knowledge, string>> = { known: 'conhecido', assumed: 'suposto' };
const API_NAME: Readonly<Record<ApiGeneration, string>> = { v1: 'API v1', v3: 'API v3' };

const withCode = (code: string | undefined) => (code === undefined ? '' : `, código ${code}`);

export const doctorMessages = {
  title: (api: ApiGeneration | null) => `Verificação da conexão com a Cademi${api === null ? '' : ` (${API_NAME[api]})`}`,
  heading: {
    access: 'Endereço e chave',
    config: 'Configuração',
    cohorts: 'Turmas e produtos',
    contract: 'Contrato da API v3 (/openapi.json)',
  } satisfies Record<DoctorSection, string>,
  /** The mark before each line. */
  mark: { ok: '✓', info: '•', warning: '⚠', failure: '✗' } as const,

  // ---- the address ----
  urlFromEnv: (url: string) => `URL da API: ${url} (variável CADEMI_BASE_URL)`,
  urlFromCell: (url: string) => `URL da API: ${url} (aba Configuração)`,
  envUrlInvalid: (problem: string) => `A variável CADEMI_BASE_URL ${problem}. Corrija-a, ou remova-a para usar a URL da API da aba Configuração.`,
  cellUrlInvalid: (where: string) => `${where}. Corrija a célula URL da API na aba Configuração (um endereço https://).`,
  urlMissingV1: () =>
    'A URL da API está vazia na aba Configuração: a API v1 não tem endereço padrão. Preencha-a (ex.: https://SUAESCOLA.cademi.com.br/api/v1).',
  urlDefaultV3: (url: string) => `URL da API vazia: a API v3 usa o endereço padrão da Cademi, ${url}.`,
  usingSimulator: (url: string) => `Sem URL da API em lugar nenhum: usando o simulador Cademi embutido (${url}), com alunos inventados.`,
  v3CalledAt: (url: string) => `A API v3 é chamada em ${url} (o mesmo domínio, caminho /api/v3).`,

  // ---- the key ----
  keyMissing: (host: DoctorHost) => `Falta a chave da API Cademi: salve-a ${KEY_PLACE[host]}.`,
  keyMalformed: (host: DoctorHost, problem: string) => `A chave da API não pode ser enviada: ${problem.replace(/\.$/, '')}. Substitua-a ${KEY_PLACE[host]}.`,
  simulatorKey: () => 'Chave: a do simulador embutido.',
  keyPresent: (host: DoctorHost) => (host === 'node' ? 'Chave: definida em CADEMI_TOKEN.' : 'Chave: salva nas propriedades do documento.'),
  apiChosen: (api: ApiGeneration, reason: 'setting' | 'key' | 'url' | 'default') =>
    `${API_NAME[api]}: ${
      {
        setting: `Versão da API = ${api} na aba Configuração`,
        key: 'escolhida pela chave (ck_live_… ou ck_test_…), com Versão da API = automática',
        url: 'escolhida pela URL (termina em /api/v3), com Versão da API = automática',
        default: 'a chave não é ck_live_…/ck_test_… e a URL não termina em /api/v3 (Versão da API = automática)',
      }[reason]
    }.`,
  v3SettingWithoutV3Key: () =>
    'Versão da API = v3, mas a chave não começa com ck_live_ nem ck_test_, como as chaves v3 começam. Se a Cademi recusar a chave, gere uma chave v3 ou volte Versão da API para automática.',
  v1SettingWithV3Key: () =>
    'Versão da API = v1, mas a chave tem o formato das chaves v3 (ck_live_… ou ck_test_…). Se a Cademi recusar a chave, mude Versão da API para automática ou v3.',
  testKey: () => 'A chave é de teste (ck_test_…): o ambiente de testes da Cademi nunca mostra os dados reais dos alunos.',
  keyAccepted: (endpoint: string, mode: 'live' | 'test' | null) =>
    `A Cademi aceitou a chave (${endpoint})${mode === null ? '' : mode === 'live' ? ', chave de produção' : ', chave de teste'}.`,
  keyAcceptedV1: () => 'A Cademi aceitou a chave.',
  keyRefused: (host: DoctorHost, endpoint: string, status: number, code?: string) =>
    `A Cademi recusou a chave em ${endpoint} (HTTP ${status}${withCode(code)}): ela está errada, incompleta ou foi revogada. ` +
    `Gere uma nova chave na Cademi e substitua-a ${KEY_PLACE[host]}.`,
  skippedAfterRefusal: (count: number) =>
    `${countOf(count, 'verificação', 'verificações')} a mais não ${count === 1 ? 'foi feita' : 'foram feitas'}: sem uma chave aceita, nenhuma responderia.`,
  /** What the run needs an endpoint for, said with a 403. */
  purpose: {
    currentCredential: 'validar a chave',
    usersByTag: 'listar os alunos de cada turma',
    userProgress: 'ler o progresso dos alunos',
    other: 'esta verificação',
  },
  permission: (endpoint: string, code: string | undefined, purpose: string) =>
    `A chave não tem permissão para ${endpoint} (HTTP 403${withCode(code)}), de que a atualização precisa para ${purpose}. ` +
    'Na Cademi, dê a essa chave a permissão de leitura (GET /credentials/current/policies mostra o que ela pode fazer), ou gere outra.',
  noAnswer: (host: DoctorHost, endpoint: string, failure: TransportFailureKind, attempts: number) =>
    `Sem resposta da Cademi em ${endpoint} (falha de rede: ${transportKind(failure)}; ${countOf(attempts, 'tentativa', 'tentativas')}). Confira a conexão e ${URL_PLACE[host]}.`,
  serverError: (endpoint: string, status: number, attempts: number) =>
    `A Cademi respondeu ${endpoint} com erro interno (HTTP ${status}) em ${countOf(attempts, 'tentativa', 'tentativas')}: o problema é do lado da Cademi; tente de novo mais tarde.`,

  // ---- configuration ----
  issue: (line: string) => line,
  rowSkipped: (line: string) => `${line} (a linha fica de fora da atualização)`,
  noActiveCohort: (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`,
  cohortsFound: (cohorts: number, products: number) =>
    `${countOf(cohorts, 'turma ativa', 'turmas ativas')}, ${countOf(products, 'produto acompanhado', 'produtos acompanhados')}.`,
  tagOfOtherApi: (cohort: string, row: number, api: ApiGeneration) =>
    `Turma ${cohort}: o Tag ID não é da ${API_NAME[api]} (${api === 'v3' ? 'a v3 usa tag_…' : 'a v1 usa um número inteiro'}). Corrija ${issueLocation('Turmas', row, 'Tag ID')}.`,
  productOfOtherApi: (cohort: string, row: number, api: ApiGeneration) =>
    `Turma ${cohort}: há produtos que não são da ${API_NAME[api]} (${api === 'v3' ? 'a v3 usa prd_…' : 'a v1 usa números inteiros'}). Corrija ${issueLocation('Turmas', row, 'Produtos')}.`,

  // ---- cohorts and products ----
  tagAnswers: (cohort: string, tag: string, endpoint: string) => `Turma ${cohort}: a tag ${tag} responde (${endpoint}).`,
  tagEmpty: (cohort: string, tag: string) => `Turma ${cohort}: a tag ${tag} existe, mas nenhum aluno a tem agora; confira o Tag ID se a turma já tem alunos.`,
  tagUnknown: (cohort: string, tag: string, row: number, status: number) =>
    `Turma ${cohort}: a Cademi não conhece a tag ${tag} (HTTP ${status}), ou ela está fora do alcance da chave. Corrija ${issueLocation('Turmas', row, 'Tag ID')}.`,
  tagRejected: (cohort: string, tag: string, row: number, status: number, code: string | undefined) =>
    `Turma ${cohort}: a Cademi recusou a tag ${tag} (HTTP ${status}${withCode(code)}). Confira ${issueLocation('Turmas', row, 'Tag ID')}.`,
  progressAnswers: (endpoint: string, cohort: string) => `O progresso dos alunos responde (${endpoint}, um aluno da turma ${cohort}).`,
  productFound: (product: string) => `Produto ${product}: encontrado.`,
  productUnknown: (product: string, status: number, places: readonly string[]) =>
    `A Cademi não conhece o produto ${product} (HTTP ${status}). Corrija ${places.join('; ')}.`,
  productPlace: (cohort: string, row: number) => `${issueLocation('Turmas', row, 'Produtos')} (turma ${cohort})`,
  productNameUnavailable: (product: string, endpoint: string, status: number) =>
    `Produto ${product}: ${endpoint} respondeu HTTP ${status}. Esse caminho é uma suposição desta versão (a referência não o informa) ` +
    `ou o produto está fora do alcance da chave; a atualização roda, e o produto aparece como "Produto ${product}" em vez do nome.`,
  productNameUnreadable: (product: string, endpoint: string, field: string) =>
    `Produto ${product}: ${endpoint} respondeu num formato inesperado${field === '' ? '' : ` (campo ${field})`}; a atualização roda, e o produto aparece como "Produto ${product}".`,

  // ---- the contract ----
  contractUnavailable: (endpoint: string, status: number, code: string | undefined) =>
    `A Cademi não entregou o contrato em ${endpoint} (HTTP ${status}${withCode(code)}): os caminhos e campos desta versão não puderam ser conferidos.`,
  contractNotJson: (endpoint: string) => `${endpoint} não respondeu um objeto JSON: o contrato não foi conferido.`,
  contractUnreadable: (reason: 'not-object' | 'no-paths') =>
    `A resposta de /openapi.json não é um documento OpenAPI legível (${reason === 'not-object' ? 'não é um objeto JSON' : 'não tem "paths"'}): nada foi conferido.`,
  contractSummary: (matching: number, total: number, openapi: string | null, release: string | null) =>
    `${matching} de ${total} itens do contrato conferem com o documento${release === null ? '' : ` (contrato ${release}`}${
      openapi === null ? (release === null ? '' : ')') : `${release === null ? ' (' : ', '}OpenAPI ${openapi})`
    }.`,
  entry: (entry: ContractEntryNaming, problem: ContractProblemNaming | null) =>
    `${entryName(entry)} [${KNOWLEDGE[entry.knowledge]}]: ${problemText(entry, problem)}`,
  pathMissingCollapsed: (endpoint: string, knowledge: Knowledge, unchecked: number) =>
    `${endpoint} [${KNOWLEDGE[knowledge]}]: o caminho não consta do documento${unchecked === 0 ? '' : `; ${countOf(unchecked, 'parâmetro ou campo dele não conferido', 'parâmetros e campos dele não conferidos')}`}.`,
  noResponseSchemaCollapsed: (endpoint: string, unchecked: number) =>
    `${endpoint}: o documento não declara a resposta 2xx em JSON; ${countOf(unchecked, 'campo não conferido', 'campos não conferidos')}.`,
  selfUnlisted: (endpoint: string) => `${endpoint}: respondeu agora (o documento não se lista, o que não atrapalha).`,
  eventsContractWarning: () => 'A atualização ainda não lê a lista de eventos; só importa para uma versão futura.',
  productContractWarning: () => 'Só o nome dos produtos depende dele: sem ele, aparecem como "Produto prd_…".',

  // ---- the verdict ----
  canRun: (warnings: number) => `A próxima atualização pode rodar.${warnings === 0 ? '' : ` ${countOf(warnings, 'aviso', 'avisos')} acima.`}`,
  willFail: (first: string, others: number) =>
    `A próxima atualização vai falhar: ${first.replace(/\.$/, '')}${others === 0 ? '.' : ` (e ${countOf(others, 'outro problema', 'outros problemas')} acima).`}`,
} as const;

function entryName(entry: ContractEntryNaming): string {
  if (entry.kind === 'path') return `${entry.endpoint}: caminho`;
  if (entry.kind === 'parameter') return `${entry.endpoint}: parâmetro ${entry.name} (${entry.in === 'path' ? 'no caminho' : 'na query'})`;
  return `${entry.endpoint}: campo ${entry.field} (${entry.jsonType}${entry.required ? ', obrigatório' : ''}${entry.nullable ? ', pode ser null' : ''})`;
}

const typeList = (types: readonly string[]) => types.join(' ou ');

function problemText(entry: ContractEntryNaming, problem: ContractProblemNaming | null): string {
  if (problem === null) return 'confere';
  switch (problem.kind) {
    case 'path-missing':
      return 'o caminho não consta do documento';
    case 'method-missing':
      return 'o caminho existe no documento, mas sem GET';
    case 'param-missing':
      return 'não declarado no documento';
    case 'param-renamed':
      return problem.documentName === null ? 'o documento o declara com outro nome' : `o documento o declara como ${problem.documentName}`;
    case 'param-location':
      return `o documento o declara em ${problem.documentIn}, não ${entry.kind === 'parameter' && entry.in === 'path' ? 'no caminho' : 'na query'}`;
    case 'no-response-schema':
      return 'o documento não declara a resposta 2xx em JSON';
    case 'field-missing':
      return `ausente da resposta 2xx do documento${problem.similar === null ? '' : `, que tem ${problem.similar}`}`;
    case 'field-type':
      return `o documento diz ${typeList(problem.documentTypes)}; esta versão lê ${entry.kind === 'field' ? entry.jsonType : '?'}`;
    case 'field-optional':
      return 'opcional no documento; esta versão recusa uma resposta sem ele';
    case 'field-nullable':
      return 'o documento permite null; esta versão não aceita null nele';
  }
}
