import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { HUB_CODE, SUBMISSIONS_STREAM } from '@bureaunet/contracts';
import {
  reportFault,
  startTestNetwork,
  waitFor,
  type RunningNatsClusterServer,
  type SentMessageView,
  type TestNetwork,
} from '@bureaunet/testing';

/** Each way at once: DK to two bureaus, FR and MR back to DK. */
const SENDERS: ReadonlyArray<{ from: string; to: string[] }> = [
  { from: 'DK', to: ['MR', 'FR'] },
  { from: 'FR', to: ['DK'] },
  { from: 'MR', to: ['DK'] },
];
/** Clients sending at once per sender, and the most each sends: the load is bounded whatever happens. */
const WORKERS_PER_SENDER = 3;
const MAX_SENDS_PER_WORKER = 60;
/** Sends after the kill before the killed server is started again. */
const SENDS_WHILE_DOWN = 60;

interface Sent {
  from: string;
  to: string[];
  id: string;
  at: number;
}

/**
 * kill -9 of the nats-server leading the submissions stream, on a three-node cluster with every
 * stream and consumer at three replicas, while bureaus send both ways: the other two elect new
 * leaders, the services' connections move to them, and every message reaches each recipient once
 * and comes back receipted.
 */
describe('one NATS node killed -9 under load on a three-node cluster', () => {
  let network: TestNetwork;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR'], {}, { natsCluster: 3 });
    nc = await connect({ servers: network.nats.url.split(','), maxReconnectAttempts: -1 });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    await nc?.close();
    await network?.teardown();
  });

  it('runs every stream at three replicas', async () => {
    for await (const stream of jsm.streams.list()) {
      expect({ stream: stream.config.name, replicas: stream.config.num_replicas }).toEqual({
        stream: stream.config.name,
        replicas: 3,
      });
    }
  });

  it('refuses, naming why, a test that would kill THE broker of a network on a cluster', async () => {
    await expect(network.nats.kill()).rejects.toThrow(/3-node NATS cluster/);
    expect(() => network.nats.port).toThrow(/network.natsCluster.servers/);
  });

  it(
    'loses and duplicates nothing when the submissions stream leader is killed -9 and comes back',
    async () => {
      const fault = 'nats-server (submissions stream leader) kill -9 on a 3-node cluster under load';
      const cluster = network.natsCluster!;
      const sent: Sent[] = [];
      let stop = false;
      const worker = async ({ from, to }: { from: string; to: string[] }, index: number) => {
        for (let n = 0; n < MAX_SENDS_PER_WORKER && !stop; n++) {
          const { id } = await network.api(from).send({ kind: 'message', to, body: { from, worker: index, n } });
          sent.push({ from, to, id, at: Date.now() });
        }
      };
      const sending = Promise.all(
        SENDERS.flatMap((sender) => Array.from({ length: WORKERS_PER_SENDER }, (_, index) => worker(sender, index))),
      );

      await waitFor(async () => sent.length >= 10 && (await receipted(sent.slice(0, 10))).length === 10, {
        what: `${fault}: traffic under way`,
        timeoutMs: 60_000,
      });
      const leader = cluster.server((await jsm.streams.info(SUBMISSIONS_STREAM)).cluster!.leader!);
      const clientsOnLeader = await clientNames(leader);
      await leader.kill();
      const killedAt = Date.now();
      const sentBeforeKill = sent.length;

      // Recovered: a message sent after the kill is receipted by every recipient.
      const firstAfter = await waitFor(() => sent.find((message) => message.at > killedAt), {
        what: `${fault}: a send after the kill`,
      });
      await waitFor(async () => (await receipted([firstAfter])).length === 1, {
        what: `${fault}: a message sent after the kill receipted`,
        timeoutMs: 120_000,
        intervalMs: 200,
      });
      const recoveredMs = Date.now() - killedAt;
      await waitFor(() => sent.length >= sentBeforeKill + SENDS_WHILE_DOWN, {
        what: `${fault}: sends while the server is down`,
        timeoutMs: 120_000,
      });
      // Back while the load goes on, then caught up on the stream it led (not /healthz: see relaunch).
      await leader.relaunch();
      stop = true;
      await sending;
      await waitFor(
        async () => {
          const { cluster: now } = await jsm.streams.info(SUBMISSIONS_STREAM);
          return (
            now?.leader === leader.name || now?.replicas?.some((peer) => peer.name === leader.name && peer.current)
          );
        },
        { what: `${fault}: ${leader.name} back as a current replica of ${SUBMISSIONS_STREAM}`, timeoutMs: 180_000 },
      );

      await waitFor(async () => (await receipted(sent)).length === sent.length, {
        what: `${fault}: every message receipted by every recipient`,
        timeoutMs: 180_000,
        intervalMs: 1_000,
      });
      let lost = 0;
      let duplicated = 0;
      for (const code of new Set(SENDERS.flatMap(({ to }) => to))) {
        const wanted = new Set(sent.filter(({ to }) => to.includes(code)).map(({ id }) => id));
        const copies = (await network.api(code).inbox(5_000)).items
          .map((item) => item.id)
          .filter((id) => wanted.has(id));
        lost += wanted.size - new Set(copies).size;
        duplicated += copies.length - new Set(copies).size;
      }
      const tries = sent.reduce((sum, { to }) => sum + to.length, 0);
      const figure = reportFault({ fault, tries, survived: tries - lost, lost, duplicated });
      process.stderr.write(
        `FAULT ${fault}: ${sent.length} messages, ${sent.length - sentBeforeKill} sent after the kill; ` +
          `the first of them receipted ${(recoveredMs / 1000).toFixed(1)} s after the kill; ` +
          `clients on the killed server: ${clientsOnLeader.join(', ') || 'none'}\n`,
      );
      expect(figure).toMatchObject({ lost: 0, duplicated: 0 });
      // Each phase above has its own named bound (60 + 120 + 120 s, 180 s for the restarted server to
      // catch up, 180 s); Jest's only stops a hung test.
    },
    13 * 60_000,
  );

  /** The messages every recipient has receipted, as their sender sees them. */
  async function receipted(messages: readonly Sent[]): Promise<Sent[]> {
    const views = await Promise.all(messages.map(({ from, id }) => network.api(from).message<SentMessageView>(id)));
    return messages.filter(
      (message, index) =>
        views[index].recipients.length === message.to.length &&
        views[index].recipients.every((recipient) => recipient.state === 'receipted'),
    );
  }
});

/** Who is connected to a server (the services name their connections: gateway, node-DK…). */
async function clientNames(server: RunningNatsClusterServer): Promise<string[]> {
  const connz = (await (await fetch(`${server.monitorUrl}/connz`)).json()) as {
    connections?: Array<{ name?: string }>;
  };
  return (connz.connections ?? []).map((connection) => connection.name ?? '(unnamed)');
}
