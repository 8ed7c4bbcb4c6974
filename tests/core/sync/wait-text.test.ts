// How a wait is said to a person (messages/sync.ts).

import { formatInstant, formatWait } from '../../../src/core/messages/sync';

describe('formatWait', () => {
  it.each<[number, string]>([
    [0, '1 s'],
    [400, '1 s'],
    [40_000, '40 s'],
    [90_000, '1 min 30 s'],
    [300_000, '5 min'],
    [12 * 60_000 + 1, '13 min'],
    [7_200_000, '2 h'],
    [3 * 3600_000 + 20 * 60_000, '3 h 20 min'],
    [26 * 3600_000, '26 h'],
    [8 * 86_400_000, '8 dias'],
    [52 * 3600_000, '2 dias e 4 h'],
  ])('%p ms → %p', (ms, text) => {
    expect(formatWait(ms)).toBe(text);
  });
});

describe('formatInstant', () => {
  it("is the school's wall clock", () => {
    expect(formatInstant(Date.UTC(2026, 8, 14, 12, 5), 'America/Sao_Paulo')).toBe('09:05 de 14/09/2026');
  });
});
