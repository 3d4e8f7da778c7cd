import { Controller, Injectable, Module, UseFilters, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { SUBMISSIONS_STREAM, SUBMIT_SUBJECT_WILDCARD } from '@bureaunet/contracts';
import { startNatsServer, type RunningNatsServer } from '@bureaunet/testing';
import { BusClient } from './bus.client';
import { JetStreamContext } from './jetstream.context';
import { JetStreamServer } from './jetstream.server';
import { NATS_CONNECTION } from './nats-connection.provider';
import { TransportModule } from './transport.module';
import { WireExceptionFilter } from './wire-exception.filter';
import { WireRequestError } from './wire-request.error';

interface Delivery {
  data: Buffer;
  subject: string;
  msgId: string | undefined;
  deliveryCount: number;
}

/** Records every delivery and lets a test decide how the handler behaves and wait for what it expects. */
@Injectable()
class Probe {
  readonly deliveries: Delivery[] = [];
  behaviour: (delivery: Delivery) => Promise<void> = () => Promise.resolve();
  private waiters: Array<{ match: (d: Delivery) => boolean; resolve: (d: Delivery) => void }> = [];

  async handle(data: Buffer, ctx: JetStreamContext): Promise<void> {
    const delivery = { data, subject: ctx.subject, msgId: ctx.msgId, deliveryCount: ctx.deliveryCount };
    this.deliveries.push(delivery);
    this.waiters = this.waiters.filter((waiter) => !(waiter.match(delivery) && (waiter.resolve(delivery), true)));
    await this.behaviour(delivery);
  }

  /** `msgId#deliveryCount` of every delivery whose ack the server confirmed. */
  readonly acks: string[] = [];
  private ackWaiters: Array<{ msgId: string; resolve: () => void }> = [];

  recordAck(ctx: JetStreamContext): void {
    this.acks.push(`${ctx.msgId}#${ctx.deliveryCount}`);
    this.ackWaiters = this.ackWaiters.filter((waiter) => !(waiter.msgId === ctx.msgId && (waiter.resolve(), true)));
  }

  waitForAck(msgId: string): Promise<void> {
    if (this.acks.some((ack) => ack.startsWith(`${msgId}#`))) return Promise.resolve();
    return new Promise((resolve) => this.ackWaiters.push({ msgId, resolve }));
  }

  /** Resolves with the nth delivery of msgId (counted by this probe, across app instances). */
  waitFor(msgId: string, nth = 1): Promise<Delivery> {
    const match = (d: Delivery) =>
      d.msgId === msgId && this.deliveries.filter((seen) => seen.msgId === msgId).length >= nth;
    const seen = this.deliveries.filter((d) => d.msgId === msgId)[nth - 1];
    return seen ? Promise.resolve(seen) : new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
}

class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

@Controller()
@UseFilters(WireExceptionFilter)
class ProbeController {
  constructor(private readonly probe: Probe) {}

  @EventPattern(SUBMIT_SUBJECT_WILDCARD)
  submitted(@Payload() data: Buffer, @Ctx() ctx: JetStreamContext): Promise<void> {
    return this.probe.handle(data, ctx);
  }

  @MessagePattern('test.echo')
  echo(@Payload() body: { text?: string; fail?: 'domain' | 'internal' }): { echoed: string | undefined } {
    if (body.fail === 'domain') throw new DomainError('not-found', `no bureau ${body.text}`);
    if (body.fail === 'internal') throw new Error('database exploded');
    return { echoed: body.text };
  }
}

@Module({})
class ProbeModule {
  static forRoot(url: string, probe: Probe): DynamicModule {
    return {
      module: ProbeModule,
      imports: [TransportModule.forRoot({ servers: url, name: 'transport-int-spec' })],
      controllers: [ProbeController],
      providers: [{ provide: Probe, useValue: probe }],
    };
  }
}

const DURABLE = 'gateway';

/** A hybrid (HTTP + JetStream) app, wired as the services wire it. */
async function startApp(
  url: string,
  probe: Probe,
): Promise<{ app: INestApplication; strategy: JetStreamServer; bus: BusClient }> {
  const app = await NestFactory.create(ProbeModule.forRoot(url, probe), { logger: ['error', 'warn'] });
  const strategy = new JetStreamServer({
    connection: () => app.get<NatsConnection>(NATS_CONNECTION),
    consumers: [
      { stream: SUBMISSIONS_STREAM, durable: DURABLE, filterSubject: SUBMIT_SUBJECT_WILDCARD, ackWaitMs: 2_000 },
    ],
    shutdownGraceMs: 0,
  });
  strategy.on('acked', (ctx) => probe.recordAck(ctx));
  app.connectMicroservice({ strategy });
  await app.init();
  await app.startAllMicroservices();
  return { app, strategy, bus: app.get(BusClient) };
}

function nacked(strategy: JetStreamServer, msgId: string): Promise<unknown> {
  return new Promise((resolve) => strategy.on('nacked', (ctx, error) => ctx.msgId === msgId && resolve(error)));
}

describe('JetStreamServer and BusClient on a real nats-server', () => {
  let server: RunningNatsServer;
  let probe: Probe;
  let current: Awaited<ReturnType<typeof startApp>>;
  let admin: NatsConnection;
  let jsm: JetStreamManager;
  const release: Array<() => void> = [];

  beforeAll(async () => {
    server = await startNatsServer();
    probe = new Probe();
    current = await startApp(server.url, probe);
    admin = current.app.get<NatsConnection>(NATS_CONNECTION);
    jsm = await jetstreamManager(admin);
  });

  afterAll(async () => {
    release.forEach((free) => free());
    await current?.app.close();
    await server?.stop();
  });

  beforeEach(() => {
    probe.behaviour = () => Promise.resolve();
  });

  async function expectConsumerDrained(): Promise<void> {
    const info = await jsm.consumers.info(SUBMISSIONS_STREAM, DURABLE);
    expect({ pending: info.num_pending, ackPending: info.num_ack_pending }).toEqual({ pending: 0, ackPending: 0 });
    expect((await jsm.streams.info(SUBMISSIONS_STREAM)).state.messages).toBe(0);
  }

  it('delivers published messages in order, as raw bytes with their msgId, and a duplicate only once', async () => {
    const { bus } = current;
    const payloads = [Uint8Array.of(0, 255, 1), '{"kind":"notice"}', Uint8Array.of(0xc3, 0x28)];
    const first = await bus.publish('bn.submit.FR', payloads[0], { msgId: 'order-1' });
    await bus.publish('bn.submit.DE', payloads[1], { msgId: 'order-2' });
    await bus.publish('bn.submit.FR', payloads[2], { msgId: 'order-3' });
    const again = await bus.publish('bn.submit.FR', Uint8Array.of(9), { msgId: 'order-1' });
    await bus.publish('bn.submit.FR', 'last', { msgId: 'order-4' });

    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ seq: first.seq, duplicate: true });
    await probe.waitForAck('order-4');
    const seen = probe.deliveries.filter((d) => d.msgId?.startsWith('order-'));
    expect(seen.map((d) => [d.msgId, d.subject])).toEqual([
      ['order-1', 'bn.submit.FR'],
      ['order-2', 'bn.submit.DE'],
      ['order-3', 'bn.submit.FR'],
      ['order-4', 'bn.submit.FR'],
    ]);
    expect(Buffer.isBuffer(seen[0].data)).toBe(true);
    expect([...seen[0].data]).toEqual([0, 255, 1]);
    expect(seen[1].data.toString()).toBe('{"kind":"notice"}');
    expect([...seen[2].data]).toEqual([0xc3, 0x28]);
    await expectConsumerDrained();
  });

  it('naks a failed delivery, gets it again, and acks it only after the handler succeeds', async () => {
    const { bus, strategy } = current;
    probe.behaviour = (d) =>
      d.msgId === 'flaky' && d.deliveryCount === 1 ? Promise.reject(new Error('SQLite is busy')) : Promise.resolve();
    const failure = nacked(strategy, 'flaky');
    await bus.publish('bn.submit.FR', 'flaky', { msgId: 'flaky' });

    expect(await failure).toEqual(new Error('SQLite is busy'));
    await probe.waitForAck('flaky');
    expect(probe.deliveries.filter((d) => d.msgId === 'flaky').map((d) => d.deliveryCount)).toEqual([1, 2]);
    expect(probe.acks.filter((ack) => ack.startsWith('flaky#'))).toEqual(['flaky#2']);
    await expectConsumerDrained();
  });

  it('answers requests with a WireReply: data, the handler error code, bad-request, unavailable', async () => {
    const { bus } = current;
    await expect(bus.request('test.echo', { text: 'FR' })).resolves.toEqual({ echoed: 'FR' });
    await expect(bus.request('test.echo', { text: 'XX', fail: 'domain' })).rejects.toMatchObject({
      name: 'WireRequestError',
      code: 'not-found',
      reason: 'no bureau XX',
    });
    await expect(bus.request('test.echo', { fail: 'internal' })).rejects.toMatchObject({
      code: 'internal',
      reason: 'internal error',
    });
    const malformed = await admin.request('test.echo', 'not json', { timeout: 5_000 });
    expect(malformed.json()).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const nobody = bus.request('test.nobody', {}, { timeoutMs: 1_000 });
    await expect(nobody).rejects.toBeInstanceOf(WireRequestError);
    await expect(nobody).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('does not ack an unfinished message: closed mid-handler, the next instance gets it again', async () => {
    probe.behaviour = (d) =>
      d.msgId === 'unfinished' ? new Promise<void>((resolve) => release.push(resolve)) : Promise.resolve();
    await current.bus.publish('bn.submit.FR', 'unfinished', { msgId: 'unfinished' });
    await probe.waitFor('unfinished');
    await current.app.close();

    probe.behaviour = () => Promise.resolve();
    current = await startApp(server.url, probe);
    admin = current.app.get<NatsConnection>(NATS_CONNECTION);
    jsm = await jetstreamManager(admin);
    await probe.waitFor('unfinished', 2);
    await probe.waitForAck('unfinished');
    expect(probe.acks.filter((ack) => ack.startsWith('unfinished#'))).toHaveLength(1);
    await expectConsumerDrained();
  });

  it('redelivers after the ack wait when the instance dies mid-handler without a word', async () => {
    const dying = current;
    probe.behaviour = (d) =>
      d.msgId === 'orphan' ? new Promise<void>((resolve) => release.push(resolve)) : Promise.resolve();
    await dying.bus.publish('bn.submit.FR', 'orphan', { msgId: 'orphan' });
    await probe.waitFor('orphan');
    await dying.app.get<NatsConnection>(NATS_CONNECTION).close();

    probe.behaviour = () => Promise.resolve();
    current = await startApp(server.url, probe);
    admin = current.app.get<NatsConnection>(NATS_CONNECTION);
    jsm = await jetstreamManager(admin);
    expect((await probe.waitFor('orphan', 2)).deliveryCount).toBe(2);
    await probe.waitForAck('orphan');
    expect(probe.acks.filter((ack) => ack.startsWith('orphan#'))).toEqual(['orphan#2']);
    await dying.app.close();
  });

  it('recreates a durable consumer deleted under it', async () => {
    await jsm.consumers.delete(SUBMISSIONS_STREAM, DURABLE);
    await current.bus.publish('bn.submit.FR', 'after-delete', { msgId: 'after-delete' });
    await probe.waitForAck('after-delete');
    await expectConsumerDrained();
  }, 20_000);

  it('keeps consuming after the nats-server is killed and restarted', async () => {
    await server.kill();
    await server.restart();
    await current.bus.publish('bn.submit.FR', 'after-restart', { msgId: 'after-restart' });
    expect((await probe.waitFor('after-restart')).data.toString()).toBe('after-restart');
    await probe.waitForAck('after-restart');
  }, 20_000);

  it('recreates the streams and the consumer when the server comes back without its store', async () => {
    await server.stop();
    await server.restart();
    await current.bus.publish('bn.submit.FR', 'store-lost', { msgId: 'store-lost' });
    await probe.waitForAck('store-lost');
    await expectConsumerDrained();
  }, 25_000);
});
