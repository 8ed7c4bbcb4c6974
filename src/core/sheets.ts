// Sheet names and exact headers: the contract between the job, the people who edit and the reports.

export const SHEET = {
  settings: 'Configuração',
  cohorts: 'Turmas',
  goals: 'Metas',
  adjustments: 'Ajustes',
  history: 'Histórico',
  staging: '_Coleta',
  runs: 'Execuções',
  /** Students matched across the v1 → v3 switch (continuity/student-matches). */
  matches: 'Correspondências',
  /** Hidden: what the job knows about identities (owned sheets it created, each cohort's name in the history). */
  identity: '_Identidade',
} as const;

/**
 * Sheets the job owns under a fixed name, each with a stable identity key the spreadsheet keeps across
 * renames (developer metadata in Sheets, a defined name in the .xlsx). `keepsData`: its rows cannot be
 * rebuilt, so a missing one stops the run instead of silently starting over.
 */
export const OWNED_SHEETS = [
  { key: 'historico', name: SHEET.history, keepsData: true },
  { key: 'execucoes', name: SHEET.runs, keepsData: false },
  { key: 'resumo', name: 'Resumo', keepsData: false },
  { key: 'contatos', name: 'Contatos da semana', keepsData: false },
  { key: 'identidade', name: SHEET.identity, keepsData: false },
] as const;

export type OwnedSheet = (typeof OWNED_SHEETS)[number];

/** The identity key of a fixed owned sheet's name (adapters tag such a sheet when they create it), or null. */
export function ownedSheetKeyOf(name: string): string | null {
  return OWNED_SHEETS.find((sheet) => sheet.name === name)?.key ?? null;
}

export const SETTINGS_HEADERS = ['Chave', 'Valor'] as const;
export const COHORT_HEADERS = ['Turma', 'Tag ID', 'Início', 'Produtos', 'Meta', 'Tutor', 'Ativa'] as const;
/** The cohort's stable id, after COHORT_HEADERS: added and filled by the job when missing or blank; people do not edit it. */
export const COHORT_ID_HEADER = 'ID';
export const GOAL_HEADERS = ['Meta', 'Semana', 'Esperado (%)'] as const;

export const ADJUSTMENT_HEADERS = ['Data', 'Aluno ID', 'Nome', 'Ação', 'De', 'Para', 'Motivo', 'Feito por', 'Desfeito em'] as const;

/** `Correspondências`: a v3 student matched to the v1 id the history already had (see continuity/student-matches). */
export const MATCHES_HEADERS = ['ID v1', 'ID v3', 'E-mail', 'Semana'] as const;

/** Dates as Brazilian readers write them (`21/09/2026`); the cells stay real dates (serial numbers). */
export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';
/**
 * Numbers in the report sheets: fixed decimals and thousands separators, which each host shows in the
 * spreadsheet's locale (`1.234` and `12,5` in pt-BR). `SIGNED_POINTS_FORMAT` shows a gain as `+5,0`.
 */
export const INTEGER_FORMAT = '#,##0';
export const DECIMAL_FORMAT = '#,##0.0';
export const SIGNED_POINTS_FORMAT = '+#,##0.0;-#,##0.0;0.0';
