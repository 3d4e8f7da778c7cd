import { Command } from 'commander';
import { HttpError, PeopleApiClient, type CreatedPersonToken } from '@bureaunet/api-clients';
import { CliUsageError } from '../cli.errors';
import type { CliProfile, CliProfileStore } from './cli-profile.store';
import { secretsFromStdin, type SecretPrompt } from './terminal.prompt';

/** What login and logout need besides the commands' common context. */
export interface ProfileContext {
  store: CliProfileStore;
  /** The profile --profile names (the default one otherwise). */
  profileName(): string;
  prompt: SecretPrompt;
  hostname: string;
  readFile(path: string): string;
  /** A fetch that trusts `ca` (PEM) besides the system's roots. */
  fetchFor(ca: string | undefined): typeof fetch;
  done(answer: unknown, text?: string): void;
  progress(line: string): void;
}

interface LoginOptions {
  url: string;
  username: string;
  passwordStdin?: boolean;
  totp?: string;
  ca?: string;
}

const codeOf = (error: unknown) =>
  error instanceof HttpError ? (error.body as { code?: unknown } | undefined)?.code : undefined;

async function login(options: LoginOptions, context: ProfileContext): Promise<void> {
  const url = normalisedUrl(options.url);
  const name = context.profileName();
  const ca = options.ca === undefined ? undefined : context.readFile(options.ca);
  const secrets = options.passwordStdin
    ? secretsFromStdin(await context.prompt.stdinText())
    : { password: await context.prompt.hidden(`password for ${options.username} at ${url}: `) };
  const client = new PeopleApiClient(url, { fetch: context.fetchFor(ca) });
  const tokenName = `cli ${context.hostname}`.slice(0, 80);
  const credentials = { username: options.username, ...secrets, ...(options.totp ? { totp: options.totp } : {}) };
  let created: CreatedPersonToken;
  try {
    created = await tokenFromSession(client, credentials, tokenName);
  } catch (error) {
    if (codeOf(error) !== 'totp-required' || credentials.totp) throw error;
    const totp = (await context.prompt.hidden('one-time code (TOTP): ')).trim();
    created = await tokenFromSession(client, { ...credentials, totp }, tokenName);
  }
  const previous = safeRead(context, name);
  const profile: CliProfile = {
    url,
    username: options.username,
    token: created.token,
    tokenId: created.id,
    ...(ca ? { ca } : {}),
  };
  const file = context.store.write(name, profile);
  // The token this profile held before is of no more use to anyone: revoke it where it was made.
  if (previous && previous.tokenId !== created.id)
    await new PeopleApiClient(previous.url, { fetch: context.fetchFor(previous.ca) })
      .revokeToken({ bearer: previous.token }, previous.tokenId)
      .catch(() => context.progress(`the previous token of profile ${name} could not be revoked: it may already be`));
  const answer = { profile: name, file, url, username: options.username, tokenName };
  context.done(answer, `signed in as ${options.username} at ${url}; token "${tokenName}" saved in ${file}\n`);
}

async function logout(context: ProfileContext): Promise<void> {
  const name = context.profileName();
  const profile = context.store.read(name);
  if (!profile) throw new CliUsageError(`there is no profile ${name} to log out of`);
  let revoked = true;
  try {
    await new PeopleApiClient(profile.url, { fetch: context.fetchFor(profile.ca) }).revokeToken(
      { bearer: profile.token },
      profile.tokenId,
    );
  } catch (error) {
    // 401/404: the token is gone already (revoked in the console, expired, the person removed).
    if (!(error instanceof HttpError) || (error.status !== 401 && error.status !== 404)) throw error;
    revoked = false;
  }
  context.store.remove(name);
  const what = revoked ? 'token revoked' : 'the token was no longer valid';
  context.done({ profile: name, revoked }, `logged out of ${profile.url} (${what}); profile ${name} removed\n`);
}

/** Signs in, creates the token, signs out again: the CLI keeps the token, never the session. */
async function tokenFromSession(
  client: PeopleApiClient,
  credentials: { username: string; password: string; totp?: string },
  name: string,
): Promise<CreatedPersonToken> {
  const session = await client.signIn(credentials);
  try {
    return await client.createToken({ session }, { name });
  } finally {
    await client.signOut(session).catch(() => undefined); // it expires by itself too
  }
}

function safeRead(context: ProfileContext, name: string): CliProfile | undefined {
  try {
    return context.store.read(name);
  } catch {
    return undefined; // a broken profile is replaced, not revoked
  }
}

function normalisedUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliUsageError(`--url ${value} is not a URL (e.g. https://127.0.0.1:3101)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CliUsageError(`--url ${value} is not an http(s) URL`);
  return url.origin;
}

/** `login` and `logout`: a saved profile holding a personal API token instead of a role token. */
export function registerLoginCommands(program: Command, context: ProfileContext): void {
  program
    .command('login')
    .description('signs in to a node as a person and saves a profile with a personal API token ("cli <host>")')
    .requiredOption('--url <url>', "the node's URL, e.g. https://127.0.0.1:3101")
    .requiredOption('--username <name>')
    .option('--password-stdin', 'read the password from standard input (a second line: the TOTP code)')
    .option('--totp <code>', 'the one-time code, when the account has a second factor')
    .option('--ca <file>', "the CA (PEM) of the node's HTTPS certificate, saved in the profile")
    .action((options: LoginOptions) => login(options, context));
  program
    .command('logout')
    .description("revokes the profile's token at the node and removes the profile")
    .action(() => logout(context));
}
