import { Command, InvalidArgumentError } from 'commander';
import type { NodeApiClient, RegistryApiClient } from '@bureaunet/api-clients';
import { registerBorderCheckCommands } from './border-check.commands';
import { CliUsageError } from './cli.errors';
import { registerMessageCommands } from './message.commands';

/**
 * The node's workflow steps as subcommands: each one call of a typed client. What the call answers
 * is handed to `done`; cli.program.ts prints it and picks the exit code.
 */
export interface CommandContext {
  node(): NodeApiClient;
  /** The registry at `url`, called with --token (the registry's, not the node's). */
  registry(url: string): RegistryApiClient;
  /** The answer; `text` when the command prints it for people (a table) instead of as JSON. */
  done(answer: unknown, text?: string): void;
  /** A file's text (sltd import). */
  readFile(path: string): string;
  /** A progress line for people, on standard error (the answer stays the only standard output). */
  progress(line: string): void;
}

/** "MR,FR" or repeated flags, as one list. */
const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), ...list(value)];

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('not a whole number.');
  return Number(value);
}

interface NoticeFieldOptions {
  familyName?: string;
  givenNames?: string;
  dob?: string;
  nationality?: string;
  document?: string[];
  offence?: string;
  expiry?: string;
}

function withNoticeFields(command: Command): Command {
  return command
    .option('--family-name <name>')
    .option('--given-names <names>')
    .option('--dob <date>', 'date of birth, YYYY-MM-DD')
    .option('--nationality <code>')
    .option('--document <number>', 'a document number (repeat, or comma-separated)', collect)
    .option('--offence <text>')
    .option('--expiry <date>', 'YYYY-MM-DD');
}

/** The notice fields given, under their API names. */
const noticeFields = (options: NoticeFieldOptions) => ({
  familyName: options.familyName,
  givenNames: options.givenNames,
  dateOfBirth: options.dob,
  nationality: options.nationality,
  documentNumbers: options.document,
  offence: options.offence,
  expiry: options.expiry,
});

function noticeCommands(program: Command, context: CommandContext): void {
  const notice = program.command('notice').description('notices: request, search, show, update, cancel');
  withNoticeFields(
    notice
      .command('request')
      .description('asks the hub to publish a notice')
      .requiredOption('--type <type>', 'red, yellow, blue, black, green, orange, purple or special'),
  )
    .option('--restricted-to <codes>', 'bureaus that may see it (repeat, or comma-separated)', collect)
    .action(async (options: NoticeFieldOptions & { type: string; restrictedTo?: string[] }) =>
      context.done(
        await context
          .node()
          .requestNotice({ type: options.type, ...noticeFields(options), restrictedTo: options.restrictedTo }),
      ),
    );
  notice
    .command('list')
    .alias('search')
    .description('the notices this node holds, searched by name, date of birth or document')
    .option('--type <type>')
    .option('--state <state>', 'active, cancelled or lapsed')
    .option('--name <words>', 'accents and case ignored')
    .option('--dob <date>')
    .option('--document <number>')
    .option('--limit <n>', 'at most this many', wholeNumber)
    .action(
      async (options: {
        type?: string;
        state?: string;
        name?: string;
        dob?: string;
        document?: string;
        limit?: number;
      }) => {
        const { dob, ...query } = options;
        context.done(await context.node().searchNotices({ ...query, dateOfBirth: dob }));
      },
    );
  notice
    .command('show <number>')
    .description('one notice')
    .action(async (number: string) => context.done(await context.node().notice(number)));
  notice
    .command('requests')
    .description('the notice requests this node sent or received')
    .action(async () => context.done(await context.node().noticeRequests()));
  withNoticeFields(notice.command('update <number>').description('changes a notice (hub)')).action(
    async (number: string, options: NoticeFieldOptions) =>
      context.done(await context.node().updateNotice(number, noticeFields(options))),
  );
  notice
    .command('cancel <number>')
    .description('hub: cancels everywhere; owner: asks the hub')
    .requiredOption('--reason <text>')
    .action(async (number: string, options: { reason: string }) =>
      context.done(await context.node().cancelNotice(number, options.reason)),
    );
}

function reviewCommands(program: Command, context: CommandContext): void {
  const review = program.command('review').description("the hub's review of notice requests");
  review
    .command('list')
    .description('requests waiting for review')
    .action(async () => context.done(await context.node().reviewQueue()));
  review
    .command('approve <request-id>')
    .action(async (id: string) => context.done(await context.node().approveNotice(id)));
  review
    .command('refuse <request-id>')
    .requiredOption('--reason <text>')
    .action(async (id: string, options: { reason: string }) =>
      context.done(await context.node().refuseNotice(id, options.reason)),
    );
}

function diffusionCommands(program: Command, context: CommandContext): void {
  const diffusion = program.command('diffusion').description('diffusions: send, list, withdraw');
  diffusion
    .command('send')
    .requiredOption('--to <codes>', 'MR,FR or all')
    .requiredOption('--title <text>')
    .requiredOption('--details <text>')
    .option('--document <number>', 'a document number (repeat, or comma-separated)', collect)
    .option('--restricted-to <codes>', 'bureaus that may see it (repeat, or comma-separated)', collect)
    .option('--priority <priority>', 'routine, urgent or immediate')
    .action(
      async (options: {
        to: string;
        title: string;
        details: string;
        document?: string[];
        restrictedTo?: string[];
        priority?: 'routine' | 'urgent' | 'immediate';
      }) =>
        context.done(
          await context.node().diffuse({
            to: options.to === 'all' ? 'all' : list(options.to),
            title: options.title,
            details: options.details,
            documentNumbers: options.document,
            restrictedTo: options.restrictedTo,
            priority: options.priority,
          }),
        ),
    );
  diffusion
    .command('list')
    .option('--state <state>', 'active, withdrawn or any', 'active')
    .action(async (options: { state: 'active' | 'withdrawn' | 'any' }) =>
      context.done(await context.node().diffusions(options.state)),
    );
  diffusion
    .command('withdraw <id>')
    .description('hub')
    .requiredOption('--reason <text>')
    .action(async (id: string, options: { reason: string }) =>
      context.done(await context.node().withdrawDiffusion(id, options.reason)),
    );
}

function operationCommands(program: Command, context: CommandContext): void {
  const operation = program.command('operation').description('joint operations and their alerts');
  operation
    .command('create')
    .description(
      'registers an operation at the registry for any coordinator (with --token, the registry administrator token; a coordinator creates its own at its node)',
    )
    .requiredOption('--registry <url>')
    .option('--id <id>', 'what envelopes name in meta.operationId; a UUID when absent')
    .requiredOption('--name <name>')
    .requiredOption('--coordinator <code>')
    .requiredOption('--participants <codes>', 'MR,FR,IT')
    .requiredOption('--start <iso>')
    .requiredOption('--end <iso>')
    .action(
      async (options: {
        registry: string;
        id?: string;
        name: string;
        coordinator: string;
        participants: string;
        start: string;
        end: string;
      }) => {
        const { registry, participants, ...fields } = options;
        context.done(await context.registry(registry).createOperation({ ...fields, participants: list(participants) }));
      },
    );
  operation.command('list').action(async () => context.done(await context.node().operations()));
  operation
    .command('alert <op-id>')
    .description('coordinator')
    .requiredOption('--title <text>')
    .requiredOption('--details <text>')
    .option('--priority <priority>', 'routine, urgent or immediate')
    .action(
      async (id: string, options: { title: string; details: string; priority?: 'routine' | 'urgent' | 'immediate' }) =>
        context.done(await context.node().alert(id, options)),
    );
  operation.command('alerts <op-id>').action(async (id: string) => context.done(await context.node().alerts(id)));
  operation
    .command('sent <op-id>')
    .description('alerts sent, each participant delivered / receipted / refused with the rule')
    .action(async (id: string) => context.done(await context.node().sentAlerts(id)));
  operation
    .command('reply <alert-id>')
    .requiredOption('--text <text>')
    .action(async (id: string, options: { text: string }) =>
      context.done(await context.node().replyToAlert(id, options.text)),
    );
  operation.command('replies <op-id>').action(async (id: string) => context.done(await context.node().replies(id)));
}

function deadLetterCommands(program: Command, context: CommandContext): void {
  const deadLetters = program
    .command('dead-letters')
    .description("admin: deliveries parked after failing (--node may be the gateway's URL too)");
  deadLetters
    .command('list')
    .option('--dropped', 'the dropped ones too')
    .option('--limit <n>', 'at most this many', wholeNumber)
    .action(async (options: { dropped?: boolean; limit?: number }) =>
      context.done(
        await context.node().deadLetters({ dropped: options.dropped ? 'true' : undefined, limit: options.limit }),
      ),
    );
  deadLetters
    .command('show <id>')
    .action(async (id: string) => context.done(await context.node().deadLetter(deadLetterId(id))));
  deadLetters
    .command('release <id>')
    .action(async (id: string) => context.done(await context.node().releaseDeadLetter(deadLetterId(id))));
  deadLetters
    .command('drop <id>')
    .action(async (id: string) => context.done(await context.node().dropDeadLetter(deadLetterId(id))));
}

function deadLetterId(value: string): number {
  if (!/^\d+$/.test(value)) throw new CliUsageError(`dead-letter id ${value} is not a whole number`);
  return Number(value);
}

/** Every subcommand, on the program that holds the global options. */
export function registerCommands(program: Command, context: CommandContext): void {
  noticeCommands(program, context);
  reviewCommands(program, context);
  diffusionCommands(program, context);
  operationCommands(program, context);
  registerMessageCommands(program, context);
  deadLetterCommands(program, context);
  registerBorderCheckCommands(program, context);
}
