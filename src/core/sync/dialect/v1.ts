// The v1 dialect: integer ids, one progress call per (student, product), listings paged by URL.

import { CademiNotFoundError } from '../../cademi/errors';
import { ENDPOINTS, followPageRequest, productRequest, progressRequest, studentRequest, tagStudentsRequest } from '../../cademi/requests';
import { parseProduct, parseProgress, parseStudent, parseTagStudentsPage } from '../../cademi/responses';
import type { ApiTarget } from '../../cademi/types';
import type { HttpResponse } from '../../http';
import type { ProductId } from '../../model/ids';
import { isForeignNotFound } from '../missing-endpoint';
import type { ApiDialect, ListedPage, ListedStudent } from './dialect';

function orNullWhenNotFound<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof CademiNotFoundError) return null;
    throw error;
  }
}

export function v1Dialect(target: ApiTarget): ApiDialect {
  return {
    api: 'v1',
    endpoints: { product: ENDPOINTS.product, tagStudents: ENDPOINTS.tagStudents, student: ENDPOINTS.student, progress: ENDPOINTS.progress },
    progressPerStudent: false,
    productLookupAssumed: false,
    productRequest: (productId) => productRequest(target, productId),
    // v1's lookup is documented: a 404, or a product without a name, is an id Cademi does not know.
    readProduct: (response) => orNullWhenNotFound(() => parseProduct(response, ENDPOINTS.product).name) || null,
    tagPageRequest: (tagId) => tagStudentsRequest(target, tagId),
    nextTagPageRequest: (nextPageUrl) => followPageRequest(target, nextPageUrl, ENDPOINTS.tagStudents),
    readTagPage: (response): ListedPage | null =>
      orNullWhenNotFound(() => {
        const page = parseTagStudentsPage(response, ENDPOINTS.tagStudents);
        return { students: page.items, nextPageUrl: page.nextPageUrl };
      }),
    studentRequest: (studentId) => studentRequest(target, studentId),
    readStudent: (response): ListedStudent | null => orNullWhenNotFound(() => parseStudent(response, ENDPOINTS.student)),
    progressRequest: (studentId, productId) => {
      if (productId === null) throw new Error('v1 progress is asked per product');
      return progressRequest(target, studentId, productId);
    },
    readProgress: (response: HttpResponse, productId: ProductId | null) => {
      if (productId === null) throw new Error('v1 progress is read per product');
      const progress = parseProgress(response, ENDPOINTS.progress);
      return { items: [{ productId, percent: progress.percent, lessonsCompleted: progress.lessonsCompleted }], nextCursor: null };
    },
    isForeignNotFound,
  };
}
