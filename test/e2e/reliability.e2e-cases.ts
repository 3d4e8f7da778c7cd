import { SentMessageView, TestNetwork, waitFor } from '@bureaunet/testing';

/**
 * Run by the deadlines spec on its network (hub, MR, DK), last: MR's node is stopped, then started
 * again. Messages are found by the ids sent here. The gateway killed mid-stream is
 * test/faults/crash.faults-spec.ts's (more senders and recipients, and the ledger counted too).
 */
export function describeReliability(networkOf: () => TestNetwork): void {
  describe('nothing lost: an offline bureau', () => {
    let network: TestNetwork;

    beforeAll(() => {
      network = networkOf();
    });

    it('gives a bureau that was stopped every message sent to it meanwhile, once it restarts', async () => {
      await network.node('MR').stop();
      const ids: string[] = [];
      for (let index = 0; index < 20; index += 1) {
        ids.push((await network.api('DK').send({ kind: 'message', to: ['MR'], body: { index } })).id);
      }
      // The gateway has routed them all to MR's durable stream while MR was down.
      await waitFor(
        async () => {
          const views = await Promise.all(ids.map((id) => network.api('DK').message<SentMessageView>(id)));
          return views.every((view) => view.recipients[0]?.state === 'delivered');
        },
        { what: 'gateway reports for the offline recipient' },
      );

      await network.node('MR').restart();
      const inbox = await waitFor(
        async () => {
          const items = (await network.api('MR').inbox()).items.filter((item) => ids.includes(item.id));
          return items.length === ids.length ? items : undefined;
        },
        { what: 'all 20 messages in MR inbox after restart' },
      );
      expect(new Set(inbox.map((item) => item.id)).size).toBe(ids.length);
      await waitFor(
        async () => {
          const views = await Promise.all(ids.map((id) => network.api('DK').message<SentMessageView>(id)));
          return views.every((view) => view.recipients[0]?.state === 'receipted');
        },
        { what: 'receipts for all 20 at DK' },
      );
    });
  });
}
