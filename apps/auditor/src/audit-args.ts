import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from './audit.errors';
import type { CheckpointRequirement } from './checkpoint.check';

export const USAGE = `bureaunet ledger auditor

  npm run audit -- verify --gateway URL --key FILE (--token TOKEN | --token-file FILE) [--state FILE]
      Downloads every entry, recomputes each leaf hash and the root, checks the signed tree head
      with the pinned key and its consistency with the head kept from the last run, then keeps
      the new head (default state file: .bureaunet-audit/<host>_<port>.json).

  npm run audit -- trail MESSAGE_ID --gateway URL --key FILE (--token … | --token-file …) [--save FILE] [--state FILE]
      Fetches the evidence bundle of one message and verifies every inclusion proof and the tree
      head signature; --save writes the bundle for later (offline) checks.

  npm run audit -- trail --bundle FILE --key FILE
      Verifies a saved bundle offline.

  npm run audit -- checkpoint --gateway URL --log-key VKEY [--witness VKEY]… [--quorum N]
      Fetches the latest checkpoint (GET /api/ledger/checkpoint, no token) and checks it is signed
      by the ledger's key and cosigned by at least N of the witnesses (default: all of them),
      naming those missing.

  npm run audit -- replay MESSAGE_ID --gateway URL --key FILE (--token … | --token-file …)
                  --registry URL (--registry-token TOKEN | --registry-token-file FILE) [--to CODE]
      Verifies the message's trail, then asks the rules again for each recipient they decided, with
      the inputs the gateway recorded and the rule text of the recorded version (its SHA-256 must be
      the recorded policySha256); says whether each replayed outcome equals the recorded one.
      The registry token: auditor or admin (or BUREAUNET_REGISTRY_TOKEN).

  npm run audit -- activity --export FILE --code CODE --gateway URL --key FILE (--token … | --token-file …)
  npm run audit -- activity --export FILE --anchor-entry FILE
      Says whether a bureau's attributed activity log was rewritten: the export (GET /api/activity/export,
      whole and unfiltered, JSON Lines) must give the head last anchored in the gateway's verified
      ledger (CODE: the node's bureau code, or "registry"); or the head in a saved ledger entry (JSON).

  npm run audit -- evidence MESSAGE_ID --save FILE --node URL (--token … | --token-file …) [--purpose TEXT] [--plaintext]
      Fetches the evidence bundle of one message from a bureau's node (GET /api/messages/:id/evidence,
      with an officer, admin or auditor token of that node: --token, --token-file, BUREAUNET_TOKEN) and
      saves it. --plaintext asks for the content and its key (a recipient's node only).

  npm run audit -- evidence verify BUNDLE --ca FILE --witness VKEY [--witness VKEY …] --quorum N [--at ISO]
      Checks a saved bundle offline (docs/evidence.md): prints every piece's check, fails naming the
      pieces that do not hold. --ca: the bureaunet CA certificate (PEM) obtained out of band; --witness:
      a witness's verifier key (name+id+key, or a file holding one); --quorum: how many must have
      cosigned; --at: the time the checks are made at (default now).

  --key    the gateway's signing certificate (or SPKI public key), PEM, obtained out of band —
           e.g. signingCertificate of XG in the registry's directory. Never the one the gateway serves.
  --log-key, --witness, --quorum   also on verify and trail: the head checked must come with a
           checkpoint that meets them (trail: the bundle's; verify: the latest, consistent with the head).
           VKEYs are C2SP note verifier keys (npm start prints them); --witness is repeatable.
  --token  an auditor or admin token of the gateway; or --token-file, or BUREAUNET_AUDIT_TOKEN.
           A value that starts with '-' must be written --token=VALUE.

Exit status: 0 verified, 1 verification failed, 2 usage error, 3 gateway or node unreachable or refusing.`;

export type AuditCommand =
  | {
      command: 'verify';
      gateway: URL;
      keyFile: string;
      token: string;
      stateFile?: string;
      checkpoint?: CheckpointRequirement;
    }
  | { command: 'checkpoint'; gateway: URL; checkpoint: CheckpointRequirement }
  | {
      command: 'trail';
      messageId?: string;
      gateway?: URL;
      keyFile: string;
      token?: string;
      stateFile?: string;
      bundleFile?: string;
      saveFile?: string;
      checkpoint?: CheckpointRequirement;
    }
  | {
      command: 'replay';
      messageId: string;
      gateway: URL;
      keyFile: string;
      token: string;
      registry: URL;
      registryToken: string;
      to?: string;
    }
  | {
      command: 'activity';
      exportFile: string;
      code?: string;
      gateway?: URL;
      keyFile?: string;
      token?: string;
      anchorEntryFile?: string;
    }
  | {
      command: 'evidence-fetch';
      messageId: string;
      node: URL;
      token: string;
      saveFile: string;
      purpose?: string;
      plaintext: boolean;
    }
  | { command: 'evidence-verify'; bundleFile: string; caFile: string; witnesses: string[]; quorum: number; at?: Date }
  | { command: 'help' };

export function parseAuditArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): AuditCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  if (command === 'activity') return activityCommand(values, rest, env);
  if (command === 'replay') return replayCommand(values, rest, env);
  if (command === 'evidence') return evidenceCommand(values, rest, env);
  const checkpoint = checkpointRequirement(values);
  if (command === 'checkpoint') {
    if (rest.length > 0) throw new UsageError(`checkpoint takes no arguments, got ${rest.join(' ')}`);
    if (!checkpoint) throw new UsageError('--log-key is required');
    return { command, gateway: gatewayUrl(required(values.gateway, '--gateway')), checkpoint };
  }
  const keyFile = required(values.key, '--key');
  if (command === 'verify') {
    if (rest.length > 0) throw new UsageError(`verify takes no arguments, got ${rest.join(' ')}`);
    return {
      command,
      gateway: gatewayUrl(required(values.gateway, '--gateway')),
      keyFile,
      token: token(values, env, true)!,
      stateFile: values.state,
      checkpoint,
    };
  }
  if (command === 'trail') {
    if (values.bundle !== undefined)
      return { command, keyFile, bundleFile: values.bundle, messageId: rest[0], checkpoint };
    if (rest.length !== 1) throw new UsageError('trail takes one MESSAGE_ID (or --bundle FILE)');
    return {
      command,
      messageId: rest[0],
      gateway: gatewayUrl(required(values.gateway, '--gateway')),
      keyFile,
      token: token(values, env, true),
      stateFile: values.state,
      saveFile: values.save,
      checkpoint,
    };
  }
  throw new UsageError(`unknown command "${command}": verify, trail, replay, checkpoint, activity or evidence`);
}

function checkpointRequirement(values: ReturnType<typeof parse>['values']): CheckpointRequirement | undefined {
  const witnesses = values.witness ?? [];
  if (values['log-key'] === undefined) {
    if (witnesses.length > 0 || values.quorum !== undefined)
      throw new UsageError('--witness and --quorum need --log-key');
    return undefined;
  }
  let quorum: number | undefined;
  if (values.quorum !== undefined) {
    quorum = Number(values.quorum);
    if (!Number.isSafeInteger(quorum)) throw new UsageError(`--quorum ${values.quorum} is not a whole number`);
  }
  return { logKey: values['log-key'], witnesses, quorum };
}

function replayCommand(
  values: ReturnType<typeof parse>['values'],
  rest: readonly string[],
  env: NodeJS.ProcessEnv,
): AuditCommand {
  if (rest.length !== 1) throw new UsageError('replay takes one MESSAGE_ID');
  const registryToken =
    values['registry-token'] ??
    (values['registry-token-file'] === undefined
      ? env.BUREAUNET_REGISTRY_TOKEN
      : readToken(values['registry-token-file'], '--registry-token-file'));
  if (!registryToken)
    throw new UsageError(
      'a registry token is required: --registry-token, --registry-token-file or BUREAUNET_REGISTRY_TOKEN',
    );
  return {
    command: 'replay',
    messageId: rest[0],
    gateway: gatewayUrl(required(values.gateway, '--gateway')),
    keyFile: required(values.key, '--key'),
    token: token(values, env, true)!,
    registry: httpUrl(required(values.registry, '--registry'), '--registry'),
    registryToken,
    ...(values.to === undefined ? {} : { to: values.to }),
  };
}

function activityCommand(
  values: ReturnType<typeof parse>['values'],
  rest: readonly string[],
  env: NodeJS.ProcessEnv,
): AuditCommand {
  if (rest.length > 0) throw new UsageError(`activity takes no arguments, got ${rest.join(' ')}`);
  const exportFile = required(values.export, '--export');
  if (values['anchor-entry'] !== undefined)
    return { command: 'activity', exportFile, anchorEntryFile: values['anchor-entry'] };
  return {
    command: 'activity',
    exportFile,
    code: required(values.code, '--code'),
    gateway: gatewayUrl(required(values.gateway, '--gateway')),
    keyFile: required(values.key, '--key'),
    token: token(values, env, true),
  };
}

function evidenceCommand(
  values: ReturnType<typeof parse>['values'],
  rest: readonly string[],
  env: NodeJS.ProcessEnv,
): AuditCommand {
  if (rest[0] === 'verify') {
    if (rest.length !== 2) throw new UsageError('evidence verify takes one BUNDLE file');
    const quorum = Number(required(values.quorum, '--quorum'));
    if (!Number.isInteger(quorum) || quorum < 1)
      throw new UsageError(`--quorum ${values.quorum} is not a whole number ≥ 1`);
    const at = values.at === undefined ? undefined : new Date(values.at);
    if (at && (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(values.at ?? '')))
      throw new UsageError(`--at ${values.at} is not an ISO 8601 instant`);
    const witnesses = values.witness ?? [];
    if (witnesses.length === 0) throw new UsageError('--witness is required (once per trusted witness)');
    return {
      command: 'evidence-verify',
      bundleFile: rest[1],
      caFile: required(values.ca, '--ca'),
      witnesses,
      quorum,
      at,
    };
  }
  if (rest.length !== 1) throw new UsageError('evidence takes one MESSAGE_ID (or: evidence verify BUNDLE)');
  return {
    command: 'evidence-fetch',
    messageId: rest[0],
    node: httpUrl(required(values.node ?? (env.BUREAUNET_NODE || undefined), '--node'), '--node'),
    token: token(values, env, true, 'BUREAUNET_TOKEN')!,
    saveFile: required(values.save, '--save'),
    purpose: values.purpose ?? (env.BUREAUNET_PURPOSE || undefined),
    plaintext: values.plaintext ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      gateway: { type: 'string' },
      key: { type: 'string' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      state: { type: 'string' },
      bundle: { type: 'string' },
      save: { type: 'string' },
      export: { type: 'string' },
      code: { type: 'string' },
      'anchor-entry': { type: 'string' },
      'log-key': { type: 'string' },
      witness: { type: 'string', multiple: true },
      quorum: { type: 'string' },
      node: { type: 'string' },
      purpose: { type: 'string' },
      plaintext: { type: 'boolean' },
      ca: { type: 'string' },
      at: { type: 'string' },
      registry: { type: 'string' },
      'registry-token': { type: 'string' },
      'registry-token-file': { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new UsageError(`${option} is required`);
  return value;
}

function gatewayUrl(value: string): URL {
  return httpUrl(value, '--gateway');
}

function httpUrl(value: string, option: string): URL {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url;
  } catch {
    throw new UsageError(`${option} ${value} is not an http(s) URL`);
  }
}

function token(
  values: { token?: string; 'token-file'?: string },
  env: NodeJS.ProcessEnv,
  needed: boolean,
  variable: 'BUREAUNET_AUDIT_TOKEN' | 'BUREAUNET_TOKEN' = 'BUREAUNET_AUDIT_TOKEN',
): string | undefined {
  if (values.token) return values.token;
  const file = values['token-file'];
  if (file) return readToken(file, '--token-file');
  if (env[variable]) return env[variable];
  if (needed) throw new UsageError(`a token is required: --token, --token-file or ${variable}`);
  return undefined;
}

function readToken(file: string, option: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new UsageError(`cannot read ${option} ${file}: ${(error as Error).message}`);
  }
}
