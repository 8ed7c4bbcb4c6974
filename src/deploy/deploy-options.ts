// A school's deployment choices, kept in `deploy.config.json` so every build (and so every
// `npm run push`) writes the same manifest: nothing switched on once is undone by the next push.

import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { badExtraFetchPrefix, DEPLOY_CONFIG_ROOT, deployConfigInvalid, deployConfigNotJson } from '../core/messages/deploy';
import { invalidPrefixReason } from '../gas/url-allowlist';

export const DEPLOY_CONFIG_FILE = 'deploy.config.json';

const deployConfigSchema = z
  .object({
    /** Editor add-on build: add-on menu, hourly tick. */
    addon: z.boolean().default(false),
    /** The BigQuery advanced service and its scope (setting `Tabela BigQuery`). */
    bigquery: z.boolean().default(false),
    /** More `urlFetchWhitelist` prefixes, e.g. a school's own domain for the Cademi API. */
    extraFetchPrefixes: z.array(z.string()).default([]),
  })
  .strict();

export type DeployOptions = z.infer<typeof deployConfigSchema>;

export class DeployConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployConfigError';
  }
}

/** Parses the file's text; environment overrides (`CADEMI_ADDON=1`, `CADEMI_BIGQUERY=1`) win. */
export function parseDeployOptions(text: string | null, env: Readonly<Record<string, string | undefined>> = {}): DeployOptions {
  let raw: unknown = {};
  if (text !== null) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new DeployConfigError(deployConfigNotJson(DEPLOY_CONFIG_FILE));
    }
  }
  // zod's own Portuguese messages: its default ones are English.
  const parsed = deployConfigSchema.safeParse(raw, { error: z.locales.pt().localeError });
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || DEPLOY_CONFIG_ROOT}: ${issue.message}`);
    throw new DeployConfigError(deployConfigInvalid(DEPLOY_CONFIG_FILE, where));
  }
  const options = { ...parsed.data };
  if (env.CADEMI_ADDON === '1') options.addon = true;
  if (env.CADEMI_BIGQUERY === '1') options.bigquery = true;
  for (const prefix of options.extraFetchPrefixes) {
    const reason = invalidPrefixReason(prefix);
    if (reason) throw new DeployConfigError(badExtraFetchPrefix(DEPLOY_CONFIG_FILE, prefix, reason));
  }
  return options;
}

/** Reads `deploy.config.json` from `root` (absent: the defaults). */
export function readDeployOptions(root: string, env: Readonly<Record<string, string | undefined>> = process.env): DeployOptions {
  const path = `${root}/${DEPLOY_CONFIG_FILE}`;
  return parseDeployOptions(existsSync(path) ? readFileSync(path, 'utf8') : null, env);
}
