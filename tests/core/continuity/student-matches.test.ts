// The matching rule on its own, and `Correspondências` as it is read back.

import { readStudentMatches, recordStudentMatches } from '../../../src/core/continuity/matches-sheet';
import { type StudentMatch, StudentMatcher } from '../../../src/core/continuity/student-matches';
import { SHEET } from '../../../src/core/sheets';
import { decodeStaging, encodeStaging, type StagedStudent } from '../../../src/core/sync/staging';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';

const WEEK = '2026-11-23';
const byEmail: Record<string, (number | string)[]> = {
  'ana@x.com': [101],
  'bia@x.com': [102, 103], // two v1 ids share it: nobody is matched
  'cai@x.com': [104],
  'dan@x.com': ['usr_dan'], // already a v3 id in the history
};
const sources = (recorded: StudentMatch[] = []) => ({ recorded, studentsWithEmail: (email: string) => byEmail[email.trim().toLowerCase()] ?? [] });

describe('StudentMatcher', () => {
  it('matches a v3 student to the one v1 id of their e-mail (case and spaces aside), and says so once', () => {
    const matcher = new StudentMatcher(sources(), WEEK);
    expect(matcher.resolve('usr_ana', ' ANA@x.com ')).toEqual({ key: 101, apiId: 'usr_ana' });
    expect(matcher.resolve('usr_ana', 'ana@x.com')).toEqual({ key: 101, apiId: 'usr_ana' });
    expect(matcher.newMatches()).toEqual([{ v1Id: 101, v3Id: 'usr_ana', email: ' ANA@x.com ', week: WEEK }]);
    expect(matcher.apiIdOf(101)).toBe('usr_ana');
    expect(matcher.apiIdOf('usr_zed')).toBe('usr_zed');
    expect(matcher.apiIdOf(999)).toBeNull();
  });

  it('matches nobody on an ambiguous e-mail, an unknown one, or a v1 id another v3 student holds', () => {
    const matcher = new StudentMatcher(sources(), WEEK);
    expect(matcher.resolve('usr_bia', 'bia@x.com')).toEqual({ key: 'usr_bia', apiId: 'usr_bia' });
    expect(matcher.resolve('usr_new', 'new@x.com')).toEqual({ key: 'usr_new', apiId: 'usr_new' });
    expect(matcher.resolve('usr_dan', 'dan@x.com')).toEqual({ key: 'usr_dan', apiId: 'usr_dan' });
    expect(matcher.resolve('usr_cai', 'cai@x.com').key).toBe(104);
    expect(matcher.resolve('usr_cai2', 'cai@x.com').key).toBe('usr_cai2');
    expect(matcher.newMatches()).toHaveLength(1);
  });

  it('keeps a recorded match whatever the e-mail says now, and never makes it again', () => {
    const recorded: StudentMatch[] = [{ v1Id: 104, v3Id: 'usr_ana', email: 'ana@x.com', week: '2026-11-16' }];
    const matcher = new StudentMatcher(sources(recorded), WEEK);
    expect(matcher.resolve('usr_ana', 'ana@x.com')).toEqual({ key: 104, apiId: 'usr_ana' });
    expect(matcher.resolve('usr_cai', 'cai@x.com').key).toBe('usr_cai'); // 104 is taken
    expect(matcher.newMatches()).toEqual([]);
  });

  it('leaves a v1 integer id as it is', () => {
    expect(new StudentMatcher(sources(), WEEK).resolve(101, 'ana@x.com')).toEqual({ key: 101, apiId: 101 });
  });
});

describe('Correspondências', () => {
  it('appends matches and reads them back; a broken row is skipped', () => {
    const workbook = new MemoryWorkbook();
    recordStudentMatches(workbook, []);
    expect(workbook.sheetNames()).not.toContain(SHEET.matches);
    recordStudentMatches(workbook, [{ v1Id: 101, v3Id: 'usr_ana', email: 'ana@x.com', week: WEEK }]);
    recordStudentMatches(workbook, [{ v1Id: 104, v3Id: 'usr_cai', email: 'cai@x.com', week: '2026-11-30' }]);
    const rows = workbook.readSheet(SHEET.matches)!;
    workbook.writeSheet(SHEET.matches, { rows: [...rows, ['abc', 'usr_x', '', 46000], [105, 'não é id', '', 46000]] });
    expect(readStudentMatches(workbook)).toEqual([
      { v1Id: 101, v3Id: 'usr_ana', email: 'ana@x.com', week: WEEK },
      { v1Id: 104, v3Id: 'usr_cai', email: 'cai@x.com', week: '2026-11-30' },
    ]);
  });

  it('keeps a matched student’s API id across slices (the staging sheet)', () => {
    const student: StagedStudent = {
      kind: 'student',
      cohort: 'Turma 2026-09',
      studentId: 101,
      apiId: 'usr_ana',
      name: 'Ana',
      email: 'ana@x.com',
      phone: null,
      createdAt: null,
      lastAccessAt: 5,
    };
    expect(decodeStaging(encodeStaging('r', [student]), 'r')).toEqual([student]);
    const { apiId: _dropped, ...plain } = student;
    expect(decodeStaging(encodeStaging('r', [plain]), 'r')).toEqual([plain]);
  });
});
