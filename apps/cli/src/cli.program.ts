import { Command, CommanderError } from 'commander';
import { HttpError, NodeApiClient, RegistryApiClient } from '@bureaunet/api-clients';
import { registerCommands } from './cli.commands';
import { CliUsageError } from './cli.errors';
import { cliToken, type TokenOptions } from './cli.token';

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
}

interface GlobalOptions extends TokenOptions {
  node: string;
}

const HELP_AFTER = `
The token's role decides what the node allows (officer: messages, notices, diffusions, search,
operations, sltd, hits; reviewer: review, notice update/cancel, diffusion withdraw; coordinator:
operation alert; border-officer: check; admin: dead-letters). A value that starts with '-' must be written --token=VALUE.
Prints the JSON answer; exit 1 on a refusal (its answer printed), 2 on a wrong command line.
Each command has --help, e.g. npm run cli -- notice request --help`;

/** The bureaunet CLI (`npm run cli -- --node <url> … <command> [options]`): runs one command, returns the exit code. */
export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const program = new Command('npm run cli --')
    .description("the node's workflow steps for scripts")
    // Before the subcommands are made: they inherit the output and the thrown (not exiting) errors.
    .exitOverride()
    .configureOutput({ writeOut: environment.out, writeErr: environment.err })
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ showGlobalOptions: true })
    .option(
      '--node <url>',
      "the node's URL (or BUREAUNET_NODE)",
      environment.env.BUREAUNET_NODE ?? 'http://127.0.0.1:3100',
    )
    .option('--token <token>', "a bearer token of the node's API (or BUREAUNET_TOKEN)")
    .option('--token-file <file>', 'a file holding the token, or var/tokens/<code>.json from npm start')
    .option('--role <role>', 'the role whose token --token-file picks (officer by default)')
    .addHelpText('after', HELP_AFTER);
  let answer: unknown;
  const globals = () => program.opts<GlobalOptions>();
  registerCommands(program, {
    node: () =>
      new NodeApiClient(
        globals().node.replace(/\/$/, ''),
        cliToken(globals(), environment.env, environment.readFile),
        undefined,
        {
          fetch: environment.fetch,
        },
      ),
    registry: (url) => {
      const { token } = globals();
      if (!token) throw new CliUsageError('operation create needs --token, a coordinator token of the registry');
      return new RegistryApiClient(url, token, { fetch: environment.fetch });
    },
    done: (value) => (answer = value),
    readFile: (path) => {
      try {
        return environment.readFile(path);
      } catch (error) {
        throw new CliUsageError(`cannot read ${path}: ${(error as Error).message}`);
      }
    },
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
  environment.out(`${JSON.stringify(answer ?? null, null, 2)}\n`);
  return EXIT.ok;
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
