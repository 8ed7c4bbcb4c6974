// The v1 checks: the first page of each active cohort's tag listing and each tracked product, with
// v1's own request builders and parsers, so a check reads an answer exactly as the run would.

import { CademiNotFoundError } from '../cademi/errors';
import { ENDPOINTS, productRequest, tagStudentsRequest } from '../cademi/requests';
import { parseProduct, parseTagStudentsPage } from '../cademi/responses';
import type { ApiTarget } from '../cademi/types';
import { doctorMessages as say } from '../messages/doctor';
import type { CohortConfig } from '../model/cohort';
import { idText } from '../model/ids';
import { type DoctorStep, failure, ok, warning } from './check-line';
import { productPlaces, type TrackedProduct } from './preflight';

/** One step per active cohort's tag. */
export function v1TagStep(target: ApiTarget, cohort: CohortConfig): DoctorStep {
  const tag = idText(cohort.tagId);
  return {
    endpoint: ENDPOINTS.tagStudents,
    section: 'cohorts',
    request: tagStudentsRequest(target, cohort.tagId),
    read: (response) => {
      const page = parseTagStudentsPage(response);
      return {
        lines: [
          page.items.length > 0 ? ok('cohorts', say.tagAnswers(cohort.name, tag, ENDPOINTS.tagStudents)) : warning('cohorts', say.tagEmpty(cohort.name, tag)),
        ],
      };
    },
    explain: (error) =>
      error instanceof CademiNotFoundError ? { lines: [failure('cohorts', say.tagUnknown(cohort.name, tag, cohort.sheetRow + 1, error.status))] } : null,
  };
}

/** One step per tracked product (once, however many cohorts track it). */
export function v1ProductStep(target: ApiTarget, product: TrackedProduct): DoctorStep {
  const id = idText(product.id);
  return {
    endpoint: ENDPOINTS.product,
    section: 'cohorts',
    request: productRequest(target, product.id),
    read: (response) => {
      parseProduct(response);
      return { lines: [ok('cohorts', say.productFound(id))] };
    },
    explain: (error) =>
      error instanceof CademiNotFoundError ? { lines: [failure('cohorts', say.productUnknown(id, error.status, productPlaces(product)))] } : null,
  };
}
