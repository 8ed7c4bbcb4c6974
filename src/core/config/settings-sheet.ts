// `Configuração`: `Chave | Valor` rows → Settings. Unknown keys are flagged; missing keys take defaults.

import { checkBaseUrl } from '../cademi/base-url';
import { apiUrlCellInvalid, apiUrlValueInvalid } from '../messages/cli';
import * as say from '../messages/config';
import { API_URL_MISSING } from '../messages/sync';
import { type ConfigIssue, describeIssue } from '../model/issues';
import { type ApiVersionSetting, type BigQueryTable, bigQueryTableName, DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { SETTINGS_HEADERS, SHEET } from '../sheets';
import { isValidTimeZone } from '../time/zoned';
import type { Cell } from '../workbook/workbook';
import { type CellResult, isBlank, locateColumns, readNumber, readOptionalEmail, readText, readYesNo } from './cells';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface SettingField {
  readonly key: string;
  readonly field: keyof Settings;
  readonly read: (cell: Cell | undefined) => CellResult<Settings[keyof Settings]>;
}

const integerIn = (min: number, max: number) => (cell: Cell | undefined) => {
  const result = readNumber(cell, { min, max });
  return result.ok && !Number.isInteger(result.value) ? { ok: false as const, message: say.notWholeNumber(result.value) } : result;
};

const WEEKDAYS = ['segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado', 'domingo'];

function readWeekday(cell: Cell | undefined): CellResult<number> {
  const text = String(cell ?? '')
    .trim()
    .toLowerCase()
    .replace('-feira', '');
  const index = WEEKDAYS.findIndex((day) => day === text || day.normalize('NFD').replace(/[\u0300-\u036f]/g, '') === text);
  return index >= 0 ? { ok: true, value: index + 1 } : { ok: false, message: say.notAWeekday(String(cell)) };
}

/** `automática` (accents and case aside), `v1` or `v3`; blank = automática. */
function readApiVersion(cell: Cell | undefined): CellResult<ApiVersionSetting> {
  if (isBlank(cell)) return { ok: true, value: 'auto' };
  const text = String(cell)
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (text === 'automatica' || text === 'auto') return { ok: true, value: 'auto' };
  if (text === 'v1' || text === 'v3') return { ok: true, value: text };
  return { ok: false, message: say.notAnApiVersion(String(cell)) };
}

function readApiUrl(cell: Cell | undefined): CellResult<string> {
  const text = readText(cell, { required: false });
  if (!text.ok || text.value === '') return text;
  const checked = checkBaseUrl(text.value);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, message: apiUrlValueInvalid(text.value, checked.problem) };
}

/**
 * What `URL da API` says, kept apart from `settings.apiUrl` (which is '' both when the cell is empty
 * and when it is invalid): only `empty` may mean "the embedded simulator"; `invalid` stops every run.
 */
export type ApiUrlSetting =
  | { readonly state: 'empty' }
  | { readonly state: 'valid'; readonly value: string }
  | { readonly state: 'invalid'; readonly issue: ConfigIssue };

export interface ParsedSettings {
  readonly settings: Settings;
  readonly issues: ConfigIssue[];
  readonly apiUrl: ApiUrlSetting;
}

/** `projeto.conjunto.tabela`, split here once: every host gets the three parts, never the text. */
function readBigQueryTable(cell: Cell | undefined): CellResult<BigQueryTable | null> {
  const text = readText(cell, { required: false });
  if (!text.ok) return text;
  if (text.value === '') return { ok: true, value: null };
  const [, projectId, datasetId, tableId] = /^([a-z][a-z0-9-]{4,28}[a-z0-9])\.([A-Za-z0-9_]{1,1024})\.([A-Za-z0-9_]{1,1024})$/.exec(text.value) ?? [];
  return projectId && datasetId && tableId ? { ok: true, value: { projectId, datasetId, tableId } } : { ok: false, message: say.notABigQueryTable(text.value) };
}

function readTimeZone(cell: Cell | undefined): CellResult<string> {
  const text = readText(cell, { required: true });
  if (!text.ok) return text;
  return isValidTimeZone(text.value) ? text : { ok: false, message: say.notATimeZone(text.value) };
}

export const SETTING_FIELDS: readonly SettingField[] = [
  { key: 'URL da API', field: 'apiUrl', read: readApiUrl },
  { key: 'Versão da API', field: 'apiVersion', read: readApiVersion },
  { key: 'Fuso horário', field: 'timeZone', read: readTimeZone },
  { key: 'Requisições por segundo', field: 'requestsPerSecond', read: (c) => readNumber(c, { min: 0.1, max: 2 }) },
  { key: 'Dias sem acesso (atenção)', field: 'warnDaysWithoutAccess', read: integerIn(1, 365) },
  { key: 'Dias sem acesso (risco)', field: 'riskDaysWithoutAccess', read: integerIn(1, 365) },
  { key: 'Pontos abaixo da meta (atrasado)', field: 'latePoints', read: (c) => readNumber(c, { min: 0, max: 100 }) },
  { key: 'Pontos abaixo da meta (risco)', field: 'riskPoints', read: (c) => readNumber(c, { min: 0, max: 100 }) },
  { key: 'Semanas sem progresso (risco)', field: 'stalledWeeks', read: integerIn(1, 52) },
  { key: 'Carência para novos alunos (dias)', field: 'graceDays', read: integerIn(0, 60) },
  { key: 'Meta padrão', field: 'defaultGoalTrack', read: (c) => readText(c, { required: false }) },
  { key: 'Dia da atualização semanal', field: 'runWeekday', read: readWeekday },
  { key: 'Hora da atualização semanal', field: 'runHour', read: integerIn(0, 23) },
  {
    key: 'E-mail para alertas',
    field: 'alertEmail',
    read: (c) => {
      const result = readOptionalEmail(c);
      return result.ok ? { ok: true, value: result.value ?? '' } : result;
    },
  },
  { key: 'Enviar contatos aos tutores por e-mail', field: 'emailTutors', read: readYesNo },
  { key: 'Mostrar celular', field: 'showPhone', read: readYesNo },
  { key: 'Tabela BigQuery', field: 'bigQueryTable', read: readBigQueryTable },
];

const WEEKDAY_NAMES = WEEKDAYS;

/** The value a template shows for a setting (weekday as its Portuguese name). */
export function settingTemplateValue(field: SettingField): Cell {
  const value = DEFAULT_SETTINGS[field.field];
  if (value === null) return '';
  if (typeof value === 'object') return bigQueryTableName(value);
  if (typeof value === 'boolean') return value ? 'Sim' : 'Não';
  if (field.field === 'apiVersion') return value === 'auto' ? 'automática' : value;
  if (field.field !== 'runWeekday') return value;
  const weekday = WEEKDAY_NAMES[(value as number) - 1];
  if (weekday === undefined) throw new Error(`Default runWeekday ${value} is not a weekday (1–7)`);
  return weekday;
}

/** Parses `Configuração`; a bad value keeps the default and is flagged. */
export function parseSettingsSheet(values: Cell[][] | null): ParsedSettings {
  const issues: ConfigIssue[] = [];
  const settings: Mutable<Settings> = { ...DEFAULT_SETTINGS };
  let apiUrl: ApiUrlSetting = { state: 'empty' };
  if (values === null) {
    return {
      settings,
      apiUrl,
      issues: [{ sheet: SHEET.settings, row: -1, column: -1, columnName: '', severity: 'warning', message: say.SETTINGS_SHEET_MISSING }],
    };
  }
  const { columns, missing } = locateColumns(values[0], SETTINGS_HEADERS);
  if (missing.length > 0) {
    const header: ConfigIssue = {
      sheet: SHEET.settings,
      row: 0,
      column: 0,
      columnName: missing.join(', '),
      severity: 'error',
      message: say.headersMissing(missing),
    };
    issues.push(header);
    // A sheet that names an API but cannot be read must not look like "no API" (the simulator in Node).
    const namesApi = values.some((row) => row.some((cell) => typeof cell === 'string' && cell.trim().toLowerCase() === 'url da api'));
    if (namesApi) {
      apiUrl = { state: 'invalid', issue: header };
    }
    return { settings, issues, apiUrl };
  }
  const seen = new Set<string>();
  for (const [row, cells] of values.entries()) {
    if (row === 0) continue;
    const keyCell = cells[columns.Chave];
    if (isBlank(keyCell)) continue;
    const key = String(keyCell).trim();
    const field = SETTING_FIELDS.find((candidate) => candidate.key.toLowerCase() === key.toLowerCase());
    const at = (message: string, severity: ConfigIssue['severity']): ConfigIssue => ({
      sheet: SHEET.settings,
      row,
      column: columns.Valor,
      columnName: 'Valor',
      severity,
      message: say.settingIssue(key, message),
    });
    if (!field) {
      issues.push({ ...at(say.UNKNOWN_SETTING, 'warning'), column: columns.Chave, columnName: 'Chave' });
      continue;
    }
    if (seen.has(field.key)) {
      issues.push({ ...at(say.REPEATED_SETTING, 'warning'), column: columns.Chave, columnName: 'Chave' });
      continue;
    }
    seen.add(field.key);
    const result = field.read(cells[columns.Valor]);
    // A bad URL never falls back to the default: an empty one means "the embedded simulator" in Node.
    if (field.field === 'apiUrl') {
      if (result.ok) {
        settings.apiUrl = String(result.value);
        apiUrl = settings.apiUrl === '' ? { state: 'empty' } : { state: 'valid', value: settings.apiUrl };
      } else {
        const issue = at(result.message, 'error');
        issues.push(issue);
        apiUrl = { state: 'invalid', issue };
      }
      continue;
    }
    if (result.ok) (settings as Record<string, unknown>)[field.field] = result.value;
    else issues.push(at(say.usingDefault(result.message, String(settingTemplateValue(field))), field.field === 'timeZone' ? 'error' : 'warning'));
  }
  if (settings.riskDaysWithoutAccess < settings.warnDaysWithoutAccess) {
    issues.push({ sheet: SHEET.settings, row: -1, column: -1, columnName: '', severity: 'warning', message: say.ABSENCE_THRESHOLDS_SWAPPED });
  }
  return { settings, issues, apiUrl };
}

/**
 * Why no request may go out with this `URL da API` in Apps Script (a run, the token dialog, the
 * sidebar), checked before the token so an invalid cell is never blamed on a missing key; null when
 * valid. Apps Script has no simulator, so an empty cell is refused too (the CLI's `sync` treats empty
 * as "the embedded simulator" and only refuses invalid).
 */
export function apiUrlRefusal(apiUrl: ApiUrlSetting): string | null {
  if (apiUrl.state === 'valid') return null;
  return apiUrl.state === 'empty' ? API_URL_MISSING : apiUrlCellInvalid(describeIssue(apiUrl.issue));
}

/**
 * `Configuração` with one setting's value replaced (or its row added at the end), as `demo --api`
 * writes `Versão da API`: the other rows, the description column and the sheet's order are kept.
 */
export function withSettingValue(values: readonly (readonly Cell[])[] | null, field: keyof Settings, value: Cell): Cell[][] {
  const setting = SETTING_FIELDS.find((candidate) => candidate.field === field);
  if (setting === undefined) throw new Error(`withSettingValue: no setting for ${field}`);
  const rows = (values ?? [[...SETTINGS_HEADERS]]).map((row) => [...row]);
  const { columns, missing } = locateColumns(rows[0], SETTINGS_HEADERS);
  if (missing.length > 0) throw new Error(`withSettingValue: Configuração lacks ${missing.join(', ')}`);
  const at = rows.findIndex(
    (row, index) =>
      index > 0 &&
      String(row[columns.Chave] ?? '')
        .trim()
        .toLowerCase() === setting.key.toLowerCase(),
  );
  if (at > 0) {
    rows[at]![columns.Valor] = value;
    return rows;
  }
  const row: Cell[] = [];
  row[columns.Chave] = setting.key;
  row[columns.Valor] = value;
  return [...rows, Array.from(row, (cell) => cell ?? null)];
}
