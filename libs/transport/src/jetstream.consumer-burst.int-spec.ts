import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { SUBMISSIONS_STREAM, SUBMIT_SUBJECT_WILDCARD } from '@bureaunet/contracts';
import { startNatsServer, waitFor, type RunningNatsServer } from '@bureaunet/testing';
import { JetStreamConsumerRunner } from './jetstream.consumer-runner';
import type { JetStreamContext } from './jetstream.context';
import { ensureStreams } from './jetstream.topology';

/** As many receipts as a 195-bureau broadcast brings back, then the next broadcast's envelope. */
const BURST = 195;
const RECEIPT_BYTES = 2_048;
const BROADCAST_BYTES = 72_000;

/**
 * After a burst, a message larger than those before it is taken at once. A consumer pulling by
 * bytes asked for what was left of its byte budget: the server ended that pull on the larger
 * message (409) and the client waited for two missed heartbeats (~30 s) before pulling again.
 */
describe('JetStreamConsumerRunner after a burst, on a real nats-server', () => {
  let server: RunningNatsServer;
  let connection: NatsConnection;
  let jsm: JetStreamManager;
  let runner: JetStreamConsumerRunner;
  const handled: string[] = [];

  beforeAll(async () => {
    server = await startNatsServer();
    connection = await connect({ servers: server.url });
    jsm = await jetstreamManager(connection);
    await ensureStreams(jsm);
    runner = new JetStreamConsumerRunner(
      {
        stream: SUBMISSIONS_STREAM,
        durable: 'burst-int-spec',
        filterSubject: SUBMIT_SUBJECT_WILDCARD,
        concurrency: 32,
        orderBy: 'subject',
      },
      jetstream(connection),
      jsm,
      {
        prepare: async () => {
          await ensureStreams(jsm);
        },
        connectionClosed: () => connection.isClosed(),
        dispatch: async (_data: Buffer, context: JetStreamContext) => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          handled.push(context.msgId ?? '?');
        },
        acked: () => undefined,
        nacked: () => undefined,
      },
    );
    await runner.start();
  });

  afterAll(async () => {
    await runner?.stop(1_000);
    await connection?.close();
    await server?.stop();
  });

  it('takes a larger message after a burst without waiting for missed heartbeats', async () => {
    const js = jetstream(connection);
    const receipt = new Uint8Array(RECEIPT_BYTES);
    await Promise.all(
      Array.from({ length: BURST }, (_, index) =>
        js.publish(`bn.submit.B${String(index).padStart(3, '0')}`, receipt, { msgID: `receipt-${index}` }),
      ),
    );
    await waitFor(() => handled.length === BURST, { what: 'the burst handled' });

    await js.publish('bn.submit.XH', new Uint8Array(BROADCAST_BYTES), { msgID: 'broadcast' });
    // The stall lasted two idle heartbeats (15 s each): far longer than this bound.
    await waitFor(() => handled.includes('broadcast'), { what: 'the broadcast after the burst', timeoutMs: 10_000 });
    expect(handled).toHaveLength(BURST + 1);
  });
});
