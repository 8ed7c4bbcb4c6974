// The report as plain text, the same in the terminal and in the Apps Script dialog: a title, each
// section with its marked lines, and the verdict last.

import { doctorMessages as say } from '../messages/doctor';
import type { DoctorReport } from './doctor-run';

const SECTIONS = ['access', 'config', 'cohorts', 'contract'] as const;

/** The verdict's line: can the next run succeed, and if not, the first reason. */
export function verdictLine(report: DoctorReport): string {
  const failures = report.lines.filter((line) => line.status === 'failure');
  const [first] = failures;
  if (first === undefined) return say.canRun(report.lines.filter((line) => line.status === 'warning').length);
  return say.willFail(first.text, failures.length - 1);
}

export function reportText(report: DoctorReport): string {
  const sections = SECTIONS.map((section) => {
    const lines = report.lines.filter((line) => line.section === section);
    if (lines.length === 0) return null;
    return [say.heading[section], ...lines.map((line) => `  ${say.mark[line.status]} ${line.text}`)].join('\n');
  }).filter((section): section is string => section !== null);
  return `${[say.title(report.api), ...sections, verdictLine(report)].join('\n\n')}\n`;
}
