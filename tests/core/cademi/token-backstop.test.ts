// Issue 11, class 5: every request builder refuses a token that is no HTTP header value, so no path
// (the sidebar's included) can hand one to fetch/UrlFetchApp, whose error text would quote it.

import {
  accessRequest,
  ENDPOINTS,
  followPageRequest,
  productRequest,
  productsRequest,
  progressRequest,
  studentRequest,
  tagStudentsRequest,
  tagsRequest,
} from '../../../src/core/cademi/requests';
import type { ApiTarget } from '../../../src/core/cademi/types';

const BASE = 'https://escola.cademi.com.br/api/v1';
const SECRET = 'sk-live-7f3a9c';
const BAD_TOKENS = [`${SECRET}\nX-Evil: 1`, `${SECRET}\u0000`, `${SECRET} ${SECRET}`, `${SECRET}é`, `${SECRET}\u2028`, ''];

const builders: ReadonlyArray<[string, (target: ApiTarget) => unknown]> = [
  ['tagStudents', (target) => tagStudentsRequest(target, 101)],
  ['progress', (target) => progressRequest(target, 1, 2)],
  ['tags', (target) => tagsRequest(target)],
  ['products', (target) => productsRequest(target)],
  ['product', (target) => productRequest(target, 2)],
  ['student', (target) => studentRequest(target, 1)],
  ['access', (target) => accessRequest(target, 1)],
  ['next page', (target) => followPageRequest(target, `${BASE}/produto?cursor=abc`, ENDPOINTS.products)],
];

describe('request builders refuse a token that is no header value', () => {
  it.each(builders)('%s', (_name, build) => {
    for (const token of BAD_TOKENS) {
      let message = '';
      try {
        build({ baseUrl: BASE, token });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/token da API/);
      expect(message).not.toContain(SECRET);
    }
    expect(() => build({ baseUrl: BASE, token: SECRET })).not.toThrow();
  });
});
