// Config problems, pointed at the cell a coordinator must fix.

import { issueLine, issueLocation } from '../messages/config';

/** One problem in a config sheet. Row and column are 0-based (row 0 = header). */
export interface ConfigIssue {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly columnName: string;
  readonly message: string;
  /** `error` skips the row (or stops the run when the sheet itself is unusable); `warning` does not. */
  readonly severity: 'error' | 'warning';
}

/** "Turmas, linha 4, coluna Tag ID: …" — the row as the spreadsheet numbers it (1-based). */
export function describeIssue(issue: ConfigIssue): string {
  const where = issue.row < 0 ? issue.sheet : issueLocation(issue.sheet, issue.row + 1, issue.columnName);
  return issueLine(where, issue.message);
}

/** Thrown when a config sheet is missing or unusable as a whole (no cohort can be read). */
export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(issues.map(describeIssue).join('; '));
    this.name = 'ConfigError';
  }
}
