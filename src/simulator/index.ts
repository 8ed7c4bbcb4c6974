// The embedded Cademi simulator's public surface. The HTTP server is in ./server (it needs Node),
// so bundles that only need the pure handler never pull in node:http.

export { VirtualClock, systemClock } from './clock';
export type { Clock } from './clock';
export { mulberry32, hashUnit, hashInt, hashPick } from './random';
export { SCHOOL_TIME_ZONE, SchoolCalendar } from './calendar';
export { TRACKED_PRODUCT_IDS, BONUS_PRODUCT_ID, VIP_TAG, WAITING_LIST_TAG, EMPTY_TAG } from './catalog';
export type { Cohort, Product, Lesson, Tag } from './catalog';
export { FORMULA_NAME, MARKUP_NAME } from './people';
export { PROFILES, FIRST_STUDENT_ID } from './roster';
export type { Profile, Student } from './roster';
export { createSchool } from './school';
export type { School, SchoolOptions, ProgressSummary, LessonVisit, ProductAccess } from './school';
export { createSimulator, DEFAULT_TOKEN } from './handler';
export type { Simulator, SimulatorOptions, SimulatorStats } from './handler';
export { percentText } from './payloads';
