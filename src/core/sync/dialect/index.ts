// The dialect of a run's target: the generation `Versão da API` (or the automatic rule) chose.

import type { ApiTarget } from '../../cademi/types';
import type { ApiDialect } from './dialect';
import { v1Dialect } from './v1';
import { v3Dialect } from './v3';

export type { ApiDialect, ListedPage, ListedStudent, ProductProgress, ProgressPage } from './dialect';

export function dialectOf(target: ApiTarget): ApiDialect {
  return target.api === 'v3' ? v3Dialect(target) : v1Dialect(target);
}
