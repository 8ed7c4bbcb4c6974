// The sidebar's server functions in the built bundle, over the fakes: a fixed table, inputs checked
// again on the server, changes written through the same core as the sheets.

import { SHEET } from '../../src/core/sheets';
import { configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';
import { sidebarClient as sidebar, untypedSidebarRpc } from '../support/sidebar-client';

const MONDAY = mondayRun('2026-09-14');

function synced(): GasSchool {
  const gas = gasSchool(MONDAY);
  configure(gas, { cohorts: 2 });
  gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
  gas.env.runTriggersUntil(gas.env.time.now() + 60 * 60_000, gas.fns);
  return gas;
}

describe('sidebarRpc', () => {
  let gas: GasSchool;
  beforeAll(() => {
    gas = synced();
  });

  it('refuses functions outside the sidebar table and malformed arguments', () => {
    expect(() => untypedSidebarRpc(gas, 'tick', [])).toThrow(/não disponível/);
    expect(() => untypedSidebarRpc(gas, 'constructor', [])).toThrow(/não disponível/);
    expect(() => untypedSidebarRpc(gas, 'markDropout', ['1001', '2026-09-14', 'x'])).toThrow(/Dados inválidos/);
    expect(() => untypedSidebarRpc(gas, 'getState', ['extra'])).toThrow(/Dados inválidos/);
    // Well typed, but not a date: only the server's own check refuses it.
    expect(() => sidebar(gas).moveStudent(1001, 'Turma 2026-08', '14/09/2026', '')).toThrow(/Dados inválidos/);
  });

  it('getState lists cohorts with their student counts and last week', () => {
    const state = sidebar(gas).getState();
    expect(state.tokenConfigured).toBe(true);
    expect(state.goalTracks).toEqual(['Padrão']);
    expect(state.defaultGoal).toEqual({ track: 'Padrão' });
    const [first] = state.cohorts;
    expect(first).toMatchObject({ name: 'Turma 2026-07', tagId: 101, active: true, lastWeek: '2026-09-14' });
    expect(first.studentCount).toBeGreaterThan(10);
    expect(state.run).toMatchObject({ state: 'idle', percent: 100 });
    expect(state.lastRuns[0]).toMatchObject({ outcome: 'Concluída', week: '2026-09-14', startedAt: expect.stringMatching(/^2026-09-14T\d{2}:\d{2}$/) });
  });

  it('validates a new cohort field by field, and writes it only when valid', () => {
    const bad = { name: 'Turma 2026-07', tagId: 0, start: '2026-02-30', productIds: [], goalTrack: 'Inexistente', tutorEmail: 'x' };
    const verdict = sidebar(gas).validateCohort(bad, null);
    if (verdict.ok) throw new Error('an invalid cohort was accepted');
    expect(verdict.errors.map((error) => error.field).sort()).toEqual(['goalTrack', 'name', 'start', 'tagId', 'tutorEmail', 'productIds'].sort());
    const turmasBefore = gas.env.spreadsheet.sheet(SHEET.cohorts).dump();
    expect(sidebar(gas).saveCohort(bad, null).ok).toBe(false);
    expect(gas.env.spreadsheet.sheet(SHEET.cohorts).dump()).toEqual(turmasBefore);
    expect(
      gas.env.spreadsheet
        .sheet(SHEET.cohorts)
        .dump()
        .filter((row) => row[0] !== ''),
    ).toHaveLength(3);

    const good = { name: 'Turma 2026-12', tagId: 106, start: '2026-12-07', productIds: [11, 12, 13], goalTrack: 'Padrão', tutorEmail: 'ana@escola.com' };
    expect(sidebar(gas).saveCohort(good, null)).toEqual({ ok: true });
    const turmas = gas.env.spreadsheet.sheet(SHEET.cohorts).dump();
    expect(turmas.find((row) => row[0] === 'Turma 2026-12')?.slice(3, 7)).toEqual(['11,12,13', 'Padrão', 'ana@escola.com', 'Sim']);
    expect(sidebar(gas).saveCohort({ ...good, tutorEmail: 'bia@escola.com' }, 'Turma 2026-12')).toEqual({ ok: true });
    expect(sidebar(gas).archiveCohort('Turma 2026-12')).toEqual({ ok: true });
    const state = sidebar(gas).getState();
    expect(state.cohorts.find((cohort) => cohort.name === 'Turma 2026-12')).toMatchObject({ tutorEmail: 'bia@escola.com', active: false });
  });

  it('moves a student, marks a dropout and undoes it, each recorded in Ajustes with who did it', () => {
    const [match] = sidebar(gas).searchStudents('li');
    if (!match) throw new Error('no student matches "li"');
    const move = sidebar(gas).moveStudent(match.studentId, match.cohort === 'Turma 2026-07' ? 'Turma 2026-08' : 'Turma 2026-07', '2026-09-21', 'pediu troca');
    expect(move).toMatchObject({ action: 'Mover', from: match.cohort, undone: false });
    const dropout = sidebar(gas).markDropout(match.studentId, '2026-09-20', 'cancelou');
    const undone = sidebar(gas).undoAdjustment(dropout.id);
    expect(undone).toMatchObject({ id: dropout.id, undone: true });
    const ajustes = gas.env.spreadsheet.sheet(SHEET.adjustments).dump();
    expect(ajustes[0]).toEqual(['Data', 'Aluno ID', 'Nome', 'Ação', 'De', 'Para', 'Motivo', 'Feito por', 'Desfeito em']);
    expect(ajustes.slice(1).map((row) => row[3])).toEqual(['Mover', 'Desistência']);
    expect(ajustes[2][8]).not.toBe('');
    expect(() => sidebar(gas).moveStudent(match.studentId, 'Turma Fantasma', '2026-09-21', '')).toThrow(/não existe/);
  });
});

describe('possible dropouts', () => {
  it('offers students whose tracked products ended in Cademi, checking only long-inactive students', () => {
    const late = mondayRun('2026-11-23');
    const gas = gasSchool(late);
    configure(gas, { cohorts: 1 });
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    gas.env.runTriggersUntil(gas.env.time.now() + 60 * 60_000, gas.fns);
    const fetchesBefore = gas.env.urlFetch.log.length;
    const found = sidebar(gas).possibleDropouts();
    const checked = gas.env.urlFetch.log.slice(fetchesBefore);
    expect(checked.every((fetch) => fetch.url.includes('/usuario/acesso/'))).toBe(true);
    expect(checked.length).toBeLessThanOrEqual(30);
    for (const candidate of found) {
      const accesses = gas.school.accessesAt(Number(candidate.studentId), gas.env.time.now()).filter((access) => [11, 12, 13].includes(access.product.id));
      expect(accesses.every((access) => access.ended)).toBe(true);
    }
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('sidebar changes and a running slice share the workbook lock', () => {
  let gas: GasSchool;
  beforeAll(() => {
    gas = synced();
  });
  const dumps = () => [SHEET.cohorts, SHEET.history].map((name) => JSON.stringify(gas.env.spreadsheet.sheet(name).dump()));
  const rename = () => {
    const state = sidebar(gas).getState();
    const cohort = state.cohorts[0];
    return sidebar(gas).saveCohort(
      {
        name: 'Turma Julho',
        tagId: cohort.tagId,
        start: cohort.start,
        productIds: cohort.productIds,
        goalTrack: cohort.goalTrack,
        tutorEmail: cohort.tutorEmail,
      },
      cohort.name,
    );
  };

  it('while a slice holds it, a change is refused in Portuguese and nothing is written; reads still answer', () => {
    const state = sidebar(gas).getState();
    const before = dumps();
    gas.env.lock.holdExternally('document');
    for (const call of [
      () => rename(),
      () => sidebar(gas).getState(),
      () => sidebar(gas).markDropout(1001, '2026-09-14', 'x'),
      () => sidebar(gas).archiveCohort(state.cohorts[0].name),
    ]) {
      expect(call).toThrow('Uma atualização está gravando na planilha agora. Tente de novo em alguns minutos; nada foi alterado.');
    }
    expect(dumps()).toEqual(before);
    expect(sidebar(gas).runStatus()).toMatchObject({ state: 'idle' });
    expect(sidebar(gas).searchStudents('li').length).toBeGreaterThan(0);
    gas.env.lock.releaseExternally('document');
  });

  it('the status poll and the student search read Configuração and Histórico only: no identity checks, no writes', () => {
    const before = { ...gas.env.calls('DeveloperMetadataFinder'), ...gas.env.calls('Sheet.setName') };
    sidebar(gas).runStatus();
    sidebar(gas).searchStudents('li');
    expect({ ...gas.env.calls('DeveloperMetadataFinder'), ...gas.env.calls('Sheet.setName') }).toEqual(before);
  });

  it('once the slice lets go, the same rename goes through and the history follows it', () => {
    expect(rename()).toEqual({ ok: true });
    const cohorts = gas.env.spreadsheet
      .sheet(SHEET.history)
      .dump()
      .slice(1)
      .map((row) => row[1]);
    expect(cohorts).toContain('Turma Julho');
  });
});
