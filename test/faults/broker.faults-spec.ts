import { errors, connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { DELIVERIES_STREAM, HUB_CODE } from '@bureaunet/contracts';
import { SentMessageView, TestNetwork, reportFault, startTestNetwork, waitFor } from '@bureaunet/testing';

/** A consumer of DK's deliveries, as a hostile MR would ask for it. */
const stealing = (name?: string): string =>
  JSON.stringify({
    stream_name: DELIVERIES_STREAM,
    config: {
      ...(name ? { durable_name: name, name } : {}),
      filter_subject: 'bn.deliver.DK',
      ack_policy: 'explicit',
      deliver_policy: 'all',
    },
  });

/** Every way MR could try to reach DK's deliveries or the hub's rule book with its own broker user. */
const ATTEMPTS: ReadonlyArray<{ what: string; subject: string; body?: string }> = [
  {
    what: 'retarget own consumer (CREATE)',
    subject: `$JS.API.CONSUMER.CREATE.${DELIVERIES_STREAM}.node-MR`,
    body: stealing('node-MR'),
  },
  {
    what: 'retarget own consumer (CREATE with filter)',
    subject: `$JS.API.CONSUMER.CREATE.${DELIVERIES_STREAM}.node-MR.bn.deliver.DK`,
    body: stealing('node-MR'),
  },
  {
    what: 'retarget own consumer (DURABLE.CREATE)',
    subject: `$JS.API.CONSUMER.DURABLE.CREATE.${DELIVERIES_STREAM}.node-MR`,
    body: stealing('node-MR'),
  },
  {
    what: "take over DK's consumer (CREATE)",
    subject: `$JS.API.CONSUMER.CREATE.${DELIVERIES_STREAM}.node-DK`,
    body: stealing('node-DK'),
  },
  {
    what: "take over DK's consumer (CREATE with filter)",
    subject: `$JS.API.CONSUMER.CREATE.${DELIVERIES_STREAM}.node-DK.bn.deliver.DK`,
    body: stealing('node-DK'),
  },
  {
    what: "take over DK's consumer (DURABLE.CREATE)",
    subject: `$JS.API.CONSUMER.DURABLE.CREATE.${DELIVERIES_STREAM}.node-DK`,
    body: stealing('node-DK'),
  },
  {
    what: 'new named consumer on DK',
    subject: `$JS.API.CONSUMER.CREATE.${DELIVERIES_STREAM}.spy.bn.deliver.DK`,
    body: stealing('spy'),
  },
  { what: 'ephemeral consumer on DK', subject: `$JS.API.CONSUMER.CREATE.${DELIVERIES_STREAM}`, body: stealing() },
  { what: 'delete own consumer', subject: `$JS.API.CONSUMER.DELETE.${DELIVERIES_STREAM}.node-MR` },
  { what: "delete DK's consumer", subject: `$JS.API.CONSUMER.DELETE.${DELIVERIES_STREAM}.node-DK` },
  { what: "read DK's consumer", subject: `$JS.API.CONSUMER.INFO.${DELIVERIES_STREAM}.node-DK` },
  {
    what: "pull from DK's consumer",
    subject: `$JS.API.CONSUMER.MSG.NEXT.${DELIVERIES_STREAM}.node-DK`,
    body: JSON.stringify({ batch: 1, expires: 1_000_000_000 }),
  },
  { what: 'list the consumers', subject: `$JS.API.CONSUMER.LIST.${DELIVERIES_STREAM}` },
  {
    what: 'read the stream by sequence',
    subject: `$JS.API.STREAM.MSG.GET.${DELIVERIES_STREAM}`,
    body: JSON.stringify({ last_by_subj: 'bn.deliver.DK' }),
  },
  {
    what: 'read the stream directly',
    subject: `$JS.API.DIRECT.GET.${DELIVERIES_STREAM}`,
    body: JSON.stringify({ last_by_subj: 'bn.deliver.DK' }),
  },
  {
    what: "count DK's pending deliveries",
    subject: `$JS.API.STREAM.INFO.${DELIVERIES_STREAM}`,
    body: JSON.stringify({ subjects_filter: 'bn.deliver.>' }),
  },
  { what: 'read the whole rule bundle', subject: 'bn.registry.rules.get', body: '{}' },
  { what: "read DK's operations", subject: 'bn.registry.operations.DK', body: '{}' },
];

const MESSAGES = 10;

describe('broker isolation: a bureau cannot talk its way around its own subjects', () => {
  let network: TestNetwork;
  let rogue: NatsConnection | undefined;
  let hub: NatsConnection | undefined;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR'], {}, { brokerIsolation: true });
  });

  afterAll(async () => {
    await rogue?.close();
    await hub?.close();
    await network?.teardown();
  });

  it("refuses every consumer, stream and rules request of MR's user beyond its own, and DK then gets all FR sent it while offline", async () => {
    // A hostile MR runs no node of its own: only its user, pulling what its consumer yields.
    await Promise.all([network.node('DK').stop(), network.node('MR').stop()]);
    const { user, password, inboxPrefix } = network.brokerCredentials!.get('node-MR')!;
    rogue = await connect({ servers: network.nats.url, user, pass: password, inboxPrefix });

    let refused = 0;
    const accepted: string[] = [];
    for (const attempt of ATTEMPTS) {
      if (await brokerRefuses(rogue, attempt.subject, attempt.body ?? '')) refused += 1;
      else accepted.push(attempt.what);
    }

    const ids: string[] = [];
    for (let index = 0; index < MESSAGES; index += 1)
      ids.push((await network.api('FR').send({ kind: 'message', to: ['DK'], body: { index } })).id);
    await waitFor(
      async () => {
        const views = await Promise.all(ids.map((id) => network.api('FR').message<SentMessageView>(id)));
        return views.every((view) => view.recipients[0]?.state === 'delivered');
      },
      { what: 'the gateway routing all to the offline DK' },
    );
    const stolen = await pullAndAck(rogue);
    await network.node('DK').restart();
    // The hub's view: once DK's consumer holds nothing more, DK's inbox holds what reached it.
    const gateway = network.brokerCredentials!.get('gateway')!;
    hub = await connect({
      servers: network.nats.url,
      user: gateway.user,
      pass: gateway.password,
      inboxPrefix: gateway.inboxPrefix,
    });
    const jsm = await jetstreamManager(hub);
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(DELIVERIES_STREAM, 'node-DK');
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      { what: "DK's consumer drained" },
    );
    const received = (await network.api('DK').inbox(1000)).items.filter((item) => ids.includes(item.id));
    const mrConsumer = await jsm.consumers.info(DELIVERIES_STREAM, 'node-MR');

    const figure = reportFault({
      fault: 'bureau retargets consumers / reads rules over NATS',
      tries: ATTEMPTS.length,
      refused,
      lost: ids.length - received.length,
      duplicated: received.length - new Set(received.map((item) => item.id)).size,
    });
    expect(accepted).toEqual([]);
    expect(stolen).toEqual([]);
    expect(figure).toEqual({
      fault: figure.fault,
      tries: ATTEMPTS.length,
      refused: ATTEMPTS.length,
      lost: 0,
      duplicated: 0,
    });
    expect(mrConsumer.config.filter_subject).toBe('bn.deliver.MR');
  });
});

/** What MR's own consumer yields within a short pull; each is acked, as a thief would. */
async function pullAndAck(nc: NatsConnection): Promise<string[]> {
  const consumer = await jetstream(nc).consumers.get(DELIVERIES_STREAM, 'node-MR');
  const subjects: string[] = [];
  for await (const message of await consumer.fetch({ max_messages: MESSAGES, expires: 3_000 })) {
    subjects.push(message.subject);
    await message.ackAck();
  }
  return subjects;
}

/** True when the broker itself refused the publish (a permissions violation), not a JetStream or service error. */
async function brokerRefuses(nc: NatsConnection, subject: string, body: string): Promise<boolean> {
  try {
    await nc.request(subject, body, { timeout: 5_000 });
    return false;
  } catch (error) {
    // nats.js rejects the request with the server's -ERR as the cause.
    return (
      error instanceof errors.PermissionViolationError ||
      (error instanceof Error && error.cause instanceof errors.PermissionViolationError)
    );
  }
}
