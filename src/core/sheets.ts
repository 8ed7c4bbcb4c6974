// Sheet names and exact headers: the contract between the job, the people who edit and the reports.

export const SHEET = {
  settings: 'Configuração',
  cohorts: 'Turmas',
  goals: 'Metas',
  adjustments: 'Ajustes',
  history: 'Histórico',
  staging: '_Coleta',
  runs: 'Execuções',
} as const;

export const SETTINGS_HEADERS = ['Chave', 'Valor'] as const;
export const COHORT_HEADERS = ['Turma', 'Tag ID', 'Início', 'Produtos', 'Meta', 'Tutor', 'Ativa'] as const;
export const GOAL_HEADERS = ['Meta', 'Semana', 'Esperado (%)'] as const;

export const ADJUSTMENT_HEADERS = ['Data', 'Aluno ID', 'Nome', 'Ação', 'De', 'Para', 'Motivo', 'Feito por', 'Desfeito em'] as const;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
