// Test support: the built bundle's sidebar server called as the sidebar calls it (one
// `sidebarRpc(method, args)`), through a client typed by SidebarApi, so a wrong method name or
// argument is a compile error and each result has the contract's type.

import { SIDEBAR_METHODS, type SidebarApi, type SidebarMethod } from '../../src/core/sidebar/api';
import type { GasSchool } from './apps-script-school';

/** SidebarApi as a test calls it over the bundle, in the sidebar's (UI) execution context. */
export type SidebarClient = { readonly [M in SidebarMethod]: (...args: Parameters<SidebarApi[M]>) => ReturnType<SidebarApi[M]> };

export function sidebarClient(gas: GasSchool): SidebarClient {
  const entries = SIDEBAR_METHODS.map((method) => [method, (...args: unknown[]) => untypedSidebarRpc(gas, method, args)]);
  return Object.fromEntries(entries) as SidebarClient;
}

/** The raw entry, for what the typed client cannot send: names outside the table, malformed arguments. */
export function untypedSidebarRpc(gas: GasSchool, method: string, args: readonly unknown[]): unknown {
  return gas.env.execute(() => gas.fns.sidebarRpc(method, args), { context: 'ui' });
}
