import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { DomainError } from '@bureaunet/contracts';
import { toSignedTreeHeadJson } from '@bureaunet/ledger';
import { LedgerLogReader, SignedTreeHeadEntity } from '@bureaunet/ledger/storage';
import type { EvidenceBundleDto } from './evidence-bundle.dto';
import { LedgerQueryService } from './ledger-query.service';

export const EVIDENCE_BUNDLE_FORMAT = 'bureaunet-evidence-bundle/1';

const base64 = (hashes: readonly Buffer[]): string[] => hashes.map((hash) => hash.toString('base64'));

/**
 * One message's evidence, verifiable offline (docs/ledger.md): its entries with inclusion proofs
 * against the first signed head that covered them all, the consistency proof from that head to
 * the latest, both heads, and the gateway's signing certificate (to compare with a pinned one).
 */
@Injectable()
export class EvidenceBundleService {
  constructor(
    private readonly ledger: LedgerQueryService,
    private readonly reader: LedgerLogReader,
    private readonly dataSource: DataSource,
  ) {}

  async bundle(messageId: string, createdAt: Date): Promise<EvidenceBundleDto> {
    const trail = await this.ledger.trail(messageId);
    const latest = trail.sth;
    const last = Math.max(...trail.entries.map((entry) => entry.leaf_index));
    // Heads are never deleted and the trail's head covers every entry, so one exists.
    const first = await this.dataSource.manager.findOne(SignedTreeHeadEntity, {
      where: { treeSize: MoreThan(last) },
      order: { treeSize: 'ASC' },
    });
    if (!first || first.treeSize > latest.tree_size)
      throw new DomainError('no-tree-head', `no signed tree head covers leaf ${last}`, 'unavailable');
    const sth = toSignedTreeHeadJson(
      { treeSize: first.treeSize, timestamp: first.timestamp, rootHash: Buffer.from(first.rootHash, 'hex') },
      first.treeHeadSignature,
    );
    const proofs = await this.reader.inclusionProofs(
      trail.entries.map((entry) => entry.leaf_index),
      sth.tree_size,
    );
    return {
      format: EVIDENCE_BUNDLE_FORMAT,
      message_id: messageId,
      created_at: createdAt.toISOString(),
      gateway_key: this.ledger.signingKey(),
      sth,
      sth_key_id: first.keyId,
      entries: trail.entries.map((entry, i) => ({ ...entry, audit_path: base64(proofs[i]) })),
      latest_sth: latest,
      consistency: base64(await this.reader.consistencyProof(sth.tree_size, latest.tree_size)),
    };
  }
}
