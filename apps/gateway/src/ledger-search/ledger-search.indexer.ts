import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { In } from 'typeorm';
import { LedgerLogReader } from '@bureaunet/ledger/storage';
import { SerialWriter, SnapshotReader } from '@bureaunet/persistence';
import { LaneLeaseKeeper } from '../lanes/lane-lease.keeper';
import { TreeHeadService } from '../ledger/tree-head.service';
import { LedgerSearchEntryEntity } from './ledger-search-entry.entity';
import { envelopesNeeded, searchRowsOf, type MessageFacts } from './ledger-search.rows';

const INDEX_INTERVAL = 'ledger.search-index';
const INTERVAL_MS = 2_000;
/** Leaves read per step; rows per INSERT (8 columns each, well under SQLite's variable limit). */
const STEP = 1_000;
const ROWS_PER_INSERT = 250;

/**
 * Keeps ledger_search_entry up to the latest signed tree head, off the append path: every couple
 * of seconds, and before a search (bounded, so a search never waits for a whole log's backfill).
 * One run at a time; restarts continue after the highest leaf indexed.
 */
@Injectable()
export class LedgerSearchIndexer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LedgerSearchIndexer.name);
  private indexed: number | undefined;
  private running: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly writer: SerialWriter,
    private readonly snapshot: SnapshotReader,
    private readonly reader: LedgerLogReader,
    private readonly treeHeads: TreeHeadService,
    private readonly scheduler: SchedulerRegistry,
    @Inject(LaneLeaseKeeper) private readonly duties: Pick<LaneLeaseKeeper, 'holdsLedgerDuties'>,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.addInterval(
      INDEX_INTERVAL,
      setInterval(() => {
        // One indexer for the gateways on one database: the holder of the ledger duties.
        if (!this.duties.holdsLedgerDuties()) return;
        // Before the first head is signed there is nothing to index (latest() throws): skip the beat.
        Promise.resolve()
          .then(() => this.catchUp(this.treeHeads.latest().tree_size))
          .catch((error: unknown) =>
            this.logger.warn(`cannot index the ledger: ${error instanceof Error ? error.message : String(error)}`),
          );
      }, INTERVAL_MS),
    );
  }

  async onModuleDestroy(): Promise<void> {
    if (this.scheduler.doesExist('interval', INDEX_INTERVAL)) this.scheduler.deleteInterval(INDEX_INTERVAL);
    await this.running.catch(() => undefined);
  }

  /** Indexes leaves below `upTo` (a signed size), at most `maxLeaves` of them; returns the size indexed. */
  catchUp(upTo: number, maxLeaves = 20 * STEP): Promise<number> {
    const run = this.running.catch(() => 0).then(() => this.indexUpTo(upTo, maxLeaves));
    this.running = run;
    return run;
  }

  private async indexUpTo(upTo: number, maxLeaves: number): Promise<number> {
    let next = this.indexed ?? (await this.highestIndexed()) + 1;
    const stop = Math.min(upTo, next + maxLeaves);
    while (next < stop) {
      const leaves = await this.reader.leaves(next, Math.min(stop, next + STEP));
      if (leaves.length === 0) break;
      const rows = searchRowsOf(leaves, await this.factsOf(envelopesNeeded(leaves)));
      await this.writer.transaction(async (manager) => {
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
          await manager.insert(LedgerSearchEntryEntity, rows.slice(i, i + ROWS_PER_INSERT));
      });
      next = leaves[leaves.length - 1].leafIndex + 1;
      this.indexed = next;
    }
    this.indexed = next;
    return next;
  }

  private async highestIndexed(): Promise<number> {
    const row = await this.snapshot.read((manager) =>
      manager
        .createQueryBuilder(LedgerSearchEntryEntity, 'entry')
        .select('MAX(entry.leafIndex)', 'highest')
        .getRawOne<{ highest: number | null }>(),
    );
    return row?.highest ?? -1;
  }

  private async factsOf(envelopeIds: string[]): Promise<Map<string, MessageFacts>> {
    if (envelopeIds.length === 0) return new Map();
    const rows = await this.snapshot.read((manager) =>
      manager.find(LedgerSearchEntryEntity, {
        select: { envelopeId: true, sender: true, kind: true },
        where: { envelopeId: In(envelopeIds), type: 'submission-accepted' },
      }),
    );
    return new Map(rows.map((row) => [row.envelopeId!, { sender: row.sender, kind: row.kind }]));
  }
}
