import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, BureauIdentity } from '@bureaunet/identity';
import { HASH_SIZE, decodeLedgerEntry, type SignedTreeHeadJson } from '@bureaunet/ledger';
import { LedgerLogReader, type LogLeafEntity } from '@bureaunet/ledger/storage';
import { CheckpointCosigner } from '../ledger/checkpoint/checkpoint-cosigner.service';
import { TreeHeadService } from '../ledger/tree-head.service';
import {
  MAX_ENTRIES_PER_PAGE,
  type ConsistencyDto,
  type EntriesDto,
  type GatewayKeyDto,
  type ProofByHashDto,
  type TrailDto,
} from './ledger-api.dto';

const base64 = (hashes: readonly Buffer[]): string[] => hashes.map((hash) => hash.toString('base64'));

/**
 * RFC 6962 section 4 over the gateway's log. Everything served lies within the latest signed tree
 * head: committed, and provable against a signature the auditor checks.
 */
@Injectable()
export class LedgerQueryService {
  constructor(
    private readonly reader: LedgerLogReader,
    private readonly treeHeads: TreeHeadService,
    private readonly cosigner: CheckpointCosigner,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
  ) {}

  signedTreeHead(): SignedTreeHeadJson {
    return this.treeHeads.latest();
  }

  async consistency(first: number, second: number): Promise<ConsistencyDto> {
    if (first > second) throw badRange(`first (${first}) is larger than second (${second})`);
    this.assertSigned('second', second);
    return { consistency: base64(await this.reader.consistencyProof(first, second)) };
  }

  async proofByHash(hash: string, treeSize: number): Promise<ProofByHashDto> {
    const leafHash = Buffer.from(hash, 'base64');
    if (leafHash.length !== HASH_SIZE)
      throw new DomainError('bad-hash', `hash must be ${HASH_SIZE} bytes, got ${leafHash.length}`);
    this.assertSigned('tree_size', treeSize);
    const leafIndex = await this.reader.leafIndexByHash(leafHash, treeSize);
    if (leafIndex === undefined)
      throw new DomainError(
        'leaf-not-found',
        `no leaf with hash ${hash} in the first ${treeSize} entries`,
        'not-found',
      );
    const [auditPath] = await this.reader.inclusionProofs([leafIndex], treeSize);
    return { leaf_index: leafIndex, audit_path: base64(auditPath) };
  }

  async entries(start: number, end: number): Promise<EntriesDto> {
    if (start > end) throw badRange(`start (${start}) is larger than end (${end})`);
    const treeSize = this.treeHeads.latest().tree_size;
    if (start >= treeSize) throw badRange(`start (${start}) is beyond the latest signed tree head (size ${treeSize})`);
    const last = Math.min(end, treeSize - 1, start + MAX_ENTRIES_PER_PAGE - 1);
    const leaves = await this.reader.leaves(start, last + 1);
    return { entries: leaves.map((leaf) => ({ leaf_input: leafInputBase64(leaf), extra_data: '' })) };
  }

  /**
   * Every entry about one message — its own, and those of the receipts that name it — with an
   * inclusion proof each, against a head signed after every entry committed before the request,
   * and that head's checkpoint with the cosignatures the witnesses gave.
   */
  async trail(messageId: string): Promise<TrailDto> {
    const sth = await this.treeHeads.signIfGrown();
    const own = await this.reader.leavesAbout([messageId], sth.tree_size);
    const receiptIds = own
      .filter((leaf) => leaf.type === 'receipt')
      .map((leaf) => decodeLedgerEntry(Buffer.from(leaf.leafInput, 'utf8')).receiptId);
    const receipts = await this.reader.leavesAbout(
      receiptIds.filter((id): id is string => typeof id === 'string'),
      sth.tree_size,
    );
    const leaves = [...own, ...receipts].sort((a, b) => a.leafIndex - b.leafIndex);
    if (leaves.length === 0)
      throw new DomainError(
        'trail-not-found',
        `no ledger entry names message ${messageId} (up to tree size ${sth.tree_size})`,
        'not-found',
      );
    const proofs = await this.reader.inclusionProofs(
      leaves.map((leaf) => leaf.leafIndex),
      sth.tree_size,
    );
    const checkpoint = await this.cosigner.checkpointFor({
      treeSize: sth.tree_size,
      rootHash: Buffer.from(sth.sha256_root_hash, 'base64'),
    });
    return {
      message_id: messageId,
      sth,
      checkpoint,
      entries: leaves.map((leaf, i) => ({
        leaf_index: leaf.leafIndex,
        leaf_input: leafInputBase64(leaf),
        leaf_hash: Buffer.from(leaf.leafHash, 'hex').toString('base64'),
        entry: decodeLedgerEntry(Buffer.from(leaf.leafInput, 'utf8')),
        audit_path: base64(proofs[i]),
      })),
    };
  }

  signingKey(): GatewayKeyDto {
    const { kid, certificate, publicKey } = this.identity.signing;
    return {
      key_id: kid,
      certificate: certificate.toString(),
      public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }

  private assertSigned(name: string, treeSize: number): void {
    const signed = this.treeHeads.latest().tree_size;
    if (treeSize > signed)
      throw badRange(`${name} (${treeSize}) is beyond the latest signed tree head (size ${signed})`);
  }
}

function leafInputBase64(leaf: LogLeafEntity): string {
  return Buffer.from(leaf.leafInput, 'utf8').toString('base64');
}

function badRange(reason: string): DomainError {
  return new DomainError('bad-range', reason);
}
