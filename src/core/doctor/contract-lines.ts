// The contract comparison as report lines: a summary, then every entry, with a missing path (or a
// missing answer schema) said once for all it hides. What fails the verdict: anything the parsers
// require; what only warns: optional fields, the product path, which only gives names, and the
// events list, which the run does not read yet (the incremental rule uses last_access_at).

import { V3_ENDPOINTS } from '../cademi-v3/contract';
import type { EntryCheck, OpenApiCheck } from '../cademi-v3/openapi-check';
import { doctorMessages as say } from '../messages/doctor';
import { type CheckLine, type CheckStatus, info, ok, warning } from './check-line';

/** Endpoints whose mismatch only warns, with why. */
const NOTED: Readonly<Record<string, string>> = {
  [V3_ENDPOINTS.product]: say.productContractWarning(),
  [V3_ENDPOINTS.events]: say.eventsContractWarning(),
};

/** How a mismatch weighs on the verdict. */
export function severityOf(check: EntryCheck): CheckStatus {
  if (check.verdict === 'ok') return 'ok';
  if (NOTED[check.entry.endpoint] !== undefined) return 'warning';
  if (check.entry.kind === 'field' && !check.entry.required) return 'warning';
  return 'failure';
}

const WEIGHT: Readonly<Record<CheckStatus, number>> = { ok: 0, info: 0, warning: 1, failure: 2 };
const worst = (checks: readonly EntryCheck[]): CheckStatus => checks.map(severityOf).reduce<CheckStatus>((a, b) => (WEIGHT[b] > WEIGHT[a] ? b : a), 'ok');

function line(status: CheckStatus, text: string, endpoint: string): CheckLine {
  const note = NOTED[endpoint];
  return { section: 'contract', status, text: status !== 'ok' && note !== undefined ? `${text} ${note}` : text };
}

function endpointLines(checks: readonly EntryCheck[]): CheckLine[] {
  const [pathCheck] = checks.filter((check) => check.entry.kind === 'path');
  if (pathCheck === undefined) return [];
  const { endpoint, knowledge } = pathCheck.entry;
  if (pathCheck.verdict !== 'ok') {
    // The document just fetched proves its own path, whether or not it lists itself.
    if (endpoint === V3_ENDPOINTS.openapi) return [ok('contract', say.selfUnlisted(endpoint))];
    const text =
      pathCheck.problem?.kind === 'path-missing'
        ? say.pathMissingCollapsed(endpoint, knowledge, checks.length - 1)
        : say.entry(pathCheck.entry, pathCheck.problem);
    return [line(worst(checks), text, endpoint)];
  }
  const lines: CheckLine[] = [ok('contract', say.entry(pathCheck.entry, null))];
  const unanswered = checks.filter((check) => check.problem?.kind === 'no-response-schema');
  for (const check of checks) {
    if (check === pathCheck || check.problem?.kind === 'no-response-schema') continue;
    lines.push(line(severityOf(check), say.entry(check.entry, check.problem), endpoint));
  }
  if (unanswered.length > 0) lines.push(line(worst(unanswered), say.noResponseSchemaCollapsed(endpoint, unanswered.length), endpoint));
  return lines;
}

/** The report's contract section for a comparison. */
export function contractLines(check: OpenApiCheck): CheckLine[] {
  if (!check.readable) return [warning('contract', say.contractUnreadable(check.reason))];
  const byEndpoint = new Map<string, EntryCheck[]>();
  for (const entry of check.entries) byEndpoint.set(entry.entry.endpoint, [...(byEndpoint.get(entry.entry.endpoint) ?? []), entry]);
  const matching = check.entries.filter((entry) => entry.verdict === 'ok').length;
  return [
    info('contract', say.contractSummary(matching, check.entries.length, check.openapiVersion, check.contractVersion)),
    ...[...byEndpoint.values()].flatMap(endpointLines),
  ];
}
