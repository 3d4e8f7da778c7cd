import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  DELIVERIES_STREAM,
  DIRECTORY_CHANGED_SUBJECT,
  directoryChangedEventSchema,
  type DirectoryEntry,
} from '@bureaunet/contracts';
import { DirectoryClient } from '@bureaunet/directory';
import { BusClient, NATS_CONNECTION, reconcileDurableConsumer, type DurableConsumerSpec } from '@bureaunet/transport';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import {
  deliveryConsumerSpec,
  deliveryConsumerSpecs,
  strayConsumers,
  type DeliveryConsumerSettings,
} from './delivery-consumers.plan';

/** What one pass did, for the log and the tests. */
export interface ProvisioningSummary {
  created: string[];
  /** Altered consumers put back to the hub's configuration. */
  restored: string[];
  /** Consumers on the deliveries stream the hub did not make, deleted. */
  removed: string[];
  failed: string[];
}

/** Its timer in the SchedulerRegistry (cleared by ScheduleModule at shutdown, or here). */
export const RECONCILE_INTERVAL = 'delivery-consumers.reconcile';

/** The part of the directory the provisioner reads (DirectoryClient in the app). */
export type BureauDirectory = Pick<DirectoryClient, 'all' | 'entry'>;

/**
 * The hub side owns every bureau's delivery consumer (DESIGN.md "Hostile participants"): a node's
 * broker user may only read its own. The gateway makes `node-<code>` for each bureau with the filter
 * `bn.deliver.<code>` when it starts, when the streams come back (a lost store), when the directory
 * announces a bureau, and every `deliveryConsumersReconcileMs`, putting back anything altered.
 */
@Injectable()
export class DeliveryConsumersProvisioner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryConsumersProvisioner.name);
  private jsm: JetStreamManager | undefined;
  private running: Promise<ProvisioningSummary> | undefined;
  private again = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(DirectoryClient) private readonly directory: BureauDirectory,
    private readonly bus: BusClient,
    @Inject(GATEWAY_CONFIG)
    private readonly config: Pick<
      GatewayConfig,
      'deliveryConsumersReconcileMs' | 'deliveryMaxAckPending' | 'deliveryAckWaitMs'
    >,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    // A new enrolment (or a token issued) is announced: its consumer is made before its node asks.
    this.unsubscribe = this.bus.subscribe(DIRECTORY_CHANGED_SUBJECT, (body) =>
      this.provisionOne(directoryChangedEventSchema.parse(body).code),
    );
    const timer = setInterval(() => void this.reconcile(), this.config.deliveryConsumersReconcileMs);
    timer.unref();
    this.scheduler.addInterval(RECONCILE_INTERVAL, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', RECONCILE_INTERVAL)) this.scheduler.deleteInterval(RECONCILE_INTERVAL);
    this.unsubscribe?.();
  }

  /** One pass over the whole directory; a call while one runs waits for one more pass after it (at most one queued). */
  reconcile(): Promise<ProvisioningSummary> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<ProvisioningSummary> => {
      let summary: ProvisioningSummary;
      do {
        this.again = false;
        summary = await this.reconcileOnce();
      } while (this.again);
      return summary;
    };
    this.running = run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async reconcileOnce(): Promise<ProvisioningSummary> {
    const summary: ProvisioningSummary = { created: [], restored: [], removed: [], failed: [] };
    let entries: DirectoryEntry[];
    try {
      entries = await this.directory.all();
    } catch (error) {
      // Nothing is removed on a guess: the next pass (or the next event) tries again.
      this.logger.warn(`delivery consumers not reconciled, the directory is unavailable: ${describe(error)}`);
      return summary;
    }
    const specs = deliveryConsumerSpecs(entries, this.settings());
    try {
      const jsm = await this.manager();
      // Strays first: on a work-queue stream an overlapping consumer would block the rightful one.
      for (const name of strayConsumers(await consumerNames(jsm), specs)) {
        await jsm.consumers.delete(DELIVERIES_STREAM, name);
        summary.removed.push(name);
        this.logger.warn(`removed consumer ${DELIVERIES_STREAM}/${name}: the hub did not make it`);
      }
    } catch (error) {
      this.logger.warn(`cannot list the consumers of ${DELIVERIES_STREAM}: ${describe(error)}`);
    }
    for (const spec of specs) await this.provision(spec, summary);
    return summary;
  }

  private async provisionOne(code: string): Promise<void> {
    try {
      const entry = await this.directory.entry(code);
      if (!entry || entry.role === 'gateway') return;
    } catch (error) {
      this.logger.warn(`consumer of ${code} not provisioned yet (the periodic pass will): ${describe(error)}`);
      return;
    }
    await this.provision(deliveryConsumerSpec(code, this.settings()), {
      created: [],
      restored: [],
      removed: [],
      failed: [],
    });
  }

  private settings(): DeliveryConsumerSettings {
    return { maxAckPending: this.config.deliveryMaxAckPending, ackWaitMs: this.config.deliveryAckWaitMs };
  }

  private async provision(spec: DurableConsumerSpec, summary: ProvisioningSummary): Promise<void> {
    try {
      const { outcome } = await reconcileDurableConsumer(await this.manager(), spec);
      if (outcome === 'created') {
        summary.created.push(spec.durable);
        this.logger.log(`provisioned consumer ${spec.stream}/${spec.durable} on ${spec.filterSubject}`);
      }
      if (outcome === 'updated' || outcome === 'replaced') {
        summary.restored.push(spec.durable);
        this.logger.warn(
          `consumer ${spec.stream}/${spec.durable} had been altered: ${outcome} to the hub's configuration`,
        );
      }
    } catch (error) {
      summary.failed.push(spec.durable);
      this.logger.warn(`cannot provision consumer ${spec.stream}/${spec.durable}: ${describe(error)}`);
    }
  }

  private async manager(): Promise<JetStreamManager> {
    this.jsm ??= await jetstreamManager(this.connection);
    return this.jsm;
  }
}

async function consumerNames(jsm: JetStreamManager): Promise<string[]> {
  const names: string[] = [];
  for await (const info of jsm.consumers.list(DELIVERIES_STREAM)) names.push(info.name);
  return names;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
