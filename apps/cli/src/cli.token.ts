import { CliUsageError } from './cli.errors';

export interface TokenOptions {
  token?: string;
  tokenFile?: string;
  role?: string;
}

/**
 * The bearer token to send: --token, else --token-file (a file holding the token, or the
 * var/tokens/<code>.json `npm start` writes, one token per role: --role picks, officer by
 * default), else BUREAUNET_TOKEN. readFile is injected to keep this pure.
 */
export function cliToken(
  options: TokenOptions,
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string,
): string | undefined {
  if (options.token) return options.token;
  const file = options.tokenFile;
  if (file === undefined) return env.BUREAUNET_TOKEN || undefined;
  let text: string;
  try {
    text = readFile(file).trim();
  } catch (error) {
    throw new CliUsageError(`cannot read --token-file ${file}: ${(error as Error).message}`);
  }
  if (!text.startsWith('{')) return text;
  const role = options.role ?? 'officer';
  let tokens: Record<string, unknown>;
  try {
    tokens = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new CliUsageError(`--token-file ${file} holds neither a token nor a JSON object of tokens by role`);
  }
  const picked = tokens[role];
  if (typeof picked !== 'string' || picked === '')
    throw new CliUsageError(`--token-file ${file} holds no ${role} token (--role ${Object.keys(tokens).join('|')})`);
  return picked;
}
