// The public surface of the sans-I/O Cademi client: request builders, response parsers, errors, paging.

export { CADEMI_TIME_ZONE, parseCademiDate, parsePercent } from './dates';
export {
  CademiAuthError,
  CademiBusinessRuleError,
  CademiError,
  type CademiErrorDetails,
  CademiHttpError,
  CademiNotFoundError,
  CademiRateLimitError,
  CademiRedirectError,
  CademiServerError,
  CademiShapeError,
  CademiTransportError,
  CademiUnsafeUrlError,
  isRetryable,
} from './errors';
export {
  advancePageWalk,
  DEFAULT_MAX_PAGES,
  dedupeById,
  isPageWalkComplete,
  newPageWalk,
  type PageWalk,
  type PageWalkStop,
  urlHash,
} from './pagination';
export {
  accessRequest,
  ENDPOINTS,
  type EndpointLabel,
  endpointOf,
  followPageRequest,
  originOf,
  productRequest,
  productsRequest,
  progressRequest,
  studentRequest,
  tagStudentsRequest,
  tagsRequest,
} from './requests';
export {
  checkResponse,
  DEFAULT_RETRY_AFTER_MS,
  parseAccess,
  parseProduct,
  parseProductsPage,
  parseProgress,
  parseStudent,
  parseTagStudentsPage,
  parseTags,
  retryAfterMs,
} from './responses';
export type { ApiTarget, CademiAccess, CademiProduct, CademiProgress, CademiStudent, CademiTag, Page } from './types';
