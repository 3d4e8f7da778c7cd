import type { KeyObject } from 'node:crypto';
import {
  LedgerLogError,
  MerkleProofError,
  parseSignedTreeHeadJson,
  verifyConsistency,
  verifyTreeHeadSignature,
  type SignedTreeHeadJson,
  type TreeHead,
} from '@bureaunet/ledger';
import { GatewayUnusable, VerificationFailure } from './audit.errors';
import type { KeptTreeHead } from './audit-state';
import type { LedgerClient } from './ledger.client';

/** A signed tree head whose signature holds under the pinned key. */
export function checkSignedTreeHead(
  json: unknown,
  key: KeyObject,
  where: string,
): { head: TreeHead; sth: SignedTreeHeadJson } {
  let parsed: ReturnType<typeof parseSignedTreeHeadJson>;
  try {
    parsed = parseSignedTreeHeadJson(json);
  } catch (error) {
    throw new GatewayUnusable(`${where}: ${(error as Error).message}`);
  }
  try {
    verifyTreeHeadSignature(parsed.head, parsed.signature, key);
  } catch (error) {
    if (error instanceof LedgerLogError)
      throw new VerificationFailure(`${where}: tree head signature check failed: ${error.message}`);
    throw error;
  }
  return { head: parsed.head, sth: json as SignedTreeHeadJson };
}

/**
 * The new head extends the kept one: same size means same root, a larger size needs a
 * consistency proof that verifies, a smaller size or an earlier timestamp is a rollback.
 */
export async function checkExtendsKept(client: LedgerClient, kept: KeptTreeHead, head: TreeHead): Promise<void> {
  const old = parseSignedTreeHeadJson(kept.sth).head;
  const seen = `the tree head kept from ${kept.verifiedAt} (size ${old.treeSize}, root ${old.rootHash.toString('base64')})`;
  if (head.treeSize < old.treeSize) {
    throw new VerificationFailure(
      `the log shrank: the gateway now signs size ${head.treeSize}, smaller than ${seen}; entries were removed (rollback)`,
    );
  }
  if (head.timestamp < old.timestamp) {
    throw new VerificationFailure(
      `the tree head timestamp went backwards: ${new Date(head.timestamp).toISOString()} is before ${seen} signed at ${new Date(old.timestamp).toISOString()}`,
    );
  }
  if (head.treeSize === old.treeSize) {
    if (!head.rootHash.equals(old.rootHash)) {
      throw new VerificationFailure(
        `fork: the gateway signs size ${head.treeSize} with root ${head.rootHash.toString('base64')}, but ${seen} has another root for the same size`,
      );
    }
    return;
  }
  if (old.treeSize === 0) return;
  const proof = await client.getConsistency(old.treeSize, head.treeSize);
  try {
    verifyConsistency({
      first: old.treeSize,
      second: head.treeSize,
      firstRoot: old.rootHash,
      secondRoot: head.rootHash,
      proof,
    });
  } catch (error) {
    if (!(error instanceof MerkleProofError)) throw error;
    throw new VerificationFailure(
      `consistency check failed: the log signed at size ${head.treeSize} is not an extension of ${seen} — the log was rewritten or rolled back and re-grown (${error.code}: ${error.message})`,
    );
  }
}
