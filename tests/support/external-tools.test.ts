// The one rule for suites that need Chromium or LibreOffice: run when installed, skip with a reason
// when not, and fail when CI is set (a CI run that lost its browser must not pass by skipping).

import { CHROMIUM, decideTool, isCi, LIBREOFFICE } from './external-tools';

describe('external tools', () => {
  it('reads CI as CI services set it', () => {
    expect([undefined, '', '0', 'false', 'FALSE', ' false '].map((CI) => isCi({ CI }))).toEqual([false, false, false, false, false, false]);
    expect(['true', '1', 'yes', 'TRUE'].map((CI) => isCi({ CI }))).toEqual([true, true, true, true]);
  });

  it('runs when the tool is installed, with or without CI', () => {
    expect(decideTool(CHROMIUM, true, false)).toEqual({ run: true });
    expect(decideTool(CHROMIUM, true, true)).toEqual({ run: true });
  });

  it('skips with the reason when the tool is missing outside CI, and fails with CI set', () => {
    expect(decideTool(CHROMIUM, false, false)).toEqual({
      run: false,
      fail: false,
      reason: 'Chromium not found at /usr/bin/chromium (apt-get install chromium): its checks are skipped',
    });
    expect(decideTool(LIBREOFFICE, false, true)).toEqual({
      run: false,
      fail: true,
      reason: 'LibreOffice not found at /usr/bin/soffice (apt-get install libreoffice-calc-nogui): required when CI is set',
    });
  });
});
