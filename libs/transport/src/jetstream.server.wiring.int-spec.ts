import { Controller, Logger, Module, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  DELIVERIES_STREAM,
  DELIVER_SUBJECT_WILDCARD,
  SUBMISSIONS_STREAM,
  SUBMIT_SUBJECT_WILDCARD,
} from '@bureaunet/contracts';
import { startNatsServer, waitFor, type RunningNatsServer } from '@bureaunet/testing';
import { BusClient } from './bus.client';
import type { JetStreamConsumerOptions } from './jetstream.consumer-runner';
import type { JetStreamContext } from './jetstream.context';
import { JetStreamServer } from './jetstream.server';
import { NATS_CONNECTION } from './nats-connection.provider';
import { TransportModule } from './transport.module';
import { WireExceptionFilter } from './wire-exception.filter';

const CONCURRENCY = 3;
let started: string[] = [];
let openGate: () => void = () => undefined;
let gate = new Promise<void>((resolve) => (openGate = resolve));

@Controller()
class InboxController {
  @EventPattern(DELIVER_SUBJECT_WILDCARD)
  async delivered(@Payload() data: Buffer, @Ctx() ctx: JetStreamContext): Promise<void> {
    started.push(`${ctx.msgId}:${data.toString()}`);
    if (started.length === CONCURRENCY) openGate();
    await gate;
  }

  @MessagePattern('test.lookup')
  lookup(@Payload() body: { code: string }): never {
    throw Object.assign(new Error(`bureau ${body.code} is suspended`), { code: 'suspended' });
  }
}

@Module({})
class InboxModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: InboxModule,
      imports: [TransportModule.forRoot({ servers: url, name: 'wiring-int-spec' })],
      controllers: [InboxController],
    };
  }
}

/** A standalone microservice: global filters apply when registered before listen(). */
async function createMicroservice(
  url: string,
  consumer: JetStreamConsumerOptions,
): Promise<{ app: INestMicroservice; strategy: JetStreamServer }> {
  // Called once the app below exists: the strategy connects through it.
  const strategy = new JetStreamServer({
    connection: () => app.get<NatsConnection>(NATS_CONNECTION),
    consumers: [consumer],
    shutdownGraceMs: 1_000,
  });
  const app: INestMicroservice = await NestFactory.createMicroservice(InboxModule.forRoot(url), {
    strategy,
    logger: ['error', 'warn'],
  });
  app.useGlobalFilters(new WireExceptionFilter());
  return { app, strategy };
}

describe('JetStreamServer wiring', () => {
  let server: RunningNatsServer;

  beforeAll(async () => {
    server = await startNatsServer();
  });

  afterAll(async () => {
    openGate();
    await server?.stop();
  });

  beforeEach(() => {
    started = [];
    gate = new Promise<void>((resolve) => (openGate = resolve));
  });

  it('runs up to `concurrency` handlers at once and answers requests through a global WireExceptionFilter', async () => {
    const consumer = {
      stream: DELIVERIES_STREAM,
      durable: 'node-FR',
      filterSubject: 'bn.deliver.FR',
      pattern: DELIVER_SUBJECT_WILDCARD,
      concurrency: CONCURRENCY,
    };
    const { app, strategy } = await createMicroservice(server.url, consumer);
    try {
      await app.listen();
      const bus = app.get(BusClient);
      const acked = new Promise<void>((resolve) => {
        let count = 0;
        strategy.on('acked', () => ++count === CONCURRENCY && resolve());
      });
      for (const id of ['a', 'b', 'c']) await bus.publish('bn.deliver.FR', id, { msgId: `parallel-${id}` });

      // Each handler waits until all three have started: with one at a time this would never settle.
      await acked;
      expect(started.sort()).toEqual(['parallel-a:a', 'parallel-b:b', 'parallel-c:c']);
      await expect(bus.request('test.lookup', { code: 'FR' })).rejects.toMatchObject({
        code: 'suspended',
        reason: 'bureau FR is suspended',
      });
    } finally {
      await app.close();
    }
  });

  it('keeps each subject in order under concurrency when ordered by subject, while subjects run side by side', async () => {
    const consumer = {
      stream: SUBMISSIONS_STREAM,
      durable: 'lanes',
      filterSubject: SUBMIT_SUBJECT_WILDCARD,
      pattern: DELIVER_SUBJECT_WILDCARD,
      concurrency: CONCURRENCY,
      orderBy: 'subject' as const,
    };
    const { app, strategy } = await createMicroservice(server.url, consumer);
    try {
      await app.listen();
      const bus = app.get(BusClient);
      let ackCount = 0;
      const allAcked = new Promise<void>((resolve) => strategy.on('acked', () => ++ackCount === 4 && resolve()));
      for (const [code, id] of [
        ['FR', 'f1'],
        ['FR', 'f2'],
        ['DE', 'd1'],
        ['DE', 'd2'],
      ] as const)
        await bus.publish(`bn.submit.${code}`, id, { msgId: `lane-${id}` });

      // One handler per subject may run: the second of each waits for the first, which waits for the gate.
      await waitFor(() => started.length === 2, { what: 'the first message of each subject' });
      expect(started.map((entry) => entry.split(':')[1]).sort()).toEqual(['d1', 'f1']);
      openGate();
      await allAcked;
      const order = started.map((entry) => entry.split(':')[1]);
      expect(order.indexOf('f1')).toBeLessThan(order.indexOf('f2'));
      expect(order.indexOf('d1')).toBeLessThan(order.indexOf('d2'));
    } finally {
      await app.close();
    }
  });

  it('refuses to listen when a consumer has no @EventPattern handler for its filter subject', async () => {
    const { app } = await createMicroservice(server.url, {
      stream: DELIVERIES_STREAM,
      durable: 'node-DE',
      filterSubject: 'bn.deliver.DE',
    });
    try {
      await expect(app.listen()).rejects.toThrow("consumer node-DE has no @EventPattern('bn.deliver.DE') handler");
    } finally {
      await app.close();
    }
  });

  it('delivers core events to subscribers and logs a failing event handler instead of swallowing it', async () => {
    const { app } = await createMicroservice(server.url, {
      stream: DELIVERIES_STREAM,
      durable: 'node-FR',
      filterSubject: DELIVER_SUBJECT_WILDCARD,
    });
    const logged = new Promise<string>((resolve) =>
      jest.spyOn(Logger.prototype, 'error').mockImplementationOnce((message: unknown) => resolve(String(message))),
    );
    try {
      await app.init();
      const bus = app.get(BusClient);
      const received = new Promise<unknown>((resolve) => bus.subscribe('test.changed', resolve));
      bus.subscribe('test.changed', () => Promise.reject(new Error('boom')));
      bus.emit('test.changed', { bureau: 'FR', status: 'suspended' });

      expect(await received).toEqual({ bureau: 'FR', status: 'suspended' });
      expect(await logged).toBe('event handler for test.changed failed: boom');
    } finally {
      jest.restoreAllMocks();
      await app.close();
    }
  });
});
