// Names of the sheets the report owns (`Turma <nome>`, `Gráficos <nome>`), safe for Sheets and Excel and unique per cohort.

/** Prefixes of the per-cohort sheets the job rebuilds; any sheet named so is the job's to replace or delete. */
const OWNED_SHEET_PREFIXES = ['Turma ', 'Gráficos '] as const;

/** The fixed report sheets (the contacts sheet is partly typed by tutors: rebuild it, never delete it). */
export const REPORT_SHEET = { overview: 'Resumo', contacts: 'Contatos da semana' } as const;

/** Excel's limit (Sheets allows 100): the Node host writes .xlsx, so every name must fit both. */
export const SHEET_NAME_MAX = 31;

export interface ReportSheetNames {
  readonly pivot: string;
  readonly charts: string;
}

const [PIVOT_PREFIX, CHART_PREFIX] = OWNED_SHEET_PREFIXES;
/** Characters Excel forbids in a sheet name, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed from sheet names on purpose
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f]/g;
const EDGE_JUNK_END = /[\s']+$/;

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair, then drops trailing blanks and apostrophes. */
function truncateName(text: string, max: number): string {
  let out = '';
  for (const char of Array.from(text)) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out.replace(EDGE_JUNK_END, '');
}

function cleanCohortName(name: string): string {
  const cleaned = name
    .replace(FORBIDDEN, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  return cleaned === '' ? 'sem nome' : cleaned;
}

/** The exact sheet name wanted for a cohort, and whether it fits with nothing removed. */
function wantedName(prefix: string, cohortName: string): { name: string; lossless: boolean } {
  const full = prefix + cleanCohortName(cohortName);
  const name = truncateName(full, SHEET_NAME_MAX);
  return { name, lossless: name === prefix + cohortName.trim() };
}

function assign(prefix: string, cohortNames: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const result = new Map<string, string>();
  const unique = [...new Set(cohortNames)];
  const wanted = unique.map((cohortName) => ({ cohortName, ...wantedName(prefix, cohortName) }));
  // Names kept whole claim first, so a truncated or cleaned name never pushes an exact one to a suffix.
  for (const pass of [true, false]) {
    for (const { cohortName, name, lossless } of wanted) {
      if (lossless !== pass) continue;
      let candidate = name;
      for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
        const suffix = ` ~${n}`;
        candidate = truncateName(name, SHEET_NAME_MAX - suffix.length) + suffix;
      }
      taken.add(candidate.toLowerCase());
      result.set(cohortName, candidate);
    }
  }
  return result;
}

/**
 * The pivot and chart sheet names of every cohort, unique (case-insensitively, as Sheets and Excel
 * compare them) and at most 31 characters. Names kept whole win; among the rest, earlier cohorts in
 * `cohortNames` (pass them in `Turmas` order) keep the plain name and later ones get ` ~2`, ` ~3`…
 */
export function reportSheetNames(cohortNames: readonly string[]): Map<string, ReportSheetNames> {
  const pivots = assign(PIVOT_PREFIX, cohortNames);
  const charts = assign(CHART_PREFIX, cohortNames);
  return new Map([...pivots.keys()].map((name) => [name, { pivot: pivots.get(name)!, charts: charts.get(name)! }]));
}

/** `Turma <nome>` for one cohort; pass every cohort's name to keep the result unique among them. */
export function pivotSheetName(cohortName: string, allCohortNames: readonly string[] = [cohortName]): string {
  return reportSheetNames(withName(allCohortNames, cohortName)).get(cohortName)!.pivot;
}

/** `Gráficos <nome>` for one cohort; pass every cohort's name to keep the result unique among them. */
export function chartSheetName(cohortName: string, allCohortNames: readonly string[] = [cohortName]): string {
  return reportSheetNames(withName(allCohortNames, cohortName)).get(cohortName)!.charts;
}

function withName(names: readonly string[], name: string): readonly string[] {
  return names.includes(name) ? names : [...names, name];
}

/**
 * True for a sheet the job owns per cohort (name starts with `Turma ` or `Gráficos `). The config
 * sheet `Turmas` is not one of them. A person's own sheet named like this would be treated as the job's.
 */
export function isOwnedReportSheet(name: string): boolean {
  return OWNED_SHEET_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** The owned report sheets in `existing` that no current cohort produces (left by a renamed or removed cohort): delete them. */
export function orphanReportSheets(existing: readonly string[], cohortNames: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const names of reportSheetNames(cohortNames).values()) {
    wanted.add(names.pivot);
    wanted.add(names.charts);
  }
  return existing.filter((name) => isOwnedReportSheet(name) && !wanted.has(name));
}
