import { jetstreamManager, type ConsumerInfo } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DELIVERIES_STREAM, HUB_CODE, deliveryConsumerName } from '@bureaunet/contracts';
import {
  HttpError,
  reportFault,
  startTestNetwork,
  waitFor,
  type SentMessageView,
  type TestNetwork,
} from '@bureaunet/testing';

/**
 * A full disk, played by each service's database ceiling (DATABASE_MAX_MB makes SQLite answer
 * SQLITE_FULL exactly as a full disk does): a node answers 503 storage-full and stores nothing
 * half; what is addressed to it, or what the gateway cannot record, waits on its stream; once
 * space is back, everything arrives, once.
 */
describe('disk full at a node and at the gateway', () => {
  let network: TestNetwork;
  const FULL = { DATABASE_MAX_MB: '1' };
  const ROOMY = { DATABASE_MAX_MB: '256' };

  beforeAll(async () => {
    // What a full node could not store comes again after the consumers' ack wait: 5 s, not 30.
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK'], { DELIVERY_ACK_WAIT_MS: '5000' });
  });

  afterAll(async () => {
    await network?.teardown();
  });

  async function deliveryConsumer(code: string): Promise<ConsumerInfo> {
    const connection = await connect({ servers: network.nats.url });
    try {
      return await (await jetstreamManager(connection)).consumers.info(DELIVERIES_STREAM, deliveryConsumerName(code));
    } finally {
      await connection.close();
    }
  }

  async function sentIds(code: string): Promise<string[]> {
    const page = await network.api(code).call<{ items: Array<{ id: string }> }>('GET', '/api/messages?limit=1000');
    return page.items.map((item) => item.id);
  }

  async function allReceipted(code: string, ids: readonly string[]): Promise<boolean> {
    const views = await Promise.all(ids.map((id) => network.api(code).message<SentMessageView>(id)));
    return views.every(
      (view) => view.recipients.length > 0 && view.recipients.every((recipient) => recipient.state === 'receipted'),
    );
  }

  it('answers 503 storage-full at a full node, stores nothing half, and takes what waited once space is back', async () => {
    await network.node('DK').stop();
    await network.node('DK').restart(FULL);
    const accepted: string[] = [];
    const refusals: unknown[] = [];
    // Full for every size: a page left over after big bodies would still take a small message.
    for (const size of [40_000, 4_000, 400, 1]) {
      await waitFor(
        async () => {
          try {
            accepted.push(
              (await network.api('DK').send({ kind: 'message', to: ['MR'], body: { text: 'x'.repeat(size) } })).id,
            );
            return false;
          } catch (error) {
            if (!(error instanceof HttpError)) throw error;
            refusals.push(error.body);
            return error.status === 503;
          }
        },
        { what: `DK full for a ${size}-character body`, timeoutMs: 120_000, intervalMs: 1 },
      );
    }
    expect(refusals.at(-1)).toMatchObject({ code: 'storage-full' });
    // A consultation that cannot be logged is refused too: no read goes unrecorded in the activity log.
    await expect(sentIds('DK')).rejects.toMatchObject({ status: 503, body: { code: 'storage-full' } });

    // Meanwhile MR writes to DK, which cannot store it yet.
    const toFullNode: string[] = [];
    for (let index = 0; index < 5; index += 1)
      toFullNode.push((await network.api('MR').send({ kind: 'message', to: ['DK'], body: { index } })).id);
    // DK took them from its stream and could not store them: the broker redelivers.
    await waitFor(async () => (await deliveryConsumer('DK')).num_redelivered > 0, {
      what: 'DK failing to store a delivery',
      timeoutMs: 60_000,
    });

    await network.node('DK').stop();
    await network.node('DK').restart(ROOMY);
    // Nothing half-stored: every message DK lists is one that was answered 201.
    expect((await sentIds('DK')).filter((id) => !accepted.includes(id))).toEqual([]);
    await waitFor(() => allReceipted('MR', toFullNode), {
      what: 'what waited for DK, receipted',
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    await waitFor(() => allReceipted('DK', accepted), {
      what: "DK's accepted messages, receipted",
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    const inbox = (await network.api('DK').inbox()).items
      .map((item) => item.id)
      .filter((id) => toFullNode.includes(id));
    const figure = reportFault({
      fault: 'disk full at a node',
      tries: accepted.length + toFullNode.length,
      survived: accepted.length + new Set(inbox).size,
      lost: toFullNode.length - new Set(inbox).size,
      duplicated: inbox.length - new Set(inbox).size,
    });
    expect(figure).toMatchObject({ lost: 0, duplicated: 0 });
  }, 300_000);

  it('keeps submissions on their stream while the gateway cannot record them, and delivers them once space is back', async () => {
    await network.gateway.stop();
    await network.gateway.restart(FULL);
    const sent: string[] = [];
    await waitFor(
      async () => {
        const batch = await Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            network.api('DK').send({ kind: 'message', to: ['MR'], body: { index } }),
          ),
        );
        sent.push(...batch.map((item) => item.id));
        return network.gateway.recentOutput().includes('the database is full');
      },
      { what: 'the gateway full', timeoutMs: 180_000, intervalMs: 1 },
    );
    await network.gateway.stop();
    await network.gateway.restart(ROOMY);
    // Those nak'd while it was full come back on the broker's backoff, and the node republishes
    // what got no report: minutes on a loaded machine.
    await waitFor(() => allReceipted('DK', sent), {
      what: 'every submission receipted',
      timeoutMs: 300_000,
      intervalMs: 500,
    });
    const inbox = (await network.api('MR').inbox(5_000)).items.map((item) => item.id).filter((id) => sent.includes(id));
    const figure = reportFault({
      fault: 'disk full at the gateway',
      tries: sent.length,
      survived: new Set(inbox).size,
      lost: sent.length - new Set(inbox).size,
      duplicated: inbox.length - new Set(inbox).size,
    });
    expect(figure).toMatchObject({ lost: 0, duplicated: 0 });
  }, 480_000);
});
