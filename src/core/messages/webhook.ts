// Cademi's progress webhook (Apps Script deployed as a web app): the answers the web app gives the
// caller, why an event is ignored, and the dialog that sets it up, in Brazilian Portuguese.

/** The caller's secret is missing or wrong. */
export const WEBHOOK_UNAUTHORIZED = 'não autorizado';

/** No spreadsheet was linked ("Configurar webhook da Cademi…" never ran). */
export const WEBHOOK_NOT_CONFIGURED = 'webhook não configurado';

/** Another execution holds the lock: Cademi should send again. */
export const WEBHOOK_BUSY = 'ocupado; reenvie';

/** An event body that is not JSON. */
export const BODY_NOT_JSON = 'corpo não é JSON';

/** An event of another type (null: a type that does not read as one, never repeated back). */
export function notAProgressEvent(type: string | null): string {
  return type === null ? 'evento de outro tipo, não de progresso' : `evento ${type} não é de progresso`;
}

/** A progress event whose student, product or percent is missing or invalid. */
export const PROGRESS_EVENT_UNREADABLE = 'evento de progresso com aluno, produto ou percentual inválido';

/** The setup dialog's title. */
export const WEBHOOK_DIALOG_TITLE = 'Webhook da Cademi';

/** The setup dialog: a fresh secret and where to point Cademi's webhook. */
export function webhookSetup(secret: string): string {
  return (
    'Um novo segredo foi gerado (o anterior deixa de valer).\n' +
    '1. Implante este script como "App da Web" (executar como você; acesso: qualquer pessoa).\n' +
    `2. Na Cademi, cadastre o webhook "usuario.progresso" com a URL do app seguida de ?secret=${secret}\n` +
    'Com isso, a coleta semanal dispensa a chamada à API para quem teve progresso informado pelo webhook.'
  );
}
