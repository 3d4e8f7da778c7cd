import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { DELIVERIES_STREAM, SLTD_STREAM, SUBMISSIONS_STREAM } from '@bureaunet/contracts';
import { startNatsServer, type RunningNatsServer } from '@bureaunet/testing';
import { connectNats, drainConnection } from './nats-connection.provider';
import {
  DEFAULT_STREAM_MAX_BYTES,
  ensureDurableConsumer,
  ensureStreams,
  MAX_MESSAGE_BYTES,
  reconcileDurableConsumer,
  reconcileStream,
  sltdStreamConfig,
} from './jetstream.topology';

describe('JetStream topology on a real nats-server', () => {
  let server: RunningNatsServer;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connectNats({ servers: server.url, name: 'topology-int-spec' });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    await drainConnection(nc);
    await server?.stop();
  });

  it('creates both work-queue streams with dedupe, size limits and discard-new, and is idempotent', async () => {
    const first = await ensureStreams(jsm);
    const second = await ensureStreams(jsm);

    expect(second.map((info) => info.created)).toEqual(first.map((info) => info.created));
    for (const [name, subject] of [
      [SUBMISSIONS_STREAM, 'bn.submit.*'],
      [DELIVERIES_STREAM, 'bn.deliver.*'],
    ] as const) {
      const { config } = await jsm.streams.info(name);
      expect(config).toMatchObject({
        subjects: [subject],
        storage: 'file',
        retention: 'workqueue',
        discard: 'new',
        duplicate_window: nanos(60 * 60 * 1000),
        max_msg_size: MAX_MESSAGE_BYTES,
      });
      expect(config.max_bytes).toBe(DEFAULT_STREAM_MAX_BYTES);
    }
  });

  it('brings a stream changed out of band back to the managed configuration', async () => {
    await jsm.streams.update(SUBMISSIONS_STREAM, { max_msg_size: 1024, duplicate_window: nanos(1_000) });
    await ensureStreams(jsm);
    const { config } = await jsm.streams.info(SUBMISSIONS_STREAM);
    expect(config).toMatchObject({ max_msg_size: MAX_MESSAGE_BYTES, duplicate_window: nanos(60 * 60 * 1000) });
  });

  it('refuses a publish when the stream is full instead of dropping what it holds', async () => {
    await ensureStreams(jsm, { maxBytesPerStream: 1_024 });
    const js = jetstream(nc);
    const kept = await js.publish('bn.deliver.FR', new Uint8Array(600), { msgID: 'full-1' });
    await expect(js.publish('bn.deliver.FR', new Uint8Array(600), { msgID: 'full-2' })).rejects.toThrow(
      /maximum bytes/i,
    );
    const stored = await jsm.streams.getMessage(DELIVERIES_STREAM, { seq: kept.seq });
    expect(stored?.header.get('Nats-Msg-Id')).toBe('full-1');
    await jsm.streams.purge(DELIVERIES_STREAM);
    await ensureStreams(jsm);
  });

  it('creates a durable pull consumer once and updates its ack wait in place', async () => {
    const spec = { stream: DELIVERIES_STREAM, durable: 'node-FR', filterSubject: 'bn.deliver.FR', ackWaitMs: 30_000 };
    const created = await ensureDurableConsumer(jsm, spec);
    expect(created.config).toMatchObject({
      ack_policy: 'explicit',
      deliver_policy: 'all',
      max_deliver: -1,
      filter_subject: 'bn.deliver.FR',
    });
    expect((await ensureDurableConsumer(jsm, spec)).created).toBe(created.created);

    const updated = await ensureDurableConsumer(jsm, { ...spec, ackWaitMs: 5_000 });
    expect(updated.created).toBe(created.created);
    expect(updated.config.ack_wait).toBe(nanos(5_000));
  });

  it('keeps the replica feed as the current index: one message per subject, the newest, made only on request', async () => {
    expect((await ensureStreams(jsm)).map((info) => info.config.name)).not.toContain(SLTD_STREAM);
    expect((await reconcileStream(jsm, sltdStreamConfig())).outcome).toBe('created');
    expect((await reconcileStream(jsm, sltdStreamConfig())).outcome).toBe('unchanged');
    const js = jetstream(nc);
    await js.publish('bn.sltd.entry.DK.aa', 'v1', { msgID: 'DK.aa.1' });
    await js.publish('bn.sltd.entry.DK.aa', 'v2', { msgID: 'DK.aa.2' });
    await js.publish('bn.sltd.entry.DK.bb', 'v1', { msgID: 'DK.bb.1' });
    const { config, state } = await jsm.streams.info(SLTD_STREAM);
    expect(config).toMatchObject({ retention: 'limits', discard: 'old', max_msgs_per_subject: 1, storage: 'file' });
    expect(state.messages).toBe(2);
    expect((await jsm.streams.getMessage(SLTD_STREAM, { last_by_subj: 'bn.sltd.entry.DK.aa' }))?.string()).toBe('v2');
  });

  it('places a consumer at a start sequence with a pull bound, and replaces it to move it', async () => {
    const spec = {
      stream: SLTD_STREAM,
      durable: 'sltd-FR',
      filterSubject: 'bn.sltd.entry.>',
      ackWaitMs: 30_000,
      maxRequestBytes: 65_536,
    };
    const made = await reconcileDurableConsumer(jsm, spec);
    expect(made.outcome).toBe('created');
    expect(made.info.config).toMatchObject({ deliver_policy: 'all', max_bytes: 65_536 });
    expect((await reconcileDurableConsumer(jsm, spec)).outcome).toBe('unchanged');
    const moved = await reconcileDurableConsumer(jsm, { ...spec, startSequence: 3 });
    expect(moved.outcome).toBe('replaced');
    expect(moved.info.config).toMatchObject({ deliver_policy: 'by_start_sequence', opt_start_seq: 3 });
    expect((await reconcileDurableConsumer(jsm, { ...spec, startSequence: 3 })).outcome).toBe('unchanged');
    const updated = await reconcileDurableConsumer(jsm, { ...spec, startSequence: 3, maxRequestBytes: 4_096 });
    expect(updated).toMatchObject({ outcome: 'updated', info: { config: { max_bytes: 4_096, opt_start_seq: 3 } } });
  });
});
