// The embedded Cademi simulator's public surface. The HTTP server is in ./server (it needs Node),
// so bundles that only need the pure handler never pull in node:http.

export { SCHOOL_TIME_ZONE, SchoolCalendar } from './calendar';
export type { Cohort, Lesson, Product, Tag } from './catalog';
export { BONUS_PRODUCT_ID, EMPTY_TAG, TRACKED_PRODUCT_IDS, VIP_TAG, WAITING_LIST_TAG } from './catalog';
export type { Clock } from './clock';
export { systemClock, VirtualClock } from './clock';
export type { Simulator, SimulatorOptions, SimulatorStats } from './handler';
export { createSimulator, DEFAULT_TOKEN } from './handler';
export { openApiDocument, SIMULATED_CONTRACT_VERSION } from './openapi';
export { percentText } from './payloads';
export { FORMULA_NAME, MARKUP_NAME } from './people';
export { hashInt, hashPick, hashUnit, mulberry32 } from './random';
export type { Profile, Student } from './roster';
export { FIRST_STUDENT_ID, PROFILES } from './roster';
export type { LessonVisit, ProductAccess, ProgressSummary, School, SchoolOptions } from './school';
export { createSchool } from './school';
export type { SimulatedV3Credential } from './v3-handler';
export { DEFAULT_V3_TOKEN } from './v3-handler';
export { productV3Id, tagV3Id, userV3Id, v1IdOf, v3IdOf } from './v3-ids';
