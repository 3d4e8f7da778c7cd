import { readFileSync, writeFileSync } from 'node:fs';
import { ActivityError, anchoredHeadOf, parseActivityExport, verifyActivityExport } from '@bureaunet/activity';
import { findAnchoredHead } from './activity-anchor.finder';
import { EXIT_VERIFIED, GatewayUnusable, UsageError, VerificationFailure } from './audit.errors';
import { parseAuditArgs, USAGE, type AuditCommand } from './audit-args';
import { defaultStatePath } from './audit-state';
import { entryValueText } from './entry-value.text';
import {
  checkCheckpoint,
  checkpointPolicy,
  checkCheckpointConsistent,
  checkTrailCheckpoint,
  describeCosigners,
} from './checkpoint.check';
import { checkEvidenceBundle, verdictLines } from './evidence-bundle.check';
import { LedgerClient } from './ledger.client';
import { fetchNodeEvidence } from './node-evidence.client';
import { verifyLog } from './log.verifier';
import { readPinnedKey } from './pinned-key';
import { checkTrailAgainstKept, verifyTrailBundle } from './trail.verifier';
import { replayDecisions, type ReplayOutcome } from './decision.replayer';
import { RegistryRulesSource } from './registry-rules.source';

/** `npm run audit -- <command>`: verifies the gateway's ledger without trusting the gateway. */
async function main(argv: readonly string[]): Promise<number> {
  const command = parseAuditArgs(argv);
  switch (command.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return EXIT_VERIFIED;
    case 'verify':
      return runVerify(command);
    case 'trail':
      return runTrail(command);
    case 'replay':
      return runReplay(command);
    case 'activity':
      return runActivity(command);
    case 'checkpoint':
      return runCheckpoint(command);
    case 'evidence-fetch':
      return runEvidenceFetch(command);
    case 'evidence-verify':
      return runEvidenceVerify(command);
  }
}

async function runEvidenceFetch(command: Extract<AuditCommand, { command: 'evidence-fetch' }>): Promise<number> {
  const { bytes, omitted } = await fetchNodeEvidence(command);
  try {
    writeFileSync(command.saveFile, bytes, { mode: command.plaintext ? 0o600 : 0o644 });
  } catch (error) {
    throw new UsageError(`cannot write --save ${command.saveFile}: ${(error as Error).message}`);
  }
  process.stdout.write(`evidence of ${command.messageId} saved in ${command.saveFile} (${bytes.length} bytes)\n`);
  if (omitted) process.stdout.write(`the node left out by design: ${omitted}\n`);
  process.stdout.write(
    `check it offline: npm run audit -- evidence verify ${command.saveFile} --ca … --witness … --quorum …\n`,
  );
  return EXIT_VERIFIED;
}

function runEvidenceVerify(command: Extract<AuditCommand, { command: 'evidence-verify' }>): number {
  const verdict = checkEvidenceBundle(command);
  for (const line of verdictLines(verdict)) process.stdout.write(`${line}\n`);
  const failed = verdict.checks.filter((check) => !check.ok).map((check) => check.piece);
  if (failed.length > 0) throw new VerificationFailure(`evidence does not hold: ${failed.join(', ')}`);
  process.stdout.write(`verified: every piece of ${command.bundleFile} holds (${verdict.checks.length} checks)\n`);
  return EXIT_VERIFIED;
}

async function runCheckpoint(command: Extract<AuditCommand, { command: 'checkpoint' }>): Promise<number> {
  const policy = checkpointPolicy(command.checkpoint);
  const note = await new LedgerClient(command.gateway, '').getCheckpoint();
  const verified = checkCheckpoint(note, policy);
  const { origin, treeSize, rootHash } = verified.checkpoint;
  process.stdout.write(
    `verified: checkpoint of ${origin} at size ${treeSize}, root ${rootHash.toString('base64')}, signed by the log's key\n`,
  );
  process.stdout.write(`${describeCosigners(verified)}\n`);
  return EXIT_VERIFIED;
}

async function runReplay(command: Extract<AuditCommand, { command: 'replay' }>): Promise<number> {
  const client = new LedgerClient(command.gateway, command.token);
  const trail = verifyTrailBundle(
    await client.getTrail(command.messageId),
    readPinnedKey(command.keyFile),
    command.messageId,
  );
  const rules = new RegistryRulesSource(command.registry, command.registryToken);
  const replays = await replayDecisions(
    trail.messageId,
    trail.entries.map(({ entry }) => entry),
    (version) => rules.rulesAt(version),
    command.to,
  );
  const inForce = await rules.versionInForce();
  for (const replay of replays)
    process.stdout.write(
      `${replay.same ? 'same' : 'DIFFERENT'}: ${command.messageId} to ${replay.to} at rules version ${replay.policyVersion} (policy text SHA-256 ${replay.policySha256}): recorded ${outcomeText(replay.recorded)}, replayed ${outcomeText(replay.replayed)}\n`,
    );
  if (replays.some((replay) => replay.policyVersion !== inForce))
    process.stdout.write(
      `note: the rule text is the recorded version's; declarations, operations and groups are those in force now (version ${inForce}): the registry keeps no history of them\n`,
    );
  if (replays.some((replay) => !replay.same))
    throw new VerificationFailure('a replayed decision differs from the one the gateway recorded');
  return EXIT_VERIFIED;
}

function outcomeText(outcome: ReplayOutcome): string {
  const by = outcome.policies.length > 0 ? ` by ${outcome.policies.join(', ')}` : '';
  return outcome.allowed ? `delivered${by}` : `refused (rule ${outcome.rule ?? 'none'})${by}`;
}

async function runActivity(command: Extract<AuditCommand, { command: 'activity' }>): Promise<number> {
  const lines = asUsage(() => parseActivityExport(readText(command.exportFile, '--export')));
  const { anchored, latestSize } = command.anchorEntryFile
    ? {
        anchored: asUsage(() =>
          anchoredHeadOf(JSON.parse(readText(command.anchorEntryFile!, '--anchor-entry')) as Record<string, unknown>),
        ),
        latestSize: undefined,
      }
    : await findAnchoredHead(
        new LedgerClient(command.gateway!, command.token!),
        readPinnedKey(command.keyFile!),
        command.code!,
        lines.length,
      );
  const verdict = verifyActivityExport(lines, anchored);
  const where = anchored.leafIndex === undefined ? '' : ` at ledger entry #${anchored.leafIndex}`;
  if (!verdict.intact)
    throw new VerificationFailure(
      `the activity log of ${anchored.code} does not match its head anchored${where}: ${verdict.reason}`,
    );
  process.stdout.write(
    `intact: the export's first ${verdict.treeSize} entries give the root ${verdict.rootHash.toString('base64')} of ${anchored.code}'s activity head anchored${where}` +
      `${lines.length > verdict.treeSize ? ` (${lines.length - verdict.treeSize} later entries not covered by it)` : ''}\n`,
  );
  if (latestSize !== undefined && latestSize > verdict.treeSize)
    process.stdout.write(
      `note: a head of size ${latestSize} is anchored since: export again to check the entries up to it\n`,
    );
  return EXIT_VERIFIED;
}

/** A malformed export or anchor entry is the wrong file, not evidence: a usage error naming the line. */
function asUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ActivityError || error instanceof SyntaxError) throw new UsageError(error.message);
    throw error;
  }
}

function readText(path: string, option: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${option} ${path}: ${(error as Error).message}`);
  }
}

async function runVerify(command: Extract<AuditCommand, { command: 'verify' }>): Promise<number> {
  const key = readPinnedKey(command.keyFile);
  const statePath = command.stateFile ?? defaultStatePath(command.gateway);
  const policy = command.checkpoint ? checkpointPolicy(command.checkpoint) : undefined;
  const client = new LedgerClient(command.gateway, command.token);
  const { head, kept } = await verifyLog(client, key, statePath);
  const root = head.rootHash.toString('base64');
  if (policy) {
    const verified = checkCheckpoint(await client.getCheckpoint(), policy);
    await checkCheckpointConsistent(client, verified.checkpoint, head);
    process.stdout.write(
      `the latest checkpoint (size ${verified.checkpoint.treeSize}) is consistent with this head; ${describeCosigners(verified)}\n`,
    );
  }
  process.stdout.write(
    `verified: ${head.treeSize} entries recomputed to root ${root}, tree head signed ${new Date(head.timestamp).toISOString()}\n`,
  );
  process.stdout.write(
    kept
      ? `consistent with the tree head kept from ${kept.verifiedAt} (size ${kept.sth.tree_size})\n`
      : `no tree head kept before: this one is the reference from now on\n`,
  );
  process.stdout.write(`kept in ${statePath}\n`);
  return EXIT_VERIFIED;
}

async function runTrail(command: Extract<AuditCommand, { command: 'trail' }>): Promise<number> {
  const key = readPinnedKey(command.keyFile);
  let bundle: unknown;
  let client: LedgerClient | undefined;
  if (command.bundleFile) {
    bundle = readBundle(command.bundleFile);
  } else {
    client = new LedgerClient(command.gateway!, command.token!);
    bundle = await client.getTrail(command.messageId!);
    if (command.saveFile) writeFileSync(command.saveFile, `${JSON.stringify(bundle, null, 2)}\n`);
  }
  const trail = verifyTrailBundle(bundle, key, command.messageId);
  const cosigned = command.checkpoint ? checkTrailCheckpoint(bundle, trail.head, command.checkpoint) : undefined;
  const kept = client
    ? await checkTrailAgainstKept(client, command.stateFile ?? defaultStatePath(client.gateway), trail)
    : undefined;
  process.stdout.write(
    `trail of ${trail.messageId}: ${trail.entries.length} entries, each proven in the tree of size ${trail.head.treeSize} signed ${new Date(trail.head.timestamp).toISOString()}\n`,
  );
  for (const { leafIndex, entry } of trail.entries) process.stdout.write(`  #${leafIndex}  ${describeEntry(entry)}\n`);
  if (kept)
    process.stdout.write(
      `its tree head is consistent with the one kept from ${kept.verifiedAt} (size ${kept.sth.tree_size})\n`,
    );
  if (cosigned) process.stdout.write(`its checkpoint is of that head; ${describeCosigners(cosigned)}\n`);
  if (command.saveFile) process.stdout.write(`bundle saved in ${command.saveFile}\n`);
  return EXIT_VERIFIED;
}

function describeEntry(entry: Record<string, unknown>): string {
  const { type, at, envelopeId, ...rest } = entry;
  const details = Object.entries(rest)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number' || Array.isArray(value))
    .map(([name, value]) => `${name}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join(' ');
  return `${String(at)}  ${String(type)}${envelopeId === undefined ? '' : `  ${entryValueText(envelopeId)}`}${details ? `  ${details}` : ''}`;
}

function readBundle(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`cannot read the bundle ${path}: ${(error as Error).message}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof VerificationFailure) {
      process.stderr.write(`audit FAILED: ${error.message}\n`);
      process.exit(error.exitCode);
    }
    if (error instanceof UsageError || error instanceof GatewayUnusable) {
      process.stderr.write(`audit: ${error.message}\n${error instanceof UsageError ? 'see --help\n' : ''}`);
      process.exit(error.exitCode);
    }
    process.stderr.write(
      `audit: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(4);
  },
);
