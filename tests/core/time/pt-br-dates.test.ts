// The one pt-BR date parser and formatter: `dd/mm/aaaa` typed and shown, ISO still accepted where typed.

import { formatBrDate, formatBrDateTime, parseBrDate } from '../../../src/core/time/pt-br-dates';
import { epochOfWallTime } from '../../../src/core/time/zoned';

describe('parseBrDate', () => {
  it.each([
    ['21/09/2026', '2026-09-21'],
    ['1/9/2026', '2026-09-01'],
    [' 29/02/2028 ', '2028-02-29'],
    ['2026-09-21', '2026-09-21'],
  ])('%j is %s', (text, iso) => {
    expect(parseBrDate(text)).toBe(iso);
  });

  it.each(['31/02/2026', '29/02/2026', '21/13/2026', '00/09/2026', '21/09/26', '21-09-2026', '09/21/2026', '2026-9-21', '2026-02-30', 'amanhã', ''])(
    '%j is no date',
    (text) => {
      expect(parseBrDate(text)).toBeNull();
    },
  );
});

describe('formatBrDate and formatBrDateTime', () => {
  it('an ISO date reads dd/mm/aaaa; other text is left as given', () => {
    expect(formatBrDate('2026-09-07')).toBe('07/09/2026');
    expect(formatBrDate('')).toBe('');
    expect(formatBrDate('semana 3')).toBe('semana 3');
  });

  it('an instant reads dd/mm/aaaa hh:mm on the school wall clock', () => {
    const instant = epochOfWallTime({ year: 2026, month: 9, day: 14, hour: 6, minute: 5, second: 0 }, 'America/Sao_Paulo');
    expect(formatBrDateTime(instant, 'America/Sao_Paulo')).toBe('14/09/2026 06:05');
    expect(formatBrDateTime(instant, 'UTC')).toBe('14/09/2026 09:05');
  });

  it('round-trips: what it prints, it parses back', () => {
    for (const iso of ['2026-01-05', '2026-12-31', '2027-07-06']) expect(parseBrDate(formatBrDate(iso))).toBe(iso);
  });
});
