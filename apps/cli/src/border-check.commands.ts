import { Command, InvalidArgumentError, Option } from 'commander';
import { HIT_ANSWERS, TRAVEL_DOCUMENT_STATUSES } from '@bureaunet/contracts';
import { CliUsageError } from './cli.errors';
import type { CommandContext } from './cli.commands';
import { readTravelDocumentFile } from './travel-document.file';

/** What `sltd import` sends per request: the node's own bound on one call. */
export const IMPORT_BATCH = 1000;

function positive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('not a positive whole number.');
  return Number(value);
}
const repeat = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

interface DocumentCheckOptions {
  mrz?: string[];
  number?: string;
  country?: string;
  place?: string;
}

interface PersonCheckOptions {
  familyName: string;
  givenNames?: string;
  dob?: string;
  nationality?: string;
  document?: string;
  place?: string;
}

function checkCommands(program: Command, context: CommandContext): void {
  const check = program
    .command('check')
    .description('border checks: a travel document or a person (border-officer or officer token)');
  check
    .command('document')
    .description('checks a travel document by its MRZ (one --mrz per line) or by --number and --country')
    .option('--mrz <line>', 'one line of the machine-readable zone (repeat: two or three lines)', repeat)
    .option('--number <number>', 'the document number as printed')
    .option('--country <code>', "the issuing bureau's code (ISO 3166 alpha-2)")
    .option('--place <place>', 'the border post or unit where the check is made')
    .action(async (options: DocumentCheckOptions) => {
      if (options.mrz && (options.number || options.country))
        throw new CliUsageError('give either --mrz lines or --number with --country, not both');
      if (!options.mrz && !(options.number && options.country))
        throw new CliUsageError('give --mrz (each line) or both --number and --country');
      const place = options.place === undefined ? {} : { place: options.place };
      context.done(
        await context
          .node()
          .checkDocument(
            options.mrz
              ? { mrz: options.mrz, ...place }
              : { documentNumber: options.number, issuingCountry: options.country, ...place },
          ),
      );
    });
  check
    .command('person')
    .description('checks a person against the wanted and missing persons this node holds')
    .requiredOption('--family-name <name>')
    .option('--given-names <names>')
    .option('--dob <date>', 'date of birth, YYYY-MM-DD')
    .option('--nationality <code>')
    .option('--document <number>', 'a document number the person holds')
    .option('--place <place>', 'the border post or unit where the check is made')
    .action(async (options: PersonCheckOptions) =>
      context.done(
        await context.node().checkPerson({
          familyName: options.familyName,
          givenNames: options.givenNames,
          dateOfBirth: options.dob,
          nationality: options.nationality,
          documentNumber: options.document,
          place: options.place,
        }),
      ),
    );
  check
    .command('list')
    .description('the checks made here, newest first (never the checked numbers or names)')
    .option('--limit <n>', 'at most this many', positive)
    .option('--before <id>', 'older than this check')
    .action(async (options: { limit?: number; before?: string }) => context.done(await context.node().checks(options)));
  check
    .command('show <id>')
    .description("one check, with each hit's countdown or the owner's answer")
    .action(async (id: string) => context.done(await context.node().check(id)));
  check
    .command('replica')
    .description("this node's replica of the travel-document index: entries, lag, age")
    .action(async () => context.done(await context.node().replicaStatus()));
}

interface ImportOptions {
  country?: string;
  fromLine?: number;
  batch: number;
}

function sltdCommands(program: Command, context: CommandContext): void {
  const sltd = program
    .command('sltd')
    .description("this bureau's stolen and lost travel documents: import, list, show, withdraw");
  sltd
    .command('import <file>')
    .description(
      'reports a list of documents (CSV with a header row, or JSON lines .jsonl): every line is checked first, then sent in batches, with progress',
    )
    .option('--country <code>', 'the issuing country of lines that do not name one (your bureau)')
    .option('--from-line <n>', 'start at this line of the file (to resume an interrupted import)', positive)
    .addOption(new Option('--batch <n>', 'records per request').argParser(positive).default(IMPORT_BATCH))
    .action(async (file: string, options: ImportOptions) => {
      if (options.batch > IMPORT_BATCH) throw new CliUsageError(`--batch is at most ${IMPORT_BATCH}`);
      const lines = readTravelDocumentFile(file, context.readFile(file), options.country).filter(
        (line) => line.line >= (options.fromLine ?? 0),
      );
      const node = context.node();
      const envelopes: string[] = [];
      for (let done = 0; done < lines.length; done += options.batch) {
        const batch = lines.slice(done, done + options.batch);
        try {
          envelopes.push(...(await node.reportTravelDocuments(batch.map((line) => line.record))).envelopes);
        } catch (error) {
          context.progress(
            `stopped at line ${batch[0].line}: ${done} of ${lines.length} records reported; resume with --from-line ${batch[0].line}`,
          );
          throw error;
        }
        const sent = Math.min(done + options.batch, lines.length);
        context.progress(`reported ${sent} of ${lines.length} (${Math.floor((sent / lines.length) * 100)}%)`);
      }
      context.done({ records: lines.length, envelopes });
    });
  sltd
    .command('list')
    .option('--limit <n>', 'at most this many', positive)
    .option('--after <number>', 'after this document number')
    .action(async (options: { limit?: number; after?: string }) =>
      context.done(await context.node().travelDocuments(options)),
    );
  sltd
    .command('show <number>')
    .action(async (number: string) => context.done(await context.node().travelDocument(number)));
  sltd
    .command('withdraw <number>')
    .description('takes a record back (entered by mistake); a found document is reported with --status recovered')
    .action(async (number: string) => context.done(await context.node().withdrawTravelDocument(number)));
}

interface AnswerOptions {
  answer: (typeof HIT_ANSWERS)[number];
  status?: (typeof TRAVEL_DOCUMENT_STATUSES)[number];
  note?: string;
}

function hitCommands(program: Command, context: CommandContext): void {
  const hits = program.command('hits').description('hits on this bureau’s records (to answer) and from its checks');
  hits
    .command('list')
    .addOption(new Option('--direction <direction>').choices(['received', 'sent']).default('received'))
    .addOption(new Option('--state <state>').choices(['awaiting', 'answered', 'overdue']))
    .option('--limit <n>', 'at most this many', positive)
    .action(
      async (options: {
        direction: 'received' | 'sent';
        state?: 'awaiting' | 'answered' | 'overdue';
        limit?: number;
      }) => context.done(await context.node().hits(options)),
    );
  hits.command('show <id>').action(async (id: string) => context.done(await context.node().hit(id)));
  hits
    .command('answer <id>')
    .description("the owner's answer to a hit on one of its records, sent to the checking bureau")
    .addOption(new Option('--answer <answer>').choices([...HIT_ANSWERS]).makeOptionMandatory())
    .addOption(
      new Option('--status <status>', 'the record’s status now (a correction names it)').choices([
        ...TRAVEL_DOCUMENT_STATUSES,
      ]),
    )
    .option('--note <text>')
    .action(async (id: string, options: AnswerOptions) =>
      context.done(
        await context.node().answerHit(id, { answer: options.answer, status: options.status, note: options.note }),
      ),
    );
}

/** The border-check subcommands: check, sltd, hits. */
export function registerBorderCheckCommands(program: Command, context: CommandContext): void {
  checkCommands(program, context);
  sltdCommands(program, context);
  hitCommands(program, context);
}
