import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { consistencyProof, consistencyProofRanges, inclusionProof, inclusionProofRanges } from '@bureaunet/ledger';
import { StoredSubtreeSource, type SubtreeTables } from '@bureaunet/ledger/storage';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { ActivityError } from '../activity.errors';
import type { ActivityEntry } from '../activity-entry';
import type { ActivityExportLine } from '../activity-export.line';
import { ActivityAnchorEntity } from './activity-anchor.entity';
import { appendActivity, readActivityHead, type ActivityHead } from './activity-log.appender';
import { ActivityNodeEntity } from './activity-node.entity';
import { ActivityRowEntity } from './activity-row.entity';

const TABLES: SubtreeTables = { leaf: ActivityRowEntity, node: ActivityNodeEntity };

async function appendCollected(manager: EntityManager, entries: ActivityEntry[]): Promise<void> {
  await appendActivity(manager, entries);
}

export interface ActivityFilter {
  /** A username (person:<it>) or a whole actor ("role:officer"). */
  person?: string;
  action?: string;
  /** ISO times, inclusive from, exclusive to. */
  from?: string;
  to?: string;
}

export interface ActivityPage {
  items: ActivityExportLine[];
  /** Cursor of the next page; null on the last. */
  next: number | null;
}

export interface InclusionView {
  seq: number;
  entry: ActivityEntry;
  leafHash: Buffer;
  treeSize: number;
  rootHash: Buffer;
  proof: Buffer[];
}

/**
 * The service's attributed, tamper-evident log of actions and consultations: appended through
 * SerialWriter (durable when `record` resolves), read on the committed-only reader connection.
 */
@Injectable()
export class ActivityLog {
  constructor(
    private readonly writer: SerialWriter,
    private readonly reader: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Resolves after COMMIT: only then may the response that reports the action go out. Entries of
   * every request that shares a group commit are appended together just before it (one read of the
   * log's state and one write of it per commit, not per request).
   */
  async record(entry: ActivityEntry): Promise<void> {
    await this.writer.collectAlone(this, [entry], appendCollected);
  }

  head(): Promise<ActivityHead> {
    return readActivityHead(this.reader.manager);
  }

  /** Newest first; `cursor` is the seq the previous page stopped before. */
  async search(filter: ActivityFilter, limit: number, cursor?: number): Promise<ActivityPage> {
    const query = this.filtered(filter)
      .orderBy('row.leafIndex', 'DESC')
      .take(limit + 1);
    if (cursor !== undefined) query.andWhere('row.leafIndex < :cursor', { cursor });
    const rows = await query.getMany();
    const page = rows.slice(0, limit);
    return { items: page.map(lineOf), next: rows.length > limit ? page[page.length - 1].leafIndex : null };
  }

  /** Oldest first, from seq `cursor`: what an export holds and the verifier replays. */
  async exportPage(filter: ActivityFilter, limit: number, cursor = 0): Promise<ActivityPage> {
    const rows = await this.filtered(filter)
      .andWhere('row.leafIndex >= :cursor', { cursor })
      .orderBy('row.leafIndex', 'ASC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    return { items: page.map(lineOf), next: rows.length > limit ? rows[limit].leafIndex : null };
  }

  /** PATH(seq, D[head]) to the current head. */
  async inclusion(seq: number): Promise<InclusionView> {
    const head = await this.head();
    const row = seq < head.treeSize ? await this.reader.manager.findOneBy(ActivityRowEntity, { leafIndex: seq }) : null;
    if (!row) throw new ActivityError('activity-not-found', `the activity log holds no entry ${seq}`, 'not-found');
    const source = await StoredSubtreeSource.load(
      this.reader.manager,
      head.treeSize,
      inclusionProofRanges(seq, head.treeSize),
      TABLES,
    );
    return {
      ...lineOf(row),
      leafHash: Buffer.from(row.leafHash, 'hex'),
      treeSize: head.treeSize,
      rootHash: head.rootHash,
      proof: await inclusionProof(source, seq, head.treeSize),
    };
  }

  /** PROOF(first, D[second]): that the head of size `second` extends the one of size `first`. */
  async consistency(first: number, second: number): Promise<Buffer[]> {
    const source = await StoredSubtreeSource.load(
      this.reader.manager,
      second,
      consistencyProofRanges(first, second),
      TABLES,
    );
    return consistencyProof(source, first, second);
  }

  latestAnchor(): Promise<ActivityAnchorEntity | null> {
    return this.reader.manager.findOne(ActivityAnchorEntity, { where: {}, order: { treeSize: 'DESC' } });
  }

  async recordAnchor(head: ActivityHead, ledgerIndex: number | null): Promise<void> {
    await this.writer.transaction((manager) =>
      manager.upsert(
        ActivityAnchorEntity,
        {
          treeSize: head.treeSize,
          rootHash: head.rootHash.toString('hex'),
          ledgerIndex,
          anchoredAt: this.clock.now().toISOString(),
        },
        ['treeSize'],
      ),
    );
  }

  private filtered(filter: ActivityFilter): SelectQueryBuilder<ActivityRowEntity> {
    const query = this.reader.manager.createQueryBuilder(ActivityRowEntity, 'row').where('1 = 1');
    if (filter.person !== undefined)
      query.andWhere('row.actor = :actor', {
        actor: filter.person.includes(':') ? filter.person : `person:${filter.person}`,
      });
    if (filter.action !== undefined) query.andWhere('row.action = :action', { action: filter.action });
    if (filter.from !== undefined) query.andWhere('row.at >= :from', { from: filter.from });
    if (filter.to !== undefined) query.andWhere('row.at < :to', { to: filter.to });
    return query;
  }
}

function lineOf(row: ActivityRowEntity): ActivityExportLine {
  return { seq: row.leafIndex, entry: JSON.parse(row.leafInput) as ActivityEntry };
}
