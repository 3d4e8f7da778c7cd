import type { KeyObject } from 'node:crypto';
import {
  InMemorySubtreeHashSource,
  consistencyProof,
  encodeLedgerEntry,
  hashLeaf,
  inclusionProof,
  rootAt,
  signTreeHead,
  toSignedTreeHeadJson,
  type SignedTreeHeadJson,
} from '@bureaunet/ledger';
import { LedgerClient } from '../src/ledger.client';

/** Ledger entries for a test: {type, at, envelopeId, ...data}, canonical. */
export function entry(type: string, envelopeId: string | null, data: Record<string, unknown> = {}): Buffer {
  return encodeLedgerEntry({ type, envelopeId, at: new Date('2026-11-25T10:00:00.000Z'), data });
}

/**
 * A gateway in memory: it signs heads over `signed` (the tree it really built) but serves
 * `served` as its entries, so a test can make the two differ the way a tampered database would.
 */
export class InMemoryLedgerClient extends LedgerClient {
  served: Buffer[];
  timestamp = Date.parse('2026-11-25T10:00:00.000Z');

  constructor(
    private signed: Buffer[],
    private readonly privateKey: KeyObject,
  ) {
    super(new URL('http://gateway.test:3002'), 'token');
    this.served = [...signed];
  }

  /** Replaces the whole log, as a rollback and re-growth would. */
  rewrite(signed: Buffer[]): void {
    this.signed = signed;
    this.served = [...signed];
  }

  private get source(): InMemorySubtreeHashSource {
    return new InMemorySubtreeHashSource(this.signed.map(hashLeaf));
  }

  override async getSth(): Promise<SignedTreeHeadJson> {
    const head = {
      treeSize: this.signed.length,
      timestamp: this.timestamp,
      rootHash: await rootAt(this.source, this.signed.length),
    };
    return toSignedTreeHeadJson(head, signTreeHead(head, this.privateKey));
  }

  override getConsistency(first: number, second: number): Promise<Buffer[]> {
    return consistencyProof(this.source, first, second);
  }

  override getEntries(start: number, end: number): Promise<Buffer[]> {
    return Promise.resolve(this.served.slice(start, Math.min(end + 1, start + 1000)));
  }

  /** A trail bundle of the given leaves, proven against the current head. */
  async trailOf(messageId: string, indices: readonly number[]): Promise<unknown> {
    const source = this.source;
    return {
      message_id: messageId,
      sth: await this.getSth(),
      entries: await Promise.all(
        indices.map(async (index) => ({
          leaf_index: index,
          leaf_input: this.served[index].toString('base64'),
          leaf_hash: hashLeaf(this.served[index]).toString('base64'),
          audit_path: (await inclusionProof(source, index, this.signed.length)).map((hash) => hash.toString('base64')),
        })),
      ),
    };
  }
}
