import { Injectable } from '@nestjs/common';
import { LessThan, LessThanOrEqual } from 'typeorm';
import { SignedTreeHeadEntity } from '@bureaunet/ledger/storage';
import { SnapshotReader } from '@bureaunet/persistence';
import { TreeHeadService } from '../ledger/tree-head.service';
import { LedgerSearchEntryEntity } from './ledger-search-entry.entity';
import type { LedgerSearchDto, LedgerSearchQueryDto, TreeHeadsDto, TreeHeadsQueryDto } from './ledger-search.dto';
import { LedgerSearchIndexer } from './ledger-search.indexer';

/** The auditor's search over the ledger's entries and its signed heads, newest first, in bounded pages. */
@Injectable()
export class LedgerSearchService {
  constructor(
    private readonly snapshot: SnapshotReader,
    private readonly indexer: LedgerSearchIndexer,
    private readonly treeHeads: TreeHeadService,
  ) {}

  async search(query: LedgerSearchQueryDto): Promise<LedgerSearchDto> {
    const signedSize = this.treeHeads.latest().tree_size;
    const indexedSize = await this.indexer.catchUp(signedSize);
    const below = Math.min(query.cursor ?? indexedSize, indexedSize);
    const rows = await this.snapshot.read((manager) => {
      const select = manager
        .createQueryBuilder(LedgerSearchEntryEntity, 'entry')
        .where('entry.leafIndex < :below', { below });
      if (query.from) select.andWhere('entry.at >= :from', { from: new Date(query.from).toISOString() });
      if (query.to) select.andWhere('entry.at < :to', { to: new Date(query.to).toISOString() });
      if (query.party) select.andWhere('(entry.sender = :party OR entry.recipient = :party)', { party: query.party });
      if (query.kind) select.andWhere('entry.kind = :kind', { kind: query.kind });
      if (query.status) select.andWhere('entry.status = :status', { status: query.status });
      return select
        .orderBy('entry.leafIndex', 'DESC')
        .limit(query.limit + 1)
        .getMany();
    });
    const page = rows.slice(0, query.limit);
    return {
      entries: page.map((row) => ({
        leaf_index: row.leafIndex,
        at: row.at,
        type: row.type,
        status: row.status,
        kind: row.kind,
        envelope_id: row.envelopeId,
        sender: row.sender,
        recipient: row.recipient,
      })),
      ...(rows.length > query.limit ? { next_cursor: page[page.length - 1].leafIndex } : {}),
      indexed_size: indexedSize,
      signed_size: signedSize,
    };
  }

  /** Heads the gateway signed and served (up to the latest), newest first. */
  async heads(query: TreeHeadsQueryDto): Promise<TreeHeadsDto> {
    const latest = this.treeHeads.latest().tree_size;
    const where =
      query.before === undefined
        ? { treeSize: LessThanOrEqual(latest) }
        : { treeSize: LessThan(Math.min(query.before, latest + 1)) };
    const rows = await this.snapshot.read((manager) =>
      manager.find(SignedTreeHeadEntity, { where, order: { treeSize: 'DESC' }, take: query.limit + 1 }),
    );
    const page = rows.slice(0, query.limit);
    return {
      heads: page.map((row) => ({
        tree_size: row.treeSize,
        timestamp: row.timestamp,
        sha256_root_hash: Buffer.from(row.rootHash, 'hex').toString('base64'),
        tree_head_signature: row.treeHeadSignature,
        key_id: row.keyId,
      })),
      ...(rows.length > query.limit ? { next_before: page[page.length - 1].treeSize } : {}),
    };
  }
}
