// Typed promise wrapper over `google.script.run`: the sidebar reaches the server only through
// `sidebarRpc(method, args)`, and every call is keyed to the shared `SidebarApi` contract.

import { NOT_IN_SHEETS, SERVER_ERROR_WITHOUT_MESSAGE } from '../core/messages/sidebar';
import type { SidebarApi, SidebarMethod } from '../core/sidebar/api';

/** The slice of `google.script.run` the sidebar uses (declared here: no @types in the browser bundle). */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  sidebarRpc(method: string, args: unknown[]): void;
}

interface ScriptHostWindow {
  readonly google?: { readonly script?: { readonly run?: ScriptRunner } };
}

/** A server call that failed: the message is the server's, ready to show to the coordinator. */
class RpcError extends Error {
  constructor(
    readonly method: SidebarMethod,
    message: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export type RpcCall = <M extends SidebarMethod>(method: M, ...args: Parameters<SidebarApi[M]>) => Promise<ReturnType<SidebarApi[M]>>;

/** The page's `google.script.run`, or an error saying the sidebar is not running inside Sheets. */
function scriptRunner(): ScriptRunner {
  const run = (globalThis as unknown as ScriptHostWindow).google?.script?.run;
  if (!run) throw new Error(NOT_IN_SHEETS);
  return run;
}

function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return SERVER_ERROR_WITHOUT_MESSAGE;
}

/** Builds `call(method, ...args)` over a runner (the page's `google.script.run` unless one is given). */
function createRpcClient(runner: () => ScriptRunner = scriptRunner): RpcCall {
  return <M extends SidebarMethod>(method: M, ...args: Parameters<SidebarApi[M]>) =>
    new Promise<ReturnType<SidebarApi[M]>>((resolve, reject) => {
      runner()
        .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[M]>))
        .withFailureHandler((error) => reject(new RpcError(method, failureMessage(error))))
        .sidebarRpc(method, args);
    });
}

/** The sidebar's client: `await call('getState')`. */
export const call: RpcCall = createRpcClient();
