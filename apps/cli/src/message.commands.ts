import { Command, InvalidArgumentError } from 'commander';
import { CliUsageError } from './cli.errors';
import type { CommandContext } from './cli.commands';
import { inboxTable, messageText, type PlainMessageBody, type ShownMessage } from './output/message.view';

/** A message's text is sealed for each recipient; the node refuses what is too large once sealed. */
const MAX_BODY_CHARS = 100_000;
const MAX_SUBJECT_CHARS = 200;
const BUREAU = /^[A-Z]{2}$/;

function inboxLimit(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 5000)
    throw new InvalidArgumentError('a whole number from 1 to 5000.');
  return Number(value);
}

function recipients(value: string): string[] {
  const codes = value
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
  const wrong = codes.filter((code) => !BUREAU.test(code));
  if (codes.length === 0 || wrong.length > 0)
    throw new InvalidArgumentError(
      `bureau codes (two letters, comma-separated)${wrong.length ? `, not ${wrong.join(', ')}` : ''}.`,
    );
  return [...new Set(codes)];
}

interface SendOptions {
  to: string[];
  subject: string;
  body?: string;
  bodyFile?: string;
  priority?: 'routine' | 'urgent' | 'immediate';
  replyTo?: string;
  json?: boolean;
}

function plainBody(options: SendOptions, context: CommandContext): PlainMessageBody {
  if ((options.body === undefined) === (options.bodyFile === undefined))
    throw new CliUsageError('give the text with --body or --body-file (one of them)');
  const text = options.body ?? context.readFile(options.bodyFile!);
  if (text.trim() === '') throw new CliUsageError('the message text is empty');
  if (text.length > MAX_BODY_CHARS) throw new CliUsageError(`the message text is over ${MAX_BODY_CHARS} characters`);
  if (options.subject.trim() === '' || options.subject.length > MAX_SUBJECT_CHARS)
    throw new CliUsageError(`--subject must be 1 to ${MAX_SUBJECT_CHARS} characters`);
  return { subject: options.subject, text };
}

/** `inbox`, `message send`, `message show`: a table for people by default, --json for scripts. */
export function registerMessageCommands(program: Command, context: CommandContext): void {
  program
    .command('inbox')
    .description('messages received here, newest first: time, sender, kind, subject, read')
    .option('--limit <n>', 'at most this many (50 by default)', inboxLimit, 50)
    .option('--json', 'the API answer as JSON')
    .action(async (options: { limit: number; json?: boolean }) => {
      const page = await context.node().inbox(options.limit);
      context.done(page, options.json ? undefined : inboxTable(page.items));
    });

  const message = program.command('message').description('plain messages: send, show; message <id> for its state');
  message
    .command('send')
    .description('sends a plain message (subject and text) to bureaus')
    .requiredOption('--to <codes>', 'DK,SE', recipients)
    .requiredOption('--subject <text>')
    .option('--body <text>', 'the text')
    .option('--body-file <file>', 'a file holding the text (UTF-8)')
    .option('--priority <priority>', 'routine, urgent or immediate')
    .option('--reply-to <id>', 'the message this answers')
    .option('--json', 'the API answer as JSON')
    .action(async (options: SendOptions) => {
      const body = plainBody(options, context);
      const meta = {
        ...(options.priority ? { priority: options.priority } : {}),
        ...(options.replyTo ? { replyTo: options.replyTo } : {}),
      };
      const sent = await context.node().send({ kind: 'message', to: options.to, meta, body });
      context.done(sent, options.json ? undefined : `sent ${sent.id} to ${options.to.join(', ')}\n`);
    });
  message
    .command('show <id>')
    .description('one message: sender (verified) or each recipient’s state, and its content')
    .option('--json', 'the API answer as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const shown = await context.node().message<ShownMessage>(id);
      context.done(shown, options.json ? undefined : messageText(shown));
    });
  // What `message <id>` always printed (the JSON delivery and receipt state): kept for scripts.
  message
    .command('state <id>', { isDefault: true, hidden: true })
    .action(async (id: string) => context.done(await context.node().message(id)));
}
