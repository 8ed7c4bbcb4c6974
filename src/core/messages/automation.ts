// Messages about the automatic updates (the one tick trigger per spreadsheet, whoever installed it),
// as the menu's alerts and the sidebar show them, in Brazilian Portuguese. They take the owner as
// people read it (an e-mail, or OTHER_EDITOR) and instants already formatted.

import { wallTimeOf } from '../time/zoned';

/** The owner when their account does not reveal an e-mail. */
export const OTHER_EDITOR = 'outro editor';

/** When the weekly collection runs (said after enabling, or when another account runs it). */
export const SCHEDULE_NOTE = 'A coleta semanal roda no dia e hora definidos em Configuração.';

/** "10 minutos", "1 hora": one tick period. */
export function describePeriod(periodMs: number): string {
  const minutes = Math.round(periodMs / 60_000);
  if (minutes % 60 !== 0) return `${minutes} minutos`;
  const hours = minutes / 60;
  return hours === 1 ? '1 hora' : `${hours} horas`;
}

/** "14/09/2026 às 06:10", on the spreadsheet's wall clock. */
export function formatDateTime(epochMs: number, timeZone: string): string {
  const wall = wallTimeOf(epochMs, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(wall.day)}/${two(wall.month)}/${wall.year} às ${two(wall.hour)}:${two(wall.minute)}`;
}

/** Another editor's live tick already runs the automation. */
export function otherOwnerNotice(owner: string): string {
  return `A atualização automática desta planilha já roda pela conta de ${owner}, então nada foi instalado na sua conta (uma só automação por planilha). ${SCHEDULE_NOTE}`;
}

/** The recorded owner's tick has not run since `lastSeen`. */
export function staleOwnerNotice(owner: string, lastSeen: string): string {
  return `A automação instalada pela conta de ${owner} não roda desde ${lastSeen} (essa conta pode ter perdido o acesso à planilha ou removido o acionador).`;
}

/** The stale notice as the sidebar shows it, with what to do. */
export function staleOwnerWarning(staleNotice: string): string {
  return `${staleNotice} Use "Ativar atualização automática" ou "Atualizar agora" para que ela passe a rodar pela sua conta.`;
}

/** This editor took over from a dead owner. */
export function tookOverNotice(staleNotice: string): string {
  return `${staleNotice} A partir de agora a automação roda pela sua conta.`;
}

/** "Desativar" by someone who is not the owner: the owner's tick removes itself (`period` as describePeriod says it). */
export function disabledByOtherNotice(owner: string, period: string, runPending: boolean): string {
  const when = runPending ? 'depois de terminar a atualização em andamento' : `na próxima execução, em até ${period}`;
  return `Atualização automática desativada nesta planilha. O acionador é da conta de ${owner}, e só essa conta pode removê-lo: ele se remove sozinho ${when}. "Atualizar agora" continua disponível.`;
}

/** "Desativar" while the recorded owner's tick was already dead (`finishing`: this editor's tick finishes the pending run). */
export function disabledStaleNotice(staleNotice: string, finishing: boolean): string {
  const next = finishing ? ' A atualização em andamento termina pela sua conta, e então o acionador se remove sozinho.' : '';
  return `Atualização automática desativada. ${staleNotice}${next} Se o acionador antigo voltar a rodar, ele se remove sozinho. "Atualizar agora" continua disponível.`;
}

/** "Ativar" when this editor's tick is the automation. */
export const AUTO_UPDATE_ENABLED = 'Atualização automática ativada: a coleta semanal roda no dia e hora definidos em Configuração.';

/** "Desativar" by the owner. */
export const AUTO_UPDATE_DISABLED = 'Atualização automática desativada. "Atualizar agora" continua disponível.';
