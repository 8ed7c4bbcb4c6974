// The v3 dialect: `usr_`/`prd_`/`tag_` ids, one progress call per student for every product (cursor
// paged), users listed by tag 200 a page, errors in `{"error":{code, request_id}}`.

import { CademiUnsafeUrlError } from '../../cademi/errors';
import { originOf } from '../../cademi/requests';
import { V3_CONTRACT, V3_ENDPOINTS } from '../../cademi-v3/contract';
import { CademiV3NotFoundError } from '../../cademi-v3/errors';
import { productRequest, userProgressRequest, userRequest, usersByTagRequest } from '../../cademi-v3/requests';
import { parseProduct, parseUser, parseUserProgressPage, parseUsersPage } from '../../cademi-v3/responses';
import type { V3Target } from '../../cademi-v3/types';
import type { HttpRequest, HttpResponse } from '../../http';
import type { TagId } from '../../model/ids';
import type { ApiDialect, ListedPage, ListedStudent } from './dialect';

function orNullWhenNotFound<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof CademiV3NotFoundError) return null;
    throw error;
  }
}

/** True for a 404 without v3's error envelope: an address that is not the v3 API. */
export function isForeignV3NotFound(response: HttpResponse): boolean {
  if (response.status !== 404) return false;
  try {
    const body: unknown = JSON.parse(response.body);
    const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[V3_CONTRACT.errorEnvelope.path] : undefined;
    return !(typeof error === 'object' && error !== null && typeof (error as Record<string, unknown>)[V3_CONTRACT.errorEnvelope.code] === 'string');
  } catch {
    return true;
  }
}

/**
 * The lookup is an endpoint this version assumes. A 404 in v3's envelope is Cademi saying the product
 * does not exist (null: flagged in `Turmas`, as on v1); a 404 without it is a path Cademi does not
 * serve, and a missing name is no name: those cost the name only, since the progress answers still
 * hold the product.
 */
function readProductName(response: HttpResponse, nowMs: number): string | null {
  try {
    return parseProduct(response, nowMs).name;
  } catch (error) {
    if (error instanceof CademiV3NotFoundError) return error.code === undefined ? '' : null;
    throw error;
  }
}

export function v3Dialect(target: V3Target, nowMs: () => number = Date.now): ApiDialect {
  const firstPage = (tagId: TagId): HttpRequest => usersByTagRequest(target, { tagIds: [String(tagId)] });
  return {
    api: 'v3',
    endpoints: { product: V3_ENDPOINTS.product, tagStudents: V3_ENDPOINTS.usersByTag, student: V3_ENDPOINTS.user, progress: V3_ENDPOINTS.userProgress },
    progressPerStudent: true,
    productLookupAssumed: true,
    productRequest: (productId) => productRequest(target, String(productId)),
    readProduct: (response) => readProductName(response, nowMs()),
    tagPageRequest: firstPage,
    nextTagPageRequest: (nextPageUrl, tagId) => {
      // The next page is the first page's request plus `cursor=`, built here from Cademi's cursor: a
      // URL of any other shape (a resumed checkpoint edited by hand) never gets the key.
      const first = firstPage(tagId);
      if (!nextPageUrl.startsWith(`${first.url}&cursor=`)) {
        throw new CademiUnsafeUrlError(V3_ENDPOINTS.usersByTag, originOf(nextPageUrl) ?? '', originOf(first.url) ?? '');
      }
      return { ...first, url: nextPageUrl };
    },
    readTagPage: (response, tagId): ListedPage | null =>
      orNullWhenNotFound(() => {
        const page = parseUsersPage(response, nowMs());
        const nextPageUrl = page.nextCursor === null ? null : usersByTagRequest(target, { tagIds: [String(tagId)] }, page.nextCursor).url;
        return { students: page.items, nextPageUrl };
      }),
    studentRequest: (studentId) => userRequest(target, String(studentId)),
    readStudent: (response): ListedStudent | null => orNullWhenNotFound(() => parseUser(response, nowMs())),
    progressRequest: (studentId, _productId, cursor) => userProgressRequest(target, String(studentId), {}, cursor),
    readProgress: (response) => {
      const page = parseUserProgressPage(response, nowMs());
      return {
        items: page.items.map((item) => ({ productId: item.productId, percent: item.percent, lessonsCompleted: item.lessonsCompleted })),
        nextCursor: page.nextCursor,
      };
    },
    isForeignNotFound: isForeignV3NotFound,
  };
}
