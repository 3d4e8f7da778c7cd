import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DELIVERIES_STREAM, HUB_CODE } from '@bureaunet/contracts';
import { SentMessageView, TestNetwork, waitFor } from '@bureaunet/testing';

/**
 * Every service on its own restricted broker user. Run by the border-check spec on its network (hub,
 * DK, MR, broker isolation), where no case starts an operation: MR's list of them is empty.
 */
export function describeBrokerIsolation(networkOf: () => TestNetwork): void {
  describe('broker-level isolation: each party holds only its own NATS permissions', () => {
    let network: TestNetwork;
    let rogue: NatsConnection | undefined;

    beforeAll(() => {
      network = networkOf();
    });

    afterAll(async () => {
      await rogue?.close();
    });

    it('runs the whole exchange with every service on its own restricted broker user', async () => {
      const { id } = await network
        .api('DK')
        .send({ kind: 'message', to: ['MR', HUB_CODE], body: { text: 'under isolation' } });
      await waitFor(async () => (await network.api('MR').inbox()).items.some((item) => item.id === id), {
        what: 'delivery to MR',
      });
      const sent = await waitFor(
        async () => {
          const view = await network.api('DK').message<SentMessageView>(id);
          return view.recipients.length === 2 && view.recipients.every((recipient) => recipient.state === 'receipted')
            ? view
            : undefined;
        },
        { what: 'receipts from MR and the hub' },
      );
      expect(sent.status).toBe('accepted');
    });

    it("refuses a node's credentials for anything but its own subjects", async () => {
      const credentials = network.brokerCredentials!.get('node-MR')!;
      rogue = await connect({
        servers: network.nats.url,
        user: credentials.user,
        pass: credentials.password,
        inboxPrefix: credentials.inboxPrefix,
      });
      const js = jetstream(rogue);
      // Posing as DK, serving itself, or reading DK's deliveries: all refused by the broker.
      await expect(js.publish('bn.submit.DK', '{}', { msgID: 'forged-by-MR', timeout: 2_000 })).rejects.toThrow(
        /Permissions Violation|timeout|no responders/i,
      );
      await expect(js.publish('bn.deliver.MR', '{}', { msgID: 'self-served', timeout: 2_000 })).rejects.toThrow(
        /Permissions Violation|timeout|no responders/i,
      );
      await expect(js.consumers.get(DELIVERIES_STREAM, 'node-DK')).rejects.toThrow(
        /Permissions Violation|timeout|no responders/i,
      );
      // Nor may it point its own consumer at DK's subject: the gateway makes and keeps the consumers.
      const jsm = await jetstreamManager(rogue, { checkAPI: false });
      await expect(
        jsm.consumers.update(DELIVERIES_STREAM, 'node-MR', { filter_subject: 'bn.deliver.DK' }),
      ).rejects.toThrow(/Permissions Violation/i);
      await expect(rogue.request('bn.registry.rules.get', '{}', { timeout: 2_000 })).rejects.toThrow(
        /Permissions Violation/i,
      );
    });

    it('serves a node its own operations over its own registry subject', async () => {
      expect(await network.api('MR').operations()).toEqual([]);
    });
  });
}
