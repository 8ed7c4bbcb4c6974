// Messages about the workbook file itself (who may write it, whether it can be written), in
// Brazilian Portuguese. They name the file the person typed, never its contents.

/** Another command holds the workbook's lock: nothing was read or changed. */
export function workbookBusy(file: string): string {
  return (
    `a planilha ${file} está em uso por outro comando do cademi-monitor (uma coleta, por exemplo); ` +
    'nada foi alterado. Tente de novo quando ele terminar.'
  );
}

/** The lock was lost while the command ran (someone removed it, or the machine stalled): nothing is saved. */
export function workbookLockLost(file: string): string {
  return (
    `o bloqueio da planilha ${file} foi perdido durante o comando (outro processo pode tê-la alterado); ` +
    'nada foi salvo. Rode o comando de novo.'
  );
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
