// Messages about `Histórico` itself: its columns, how close the spreadsheet is to its cell limit,
// and the weeks moved to an archive, in Brazilian Portuguese.

import { formatBrDate } from '../time/pt-br-dates';

/** A column people added to `Histórico` and left without a header (`position` 1-based). */
export function unnamedColumn(position: number): string {
  return `coluna ${position}`;
}

/** A column of `Histórico` that is not the one expected there. */
export function historyColumnChanged(position: number, expected: string, found: string): string {
  return `coluna ${position} deveria ser "${expected}" e é "${found}"`;
}

/** `Histórico`'s headers were edited: nothing is written (`problems`: a few historyColumnChanged). */
export function historyHeadersChanged(problems: readonly string[]): string {
  return `A aba Histórico foi alterada (${problems.join('; ')}). Restaure os cabeçalhos; nada foi gravado.`;
}

/** The spreadsheet's size against the cell limit (millions already formatted, `1,2`), and the weeks left at this pace. */
export function spreadsheetGrowth(usedMillions: string, limitMillions: string, sharePercent: number, weeksLeft: number | null, soonWeeks: number): string {
  const weeks =
    weeksLeft === null
      ? ''
      : weeksLeft < soonWeeks
        ? ` ATENÇÃO: cerca de ${weeksLeft} semana${weeksLeft === 1 ? '' : 's'} até o limite; arquive semanas antigas do Histórico.`
        : ` Cerca de ${weeksLeft} semanas restantes neste ritmo.`;
  return `Planilha: ${usedMillions} mi de ${limitMillions} mi células (${sharePercent}%).${weeks}`;
}

/** Old weeks moved to the archive (`weeks` oldest first, at least one; `destination` as the sink names it). */
export function weeksArchived(weeks: readonly string[], rows: number, destination: string): string {
  const count = `${weeks.length} semana${weeks.length === 1 ? '' : 's'}`;
  const first = formatBrDate(weeks[0] ?? '');
  const range = weeks.length === 1 ? first : `${first} a ${formatBrDate(weeks[weeks.length - 1] ?? '')}`;
  return `Histórico: ${count} (${range}, ${rows} linhas) arquivada${weeks.length === 1 ? '' : 's'} em ${destination} para ficar longe do limite de células.`;
}

/** Where the Apps Script archive put the weeks: the spreadsheet (name and address) and its sheet. */
export function archiveDestination(spreadsheet: string, url: string, sheet: string): string {
  return `planilha "${spreadsheet}" (${url}), aba "${sheet}"`;
}

/** The archive spreadsheet could not be opened (Sheets' own reason is English and not shown: access or deletion are the usual causes). */
export function archiveUnavailable(id: string, propertyKey: string): string {
  return (
    `Não foi possível abrir a planilha de arquivo do Histórico (id ${id}); ela pode ter sido apagada ou compartilhada sem acesso para quem roda a coleta. ` +
    `Restaure o acesso a ela ou apague a propriedade ${propertyKey} para criar outra; o Histórico não foi alterado.`
  );
}
