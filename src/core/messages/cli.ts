// Messages of the command line (options, where the data comes from) and of the API address rule
// shared with Apps Script, in Brazilian Portuguese. Never the token, never a header value.

/** A whole-number option out of shape or range. */
export function badIntegerOption(name: string, text: string, min: number, max: number): string {
  return `${name} deve ser um número inteiro entre ${min} e ${max} (recebido "${text}")`;
}

/** A decimal option out of shape or range. */
export function badNumberOption(name: string, text: string, rule: string): string {
  return `${name} deve ser um número ${rule} (recebido "${text}")`;
}

/** A date option that is not a calendar date. */
export function badDateOption(name: string, text: string): string {
  return `${name} "${text}" não é uma data AAAA-MM-DD`;
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

/** The simulator's port is taken (or reserved). */
export function portUnavailable(port: number): string {
  return `a porta ${port} já está em uso ou não pode ser aberta; escolha outra com --port (0 = qualquer porta livre)`;
}

/** A path option given empty. */
export function emptyPathOption(name: string): string {
  return `${name} precisa de um caminho de arquivo .xlsx`;
}
