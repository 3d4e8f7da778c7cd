import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSignedTreeHeadJson, type SignedTreeHeadJson } from '@bureaunet/ledger';
import { UsageError } from './audit.errors';

/** What the auditor keeps between runs: the last tree head it verified the whole log against. */
export interface KeptTreeHead {
  gateway: string;
  sth: SignedTreeHeadJson;
  verifiedAt: string;
}

export const DEFAULT_STATE_DIR = '.bureaunet-audit';

/** `.bureaunet-audit/<host>_<port>.json` under the current directory. */
export function defaultStatePath(gateway: URL): string {
  const port = gateway.port || (gateway.protocol === 'https:' ? '443' : '80');
  return join(DEFAULT_STATE_DIR, `${gateway.hostname}_${port}.json`);
}

export function readKeptTreeHead(path: string): KeptTreeHead | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read the state file ${path}: ${(error as Error).message}`);
  }
  try {
    const kept = JSON.parse(text) as KeptTreeHead;
    parseSignedTreeHeadJson(kept.sth);
    if (typeof kept.gateway !== 'string' || typeof kept.verifiedAt !== 'string')
      throw new Error('gateway or verifiedAt missing');
    return kept;
  } catch (error) {
    throw new UsageError(
      `the state file ${path} is not a kept tree head (${(error as Error).message}); move it away to start afresh`,
    );
  }
}

/** Written whole then renamed, so an interrupted run never leaves half a file. */
export function writeKeptTreeHead(path: string, kept: KeptTreeHead): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(kept, null, 2)}\n`);
  renameSync(temporary, path);
}
