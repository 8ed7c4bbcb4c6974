// The sidebar's sentences whose wording depends on what they are given (src/ui shows them as they
// come; the browser tests see them only through the page).

import {
  accessEnded,
  daysWithoutAccess,
  moveDescription,
  RUN_STATE_LABEL,
  runFailed,
  runListDetail,
  runProgressText,
  studentDetail,
} from '../../../src/core/messages/sidebar';

describe('sidebar messages', () => {
  it('the progress line adds the week, the counts and the message only when known', () => {
    expect(runProgressText(RUN_STATE_LABEL.idle, null, 0, 0, '')).toBe('Concluída');
    expect(runProgressText(RUN_STATE_LABEL.running, '14/09/2026', 40, 120, '')).toBe('Em andamento · semana 14/09/2026 · 40/120 alunos');
    expect(runProgressText(RUN_STATE_LABEL.paused, '14/09/2026', 0, 0, 'cota diária')).toBe(
      'Pausada (continua em instantes) · semana 14/09/2026 — cota diária',
    );
    expect(runListDetail('14/09/2026 06:00', '14/09/2026')).toBe(' · 14/09/2026 06:00 · semana 14/09/2026');
  });

  it('says something even when the server gave no detail, cohort or product', () => {
    expect(runFailed('')).toBe('A atualização falhou: sem detalhes');
    expect(runFailed('token recusado')).toBe('A atualização falhou: token recusado');
    expect(studentDetail('ana@escola.com', '')).toBe('ana@escola.com · sem turma');
    expect(studentDetail('ana@escola.com', 'Turma A')).toBe('ana@escola.com · Turma A');
    expect(daysWithoutAccess(null)).toBe('sem acesso registrado');
    expect(daysWithoutAccess(21)).toBe('21 dias sem acessar');
    expect(daysWithoutAccess(1)).toBe('1 dia sem acessar');
    expect(accessEnded([])).toBe('Acesso encerrado: —');
    expect(accessEnded(['Excel', 'Power BI'])).toBe('Acesso encerrado: Excel, Power BI');
    expect(moveDescription('Ana', 'Turma A', 'Turma B', '14/09/2026')).toBe('Ana: Turma A → Turma B (a partir de 14/09/2026)');
  });
});
