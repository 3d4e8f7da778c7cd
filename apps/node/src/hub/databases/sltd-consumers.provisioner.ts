import { Inject, Injectable, Logger } from '@nestjs/common';
import { JetStreamApiCodes, JetStreamApiError, type ConsumerInfo, type JetStreamManager } from '@nats-io/jetstream';
import { DomainError, SLTD_STREAM, sltdConsumerName, type DirectoryEntry } from '@bureaunet/contracts';
import { DirectoryClient } from '@bureaunet/directory';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { reconcileDurableConsumer } from '@bureaunet/transport';
import { keptStart, resyncStart, sltdConsumerCodes, sltdConsumerSpec } from './sltd-consumers.plan';
import { SltdJetStream } from './sltd-jetstream';

/** A bureau may have its consumer placed anew at most this often. */
export const SLTD_RESYNC_MIN_INTERVAL_MS = 10_000;

/** What one pass did. */
export interface SltdProvisioning {
  created: string[];
  /** Altered consumers put back (their start position kept). */
  restored: string[];
  failed: string[];
}

export interface SltdResyncPlacement {
  consumer: string;
  /**
   * The first stream sequence the consumer delivers: afterSequence + 1, or 1 (the whole index) for
   * 0 and for an afterSequence beyond the stream's last (the stream was made anew since).
   */
  startSequence: number;
  /** The stream's last sequence when the consumer was placed (0: empty). */
  lastSequence: number;
}

/** The part of the directory it reads (DirectoryClient in the app). */
export type SltdBureauDirectory = Pick<DirectoryClient, 'all' | 'entry'>;

/**
 * Every bureau's consumer on BN_SLTD is made here, on the hub side (a node may only bind to its
 * own, pull and ack): at start, on the schedule, when the directory announces a bureau, and when a
 * bureau asks to be placed after the last entry it holds (resync, rate-limited per bureau).
 */
@Injectable()
export class SltdConsumersProvisioner {
  private readonly logger = new Logger(SltdConsumersProvisioner.name);
  private readonly lastResyncAt = new Map<string, number>();

  constructor(
    private readonly jetstream: SltdJetStream,
    @Inject(DirectoryClient) private readonly directory: SltdBureauDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One pass over the directory: makes the missing consumers, puts altered ones back. */
  async reconcile(): Promise<SltdProvisioning> {
    const summary: SltdProvisioning = { created: [], restored: [], failed: [] };
    let entries: DirectoryEntry[];
    try {
      entries = await this.directory.all();
    } catch (error) {
      this.logger.warn(`replica consumers not reconciled, the directory is unavailable: ${describe(error)}`);
      return summary;
    }
    for (const code of sltdConsumerCodes(entries)) await this.provision(code, summary);
    return summary;
  }

  /** A bureau the directory announced (enrolled, renewed…): its consumer, if it has none yet. */
  async provisionOne(code: string): Promise<void> {
    try {
      const entry = await this.directory.entry(code);
      if (!entry || sltdConsumerCodes([entry]).length === 0) return;
    } catch (error) {
      this.logger.warn(`replica consumer of ${code} not provisioned yet (the periodic pass will): ${describe(error)}`);
      return;
    }
    await this.provision(code, { created: [], restored: [], failed: [] });
  }

  /**
   * Deletes the bureau's consumer and makes it anew after `afterSequence` (from the first entry when
   * 0): what the replica holds is not sent again, and what it missed is.
   */
  async resync(code: string, afterSequence: number): Promise<SltdResyncPlacement> {
    const now = this.clock.now().getTime();
    const last = this.lastResyncAt.get(code);
    if (last !== undefined && now - last < SLTD_RESYNC_MIN_INTERVAL_MS)
      throw new DomainError(
        'rate-limited',
        `${code} was placed ${now - last} ms ago: retry in ${SLTD_RESYNC_MIN_INTERVAL_MS - (now - last)} ms`,
        'unavailable',
      );
    const entry = await this.directory.entry(code);
    if (!entry || sltdConsumerCodes([entry]).length === 0)
      throw new DomainError('unknown-bureau', `${code} is not a bureau in the directory`, 'not-found');
    this.lastResyncAt.set(code, now);
    const jsm = await this.jetstream.manager();
    const durable = sltdConsumerName(code);
    const lastSequence = (await jsm.streams.info(SLTD_STREAM)).state.last_seq;
    const start = resyncStart(afterSequence, lastSequence);
    await deleteIfThere(jsm, durable);
    await reconcileDurableConsumer(jsm, sltdConsumerSpec(code, start));
    this.logger.log(`replica consumer ${durable} placed at sequence ${start ?? 1} of ${lastSequence} (resync)`);
    return { consumer: durable, startSequence: start ?? 1, lastSequence };
  }

  private async provision(code: string, summary: SltdProvisioning): Promise<void> {
    const durable = sltdConsumerName(code);
    try {
      const jsm = await this.jetstream.manager();
      const existing = await findConsumer(jsm, durable);
      const { outcome } = await reconcileDurableConsumer(jsm, sltdConsumerSpec(code, keptStart(existing?.config)));
      if (outcome === 'created') {
        summary.created.push(durable);
        this.logger.log(`provisioned replica consumer ${SLTD_STREAM}/${durable}`);
      }
      if (outcome === 'updated' || outcome === 'replaced') {
        summary.restored.push(durable);
        this.logger.warn(`replica consumer ${SLTD_STREAM}/${durable} had been altered: ${outcome}`);
      }
    } catch (error) {
      summary.failed.push(durable);
      this.logger.warn(`cannot provision replica consumer ${SLTD_STREAM}/${durable}: ${describe(error)}`);
    }
  }
}

async function findConsumer(jsm: JetStreamManager, durable: string): Promise<ConsumerInfo | undefined> {
  try {
    return await jsm.consumers.info(SLTD_STREAM, durable);
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound) return undefined;
    throw error;
  }
}

async function deleteIfThere(jsm: JetStreamManager, durable: string): Promise<void> {
  try {
    await jsm.consumers.delete(SLTD_STREAM, durable);
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound) return;
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
