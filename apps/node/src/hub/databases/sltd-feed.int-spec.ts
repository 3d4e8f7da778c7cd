import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AckPolicy, jetstreamManager, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import {
  SLTD_STREAM,
  sltdChangeSchema,
  sltdEntrySubject,
  type DirectoryEntry,
  type EnvelopePayload,
  type SltdChange,
  type SltdEntry,
} from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { startNatsServer, waitFor, type RunningNatsServer } from '@bureaunet/testing';
import { BusClient, connectNats, drainConnection, MSG_ID_HEADER } from '@bureaunet/transport';
import { NoticeRepository } from '../../store/notice.repository';
import { SltdRecordEntity } from '../../store/sltd-record.entity';
import { WorkflowRecorder } from '../../workflow/workflow.recorder';
import { SLTD_ACK_WAIT_MS, SLTD_MAX_ACK_PENDING, SLTD_PULL_MAX_BYTES } from './sltd-consumers.plan';
import { SLTD_RESYNC_MIN_INTERVAL_MS, SltdConsumersProvisioner } from './sltd-consumers.provisioner';
import { SltdFeedKeeper } from './sltd-feed.keeper';
import { SltdJetStream } from './sltd-jetstream';
import { SltdRecordIntake } from './sltd-record.intake';
import { SltdResyncHandler } from './sltd-resync.handler';
import { SltdPublisher } from './sltd.publisher';
import { HitEntity } from '../../store/hit.entity';
import { HitRepository } from '../../store/hit.repository';
import { HitArrivalRecorder } from '../../workflow/hit-arrival.recorder';
import { nodeTestDataSource } from '../../migrations/node.test-database';

jest.setTimeout(60_000);

const AT = '2026-12-01T10:00:00.000Z';
const indexOf = (name: string) => Buffer.from(name.padEnd(32, '.')).toString('hex');
const A = indexOf('document A');
const B = indexOf('document B');
const C = indexOf('document C');

const sealed = () => randomBytes(95).toString('base64url');
const entry = (index: string, version: number, issuingCountry = 'DK'): SltdEntry => ({
  index,
  issuingCountry,
  version,
  status: 'stolen',
  sealed: sealed(),
});

const directoryEntry = (code: string, role: DirectoryEntry['role'] = 'bureau'): DirectoryEntry => ({
  code,
  role,
  status: 'active',
  revokedSerials: [],
  version: 1,
});

/** The hub's databases service, assembled as HubModule does, on a real SQLite file and a real nats-server. */
describe('the databases service: intake, BN_SLTD and the replica consumers, on a real nats-server', () => {
  let server: RunningNatsServer;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let dataSource: DataSource;
  let writer: SerialWriter;
  let publisher: SltdPublisher;
  let provisioner: SltdConsumersProvisioner;
  let keeper: SltdFeedKeeper;
  let recorder: WorkflowRecorder;
  const now = { at: Date.parse(AT) };
  const directory = {
    entries: [directoryEntry('XH', 'hub'), directoryEntry('XG', 'gateway'), directoryEntry('DK'), directoryEntry('MR')],
    all: () => Promise.resolve([...directory.entries]),
    entry: (code: string) => Promise.resolve(directory.entries.find((candidate) => candidate.code === code)),
  };
  const logged: string[] = [];

  function envelope(from: string, recordOwner: string | undefined, id: string): EnvelopePayload {
    return {
      v: 1,
      id,
      kind: 'travel-document-record',
      from,
      to: ['XH'],
      createdAt: AT,
      expiresAt: '2026-12-08T10:00:00.000Z',
      meta: recordOwner === undefined ? {} : { recordOwner },
    };
  }

  /** As the inbox does: the envelope's effect in a writer transaction, then the publisher's round after it. */
  async function receive(from: string, changes: SltdChange[], recordOwner: string | undefined = from): Promise<void> {
    const id = `env-${Math.random()}`;
    await writer.transaction((manager) => recorder.record(manager, envelope(from, recordOwner, id), { changes }, AT));
    await publisher.kick();
  }

  const rows = () => dataSource.getRepository(SltdRecordEntity).find({ order: { index: 'ASC' } });

  /** As a replica reads: pulls bounded by bytes (consume: nats.js's fetch by bytes stalls on nats-server 2.9), acked. */
  async function readAll(durable: string): Promise<JsMsg[]> {
    const consumer = await jsm.jetstream().consumers.get(SLTD_STREAM, durable);
    if ((await consumer.info()).num_pending === 0) return [];
    const messages = await consumer.consume({ max_bytes: SLTD_PULL_MAX_BYTES });
    const read: JsMsg[] = [];
    for await (const message of messages) {
      read.push(message);
      message.ack();
      if (message.info.pending === 0) break;
    }
    await messages.close();
    return read;
  }

  beforeAll(async () => {
    for (const level of ['log', 'warn', 'error'] as const)
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => void logged.push(String(args[0])));
    server = await startNatsServer();
    nc = await connectNats({ servers: server.url, name: 'sltd-feed-int-spec' });
    jsm = await jetstreamManager(nc);
    dataSource = await nodeTestDataSource('sltd_feed');
    writer = new SerialWriter(dataSource);
    const bus = new BusClient(nc);
    const jetstream = new SltdJetStream(nc);
    publisher = new SltdPublisher(writer, bus);
    provisioner = new SltdConsumersProvisioner(jetstream, directory, { now: () => new Date(now.at) });
    keeper = new SltdFeedKeeper(jetstream, provisioner, publisher, bus, new SchedulerRegistry(), {});
    recorder = new WorkflowRecorder(
      new NoticeRepository(),
      new HitArrivalRecorder(new HitRepository(dataSource.getRepository(HitEntity)), { code: 'XH' }),
      undefined,
      new SltdRecordIntake(publisher),
    );
    await keeper.keep();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await drainConnection(nc);
    await server?.stop();
    jest.restoreAllMocks();
  });

  it('makes BN_SLTD and a consumer for every bureau and the hub, with the bounds a replica pulls within', async () => {
    const { config } = await jsm.streams.info(SLTD_STREAM);
    expect(config).toMatchObject({
      subjects: ['bn.sltd.entry.>'],
      storage: 'file',
      retention: 'limits',
      max_msgs_per_subject: 1,
      discard: 'old',
    });
    for (const code of ['DK', 'MR', 'XH'])
      expect((await jsm.consumers.info(SLTD_STREAM, `sltd-${code}`)).config).toMatchObject({
        filter_subject: 'bn.sltd.entry.>',
        deliver_policy: 'all',
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(SLTD_ACK_WAIT_MS),
        max_ack_pending: SLTD_MAX_ACK_PENDING,
        max_bytes: SLTD_PULL_MAX_BYTES,
      });
    await expect(jsm.consumers.info(SLTD_STREAM, 'sltd-XG')).rejects.toThrow(/consumer not found/);
  });

  it('refuses, without any effect, changes to records that are not the sender’s own', async () => {
    logged.length = 0;
    await receive('MR', [entry(A, 1, 'DK')]);
    await receive('MR', [entry(B, 1, 'MR')], 'DK');
    expect(await rows()).toEqual([]);
    expect((await jsm.streams.info(SLTD_STREAM)).state.messages).toBe(0);
    expect(logged.filter((line) => line.includes('changes refused'))).toHaveLength(2);
  });

  it('puts exactly the newest version of each entry on the stream, whatever order the versions come in', async () => {
    logged.length = 0;
    const a1 = entry(A, 1);
    const a2 = entry(A, 2);
    await receive('DK', [a1, entry(B, 1)]);
    await receive('DK', [a2]);
    await receive('DK', [a1]); // late: an older version changes nothing
    await receive('DK', [{ index: B, issuingCountry: 'DK', version: 2, withdrawn: true }]);

    const held = await rows();
    expect(held.map(({ index, version, status }) => ({ index, version, status }))).toEqual([
      { index: A, version: 2, status: 'stolen' },
      { index: B, version: 2, status: 'withdrawn' },
    ]);
    expect(held.every((row) => row.publishedSequence !== null)).toBe(true);
    const { state } = await jsm.streams.info(SLTD_STREAM);
    expect(state.messages).toBe(2);
    const newestA = await jsm.streams.getMessage(SLTD_STREAM, { last_by_subj: sltdEntrySubject('DK', A) });
    expect(newestA?.json()).toEqual(a2);
    expect(newestA?.header.get(MSG_ID_HEADER)).toBe(`DK.${A}.2`);
    expect(newestA?.seq).toBe(held[0].publishedSequence);
    const newestB = await jsm.streams.getMessage(SLTD_STREAM, { last_by_subj: sltdEntrySubject('DK', B) });
    expect(newestB?.json()).toEqual({ index: B, issuingCountry: 'DK', version: 2, withdrawn: true });
    // Counts only: no index value, and no blob, in any line.
    expect(logged.join('\n')).not.toMatch(new RegExp(`${A}|${B}|${a1.sealed}|${a2.sealed}`));
  });

  it('lets a consumer made by a resync at 0 read the whole current index, and one after a sequence the rest', async () => {
    expect(await readAll('sltd-MR')).toHaveLength(2); // made at start: it reads the same
    const handler = new SltdResyncHandler(provisioner);
    const placed = await handler.resync({ afterSequence: 0 }, new NatsContext(['bn.sltd.resync.DK', undefined]));
    const { state } = await jsm.streams.info(SLTD_STREAM);
    expect(placed).toEqual({ consumer: 'sltd-DK', startSequence: 1, lastSequence: state.last_seq });
    const all = await readAll('sltd-DK');
    expect(all.map((message) => message.subject).sort()).toEqual(
      [sltdEntrySubject('DK', A), sltdEntrySubject('DK', B)].sort(),
    );
    for (const message of all) {
      const change = sltdChangeSchema.parse(message.json());
      expect(message.subject).toBe(sltdEntrySubject(change.issuingCountry, change.index));
      expect(message.headers?.get(MSG_ID_HEADER)).toBe(`${change.issuingCountry}.${change.index}.${change.version}`);
    }

    await expect(provisioner.resync('DK', 0)).rejects.toMatchObject({ code: 'rate-limited' });
    now.at += SLTD_RESYNC_MIN_INTERVAL_MS;
    const first = Math.min(...all.map((message) => message.seq));
    expect(await provisioner.resync('DK', first)).toMatchObject({ startSequence: first + 1 });
    expect((await readAll('sltd-DK')).map((message) => message.seq)).toEqual([Math.max(...all.map((m) => m.seq))]);
    now.at += SLTD_RESYNC_MIN_INTERVAL_MS;
    // Beyond the stream's last sequence: the replica outlived a stream made anew, so it reads everything.
    expect(await provisioner.resync('DK', state.last_seq + 100)).toMatchObject({ startSequence: 1 });
    expect(await readAll('sltd-DK')).toHaveLength(2);
    now.at += SLTD_RESYNC_MIN_INTERVAL_MS;
    await expect(provisioner.resync('FR', 0)).rejects.toMatchObject({ code: 'unknown-bureau' });
  });

  it('publishes, on start, a row committed before a crash kept it off the stream', async () => {
    await writer.transaction((manager) =>
      manager.insert(SltdRecordEntity, {
        issuingCountry: 'DK',
        index: C,
        version: 1,
        status: 'lost',
        sealed: randomBytes(95),
        envelopeId: 'env-before-crash',
        receivedAt: AT,
        publishedSequence: null,
      }),
    );
    const restarted = new SltdPublisher(writer, new BusClient(nc));
    expect(await restarted.kick()).toEqual({ published: 1, failed: 0 });
    const row = await dataSource.getRepository(SltdRecordEntity).findOneByOrFail({ index: C });
    const onStream = await jsm.streams.getMessage(SLTD_STREAM, { last_by_subj: sltdEntrySubject('DK', C) });
    expect(onStream?.seq).toBe(row.publishedSequence);
    expect((await jsm.streams.info(SLTD_STREAM)).state.messages).toBe(3);
  });

  it('makes the stream anew when the broker lost it, and publishes every entry on it again', async () => {
    await jsm.streams.delete(SLTD_STREAM);
    await keeper.keep();
    await waitFor(async () => ((await jsm.streams.info(SLTD_STREAM)).state.messages === 3 ? true : undefined), {
      what: 'the three entries on the new stream',
    });
    expect((await rows()).every((row) => row.publishedSequence !== null)).toBe(true);
    expect(await readAll('sltd-XH')).toHaveLength(3);
  });

  it('puts back a consumer someone altered, keeping where a resync placed it', async () => {
    now.at += SLTD_RESYNC_MIN_INTERVAL_MS;
    await provisioner.resync('MR', 2);
    await jsm.consumers.update(SLTD_STREAM, 'sltd-MR', { max_ack_pending: 100_000, max_bytes: 64 * 1024 * 1024 });
    expect(await provisioner.reconcile()).toEqual({ created: [], restored: ['sltd-MR'], failed: [] });
    expect((await jsm.consumers.info(SLTD_STREAM, 'sltd-MR')).config).toMatchObject({
      deliver_policy: 'by_start_sequence',
      opt_start_seq: 3,
      max_ack_pending: SLTD_MAX_ACK_PENDING,
      max_bytes: SLTD_PULL_MAX_BYTES,
    });
    directory.entries.push(directoryEntry('FR'));
    await provisioner.provisionOne('FR');
    expect((await jsm.consumers.info(SLTD_STREAM, 'sltd-FR')).config.deliver_policy).toBe('all');
  });

  it('refuses a pull that asks for more bytes than the bound', async () => {
    const consumer = await jsm.jetstream().consumers.get(SLTD_STREAM, 'sltd-FR');
    const batch = await consumer.fetch({ max_bytes: SLTD_PULL_MAX_BYTES * 2, expires: 2_000 });
    await expect(
      (async () => {
        for await (const message of batch) message.ack();
      })(),
    ).rejects.toThrow(/MaxRequestMaxBytes/i);
  });
});
