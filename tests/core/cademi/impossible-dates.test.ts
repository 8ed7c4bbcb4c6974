// Dates that cannot be real (year 0001, before 2000, from 2100 on) read as missing, flagged so the run can warn.

import { EARLIEST_REAL_YEAR, LATEST_REAL_YEAR, parseCademiDate, readCademiDate } from '../../../src/core/cademi/dates';
import { parseStudent, parseTagStudentsPage } from '../../../src/core/cademi/responses';

const ok = (data: unknown) => ({ status: 200, headers: {}, body: JSON.stringify({ success: true, code: 200, data }) });

describe('impossible dates', () => {
  it.each([
    '0001-01-01 00:00:00',
    '0001-01-01T00:00:00Z',
    '0001-00-00 00:00:00',
    '1899-12-30',
    '1999-12-31 23:59:59',
    '2100-01-01',
    '9999-12-31T23:59:59-03:00',
  ])('%p is missing, and said to be impossible', (text) => {
    expect(parseCademiDate(text)).toBeNull();
    expect(readCademiDate(text)).toEqual({ at: null, impossible: true });
  });

  it('the bounds are this century', () => {
    expect(EARLIEST_REAL_YEAR).toBe(2000);
    expect(LATEST_REAL_YEAR).toBe(2099);
    expect(readCademiDate('2000-01-01 00:00:00')).toEqual({ at: Date.UTC(2000, 0, 1, 2), impossible: false });
    expect(readCademiDate('2099-12-31')).toMatchObject({ impossible: false });
    expect(readCademiDate(null)).toEqual({ at: null, impossible: false });
    expect(readCademiDate('0000-00-00 00:00:00')).toEqual({ at: null, impossible: false });
  });

  it('a real year with an impossible day still fails (a format problem, not a placeholder)', () => {
    expect(() => parseCademiDate('2020-02-30')).toThrow();
  });

  it('a student says which of its dates were impossible', () => {
    const user = { id: 7, nome: 'Ana', email: 'a@x', criado_em: '2020-01-12 19:59:20', ultimo_acesso_em: '0001-01-01T00:00:00' };
    const page = parseTagStudentsPage(ok({ usuario: [user, { ...user, id: 8, ultimo_acesso_em: null }], paginator: { next_page_url: null } }));
    expect(page.items[0]).toMatchObject({ id: 7, lastAccessAt: null, impossibleDates: ['ultimo_acesso_em'] });
    expect(page.items[1]).not.toHaveProperty('impossibleDates');
    expect(parseStudent(ok({ usuario: { ...user, criado_em: '1900-01-01' } }))).toMatchObject({
      createdAt: null,
      impossibleDates: ['criado_em', 'ultimo_acesso_em'],
    });
  });
});
