import { Controller, Module, UseFilters, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DELIVERIES_STREAM, DELIVER_SUBJECT_WILDCARD } from '@bureaunet/contracts';
import { startNatsServer, waitFor, type RunningNatsServer } from '@bureaunet/testing';
import { BusClient } from './bus.client';
import type { JetStreamContext } from './jetstream.context';
import { JetStreamServer } from './jetstream.server';
import { NATS_CONNECTION } from './nats-connection.provider';
import { TransportModule } from './transport.module';
import { WireExceptionFilter } from './wire-exception.filter';

/** What the handler saw: `msgId#deliveryCount`. Messages whose payload starts with "poison" always fail. */
let deliveries: string[] = [];

@Controller()
@UseFilters(WireExceptionFilter)
class FailingInbox {
  @EventPattern(DELIVER_SUBJECT_WILDCARD)
  async delivered(@Payload() data: Buffer, @Ctx() ctx: JetStreamContext): Promise<void> {
    deliveries.push(`${ctx.msgId}#${ctx.deliveryCount}`);
    if (data.toString().startsWith('poison')) throw new Error(`cannot store ${ctx.msgId}`);
    await Promise.resolve();
  }
}

@Module({})
class FailingInboxModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: FailingInboxModule,
      imports: [TransportModule.forRoot({ servers: url, name: 'dead-letter-int-spec' })],
      controllers: [FailingInbox],
    };
  }
}

interface Parked {
  msgId: string | undefined;
  deliveryCount: number;
  data: string;
  error: string;
}

/** A dead-letter store that keeps what it is given, and fails while `failing` is set. */
class DeadLetterStore {
  readonly parked: Parked[] = [];
  calls = 0;
  failing = false;

  store = async (data: Buffer, context: JetStreamContext, error: unknown): Promise<void> => {
    this.calls++;
    await Promise.resolve();
    if (this.failing) throw new Error('dead-letter table full');
    this.parked.push({
      msgId: context.msgId,
      deliveryCount: context.deliveryCount,
      data: data.toString(),
      error: (error as Error).message,
    });
  };
}

const AFTER = 3;

async function start(
  url: string,
  durable: string,
  store: DeadLetterStore,
  maxAckPending?: number,
): Promise<{ app: INestMicroservice; strategy: JetStreamServer; bus: BusClient }> {
  // Called once the app below exists: the strategy connects through it.
  const strategy = new JetStreamServer({
    connection: () => app.get<NatsConnection>(NATS_CONNECTION),
    consumers: [
      {
        stream: DELIVERIES_STREAM,
        durable,
        filterSubject: `bn.deliver.${durable}`,
        pattern: DELIVER_SUBJECT_WILDCARD,
        maxAckPending,
      },
    ],
    shutdownGraceMs: 0,
    deadLetter: store.store,
    deadLetterAfter: AFTER,
  });
  const app: INestMicroservice = await NestFactory.createMicroservice(FailingInboxModule.forRoot(url), {
    strategy,
    logger: false,
  });
  await app.listen();
  return { app, strategy, bus: app.get(BusClient) };
}

describe('JetStreamServer dead letters on a real nats-server', () => {
  let server: RunningNatsServer;

  beforeAll(async () => {
    server = await startNatsServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(() => {
    deliveries = [];
  });

  async function expectDrained(app: INestMicroservice, durable: string): Promise<void> {
    const jsm = await jetstreamManager(app.get<NatsConnection>(NATS_CONNECTION));
    await waitFor(async () => (await jsm.consumers.info(DELIVERIES_STREAM, durable)).num_ack_pending === 0, {
      what: `${durable} to hold no unacked message`,
    });
    const info = await jsm.consumers.info(DELIVERIES_STREAM, durable);
    expect({ pending: info.num_pending, ackPending: info.num_ack_pending }).toEqual({ pending: 0, ackPending: 0 });
  }

  it('parks a message after the configured number of failed deliveries, then acks it', async () => {
    const store = new DeadLetterStore();
    const { app, strategy, bus } = await start(server.url, 'FR', store);
    try {
      const parkedEvents: string[] = [];
      strategy.on('parked', (ctx) => parkedEvents.push(`${ctx.msgId}#${ctx.deliveryCount}`));
      await bus.publish('bn.deliver.FR', 'poison-1', { msgId: 'poison-1' });
      await bus.publish('bn.deliver.FR', 'fine', { msgId: 'fine-1' });

      await waitFor(() => store.parked.length === 1, { what: 'the poison message parked' });
      expect(store.parked).toEqual([
        { msgId: 'poison-1', deliveryCount: AFTER, data: 'poison-1', error: 'cannot store poison-1' },
      ]);
      expect(deliveries.filter((d) => d.startsWith('poison-1#'))).toEqual(['poison-1#1', 'poison-1#2', 'poison-1#3']);
      expect(deliveries).toContain('fine-1#1');
      await waitFor(() => parkedEvents.length === 1, { what: 'the parked event' });
      expect(parkedEvents).toEqual(['poison-1#3']);
      await expectDrained(app, 'FR');
    } finally {
      await app.close();
    }
  }, 30_000);

  it('keeps the message (nak) when the dead-letter hook fails, and parks it once the hook works again', async () => {
    const store = new DeadLetterStore();
    store.failing = true;
    const { app, bus } = await start(server.url, 'DE', store);
    try {
      await bus.publish('bn.deliver.DE', 'poison-2', { msgId: 'poison-2' });
      await waitFor(() => store.calls === 1, { what: 'a first, failing, attempt to park' });
      expect(store.parked).toEqual([]);
      store.failing = false;

      await waitFor(() => store.parked.length === 1, { what: 'the poison message parked on the next failure' });
      expect(store.parked[0]).toMatchObject({ msgId: 'poison-2', deliveryCount: AFTER + 1 });
      expect(store.calls).toBe(2);
      await expectDrained(app, 'DE');
    } finally {
      await app.close();
    }
  }, 30_000);

  it('does not let poison fill max_ack_pending: messages behind it arrive and the poison is parked', async () => {
    const store = new DeadLetterStore();
    const { app, bus, strategy } = await start(server.url, 'IT', store, 4);
    try {
      const acked = new Set<string>();
      strategy.on('acked', (ctx) => acked.add(ctx.msgId ?? ''));
      for (let i = 0; i < 4; i++) await bus.publish('bn.deliver.IT', `poison-${i}`, { msgId: `poison-it-${i}` });
      for (let i = 0; i < 3; i++) await bus.publish('bn.deliver.IT', `normal-${i}`, { msgId: `normal-it-${i}` });

      await waitFor(() => ['normal-it-0', 'normal-it-1', 'normal-it-2'].every((id) => acked.has(id)), {
        what: 'the three normal messages acked',
      });
      await waitFor(() => store.parked.length === 4, { what: 'the four poison messages parked' });
      expect(store.parked.map((p) => p.msgId).sort()).toEqual([
        'poison-it-0',
        'poison-it-1',
        'poison-it-2',
        'poison-it-3',
      ]);
      await expectDrained(app, 'IT');
    } finally {
      await app.close();
    }
  }, 30_000);

  it('refuses a dead-letter threshold that is not a whole number of attempts', async () => {
    const strategy = new JetStreamServer({
      connection: () => app.get<NatsConnection>(NATS_CONNECTION),
      consumers: [
        { stream: DELIVERIES_STREAM, durable: 'ES', filterSubject: 'bn.deliver.ES', pattern: DELIVER_SUBJECT_WILDCARD },
      ],
      deadLetter: new DeadLetterStore().store,
      deadLetterAfter: 0,
    });
    const app: INestMicroservice = await NestFactory.createMicroservice(FailingInboxModule.forRoot(server.url), {
      strategy,
      logger: false,
    });
    try {
      await expect(app.listen()).rejects.toThrow('deadLetterAfter must be a whole number of attempts >= 1, not 0');
    } finally {
      await app.close();
    }
  });
});
