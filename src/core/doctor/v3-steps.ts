// The v3 checks: the key (GET /credentials/current), one user of each active cohort's tag, one
// user's progress, each tracked product (an assumed path: only names depend on it), and the live
// `/openapi.json` compared with the contract table. Built with the v3 client's requests and parsers.

import { V3_ENDPOINTS } from '../cademi-v3/contract';
import {
  CademiV3AuthError,
  CademiV3Error,
  CademiV3NotFoundError,
  CademiV3PermissionError,
  CademiV3RejectedError,
  CademiV3ShapeError,
} from '../cademi-v3/errors';
import { checkOpenApi } from '../cademi-v3/openapi-check';
import { currentCredentialRequest, openApiRequest, productRequest, userProgressRequest, usersByTagRequest } from '../cademi-v3/requests';
import { checkV3Response, parseCurrentCredential, parseProduct, parseUserProgressPage, parseUsersPage } from '../cademi-v3/responses';
import type { V3Target } from '../cademi-v3/types';
import { doctorMessages as say } from '../messages/doctor';
import type { CohortConfig } from '../model/cohort';
import { idText } from '../model/ids';
import { type DoctorStep, failure, ok, type StepResult, warning } from './check-line';
import { contractLines } from './contract-lines';
import { productPlaces, type TrackedProduct } from './preflight';

function permissionOf(error: unknown, purpose: string): StepResult | null {
  return error instanceof CademiV3PermissionError ? { lines: [failure('access', say.permission(error.endpoint, error.code, purpose))] } : null;
}

export function v3CredentialStep(target: V3Target): DoctorStep {
  const endpoint = V3_ENDPOINTS.currentCredential;
  return {
    endpoint,
    section: 'access',
    request: currentCredentialRequest(target),
    read: (response, nowMs) => {
      const { mode } = parseCurrentCredential(response, nowMs);
      // Only the two values the reference names are repeated: anything else from the body is not.
      return { lines: [ok('access', say.keyAccepted(endpoint, mode === 'live' || mode === 'test' ? mode : null))] };
    },
    explain: (error) => permissionOf(error, say.purpose.currentCredential),
  };
}

/** Shared by a plan's tag steps: one progress call is enough to see the permission and the shape. */
interface ProgressProbe {
  scheduled: boolean;
}

export function v3TagStep(target: V3Target, cohort: CohortConfig, probe: ProgressProbe): DoctorStep {
  const tag = idText(cohort.tagId);
  const row = cohort.sheetRow + 1;
  return {
    endpoint: V3_ENDPOINTS.usersByTag,
    section: 'cohorts',
    request: usersByTagRequest(target, { tagIds: [tag], limit: 1 }),
    read: (response, nowMs) => {
      const [first] = parseUsersPage(response, nowMs).items;
      if (first === undefined) return { lines: [warning('cohorts', say.tagEmpty(cohort.name, tag))] };
      const next = probe.scheduled ? [] : [v3ProgressStep(target, first.id, cohort)];
      probe.scheduled = true;
      return { lines: [ok('cohorts', say.tagAnswers(cohort.name, tag, V3_ENDPOINTS.usersByTag))], next };
    },
    explain: (error) => {
      if (error instanceof CademiV3NotFoundError) return { lines: [failure('cohorts', say.tagUnknown(cohort.name, tag, row, error.status))] };
      if (error instanceof CademiV3RejectedError) return { lines: [failure('cohorts', say.tagRejected(cohort.name, tag, row, error.status, error.code))] };
      return permissionOf(error, say.purpose.usersByTag);
    },
  };
}

function v3ProgressStep(target: V3Target, userId: string, cohort: CohortConfig): DoctorStep {
  return {
    endpoint: V3_ENDPOINTS.userProgress,
    section: 'cohorts',
    request: userProgressRequest(target, userId, { limit: 1 }),
    read: (response, nowMs) => {
      parseUserProgressPage(response, nowMs);
      return { lines: [ok('cohorts', say.progressAnswers(V3_ENDPOINTS.userProgress, cohort.name))] };
    },
    explain: (error) => permissionOf(error, say.purpose.userProgress),
  };
}

/**
 * `GET /products/{product_id}` is an assumed path that only gives names: but for a refused key and
 * Cademi's own "no such product", whatever it answers the run goes on (names fall back to
 * `Produto prd_…`), so it is a warning.
 */
export function v3ProductStep(target: V3Target, product: TrackedProduct): DoctorStep {
  const id = idText(product.id);
  const endpoint = V3_ENDPOINTS.product;
  return {
    endpoint,
    section: 'cohorts',
    request: productRequest(target, id),
    read: (response, nowMs) => {
      parseProduct(response, nowMs);
      return { lines: [ok('cohorts', say.productFound(id))] };
    },
    explain: (error) => {
      if (!(error instanceof CademiV3Error) || error instanceof CademiV3AuthError) return null;
      // In v3's envelope, a 404 is Cademi saying the product does not exist: the run flags it and leaves it out.
      if (error instanceof CademiV3NotFoundError && error.code !== undefined) {
        return { lines: [failure('cohorts', say.productUnknown(id, error.status, productPlaces(product)))] };
      }
      if (error instanceof CademiV3ShapeError) return { lines: [warning('cohorts', say.productNameUnreadable(id, endpoint, error.field))] };
      return { lines: [warning('cohorts', say.productNameUnavailable(id, endpoint, error.status))] };
    },
  };
}

export function v3ContractStep(target: V3Target): DoctorStep {
  const endpoint = V3_ENDPOINTS.openapi;
  return {
    endpoint,
    section: 'contract',
    request: openApiRequest(target),
    read: (response, nowMs) => ({ lines: contractLines(checkOpenApi(checkV3Response(response, endpoint, nowMs))) }),
    explain: (error) => {
      // Without the document the run may still succeed: nothing is known against it, which is a warning.
      if (error instanceof CademiV3ShapeError) return { lines: [warning('contract', say.contractNotJson(endpoint))] };
      const unpublished = error instanceof CademiV3Error && error.status >= 400 && error.status <= 499 && error.status !== 401 && error.status !== 429;
      return unpublished ? { lines: [warning('contract', say.contractUnavailable(endpoint, error.status, error.code))] } : null;
    },
  };
}
