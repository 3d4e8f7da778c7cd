import { rmSync } from 'node:fs';
import { HUB_CODE } from '@bureaunet/contracts';
import { TestNetwork, reportFault, startTestNetwork, waitFor } from '@bureaunet/testing';

const MESSAGES = 10;

describe('delivery consumers are the hub’s: they come back with the gateway, whoever starts first', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    // The node's info line "waiting for the hub to provision" is this test's signal.
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK'], { LOG_LEVEL: 'info' }, { brokerIsolation: true });
  });

  afterAll(async () => {
    await network?.teardown();
  });

  it('after a nats-server kill -9 that loses its store, a node started before the gateway and one left running both get everything', async () => {
    await Promise.all([network.gateway.stop(), network.node('MR').stop()]);
    await network.nats.kill();
    rmSync(network.nats.storeDir, { recursive: true, force: true });
    await network.nats.restart();

    // MR starts with no stream and no consumer: it may make neither, so it waits for the hub.
    const mrStarted = network.node('MR').restart();
    await waitFor(() => network.output().includes('waiting for the hub to provision BN_DELIVERIES/node-MR'), {
      what: 'MR waiting for its consumer',
    });
    await network.gateway.restart();
    await mrStarted;

    const toMr: string[] = [];
    const toDk: string[] = [];
    for (let index = 0; index < MESSAGES; index += 1) {
      toMr.push((await network.api('DK').send({ kind: 'message', to: ['MR'], body: { index } })).id);
      toDk.push((await network.api('MR').send({ kind: 'message', to: ['DK'], body: { index } })).id);
    }
    const inboxOf = async (code: string, ids: string[]) =>
      (await network.api(code).inbox(1000)).items.filter((item) => ids.includes(item.id)).map((item) => item.id);
    const [atMr, atDk] = await waitFor(
      async () => {
        const seen = [await inboxOf('MR', toMr), await inboxOf('DK', toDk)] as const;
        return seen[0].length >= MESSAGES && seen[1].length >= MESSAGES ? seen : undefined;
      },
      { what: `all ${MESSAGES} messages each way`, timeoutMs: 90_000 },
    );

    const received = [...atMr, ...atDk];
    const figure = reportFault({
      fault: 'nats-server kill -9 losing its store; a node before the gateway',
      tries: 2 * MESSAGES,
      survived: new Set(received).size,
      lost: 2 * MESSAGES - new Set(received).size,
      duplicated: received.length - new Set(received).size,
    });
    expect(figure).toEqual({
      fault: figure.fault,
      tries: 2 * MESSAGES,
      survived: 2 * MESSAGES,
      lost: 0,
      duplicated: 0,
    });
  });
});
