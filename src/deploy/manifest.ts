// The Apps Script manifest, derived from what the built bundle really calls: every scope is justified
// by a member the bundle uses (scopes.ts), every fetched host by FETCH_TARGETS, every advanced service
// by an option in deploy.config.json. `checkManifest` re-derives and compares, for tests and deploy:check.

import {
  advancedServiceMissing,
  advancedServiceNotEnabled,
  advancedServiceOff,
  allowlistMissing,
  allowlistUnjustified,
  memberNotInScopeTable,
  missingInAppsScript,
  optionOnButUnused,
  scopeMissing,
  scopeUnused,
  serviceUsedAsValue,
} from '../core/messages/deploy';
import { FETCH_TARGETS } from '../gas/url-allowlist';
import { APPS_SCRIPT_SERVICES, ECMASCRIPT_GLOBALS } from './apps-script-runtime';
import type { FreeReference } from './bundle-analysis';
import type { DeployOptions } from './deploy-options';
import { ADVANCED_SERVICES, type DeployOption, isRuledService, ruleFor, SCOPE_RULES } from './scopes';

export interface AppsScriptManifest {
  readonly timeZone: string;
  readonly runtimeVersion: 'V8';
  readonly exceptionLogging: 'STACKDRIVER';
  readonly dependencies?: { readonly enabledAdvancedServices: readonly { userSymbol: string; serviceId: string; version: string }[] };
  readonly oauthScopes: readonly string[];
  readonly urlFetchWhitelist: readonly string[];
  readonly webapp: { readonly access: 'ANYONE_ANONYMOUS'; readonly executeAs: 'USER_DEPLOYING' };
}

/** A scope the manifest needs, with the bundle's uses that need it and why (Portuguese). */
export interface ScopeNeed {
  readonly scope: string;
  readonly uses: readonly string[];
  readonly reasons: readonly string[];
}

export interface BundleReview {
  readonly scopes: readonly ScopeNeed[];
  readonly advancedServices: readonly DeployOption[];
  /** What makes the bundle unfit for Apps Script or the table incomplete (Portuguese, with Code.js:line:column). */
  readonly problems: readonly string[];
}

const ES = new Set(ECMASCRIPT_GLOBALS);
const SERVICES = new Set(APPS_SCRIPT_SERVICES);
const where = (reference: FreeReference) => `Code.js:${reference.line}:${reference.column + 1}`;

/** Checks every free reference against the runtime and the scope table; collects the scopes needed. */
export function reviewBundle(references: readonly FreeReference[], options: Pick<DeployOptions, 'bigquery'>): BundleReview {
  const problems: string[] = [];
  const needs: { anyOf: readonly string[]; use: string; reason: string }[] = [];
  const advancedUsed = new Set<DeployOption>();
  for (const reference of references) {
    const { name, member } = reference;
    if (ES.has(name)) continue;
    const advanced = SCOPE_RULES.find((rule) => rule.service === name && rule.option !== undefined);
    const available = SERVICES.has(name) || (advanced?.option !== undefined && options[advanced.option]);
    if (!available) {
      if (reference.guarded) continue;
      problems.push(advanced?.option ? advancedServiceOff(name, where(reference), advanced.option) : missingInAppsScript(name, where(reference)));
      continue;
    }
    if (advanced?.option !== undefined) advancedUsed.add(advanced.option);
    if (reference.typeofOperand || !isRuledService(name)) continue;
    const rule = ruleFor(name, member);
    if (!rule) {
      problems.push(member === null ? serviceUsedAsValue(name, where(reference)) : memberNotInScopeTable(name, member, where(reference)));
      continue;
    }
    if (rule.anyOf.length > 0) needs.push({ anyOf: rule.anyOf, use: member === null ? name : `${name}.${member}`, reason: rule.reason });
  }
  for (const option of Object.keys(ADVANCED_SERVICES) as DeployOption[]) {
    if (options[option] && !advancedUsed.has(option)) problems.push(optionOnButUnused(option, ADVANCED_SERVICES[option].userSymbol));
  }

  // The narrowest set: a need with one possible scope decides first; a need a chosen scope covers adds none.
  const chosen = new Map<string, { uses: Set<string>; reasons: Set<string> }>();
  for (const need of [...needs].sort((a, b) => a.anyOf.length - b.anyOf.length)) {
    const scope = need.anyOf.find((candidate) => chosen.has(candidate)) ?? need.anyOf[0];
    if (scope === undefined) continue; // only needs with a scope are pushed above
    const entry = chosen.get(scope) ?? { uses: new Set<string>(), reasons: new Set<string>() };
    entry.uses.add(need.use);
    entry.reasons.add(need.reason);
    chosen.set(scope, entry);
  }
  const scopes = [...chosen]
    .map(([scope, entry]) => ({ scope, uses: [...entry.uses].sort(), reasons: [...entry.reasons] }))
    .sort((a, b) => a.scope.localeCompare(b.scope));
  return { scopes, advancedServices: [...advancedUsed].sort(), problems };
}

/** The allowlist the manifest carries: the product's own hosts, then the school's. */
export function fetchAllowlist(options: Pick<DeployOptions, 'extraFetchPrefixes'>): string[] {
  return [...new Set([...FETCH_TARGETS.map((target) => target.prefix), ...options.extraFetchPrefixes])];
}

export function buildManifest(review: BundleReview, options: Pick<DeployOptions, 'extraFetchPrefixes'>): AppsScriptManifest {
  const services = review.advancedServices.map((option) => ADVANCED_SERVICES[option]);
  return {
    timeZone: 'America/Sao_Paulo',
    runtimeVersion: 'V8',
    exceptionLogging: 'STACKDRIVER',
    ...(services.length > 0 ? { dependencies: { enabledAdvancedServices: services } } : {}),
    oauthScopes: review.scopes.map((need) => need.scope),
    urlFetchWhitelist: fetchAllowlist(options),
    webapp: { access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' },
  };
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((item) => !other.has(item));
}

/** Problems of a manifest for a bundle: missing or unused scopes, hosts and services (Portuguese). */
export function checkManifest(manifest: Partial<AppsScriptManifest>, references: readonly FreeReference[], options: DeployOptions): string[] {
  const review = reviewBundle(references, options);
  const expected = buildManifest(review, options);
  const problems = [...review.problems];
  const declared = manifest.oauthScopes ?? [];
  for (const scope of difference(expected.oauthScopes, declared)) {
    const need = review.scopes.find((item) => item.scope === scope);
    problems.push(scopeMissing(scope, need?.uses ?? []));
  }
  for (const scope of difference(declared, expected.oauthScopes)) problems.push(scopeUnused(scope));
  const hosts = manifest.urlFetchWhitelist ?? [];
  for (const prefix of difference(expected.urlFetchWhitelist, hosts)) problems.push(allowlistMissing(prefix));
  for (const prefix of difference(hosts, expected.urlFetchWhitelist)) problems.push(allowlistUnjustified(prefix));
  const symbols = (services: AppsScriptManifest['dependencies']) =>
    (services?.enabledAdvancedServices ?? []).map((service) => `${service.userSymbol}/${service.serviceId}/${service.version}`);
  for (const service of difference(symbols(expected.dependencies), symbols(manifest.dependencies))) problems.push(advancedServiceMissing(service));
  for (const service of difference(symbols(manifest.dependencies), symbols(expected.dependencies))) problems.push(advancedServiceNotEnabled(service));
  return problems;
}
