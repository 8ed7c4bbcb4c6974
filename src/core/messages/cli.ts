// Messages of the command line (help, usage, options, where the data comes from, what each
// command did) and of the API address rule shared with Apps Script, in Brazilian Portuguese.
// Never the token, never a header value.

import { formatBrDate } from '../time/pt-br-dates';
import { countOf, formatDuration, plural } from './numbers';

// ---- help and usage ------------------------------------------------------------------------

/** Every command and subcommand the CLI has; each has its help below (a new one fails to compile without it). */
export type CommandPath =
  | 'demo'
  | 'init'
  | 'cohort'
  | 'cohort add'
  | 'cohort list'
  | 'cohort edit'
  | 'cohort archive'
  | 'student'
  | 'student move'
  | 'student dropout'
  | 'sync'
  | 'doctor'
  | 'simulator'
  | 'help';

/** A command's help: how to call it, what it does, its options, and examples to copy. */
export interface CommandHelp {
  /** The ways to call it, each after `cademi-monitor `. */
  readonly usage: readonly string[];
  readonly summary: string;
  /** The subcommands of a group (`cohort`, `student`): name and what it does. */
  readonly subcommands?: readonly (readonly [name: string, description: string])[];
  /** Each option as typed (`--date DD/MM/AAAA`) and what it does; `-h, --help` is added to every list. */
  readonly options: readonly (readonly [option: string, description: string])[];
  /** Environment variables the command reads, and what for. */
  readonly environment?: readonly (readonly [name: string, description: string])[];
  readonly examples: readonly string[];
}

const PROGRAM = 'cademi-monitor';
const HELP_OPTION = ['-h, --help', 'mostra esta ajuda'] as const;

const COHORT_FIELDS = {
  name: ['--name NOME', 'nome da turma, único na aba Turmas'],
  tag: ['--tag ID', 'Tag ID da turma na Cademi (número inteiro na API v1, tag_… na v3)'],
  start: ['--start DD/MM/AAAA', 'data de início da turma (AAAA-MM-DD também vale)'],
  products: ['--products IDS', 'IDs dos produtos acompanhados, separados por vírgula (ex.: 11,12,13; na v3, prd_…)'],
  tutor: ['--tutor TUTOR', 'e-mail do tutor que contata os alunos da turma, com o nome antes se quiser: "Ana Souza <ana@escola.com>"'],
} as const;

export const COMMAND_HELP: Readonly<Record<CommandPath, CommandHelp>> = {
  demo: {
    usage: ['demo [--out out/demo.xlsx] [--weeks 12] [--first-week DD/MM/AAAA] [--students 500] [--api v1|v3]'],
    summary:
      'Demonstração completa sem conta na Cademi: uma escola simulada (5 turmas mensais), uma coleta por semana contra o ' +
      'simulador embutido, respeitando o limite de 2 requisições por segundo em tempo simulado. Grava a planilha e, ao lado, ' +
      'a prévia .html com os gráficos.',
    options: [
      ['--out ARQUIVO.xlsx', 'onde gravar a planilha (padrão: out/demo.xlsx); a prévia .html fica ao lado'],
      ['--weeks N', 'quantas semanas coletar, de 1 a 104 (padrão: 12)'],
      ['--first-week DD/MM/AAAA', 'a semana da primeira coleta (padrão: 07/09/2026); antes do início da primeira turma, a demonstração começa nele'],
      ['--students N', 'alunos da escola simulada, de 1 a 100000 (padrão: 500)'],
      ['--api v1|v3', 'a geração da API Cademi usada na coleta (padrão: v1); v3 faz uma chamada de progresso por aluno para todos os produtos'],
    ],
    examples: [`${PROGRAM} demo`, `${PROGRAM} demo --api v3`, `${PROGRAM} demo --out /tmp/escola.xlsx --weeks 4 --first-week 21/09/2026`],
  },
  init: {
    usage: ['init <arquivo.xlsx>'],
    summary:
      'Cria as abas de configuração (Configuração, Turmas, Metas, com a meta Padrão) num arquivo novo ou num que ainda não as tenha. ' +
      'Nunca sobrescreve uma aba que já existe.',
    options: [],
    examples: [`${PROGRAM} init escola.xlsx`],
  },
  cohort: {
    usage: ['cohort add|list|edit|archive <arquivo.xlsx> [opções]'],
    summary: 'Cadastra e mantém as turmas da aba Turmas, com a mesma validação da planilha e da barra lateral.',
    subcommands: [
      ['add', 'cadastra uma turma'],
      ['list', 'lista as turmas'],
      ['edit', 'altera uma turma (renomear leva junto o histórico e as abas dela)'],
      ['archive', 'arquiva uma turma: ela deixa de ser coletada; histórico e abas ficam'],
    ],
    options: [],
    examples: [`${PROGRAM} cohort list escola.xlsx`, `${PROGRAM} cohort add --help`],
  },
  'cohort add': {
    usage: ['cohort add <arquivo.xlsx> --name NOME --tag ID --start DD/MM/AAAA --products IDS [--goal META] [--tutor TUTOR] [--inactive]'],
    summary:
      'Cadastra uma turma na aba Turmas. A linha passa pela mesma validação da planilha: uma turma que a aba recusaria é recusada ' +
      'aqui, e o arquivo fica intacto.',
    options: [
      COHORT_FIELDS.name,
      COHORT_FIELDS.tag,
      COHORT_FIELDS.start,
      COHORT_FIELDS.products,
      [
        '--goal META',
        'trilha de ritmo esperado, da aba Metas; sem --goal, vale a meta padrão da escola (Meta padrão em Configuração, normalmente Padrão); --goal "" cadastra sem meta',
      ],
      COHORT_FIELDS.tutor,
      ['--inactive', 'cadastra a turma já arquivada (Ativa = Não)'],
    ],
    examples: [
      `${PROGRAM} cohort add escola.xlsx --name "Turma 2026-09" --tag 101 --start 01/09/2026 --products 11,12,13 --tutor "Ana Souza <ana@escola.com>"`,
    ],
  },
  'cohort list': {
    usage: ['cohort list <arquivo.xlsx>'],
    summary: 'Lista as turmas da aba Turmas, uma por linha, e avisa das linhas com problema.',
    options: [],
    examples: [`${PROGRAM} cohort list escola.xlsx`],
  },
  'cohort edit': {
    usage: ['cohort edit <arquivo.xlsx> <turma> [--name NOME] [--tag ID] [--start DD/MM/AAAA] [--products IDS] [--goal META] [--tutor TUTOR]'],
    summary: 'Altera a turma chamada <turma>; só muda o que for informado. Renomear leva junto as semanas do Histórico, os Ajustes e as abas da turma.',
    options: [
      ['--name NOME', 'novo nome da turma'],
      COHORT_FIELDS.tag,
      COHORT_FIELDS.start,
      COHORT_FIELDS.products,
      ['--goal META', 'trilha de ritmo esperado, da aba Metas; --goal "" tira a meta'],
      ['--tutor TUTOR', 'e-mail do tutor, com o nome antes se quiser ("Ana Souza <ana@escola.com>"); --tutor "" tira o tutor'],
    ],
    examples: [`${PROGRAM} cohort edit escola.xlsx "Turma 2026-09" --tutor bruno@escola.com --start 08/09/2026`],
  },
  'cohort archive': {
    usage: ['cohort archive <arquivo.xlsx> <turma>'],
    summary: 'Arquiva a turma (Ativa = Não): ela deixa de ser coletada; o histórico e as abas dela ficam.',
    options: [],
    examples: [`${PROGRAM} cohort archive escola.xlsx "Turma 2026-09"`],
  },
  student: {
    usage: ['student move|dropout <arquivo.xlsx> <aluno-id> [opções]'],
    summary: 'Registra na aba Ajustes uma mudança de turma ou uma desistência, como a barra lateral faz; a próxima coleta aplica.',
    subcommands: [
      ['move', 'o aluno passa a contar em outra turma a partir de uma semana'],
      ['dropout', 'o aluno vira Desistente a partir de uma data'],
    ],
    options: [],
    examples: [`${PROGRAM} student move --help`, `${PROGRAM} student dropout --help`],
  },
  'student move': {
    usage: ['student move <arquivo.xlsx> <aluno-id> --to TURMA --from-week DD/MM/AAAA [--reason TEXTO]'],
    summary: 'Muda o aluno de turma a partir de uma semana; as semanas anteriores ficam onde estavam.',
    options: [
      ['--to TURMA', 'a turma ativa para onde o aluno vai'],
      ['--from-week DD/MM/AAAA', 'a partir de qual semana ele conta na nova turma (AAAA-MM-DD também vale)'],
      ['--reason TEXTO', 'o motivo, registrado em Ajustes'],
    ],
    examples: [`${PROGRAM} student move escola.xlsx 4521 --to "Turma 2026-10" --from-week 05/10/2026 --reason "mudou de horário"`],
  },
  'student dropout': {
    usage: ['student dropout <arquivo.xlsx> <aluno-id> --date DD/MM/AAAA [--reason TEXTO]'],
    summary: 'Registra a desistência do aluno: a partir da data ele é Desistente, sai das contas da turma e vai para o fim da lista.',
    options: [
      ['--date DD/MM/AAAA', 'a data da desistência (AAAA-MM-DD também vale)'],
      ['--reason TEXTO', 'o motivo, registrado em Ajustes'],
    ],
    examples: [`${PROGRAM} student dropout escola.xlsx 4521 --date 02/10/2026 --reason "cancelou a matrícula"`],
  },
  sync: {
    usage: ['sync <arquivo.xlsx> [--date DD/MM/AAAA]'],
    summary:
      'Coleta a semana de todas as turmas ativas e grava no arquivo (Histórico, relatórios, Contatos da semana), mais a prévia .html ' +
      'ao lado. Sem endereço de API em lugar nenhum, usa o simulador embutido (alunos inventados, só para testar).',
    options: [
      [
        '--date DD/MM/AAAA',
        '"hoje" para a execução: a semana (a segunda-feira dessa data), a hora da coleta e os dias sem acesso (padrão: agora; AAAA-MM-DD também vale)',
      ],
    ],
    environment: [
      ['CADEMI_BASE_URL', 'endereço da API (ex.: https://SUAESCOLA.cademi.com.br/api/v1); sem ela, vale a URL da API da aba Configuração'],
      ['CADEMI_TOKEN', 'a chave da API Cademi; nunca é gravada na planilha'],
    ],
    examples: [
      `${PROGRAM} sync escola.xlsx --date 21/09/2026`,
      `CADEMI_BASE_URL=https://escola.cademi.com.br/api/v1 CADEMI_TOKEN=… ${PROGRAM} sync escola.xlsx`,
    ],
  },
  doctor: {
    usage: ['doctor <arquivo.xlsx>'],
    summary:
      'Verifica se a próxima atualização pode rodar: a URL da API, a chave, as permissões, a tag de cada turma ativa e cada produto ' +
      'acompanhado; na API v3, compara também o contrato publicado (/openapi.json) com os caminhos, parâmetros e campos que esta versão lê. ' +
      'Sai com 0 só quando nada faria a atualização falhar; nunca altera o arquivo.',
    options: [],
    environment: [
      ['CADEMI_BASE_URL', 'endereço da API; sem ela, vale a URL da API da aba Configuração (e, sem nenhuma, o simulador embutido)'],
      ['CADEMI_TOKEN', 'a chave da API Cademi; nunca é mostrada nem gravada'],
    ],
    examples: [`${PROGRAM} doctor escola.xlsx`, `CADEMI_BASE_URL=https://api.cademi.com.br/api/v3 CADEMI_TOKEN=ck_live_… ${PROGRAM} doctor escola.xlsx`],
  },
  simulator: {
    usage: ['simulator [--port 8787] [--latency-ms 0] [--rate 2] [--seed N] [--students 500] [--api v1|v3]'],
    summary: 'Serve a API Cademi simulada em 127.0.0.1, para testar o sync como se fosse a API real. Ctrl+C para parar.',
    options: [
      ['--port N', 'a porta (padrão: 8787; 0 = qualquer porta livre)'],
      ['--latency-ms N', 'atraso de cada resposta, em milissegundos (padrão: 0)'],
      ['--rate N', 'limite de requisições por segundo, como o da Cademi (padrão: 2)'],
      ['--seed N', 'semente da escola simulada: a mesma semente dá os mesmos alunos'],
      ['--students N', 'alunos da escola simulada, de 1 a 100000 (padrão: 500)'],
      ['--api v1|v3', 'a geração da API cujo endereço e chave são mostrados (padrão: v1); as duas são servidas, /api/v1 e /api/v3'],
    ],
    examples: [`${PROGRAM} simulator --port 8787 --latency-ms 150`, `${PROGRAM} simulator --api v3`],
  },
  help: {
    usage: ['help [comando [ação]]'],
    summary: 'Mostra a ajuda geral, ou a de um comando.',
    options: [],
    examples: [`${PROGRAM} help`, `${PROGRAM} help cohort add`],
  },
};

function section(title: string, entries: readonly (readonly [string, string])[]): string {
  const width = Math.max(...entries.map(([name]) => name.length));
  return `\n${title}:\n${entries.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`).join('\n')}\n`;
}

/** `cademi-monitor <comando> --help`: usage, what it does, subcommands, options, environment, examples. */
export function commandHelp(path: CommandPath): string {
  const help = COMMAND_HELP[path];
  return (
    `${usageLines(help)}\n\n${help.summary}\n` +
    (help.subcommands ? section('ações', help.subcommands) : '') +
    section('opções', [...help.options, HELP_OPTION]) +
    (help.environment ? section('variáveis de ambiente', help.environment) : '') +
    `\n${plural(help.examples.length, 'exemplo', 'exemplos')}:\n${help.examples.map((line) => `  ${line}`).join('\n')}\n`
  );
}

function usageLines(help: CommandHelp): string {
  return help.usage.map((line, index) => `${index === 0 ? 'uso:' : '    '} ${PROGRAM} ${line}`).join('\n');
}

/** After a usage error: how to call the command, and where its full help is (stderr). */
export function usageReminder(path: CommandPath | null): string {
  if (path === null) return `uso: ${PROGRAM} <comando> [opções]\nComandos e exemplos: ${PROGRAM} --help`;
  const helpCommand = path === 'help' ? `${PROGRAM} --help` : `${PROGRAM} ${path} --help`;
  return `${usageLines(COMMAND_HELP[path])}\nAjuda e exemplos: ${helpCommand}`;
}

/** `cademi-monitor help` (and a bare `cademi-monitor`): every command, then the exit codes. */
export const CLI_HELP = `Progresso Cademi — acompanhamento semanal dos alunos por turma

uso: ${PROGRAM} <comando> [opções]

comandos:
  demo                          demonstração com o simulador embutido → out/demo.xlsx
  init <arquivo.xlsx>           cria as abas de configuração
  cohort add <arquivo.xlsx> --name NOME --tag ID --start DD/MM/AAAA --products 11,12,13
                                [--goal META] [--tutor TUTOR] [--inactive]
  cohort list <arquivo.xlsx>
  cohort edit <arquivo.xlsx> <turma> [--name …] [--tag …] [--start …] [--products …] [--goal …] [--tutor …]
  cohort archive <arquivo.xlsx> <turma>
  student move <arquivo.xlsx> <aluno-id> --to TURMA --from-week DD/MM/AAAA [--reason …]
  student dropout <arquivo.xlsx> <aluno-id> --date DD/MM/AAAA [--reason …]
  sync <arquivo.xlsx> [--date DD/MM/AAAA]
                                coleta a semana (CADEMI_BASE_URL e CADEMI_TOKEN para a API real;
                                sem eles, o simulador embutido)
  doctor <arquivo.xlsx>         verifica se a próxima atualização pode rodar (URL, chave, turmas, contrato v3)
  simulator [--port 8787] [--latency-ms 150] [--rate 2]
  help [comando]                a ajuda de um comando, com exemplos (ou: ${PROGRAM} <comando> --help)

Datas: DD/MM/AAAA (AAAA-MM-DD também vale).

exemplos:
  ${PROGRAM} init escola.xlsx
  ${PROGRAM} cohort add escola.xlsx --name "Turma 2026-09" --tag 101 --start 01/09/2026 --products 11,12,13
  ${PROGRAM} sync escola.xlsx --date 21/09/2026

códigos de saída: 0 concluído · 1 a execução falhou · 2 uso incorreto ou configuração inválida
`;

/** A first word that is no command. */
export function unknownCommand(command: string): string {
  return `comando desconhecido "${command}"`;
}

/** A group command (`cohort`, `student`) without its action. */
export function missingAction(command: string, actions: readonly string[]): string {
  return `falta a ação de ${command} (${orList(actions)})`;
}

/** A group command's action that does not exist. */
export function unknownAction(command: string, action: string, actions: readonly string[]): string {
  return `ação desconhecida "${action}" de ${command}; use ${orList(actions)}`;
}

/** A required argument (`<arquivo.xlsx>`, `<turma>`) not given. */
export function missingArgument(name: string): string {
  return `falta o argumento ${name}`;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

/** What Node's argument parser refused, from its error code. */
export type ArgumentProblem = 'unknown-option' | 'missing-value' | 'unexpected-value' | 'unexpected-argument' | 'other';

/** An option or argument the command refused, named by `quoted` (Node's own text is English: never shown). */
export function badArgument(problem: ArgumentProblem, quoted: string): string {
  switch (problem) {
    case 'unknown-option':
      return `opção desconhecida ${quoted}`;
    case 'missing-value':
      return `a opção ${quoted} precisa de um valor`;
    case 'unexpected-value':
      return `a opção ${quoted} não aceita valor`;
    case 'unexpected-argument':
      return `argumento a mais: "${quoted}"`;
    default:
      return 'opções inválidas';
  }
}

// ---- how a failure or a warning reads on stderr --------------------------------------------

/** A failed command's line (exit 1 or 2). */
export function errorLine(message: string): string {
  return `erro: ${message}`;
}

/** A config sheet the command cannot use (exit 2). */
export function configErrorLine(issues: readonly string[]): string {
  return `erro de configuração: ${issues.join('; ')}`;
}

/** A bug, not a bad input: the error's class and message only (CADEMI_DEBUG=1 adds the stack). */
export function unexpectedErrorLine(detail: string): string {
  return `erro inesperado: ${detail}. Nada pela metade foi salvo; se o erro se repetir, avise quem mantém o cademi-monitor.`;
}

/** Something the command did anyway, or a config problem it skipped. */
export function warningLine(message: string): string {
  return `aviso: ${message}`;
}

// ---- options -------------------------------------------------------------------------------

/** A whole-number option out of shape or range. */
export function badIntegerOption(name: string, text: string, min: number, max: number): string {
  return `${name} deve ser um número inteiro entre ${min} e ${max} (recebido "${text}")`;
}

/** A decimal option out of shape or range; `rule` is a numberRange. */
export function badNumberOption(name: string, text: string, rule: string): string {
  return `${name} deve ser um número ${rule} (recebido "${text}")`;
}

/** The range a decimal option must be in: `de 0 a 600000`, or `maior que 0 e até 1000` when the minimum is excluded. */
export function numberRange(min: number, max: number, minExcluded: boolean): string {
  return minExcluded ? `maior que ${min} e até ${max}` : `de ${min} a ${max}`;
}

/** A date option that is not a calendar date. */
export function badDateOption(name: string, text: string): string {
  return `${name} "${text}" não é uma data válida; use DD/MM/AAAA (ex.: 21/09/2026) ou AAAA-MM-DD`;
}

/** A list of ids (e.g. --products) with something that is not a positive whole number. */
export function badIdListOption(name: string, text: string): string {
  return `${name} deve ser uma lista de números inteiros positivos separados por vírgula (recebido "${text}")`;
}

// ---- the API address (one rule for `URL da API`, CADEMI_BASE_URL and Apps Script) --------

/** Not an address at all (no scheme, spaces, a query …). */
export const BASE_URL_MALFORMED = 'não é um endereço https válido (ex.: https://SUAESCOLA.cademi.com.br/api/v1)';

/** Plain http to a host other than this machine: nothing would be encrypted on the way. */
export const BASE_URL_PLAIN_HTTP = 'usa http://, sem criptografia; use https:// (http:// só vale para 127.0.0.1, localhost ou [::1], o simulador local)';

/** The `URL da API` cell holds something the rule refuses; the run stops before any request. */
export function apiUrlCellInvalid(where: string): string {
  return `${where}. Corrija a célula URL da API na aba Configuração (um endereço https://); nada vai para a Cademi até lá.`;
}

/** The `URL da API` issue text, as parseSettingsSheet records it at the cell. */
export function apiUrlValueInvalid(value: string, problem: string): string {
  return `"${value}" ${problem}; corrija a célula (nada será coletado até lá)`;
}

/** CADEMI_BASE_URL holds something the rule refuses. */
export function envBaseUrlInvalid(problem: string): string {
  return `a variável CADEMI_BASE_URL ${problem}. Corrija-a (ou remova-a para usar a URL da API da aba Configuração) e rode de novo; nada foi coletado.`;
}

/** Said when a run uses the embedded simulator: only when no API is named anywhere. */
export const USING_EMBEDDED_SIMULATOR =
  'Sem URL da API na aba Configuração e sem CADEMI_BASE_URL: usando o simulador Cademi embutido (alunos inventados, só para testar).';

/** `simulator --api` or `demo --api` with something other than v1 or v3. */
export function apiOptionInvalid(value: string): string {
  return `--api deve ser v1 ou v3 (veio "${value.slice(0, 20)}")`;
}

/** The simulator's port is taken (or reserved). */
export function portUnavailable(port: number): string {
  return `a porta ${port} já está em uso ou não pode ser aberta; escolha outra com --port (0 = qualquer porta livre)`;
}

/** A path option given empty. */
export function emptyPathOption(name: string): string {
  return `${name} precisa de um caminho de arquivo .xlsx`;
}

// ---- init ----------------------------------------------------------------------------------

/** `init` created config sheets; the next step is a cohort. */
export function configSheetsCreated(file: string, sheets: readonly string[]): string {
  return `${file}: abas criadas: ${sheets.join(', ')}. Próximo passo: cademi-monitor cohort add ${file} --name … --tag … --start … --products …`;
}

/** `init` on a workbook that already has them. */
export function configSheetsExisted(file: string): string {
  return `${file}: as abas de configuração já existiam; nada mudou.`;
}

// ---- cohort --------------------------------------------------------------------------------

/** One cohort as `cohort list` prints it (tab-separated; `—` for no goal or tutor). */
export function cohortListLine(cohort: {
  readonly name: string;
  readonly tagId: number | string;
  readonly start: string;
  readonly productIds: readonly (number | string)[];
  readonly goalTrack: string | null;
  readonly tutorEmail: string | null;
  readonly active: boolean;
}): string {
  return `${cohort.name}\ttag ${cohort.tagId}\tinício ${formatBrDate(cohort.start)}\tprodutos ${cohort.productIds.join(',')}\tmeta ${cohort.goalTrack ?? '—'}\ttutor ${cohort.tutorEmail ?? '—'}\t${cohort.active ? 'ativa' : 'arquivada'}`;
}

/** `cohort add` without a required option. */
export function missingOptions(options: readonly string[]): string {
  return `${plural(options.length, 'falta a opção', 'faltam as opções')} ${options.join(', ')}`;
}

/** The workbook has no cohorts sheet to add to. */
export function noCohortsSheet(file: string, sheet: string): string {
  return `${file} não tem a aba ${sheet}; rode "cademi-monitor init ${file}"`;
}

/** `cohort add` wrote the row. */
export function cohortAdded(name: string, tagId: number | string, start: string, productIds: readonly (number | string)[]): string {
  return `Turma "${name}" adicionada (tag ${tagId}, início ${formatBrDate(start)}, produtos ${productIds.join(',')}).`;
}

/** The goal a new cohort got: the one asked for, or the school's default (said so). */
export function cohortGoal(track: string, defaulted: boolean): string {
  return defaulted ? `Meta: ${track} (padrão da escola; outra com --goal).` : `Meta: ${track}.`;
}

/** A cohort added without a goal (`reason`: why no default applied, from messages/config, or null when --goal "" asked for none). */
export function cohortWithoutGoal(reason: string | null): string {
  return `a turma ficou sem meta${reason ? ` (${reason})` : ''}: sem ritmo esperado, os alunos ficam "Sem meta" e ninguém é marcado por estar abaixo do esperado. Escolha uma trilha da aba Metas com cohort edit --goal.`;
}

/** `cohort edit` names a cohort that `Turmas` does not have (or holds with an error). */
export function cohortToEditMissing(name: string): string {
  return `a turma "${name}" não existe (ou está com erro) em Turmas`;
}

/** A refused edit or archive: the option the problem is about (none for the whole row), then the problem. */
export function cohortFieldProblem(option: string | null, message: string): string {
  return option ? `${option}: ${message}` : message;
}

/** `cohort edit` saved the row. */
export function cohortUpdated(name: string): string {
  return `Turma "${name}" atualizada.`;
}

/** `cohort archive` set `Ativa = Não`. */
export function cohortArchived(name: string): string {
  return `Turma "${name}" arquivada (histórico e abas preservados).`;
}

// ---- student -------------------------------------------------------------------------------

/** The student id argument is not a positive whole number. */
export function notAStudentId(text: string): string {
  return `"${text}" não é um ID de aluno`;
}

/** An adjustment for a student no sync has seen yet. */
export function studentNotInHistory(studentId: number | string): string {
  return `aluno ${studentId} não está no Histórico (sincronize antes)`;
}

/** `student move --to` names no active cohort. */
export function moveTargetUnavailable(cohort: string): string {
  return `a turma "${cohort}" não existe ou está arquivada`;
}

/** `student move` recorded the move in `Ajustes`. */
export function studentMoved(name: string, studentId: number | string, from: string, to: string, date: string): string {
  return `${name} (${studentId}): ${from} → ${to} a partir de ${formatBrDate(date)}.`;
}

/** `student dropout` recorded the dropout in `Ajustes`. */
export function studentDroppedOut(name: string, studentId: number | string, date: string): string {
  return `${name} (${studentId}): desistência em ${formatBrDate(date)}.`;
}

// ---- sync ----------------------------------------------------------------------------------

/** An API is named but CADEMI_TOKEN is not set. */
export const TOKEN_ENV_MISSING = 'defina CADEMI_TOKEN com a chave da API Cademi (ela nunca é gravada na planilha)';

/** The API a sync talks to (the address only: never the token). */
export function usingApi(baseUrl: string, api: 'v1' | 'v3'): string {
  return `API Cademi ${api}: ${baseUrl}`;
}

/** The progress bar's label during a sync. */
export const SYNC_PROGRESS_LABEL = 'Sincronizando';

/** The progress bar while the cohorts' students are still being listed (no total yet). */
export function listingProgress(label: string, calls: number): string {
  return `${label} listando alunos das turmas… ${calls} chamadas`;
}

/** What a week's run counted. */
export interface WeekCounts {
  readonly cohorts: number;
  readonly students: number;
  readonly rows: number;
  readonly calls: number;
  readonly carried: number;
}

/**
 * The line of each week a sync (and each demo week) collected; on the simulator, simulated API time
 * and real time. `carried`: the values kept from the last snapshot without a call (`Origem` = Mantido).
 */
export function weekSummary(week: string, counts: WeekCounts, time: { readonly realMs: number; readonly simulatedApiMs?: number }): string {
  const spent =
    time.simulatedApiMs === undefined
      ? formatDuration(time.realMs)
      : `${formatDuration(time.simulatedApiMs)} de API simulada, ${formatDuration(time.realMs)} reais`;
  return (
    `Semana ${formatBrDate(week)}: ${countOf(counts.cohorts, 'turma', 'turmas')}, ${countOf(counts.students, 'aluno', 'alunos')}, ` +
    `${countOf(counts.rows, 'linha', 'linhas')}; ${countOf(counts.calls, 'chamada', 'chamadas')}, ` +
    `${countOf(counts.carried, 'valor mantido', 'valores mantidos')} sem chamada (Origem = Mantido); ${spent}`
  );
}

/** The files a sync or the demo wrote: the workbook, its HTML preview, and the archive when old weeks moved there. */
export function filesWritten(files: { readonly workbook: string; readonly preview: string; readonly archive: string | null }): string {
  return `Gravado: ${files.workbook}, a prévia ${files.preview}${files.archive ? ` e o arquivo de semanas antigas ${files.archive}` : ''}.`;
}

/** The last line of a sync and of the demo: this week's list of students to call. */
export function studentsToContact(count: number, sheet: string): string {
  return count === 0
    ? `Nenhum aluno para contatar nesta semana (aba ${sheet}).`
    : `${countOf(count, 'aluno', 'alunos')} para contatar nesta semana (aba ${sheet}).`;
}

/** The optional BigQuery copy, after the workbook was saved. */
export function bigQueryWeekCopied(week: string, inserted: number, replaced: number): string {
  return `BigQuery: semana ${formatBrDate(week)} copiada (${countOf(inserted, 'linha', 'linhas')}${replaced ? `, ${replaced} ${plural(replaced, 'substituída', 'substituídas')}` : ''}).`;
}

/** The BigQuery copy failed; the week is safe in the workbook. */
export function bigQueryCopyFailedCli(reason: string): string {
  return `BigQuery: a cópia falhou (${reason}); a planilha foi salva e a próxima execução tenta de novo.`;
}

// ---- simulator -----------------------------------------------------------------------------

/** `simulator` is serving. */
export function simulatorListening(url: string, token: string, ratePerSecond: number): string {
  return `Simulador Cademi em ${url} (token: ${token}, ${ratePerSecond} req/s). Ctrl+C para parar.`;
}

/** `simulator --api v3`: what a workbook needs to sync through the v3 address (v1 is served at the same time). */
export function simulatorV3Note(v1Url: string): string {
  return `Para coletar pela v3, a aba Turmas precisa dos IDs da v3 (tag_…, prd_…); a API v1 segue servida ao mesmo tempo em ${v1Url}.`;
}

/** How to point a sync at the running simulator. */
export function simulatorExample(url: string, token: string): string {
  return `Ex.: CADEMI_BASE_URL=${url} CADEMI_TOKEN=${token} cademi-monitor sync escola.xlsx`;
}

// ---- demo ----------------------------------------------------------------------------------

/** `demo`: which API generation the simulated school is synced through. */
export function demoApi(api: 'v1' | 'v3'): string {
  return api === 'v3'
    ? 'API v3: uma chamada de progresso por aluno para todos os produtos (ids usr_/prd_/tag_, chave ck_test_).'
    : 'API v1: uma chamada de progresso por aluno e produto (ids numéricos). Use --api v3 para a nova geração.';
}

/** `demo` starts: the simulated school and the weeks it runs. */
export function demoStarted(cohorts: number, weeks: number, firstDay: string): string {
  return `Demonstração: simulador Cademi embutido, ${countOf(cohorts, 'turma', 'turmas')}, ${countOf(weeks, 'semana', 'semanas')} a partir de ${formatBrDate(firstDay)}.`;
}

/** `demo --first-week` before the first simulated cohort starts: the demo starts with that cohort instead. */
export function demoStartMoved(asked: string, firstStart: string): string {
  return `A semana pedida (${formatBrDate(asked)}) é anterior ao início da primeira turma simulada (${formatBrDate(firstStart)}); a demonstração começa em ${formatBrDate(firstStart)}.`;
}

/** The progress bar's label for one demo week. */
export function demoWeekLabel(week: number, weeks: number): string {
  return `Semana ${week}/${weeks}`;
}

/** `demo` is done: what it wrote to `Histórico` and what the API cost in simulated time (filesWritten follows). */
export function demoFinished(done: {
  readonly historyRows: number;
  readonly historySheet: string;
  readonly calls: number;
  readonly carried: number;
  readonly simulatedApiMs: number;
  readonly requestsPerSecond: number;
  readonly realMs: number;
}): string {
  return (
    `Pronto: ${countOf(done.historyRows, 'linha', 'linhas')} em ${done.historySheet}; ` +
    `${countOf(done.calls, 'chamada', 'chamadas')} à API (${countOf(done.carried, 'valor mantido', 'valores mantidos')} sem chamada), ` +
    `${formatDuration(done.simulatedApiMs)} de API simulada a ${done.requestsPerSecond} req/s, ${formatDuration(done.realMs)} reais.`
  );
}
