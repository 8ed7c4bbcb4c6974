// The public surface of the sans-I/O Cademi client: request builders, response parsers, errors, paging.

export type { ApiTarget, CademiAccess, CademiProduct, CademiProgress, CademiStudent, CademiTag, Page } from './types';
export {
  CademiError,
  CademiAuthError,
  CademiRateLimitError,
  CademiNotFoundError,
  CademiBusinessRuleError,
  CademiServerError,
  CademiTransportError,
  CademiShapeError,
  CademiUnsafeUrlError,
  CademiHttpError,
  CademiRedirectError,
  isRetryable,
  type CademiErrorDetails,
} from './errors';
export { CADEMI_TIME_ZONE, parseCademiDate, parsePercent } from './dates';
export {
  ENDPOINTS,
  type EndpointLabel,
  tagStudentsRequest,
  progressRequest,
  tagsRequest,
  productsRequest,
  productRequest,
  studentRequest,
  accessRequest,
  followPageRequest,
  endpointOf,
  originOf,
} from './requests';
export {
  DEFAULT_RETRY_AFTER_MS,
  retryAfterMs,
  checkResponse,
  parseTagStudentsPage,
  parseProgress,
  parseTags,
  parseProductsPage,
  parseProduct,
  parseStudent,
  parseAccess,
} from './responses';
export {
  DEFAULT_MAX_PAGES,
  type PageWalk,
  type PageWalkStop,
  newPageWalk,
  advancePageWalk,
  isPageWalkComplete,
  dedupeById,
  urlHash,
} from './pagination';
