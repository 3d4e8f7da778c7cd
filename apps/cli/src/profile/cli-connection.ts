import { CliUsageError } from '../cli.errors';
import { cliToken, type TokenOptions } from '../cli.token';
import { DEFAULT_PROFILE, type CliProfileStore } from './cli-profile.store';

export const DEFAULT_NODE = 'http://127.0.0.1:3100';

export interface ConnectionOptions extends TokenOptions {
  node?: string;
  profile?: string;
}

/** Where the commands go and with which token. */
export interface NodeConnection {
  url: string;
  token?: string;
  ca?: string;
}

/** --profile, else BUREAUNET_PROFILE, else the default profile. */
export const profileNameOf = (options: ConnectionOptions, env: NodeJS.ProcessEnv): string =>
  options.profile ?? (env.BUREAUNET_PROFILE || DEFAULT_PROFILE);

/**
 * The node and token as before profiles (--node or BUREAUNET_NODE; --token, --token-file or
 * BUREAUNET_TOKEN) whenever a token is given that way; otherwise the saved profile's, unless --node
 * names another node. A --profile that names no saved profile is a mistake, said as one.
 */
export function nodeConnection(
  options: ConnectionOptions,
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string,
  store: CliProfileStore,
): NodeConnection {
  const explicitUrl = trimmed(options.node ?? (env.BUREAUNET_NODE || undefined));
  const token = cliToken(options, env, readFile);
  if (token !== undefined) return { url: explicitUrl ?? DEFAULT_NODE, token };
  const name = profileNameOf(options, env);
  const profile = store.read(name);
  if (!profile) {
    if (name !== DEFAULT_PROFILE)
      throw new CliUsageError(`there is no profile ${name}: bureaunet --profile ${name} login --url … --username …`);
    return { url: explicitUrl ?? DEFAULT_NODE };
  }
  if (explicitUrl !== undefined && explicitUrl !== trimmed(profile.url)) return { url: explicitUrl };
  return { url: trimmed(profile.url)!, token: profile.token, ca: profile.ca };
}

const trimmed = (url: string | undefined) => url?.replace(/\/+$/, '');
