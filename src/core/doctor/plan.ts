// The check plan for a school: the lines known before any request (address, key, generation,
// config), then the requests of the generation the run would call, in the order they are sent.

import type { ApiTarget } from '../cademi/types';
import { errorText } from '../errors';
import { type CheckLine, type DoctorStep, failure } from './check-line';
import type { DoctorPlan } from './doctor-run';
import { checkAccess, checkConfig, type DoctorInput } from './preflight';
import { v1ProductStep, v1TagStep } from './v1-steps';
import { v3ContractStep, v3CredentialStep, v3ProductStep, v3TagStep } from './v3-steps';

export type { DoctorInput } from './preflight';

/** Builds a step; a request builder that refuses an id (the pt-BR reason) becomes a failure line instead. */
function stepOrLine(build: () => DoctorStep, lines: CheckLine[]): DoctorStep[] {
  try {
    return [build()];
  } catch (error) {
    lines.push(failure('config', errorText(error)));
    return [];
  }
}

/** What the check will ask Cademi, and what it already knows. No I/O: the host runs it (DoctorRun). */
export function doctorPlan(input: DoctorInput): DoctorPlan {
  const access = checkAccess(input);
  const config = checkConfig(input.config, access.api);
  const lines: CheckLine[] = [...access.lines, ...config.lines];
  const target: ApiTarget | null = access.target;
  const steps: DoctorStep[] = [];
  if (target !== null) {
    if (access.api === 'v1') {
      for (const cohort of config.cohorts) steps.push(...stepOrLine(() => v1TagStep(target, cohort), lines));
      for (const product of config.products) steps.push(...stepOrLine(() => v1ProductStep(target, product), lines));
    } else {
      const probe = { scheduled: false };
      steps.push(v3CredentialStep(target));
      for (const cohort of config.cohorts) steps.push(...stepOrLine(() => v3TagStep(target, cohort, probe), lines));
      for (const product of config.products) steps.push(...stepOrLine(() => v3ProductStep(target, product), lines));
      steps.push(v3ContractStep(target));
    }
  }
  return { host: input.host, api: access.api, lines, token: target?.token ?? '', steps, keyCheckedByAnswers: access.api === 'v1' };
}
