import type { KeyObject } from 'node:crypto';
import {
  CompactRange,
  InMemorySubtreeHashSource,
  LedgerLogError,
  MerkleProofError,
  decodeLedgerEntry,
  hashLeaf,
  rootAt,
  verifyConsistency,
  type TreeHead,
} from '@bureaunet/ledger';
import { GatewayUnusable, VerificationFailure } from './audit.errors';
import { readKeptTreeHead, writeKeptTreeHead, type KeptTreeHead } from './audit-state';
import type { LedgerClient } from './ledger.client';
import { Progress } from './progress';
import { checkExtendsKept, checkSignedTreeHead } from './tree-head.check';

export interface LogVerification {
  head: TreeHead;
  kept: KeptTreeHead | undefined;
}

const PAGE = 1_000;

/**
 * `audit verify`: the signed tree head under the pinned key, its consistency with the head kept
 * last time, then every entry downloaded, checked canonical, hashed, and folded into the root the
 * head signs. Only when all of that holds is the new head kept.
 */
export async function verifyLog(client: LedgerClient, key: KeyObject, statePath: string): Promise<LogVerification> {
  const { head, sth } = checkSignedTreeHead(await client.getSth(), key, 'get-sth');
  const kept = readKeptTreeHead(statePath);
  if (kept) await checkExtendsKept(client, kept, head);
  const leafHashes = await downloadLeafHashes(client, head.treeSize);
  const range = CompactRange.fromLeafHashes(leafHashes);
  if (!range.root().equals(head.rootHash)) await locateMismatch(client, head, leafHashes);
  writeKeptTreeHead(statePath, { gateway: client.gateway.href, sth, verifiedAt: new Date().toISOString() });
  return { head, kept };
}

/** Every entry of the first treeSize, checked canonical and hashed; `onEntry` sees each decoded entry. */
export async function downloadLeafHashes(
  client: LedgerClient,
  treeSize: number,
  onEntry?: (index: number, entry: Record<string, unknown>) => void,
): Promise<Buffer[]> {
  const hashes: Buffer[] = [];
  const progress = new Progress('downloading entries', treeSize);
  while (hashes.length < treeSize) {
    const start = hashes.length;
    const page = await client.getEntries(start, Math.min(start + PAGE, treeSize) - 1);
    if (page.length === 0)
      throw new GatewayUnusable(
        `get-entries returned nothing from entry ${start} although the signed tree has ${treeSize}`,
      );
    if (start + page.length > treeSize)
      throw new GatewayUnusable(`get-entries returned more entries than the ${treeSize} asked for`);
    page.forEach((leafInput, offset) => {
      describe(start + offset, leafInput); // refuses an entry that is not canonical
      onEntry?.(start + offset, decodeLedgerEntry(leafInput));
      hashes.push(hashLeaf(leafInput));
    });
    progress.update(hashes.length);
  }
  return hashes;
}

/** "entry 17 (delivery at 2026-…, envelope …)"; throws for bytes that are not a canonical entry. */
function describe(index: number, leafInput: Buffer): string {
  try {
    const entry = decodeLedgerEntry(leafInput);
    const about =
      typeof entry.envelopeId === 'string'
        ? `, envelope ${entry.envelopeId}`
        : typeof entry.code === 'string'
          ? `, bureau ${entry.code}`
          : '';
    return `entry ${index} (${String(entry.type)} at ${String(entry.at)}${about})`;
  } catch (error) {
    if (!(error instanceof LedgerLogError)) throw error;
    throw new VerificationFailure(`entry ${index} is not a canonical ledger entry: ${error.message}`);
  }
}

/**
 * The recomputed root differs from the signed one. Find the first entry that breaks it: the first
 * m whose recomputed MTH(D[0:m]) the gateway cannot prove consistent with the signed head, by
 * bisection (O(log n) proofs). A proof that verifies cannot be forged, so the entries before the one
 * named are proven to match; a gateway withholding proofs could only make the search stop earlier.
 */
async function locateMismatch(client: LedgerClient, head: TreeHead, leafHashes: readonly Buffer[]): Promise<never> {
  const source = new InMemorySubtreeHashSource(leafHashes);
  const provable = async (size: number): Promise<boolean> => {
    const proof = await client.getConsistency(size, head.treeSize);
    try {
      verifyConsistency({
        first: size,
        second: head.treeSize,
        firstRoot: await rootAt(source, size),
        secondRoot: head.rootHash,
        proof,
      });
      return true;
    } catch (error) {
      if (error instanceof MerkleProofError) return false;
      throw error;
    }
  };
  let [good, bad] = [0, head.treeSize];
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (await provable(middle)) good = middle;
    else bad = middle;
  }
  const index = bad - 1;
  const [leafInput] = await client.getEntries(index, index);
  throw new VerificationFailure(
    `${leafInput ? describe(index, leafInput) : `entry ${index}`} does not match the signed tree head (size ${head.treeSize}, root ${head.rootHash.toString('base64')}): ` +
      `its leaf_input hashes to ${leafHashes[index].toString('base64')}, which the gateway cannot prove is the leaf it signed at index ${index}` +
      (index > 0 ? `; entries 0..${index - 1} are proven to match` : ''),
  );
}
