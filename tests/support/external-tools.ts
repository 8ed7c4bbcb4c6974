// Test support: the programs some suites drive (Chromium, LibreOffice), decided in one place. Where one
// is missing its checks are skipped with the reason printed; with CI set they fail instead, so a CI run
// that lost its browser cannot pass by skipping what it was meant to check.

import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export interface ExternalTool {
  readonly name: string;
  readonly path: string;
  /** How to install it (Debian), for the message. */
  readonly install: string;
}

export const CHROMIUM: ExternalTool = { name: 'Chromium', path: '/usr/bin/chromium', install: 'apt-get install chromium' };
export const LIBREOFFICE: ExternalTool = { name: 'LibreOffice', path: '/usr/bin/soffice', install: 'apt-get install libreoffice-calc-nogui' };

export type ToolDecision = { readonly run: true } | { readonly run: false; readonly fail: boolean; readonly reason: string };

/** CI is set as CI services and .ci/run set it: any value but empty, `0` or `false`. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/** Run when the tool is there; otherwise skip, or fail when CI is set. */
export function decideTool(tool: ExternalTool, present: boolean, ci: boolean): ToolDecision {
  if (present) return { run: true };
  const reason = `${tool.name} not found at ${tool.path} (${tool.install})`;
  return ci
    ? { run: false, fail: true, reason: `${reason}: required when CI is set` }
    : { run: false, fail: false, reason: `${reason}: its checks are skipped` };
}

const warned = new Set<string>();

/** This machine's decision for `tool`; a skip is said once per test file. */
export function toolDecision(tool: ExternalTool): ToolDecision {
  const decision = decideTool(tool, existsSync(tool.path), isCi());
  if (!decision.run && !decision.fail && !warned.has(tool.name)) {
    warned.add(tool.name);
    // Straight to stderr: jest shows no console output for a file whose tests were all skipped.
    process.stderr.write(`${decision.reason}\n`);
  }
  return decision;
}

/** A suite needing `tool`: run, skipped (reason printed), or with CI set one failing test saying what is missing. */
export function describeWithTool(tool: ExternalTool, name: string, body: () => void): void {
  const decision = toolDecision(tool);
  if (decision.run) describe(name, body);
  else if (decision.fail) describe(name, () => it(`needs ${tool.name}`, () => throwMissing(decision.reason)));
  else describe.skip(name, body);
}

/** One test needing `tool`, decided as describeWithTool decides a suite. */
export function itWithTool(tool: ExternalTool, name: string, body: jest.ProvidesCallback, timeout?: number): void {
  const decision = toolDecision(tool);
  if (decision.run) it(name, body, timeout);
  else if (decision.fail) it(name, () => throwMissing(decision.reason));
  else it.skip(name, body, timeout);
}

/** Inside a test: true when `tool` is there, false (reason printed) when not; throws when CI is set and it is missing. */
export function hasTool(tool: ExternalTool): boolean {
  const decision = toolDecision(tool);
  if (decision.run) return true;
  if (decision.fail) throwMissing(decision.reason);
  return false;
}

function throwMissing(reason: string): never {
  throw new Error(reason);
}

/** Headless Chromium as every browser test launches it: no sandbox (root in CI), no network of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM.path,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
