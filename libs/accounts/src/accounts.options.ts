import type { Clock, Role } from '@bureaunet/platform/stateless';
import type { AccountsSettings } from './accounts.settings';

/** Which service the people sign in to, as the console shows it. */
export interface ServiceView {
  kind: 'node' | 'registry' | 'gateway';
  /** A node's bureau code. */
  code?: string;
  /** True at the hub's node. */
  hub?: boolean;
}

export interface AccountsOptions {
  service: ServiceView;
  /** The roles a person may hold at this service. */
  roles: readonly Role[];
  /** Tests set the time; the system clock otherwise. */
  clock?: Clock;
  /** From the environment (readAccountsSettings) unless given. */
  settings?: AccountsSettings;
}

/** The options as the module resolved them (clock and settings filled in). */
export interface ResolvedAccountsOptions {
  service: ServiceView;
  roles: readonly Role[];
  clock: Clock;
  settings: AccountsSettings;
}

export const ACCOUNTS_OPTIONS = Symbol('ACCOUNTS_OPTIONS');
