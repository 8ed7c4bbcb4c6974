// Issue 11, class 5, in the Apps Script bundle: a stored token that is no HTTP header value (saved by
// a version that did not check it) is refused by the sidebar before any UrlFetchApp call, unquoted.

import { configure, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';
import { sidebarClient as sidebar } from '../support/sidebar-client';

const SECRET = 'sk-live-7f3a9c';

describe('sidebar with a malformed stored token', () => {
  it('lists no tags, sends nothing and never shows the token', () => {
    const gas = gasSchool(mondayRun('2026-09-14'));
    configure(gas, { cohorts: 1, token: `${SECRET}\nX-Evil: 1` });
    const before = gas.env.urlFetch.log.length;
    let message = '';
    try {
      sidebar(gas).listTags();
    } catch (error) {
      message = String((error as Error).message);
    }
    expect(message).toMatch(/token da API/);
    expect(message).not.toContain(SECRET);
    expect(gas.env.urlFetch.log.length).toBe(before);
    expect(gas.env.logs.text()).not.toContain(SECRET);
  });
});
