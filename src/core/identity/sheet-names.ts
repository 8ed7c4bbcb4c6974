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

/** A cohort name that already says "Turma" (any case): "Turma 2026-09", "TURMA Noite", "turma". */
const TURMA_WORD = /^turma(?:\s+|$)/i;

/**
 * The cohort's name without a leading "Turma " ("Turma 2026-09" → "2026-09"), for text that says
 * "turma" itself (titles: "Progresso da turma 2026-09"); a name that is only "Turma" stays whole.
 */
export function cohortNameWithoutPrefix(cohortName: string): string {
  const trimmed = cohortName.trim();
  const rest = trimmed.replace(TURMA_WORD, '');
  return rest === '' ? trimmed : rest;
}

/**
 * A sheet name from a prefix and a cohort name. The pivot's prefix is not doubled: a cohort named
 * "Turma 2026-09" gets the tab "Turma 2026-09" (the word written "Turma", as every pivot tab starts),
 * never "Turma Turma 2026-09". Chart tabs keep the whole name: "Gráficos Turma 2026-09".
 */
function prefixed(prefix: string, cohortName: string): string {
  if (prefix !== PIVOT_PREFIX || !TURMA_WORD.test(cohortName)) return prefix + cohortName;
  const rest = cohortName.replace(TURMA_WORD, '');
  return rest === '' ? PIVOT_PREFIX.trim() : PIVOT_PREFIX + rest;
}

/** The cohort as a title names it, "Turma 2026-09" for both "2026-09" and "Turma 2026-09" (not cut, not cleaned). */
export function cohortTitleName(cohortName: string): string {
  return prefixed(PIVOT_PREFIX, cohortName.trim());
}

/** The exact sheet name wanted for a cohort, and whether it fits with nothing removed. */
function wantedName(prefix: string, cohortName: string): { name: string; lossless: boolean } {
  const full = prefixed(prefix, cleanCohortName(cohortName));
  const name = truncateName(full, SHEET_NAME_MAX);
  return { name, lossless: name === prefixed(prefix, cohortName.trim()) };
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

/** `Turma <nome>` (`Turma 2026-09` for a cohort named so) for one cohort; pass every cohort's name to keep the result unique among them. */
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
 * True for a sheet the job owns per cohort (name starts with `Turma ` or `Gráficos `, or is `Turma`:
 * the pivot of a cohort named just "Turma"). The config sheet `Turmas` is not one of them. A person's
 * own sheet named like this would be treated as the job's.
 */
export function isOwnedReportSheet(name: string): boolean {
  return name === PIVOT_PREFIX.trim() || OWNED_SHEET_PREFIXES.some((prefix) => name.startsWith(prefix));
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
