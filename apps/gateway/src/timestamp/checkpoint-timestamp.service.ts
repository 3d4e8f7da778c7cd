import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource, MoreThan } from 'typeorm';
import { DomainError } from '@bureaunet/contracts';
import { LedgerLogReader, SignedTreeHeadEntity } from '@bureaunet/ledger/storage';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { createTimestampRequest, tokenFromResponse, verifyTimestampToken } from '@bureaunet/timestamp';
import { formatCheckpoint } from '@bureaunet/witness';
import { CHECKPOINT_TIMESTAMP_CONFIG, type CheckpointTimestampConfig } from './checkpoint-timestamp.config';
import { CheckpointTimestampEntity } from './checkpoint-timestamp.entity';
import { postTimestampQuery } from './tsa.client';

/** Its timer in the SchedulerRegistry. */
export const CHECKPOINT_TIMESTAMP_INTERVAL = 'ledger.checkpoint-timestamp';

export interface CheckpointTimestampStatus {
  configured: boolean;
  tsa?: string;
  latestHeadSize?: number;
  timestampedSize?: number;
  /** How long the oldest signed head no token covers has waited, ms. */
  lagMs: number;
  lagging: boolean;
  lastError?: string;
}

/**
 * Gets an RFC 3161 token over SHA-256 of the checkpoint note text of the latest signed tree head,
 * from the TSA at TSA_URL, verifies it against TSA_CA_FILE and keeps it by tree size. It only
 * reads the ledger and runs beside it: a TSA that is slow or down delays tokens, never a head.
 * When heads come faster than the TSA answers, the latest one is stamped (it covers the earlier ones
 * by consistency).
 */
@Injectable()
export class CheckpointTimestampService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CheckpointTimestampService.name);
  private running: Promise<void> | undefined;
  private lastError: string | undefined;

  constructor(
    @Inject(CHECKPOINT_TIMESTAMP_CONFIG) private readonly config: CheckpointTimestampConfig | undefined,
    private readonly reader: LedgerLogReader,
    private readonly writer: SerialWriter,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config) return;
    this.scheduler.addInterval(
      CHECKPOINT_TIMESTAMP_INTERVAL,
      setInterval(() => this.headSigned(), this.config.intervalMs),
    );
  }

  async onModuleDestroy(): Promise<void> {
    if (this.scheduler.doesExist('interval', CHECKPOINT_TIMESTAMP_INTERVAL))
      this.scheduler.deleteInterval(CHECKPOINT_TIMESTAMP_INTERVAL);
    await this.running;
  }

  /** The hook for whoever signs heads: stamps the latest one in the background, at most one at a time. */
  headSigned(): void {
    if (!this.config || this.running) return;
    this.running = this.stampLatest()
      .then(() => undefined)
      .catch((error: unknown) => this.failed(error))
      .finally(() => (this.running = undefined));
  }

  /** Stamps the latest signed head, if any and not yet stamped. */
  async stampLatest(): Promise<CheckpointTimestampEntity | undefined> {
    const head = await this.reader.latestSignedTreeHead();
    return head ? this.timestamp(head.treeSize, Buffer.from(head.rootHash, 'hex')) : undefined;
  }

  /**
   * The token for the checkpoint of (treeSize, rootHash): kept, or asked of the TSA up to
   * TSA_ATTEMPTS times, each bounded by TSA_TIMEOUT_MS, and verified before it is kept.
   */
  async timestamp(treeSize: number, rootHash: Buffer): Promise<CheckpointTimestampEntity> {
    const config = this.requireConfig();
    const kept = await this.dataSource.manager.findOneBy(CheckpointTimestampEntity, { treeSize });
    if (kept) return kept;
    const checkpoint = formatCheckpoint({ origin: config.origin, treeSize, rootHash, extensions: [] });
    const digest = createHash('sha256').update(checkpoint, 'utf8').digest();
    let reason = '';
    for (let attempt = 1; attempt <= config.attempts; attempt++) {
      try {
        const request = createTimestampRequest(digest);
        const token = tokenFromResponse(await postTimestampQuery(config.url, request.der, config.timeoutMs));
        const verified = verifyTimestampToken(token, {
          trustedCa: config.caPem,
          sha256Digest: digest,
          nonce: request.nonce,
        });
        const row: CheckpointTimestampEntity = {
          treeSize,
          checkpoint,
          token: token.toString('base64'),
          genTime: verified.genTime.getTime(),
          tsaSerial: verified.serialNumber,
        };
        // A concurrent caller may have kept one for this size: the first stays.
        await this.writer.transaction((manager) =>
          manager.createQueryBuilder().insert().into(CheckpointTimestampEntity).values(row).orIgnore().execute(),
        );
        this.lastError = undefined;
        return (await this.dataSource.manager.findOneBy(CheckpointTimestampEntity, { treeSize })) ?? row;
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
        if (attempt < config.attempts) await delay(Math.min(200 * 2 ** (attempt - 1), config.timeoutMs));
      }
    }
    throw new DomainError(
      'tsa-unavailable',
      `no time-stamp for tree size ${treeSize} after ${config.attempts} attempts: ${reason}`,
      'unavailable',
    );
  }

  /** The kept token of one tree size. */
  async token(treeSize: number): Promise<CheckpointTimestampEntity> {
    const config = this.requireConfig();
    const row = await this.dataSource.manager.findOneBy(CheckpointTimestampEntity, { treeSize });
    if (!row)
      throw new DomainError(
        'no-timestamp',
        `no time-stamp token for tree size ${treeSize} (from ${config.url})`,
        'not-found',
      );
    return row;
  }

  /** The TSA's CA, as evidence carries it beside a token. */
  tsaCa(): string {
    return this.requireConfig().caPem;
  }

  /** Whether the TSA keeps up: the oldest head no token covers and how long it has waited. */
  async status(): Promise<CheckpointTimestampStatus> {
    if (!this.config) return { configured: false, lagMs: 0, lagging: false };
    const manager = this.dataSource.manager;
    const [latest, stamped] = await Promise.all([
      this.reader.latestSignedTreeHead(),
      manager.findOne(CheckpointTimestampEntity, { where: {}, order: { treeSize: 'DESC' } }),
    ]);
    const oldestUncovered = await manager.findOne(SignedTreeHeadEntity, {
      where: { treeSize: MoreThan(stamped?.treeSize ?? -1) },
      order: { treeSize: 'ASC' },
    });
    const lagMs = oldestUncovered ? Math.max(0, this.clock.now().getTime() - oldestUncovered.timestamp) : 0;
    return {
      configured: true,
      tsa: this.config.url,
      latestHeadSize: latest?.treeSize,
      timestampedSize: stamped?.treeSize,
      lagMs,
      lagging: lagMs > this.config.maxLagMs,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  private requireConfig(): CheckpointTimestampConfig {
    if (!this.config) throw new DomainError('tsa-not-configured', 'no TSA is configured (TSA_URL)', 'unavailable');
    return this.config;
  }

  private failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    // One line per new reason, not one per round while the TSA stays down.
    if (message !== this.lastError) this.logger.warn(message);
    this.lastError = message;
  }
}
