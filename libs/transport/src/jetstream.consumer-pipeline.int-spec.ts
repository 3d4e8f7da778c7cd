import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { SUBMISSIONS_STREAM, SUBMIT_SUBJECT_WILDCARD } from '@bureaunet/contracts';
import { startNatsServer, waitFor, type RunningNatsServer } from '@bureaunet/testing';
import { JetStreamConsumerRunner } from './jetstream.consumer-runner';
import type { JetStreamContext } from './jetstream.context';
import { ensureStreams } from './jetstream.topology';

const PIPELINE = 3;

/**
 * A pipelined lane: up to `pipeline` messages of one subject in hand at once, their turns taken
 * in stream order, another subject unaffected, and every message acked once its handler settled.
 */
describe('JetStreamConsumerRunner with a pipelined lane, on a real nats-server', () => {
  let server: RunningNatsServer;
  let connection: NatsConnection;
  let jsm: JetStreamManager;
  let runner: JetStreamConsumerRunner;
  const events: string[] = [];
  const acked: string[] = [];
  /** Turns of FR wait here until the test opens them. */
  let openTurns!: () => void;
  const turnsOpen = new Promise<void>((resolve) => (openTurns = resolve));

  beforeAll(async () => {
    server = await startNatsServer();
    connection = await connect({ servers: server.url });
    jsm = await jetstreamManager(connection);
    await ensureStreams(jsm);
    runner = new JetStreamConsumerRunner(
      {
        stream: SUBMISSIONS_STREAM,
        durable: 'pipeline-int-spec',
        filterSubject: SUBMIT_SUBJECT_WILDCARD,
        concurrency: 16,
        orderBy: 'subject',
        pipeline: PIPELINE,
      },
      jetstream(connection),
      jsm,
      {
        prepare: async () => {
          await ensureStreams(jsm);
        },
        connectionClosed: () => connection.isClosed(),
        dispatch: async (data: Buffer, context: JetStreamContext) => {
          const name = data.toString();
          events.push(`start ${name}`);
          await context.inTurn(async () => {
            events.push(`turn ${name}`);
            if (context.subject.endsWith('.FR')) await turnsOpen;
          });
        },
        acked: (context) => acked.push(context.msgId ?? '?'),
        nacked: () => undefined,
      },
    );
    await runner.start();
  });

  afterAll(async () => {
    openTurns();
    await runner?.stop(1_000);
    await connection?.close();
    await server?.stop();
  });

  it('starts up to `pipeline` messages of a subject at once, runs their turns in order, and acks each', async () => {
    const js = jetstream(connection);
    for (let index = 0; index < 6; index++) await js.publish('bn.submit.FR', `FR${index}`, { msgID: `FR${index}` });
    await js.publish('bn.submit.DK', 'DK0', { msgID: 'DK0' });

    // FR0's turn is held: FR1 and FR2 are in hand behind it, FR3 waits for room; DK runs beside.
    await waitFor(() => events.includes('start FR2') && acked.includes('DK0'), {
      what: 'the first FR messages in hand and DK done',
    });
    expect(events.filter((event) => event.startsWith('start FR'))).toEqual(['start FR0', 'start FR1', 'start FR2']);
    expect(events.filter((event) => event.startsWith('turn FR'))).toEqual(['turn FR0']);

    openTurns();
    await waitFor(() => acked.filter((id) => id.startsWith('FR')).length === 6, {
      what: 'every FR message acked',
    });
    expect(events.filter((event) => event.startsWith('turn FR'))).toEqual(
      Array.from({ length: 6 }, (_, index) => `turn FR${index}`),
    );
    const info = await jsm.consumers.info(SUBMISSIONS_STREAM, 'pipeline-int-spec');
    expect({ pending: info.num_pending, ackPending: info.num_ack_pending }).toEqual({ pending: 0, ackPending: 0 });
  });
});
