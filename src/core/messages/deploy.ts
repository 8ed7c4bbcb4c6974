// What the deploy tooling (src/deploy: the build's bundle review and `npm run deploy:check`) tells
// whoever installs the product, in Brazilian Portuguese. The scope table's reasons stay beside their
// rules in src/deploy/scopes.ts (each is part of the rule, and the README's table lists them).

import { countOf, plural } from './numbers';

// ---- deploy.config.json --------------------------------------------------------------------

/** The file is not JSON. */
export function deployConfigNotJson(file: string): string {
  return `${file} não é um JSON válido.`;
}

/** The file's fields are wrong: `where` lists each problem as `campo: problema`. */
export function deployConfigInvalid(file: string, where: readonly string[]): string {
  return `${file} inválido (${where.join('; ')}). Campos aceitos: addon, bigquery, extraFetchPrefixes.`;
}

/** A problem with the file as a whole (no field to name). */
export const DEPLOY_CONFIG_ROOT = '(raiz)';

/** An extra allowlist prefix the https rule refuses. */
export function badExtraFetchPrefix(file: string, prefix: string, reason: string): string {
  return `${file}: o endereço "${prefix}" em extraFetchPrefixes ${reason} (ex.: https://api.minhaescola.com.br/).`;
}

// ---- the bundle against the Apps Script runtime and the scope table --------------------------

/** An advanced service used without a typeof guard while its option is off. */
export function advancedServiceOff(name: string, where: string, option: string): string {
  return `${name} (${where}) é um serviço avançado usado sem verificação typeof, mas a opção "${option}" está desligada em deploy.config.json.`;
}

/** A global that Apps Script does not have. */
export function missingInAppsScript(name: string, where: string): string {
  return `${name} (${where}) não existe no Apps Script: use um serviço do Apps Script ou proteja o uso com typeof.`;
}

/** A service passed around as a value: its members, and so its scopes, cannot be known. */
export function serviceUsedAsValue(name: string, where: string): string {
  return `${name} é usado como valor em ${where}: chame seus membros diretamente (${name}.metodo(...)) para que o escopo necessário seja conhecido.`;
}

/** A service member the scope table does not cover. */
export function memberNotInScopeTable(name: string, member: string, where: string): string {
  return `${name}.${member} (${where}) não está na tabela de escopos (src/deploy/scopes.ts): acrescente-o com o escopo que a documentação do Google indica.`;
}

/** An option switched on for a service the code never calls. */
export function optionOnButUnused(option: string, service: string): string {
  return `A opção "${option}" está ligada, mas o código não usa o serviço ${service}.`;
}

// ---- the manifest against the bundle -------------------------------------------------------

/** A scope the code needs and the manifest lacks. */
export function scopeMissing(scope: string, uses: readonly string[]): string {
  return `Falta o escopo ${scope} no manifesto: ${uses.join(', ')} o exige.`;
}

/** A scope the manifest asks for and nothing uses. */
export function scopeUnused(scope: string): string {
  return `O escopo ${scope} está no manifesto, mas nada no código o usa.`;
}

/** An address the code fetches and the allowlist lacks. */
export function allowlistMissing(prefix: string): string {
  return `Falta ${prefix} em urlFetchWhitelist: o código busca esse endereço.`;
}

/** An allowlist address nothing justifies. */
export function allowlistUnjustified(prefix: string): string {
  return `${prefix} está em urlFetchWhitelist, mas nem o código nem deploy.config.json o justificam.`;
}

/** An advanced service the code uses and the manifest lacks. */
export function advancedServiceMissing(service: string): string {
  return `Falta o serviço avançado ${service} no manifesto.`;
}

/** An advanced service in the manifest that deploy.config.json did not switch on. */
export function advancedServiceNotEnabled(service: string): string {
  return `O serviço avançado ${service} está no manifesto, mas não foi ligado em deploy.config.json.`;
}

// ---- npm run deploy:check ------------------------------------------------------------------

/** clasp answered without the list of files it would push. */
export const CLASP_LISTED_NOTHING = 'clasp show-file-status não listou filesToPush';

/** deploy:check before a build. */
export const BUILD_INCOMPLETE = 'build/ está incompleto: rode npm run build primeiro.';

/** The heading of the files clasp would push. */
export const FILES_TO_PUSH_HEADING = 'Arquivos que o clasp enviará ao Apps Script:';

/** clasp would push other files than exactly the build's three. */
export function claspWouldPushOthers(files: readonly string[], expected: readonly string[]): string {
  return `O clasp enviaria ${files.join(', ')}; só ${expected.join(', ')} devem ir (confira .clasp.json e .claspignore).`;
}

/** The heading of the OAuth scopes, each with its reasons and uses. */
export const SCOPES_HEADING = 'Escopos OAuth (o motivo e o que no código os usa):';

/** The heading of the allowlisted addresses. */
export const ALLOWLIST_HEADING = 'Endereços permitidos (urlFetchWhitelist):';

/** Why an allowlist prefix from deploy.config.json is there. */
export const SCHOOL_OWN_ADDRESS = 'endereço próprio da escola (deploy.config.json)';

/** An advanced service, on or off. */
export function serviceSwitch(service: string, on: boolean): string {
  return `${service}: ${on ? 'ligado' : 'desligado'}`;
}

/** The deployment's optional parts: the build mode, then each advanced service. */
export function optionalParts(addon: boolean, services: readonly string[]): string {
  return `Partes opcionais (deploy.config.json): modo ${addon ? 'complemento (add-on)' : 'script vinculado'}; ${services.join('; ')}`;
}

/** No .clasp.json in the project. */
export const CLASP_JSON_MISSING = '.clasp.json não existe.';

/** .clasp.json still holds the template value `template` instead of the script's id. */
export function scriptIdMissing(template: string): string {
  return `.clasp.json ainda tem ${template}: cole ali o ID do script (Configurações do projeto no editor).`;
}

/** deploy:check itself could not run. */
export function deployCheckFailed(reason: string): string {
  return `deploy:check falhou: ${reason}`;
}

/** Something to fix before a push, that does not block this check. */
export function deployWarning(warning: string): string {
  return `Aviso: ${warning}`;
}

/** What would fail in Apps Script: nothing is pushed. */
export function problemsBlockPush(problems: readonly string[]): string {
  return `${countOf(problems.length, 'problema', 'problemas')} ${plural(problems.length, 'impede', 'impedem')} o envio:\n- ${problems.join('\n- ')}`;
}

/** Nothing would fail. */
export const READY_TO_PUSH = 'Tudo certo para enviar.';
