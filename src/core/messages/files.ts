// Messages about the workbook file itself (whether it can be read, who may write it, whether it can be written), in
// Brazilian Portuguese. They name the file the person typed, never its contents.

import { plural } from './numbers';

// ---- opening the workbook --------------------------------------------------------------------

/** The workbook a command works on is not there. */
export function workbookNotFound(file: string): string {
  return `${file} não existe; crie-o com "cademi-monitor init ${file}"`;
}

/** The workbook exists but this user may not read it. */
export function workbookNoReadPermission(file: string): string {
  return `${file} não pode ser lido (sem permissão de leitura); libere a leitura (ex.: chmod u+r "${file}") e rode de novo.`;
}

/** The file is not an .xlsx the command can read (the reader's own text is English and may quote the file). */
export function workbookUnreadable(file: string): string {
  return `${file} não pôde ser lido como .xlsx (o arquivo está corrompido ou não é uma planilha); abra-o no Excel ou no LibreOffice para conferir, ou escolha outro arquivo.`;
}

// ---- writing it ------------------------------------------------------------------------------

/** Another command holds the workbook's lock: nothing was read or changed. */
export function workbookBusy(file: string): string {
  return `a planilha ${file} está em uso por outro comando do cademi-monitor (uma coleta, por exemplo); nada foi alterado. Tente de novo quando ele terminar.`;
}

/** The lock was lost while the command ran (someone removed it, or the machine stalled): nothing is saved. */
export function workbookLockLost(file: string): string {
  return `o bloqueio da planilha ${file} foi perdido durante o comando (outro processo pode tê-la alterado); nada foi salvo. Rode o comando de novo.`;
}

/** The workbook has no write permission: refused before any work, so no API call is spent. */
export function workbookReadOnly(file: string): string {
  return `${file} está como somente leitura; libere a gravação (ex.: chmod u+w "${file}") e rode de novo. Nada foi coletado nem alterado.`;
}

/** The folder of the workbook cannot take the new file (the save writes a temporary file beside it). */
export function folderNotWritable(file: string, folder: string): string {
  return `não é possível gravar na pasta ${folder}, onde fica ${file}; libere a gravação nela e rode de novo. Nada foi coletado nem alterado.`;
}

/** The folder named for a new workbook does not exist. */
export function folderMissing(file: string, folder: string): string {
  return `a pasta ${folder} não existe; crie-a ou escolha outro caminho para ${file}.`;
}

/** A lock left by a command that died (not refreshed for the stale period) was taken over. */
export function staleLockTaken(file: string, staleSeconds: number): string {
  return `o bloqueio de ${file} deixado por um comando interrompido (sem sinal de vida há mais de ${staleSeconds} s) foi retomado.`;
}

/** Copying into a hard-linked workbook failed midway: the file may be damaged; the complete copy is kept. */
export function hardLinkedSaveFailed(file: string, copy: string): string {
  return `não foi possível gravar ${file} (um arquivo com outros nomes, hard links); ele pode ter ficado incompleto. A gravação completa ficou em ${copy}: copie-a por cima de ${file}.`;
}

/**
 * Charts the save could not draw as pictures (the drawing library failed): the file holds all its
 * data and the charts' data blocks, only those pictures are missing; the next run draws them again.
 */
export function chartsNotDrawn(file: string, sheets: readonly string[]): string {
  const quoted = sheets.map((sheet) => `"${sheet}"`);
  const last = quoted.pop() ?? '';
  const names = quoted.length > 0 ? `${quoted.join(', ')} e ${last}` : last;
  return `não foi possível desenhar os gráficos ${plural(sheets.length, 'da aba', 'das abas')} ${names}; a planilha ${file} foi gravada com todos os dados, sem as imagens desses gráficos (a próxima coleta tenta desenhá-los de novo).`;
}
