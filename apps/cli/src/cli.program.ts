import { hostname } from 'node:os';
import { Command, CommanderError } from 'commander';
import { fetchTrusting, HttpError, NodeApiClient, RegistryApiClient } from '@bureaunet/api-clients';
import { registerCommands } from './cli.commands';
import { CliUsageError } from './cli.errors';
import { CliProfileStore } from './profile/cli-profile.store';
import { nodeConnection, profileNameOf, type ConnectionOptions } from './profile/cli-connection';
import { registerLoginCommands } from './profile/login.commands';
import type { SecretPrompt } from './profile/terminal.prompt';

/** Exit codes: the answer printed (0), the service refused (1, its answer printed), the command line is wrong (2). */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  readFile: (path: string) => string;
  /** Standard output and error, each call one whole text. */
  out: (text: string) => void;
  err: (text: string) => void;
  /** Node's fetch unless replaced (a spec's recorder). */
  fetch?: typeof fetch;
  /** How login asks for the password and TOTP code (the terminal, from main.ts). */
  prompt?: SecretPrompt;
  /** Names the token login creates ("cli <hostname>"); the machine's name unless given. */
  hostname?: string;
  /** What --version prints (package.json's version, from main.ts). */
  version?: string;
}

interface GlobalOptions extends ConnectionOptions {
  purpose?: string;
}

const HELP_AFTER = `
Sign in once as a person: bureaunet login --url <node url> --username <name> (asks the password;
saves a profile with a personal API token in $XDG_CONFIG_HOME/bureaunet, 0600); later commands use
it. Machine clients keep --token/--token-file/BUREAUNET_TOKEN, which win over the profile.
The role decides what the node allows (officer: messages, notices, diffusions, search,
operations, sltd, hits; reviewer: review, notice update/cancel, diffusion withdraw; coordinator:
operation alert; border-officer: check; admin: dead-letters). A value that starts with '-' must be written --token=VALUE.
inbox and message send/show print tables (--json for scripts); the other commands print the JSON answer.
Exit 1 on a refusal (its answer printed), 2 on a wrong command line. Each command has --help, e.g. bureaunet notice request --help`;

const NO_PROMPT: SecretPrompt = {
  hidden: () => Promise.reject(new CliUsageError('no terminal to ask on: use --password-stdin')),
  stdinText: () => Promise.reject(new CliUsageError('no standard input to read')),
};

/** The bureaunet CLI (`bureaunet …`, or `npm run cli -- …`): runs one command, returns the exit code. */
export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const program = new Command('bureaunet')
    .description("a bureau's node from the command line: messages, notices, diffusions, operations, checks")
    .version(environment.version ?? 'unknown', '-V, --version', 'the version of bureaunet')
    // Before the subcommands are made: they inherit the output and the thrown (not exiting) errors.
    .exitOverride()
    .configureOutput({ writeOut: environment.out, writeErr: environment.err })
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ showGlobalOptions: true })
    .option('--node <url>', "the node's URL (or BUREAUNET_NODE; else the profile's; else http://127.0.0.1:3100)")
    .option('--token <token>', "a bearer token of the node's API (or BUREAUNET_TOKEN)")
    .option('--token-file <file>', 'a file holding the token, or var/tokens/<code>.json from npm start')
    .option('--role <role>', 'the role whose token --token-file picks (officer by default)')
    .option('--profile <name>', 'the saved profile to use or make (or BUREAUNET_PROFILE; "default" otherwise)')
    .option('--purpose <text>', 'why you consult (X-Purpose, recorded in the node’s log; or BUREAUNET_PURPOSE)')
    .addHelpText('after', HELP_AFTER);
  let answer: unknown;
  let text: string | undefined;
  const globals = () => program.opts<GlobalOptions>();
  const store = new CliProfileStore(environment.env);
  const readFile = (path: string) => {
    try {
      return environment.readFile(path);
    } catch (error) {
      throw new CliUsageError(`cannot read ${path}: ${(error as Error).message}`);
    }
  };
  const fetchFor = (ca: string | undefined) =>
    withPurpose(environment.fetch ?? fetchTrusting(ca), () => globals().purpose ?? environment.env.BUREAUNET_PURPOSE);
  const done = (value: unknown, forPeople?: string) => {
    answer = value;
    text = forPeople;
  };
  registerCommands(program, {
    node: () => {
      const connection = nodeConnection(globals(), environment.env, environment.readFile, store);
      return new NodeApiClient(connection.url, connection.token, connection.ca, { fetch: fetchFor(connection.ca) });
    },
    registry: (url) => {
      const { token } = globals();
      if (!token) throw new CliUsageError('operation create needs --token, the registry administrator token');
      return new RegistryApiClient(url, token, { fetch: environment.fetch });
    },
    done,
    readFile,
    progress: (line) => environment.err(`${line}\n`),
  });
  registerLoginCommands(program, {
    store,
    profileName: () => profileNameOf(globals(), environment.env),
    prompt: environment.prompt ?? NO_PROMPT,
    hostname: environment.hostname ?? hostname(),
    readFile,
    fetchFor,
    done,
    progress: (line) => environment.err(`${line}\n`),
  });
  if (argv.length === 0) {
    environment.out(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return failure(error, environment);
  }
  environment.out(text ?? `${JSON.stringify(answer ?? null, null, 2)}\n`);
  return EXIT.ok;
}

/** Every request with X-Purpose when a purpose is stated (the node records it with the consultation). */
function withPurpose(base: typeof fetch, purpose: () => string | undefined): typeof fetch {
  return (input, init) => {
    const stated = purpose();
    if (!stated) return base(input, init);
    const request = new Request(input, init);
    request.headers.set('x-purpose', stated);
    return base(request);
  };
}

function failure(error: unknown, environment: CliEnvironment): number {
  // Commander has printed its own message (or the help) already.
  if (error instanceof CommanderError)
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  if (error instanceof CliUsageError) {
    environment.err(`error: ${error.message}\n(add --help for usage)\n`);
    return EXIT.usage;
  }
  if (error instanceof HttpError) {
    environment.out(`${typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? null, null, 2)}\n`);
    environment.err(`refused: HTTP ${error.status}\n`);
    return EXIT.refused;
  }
  throw error;
}
