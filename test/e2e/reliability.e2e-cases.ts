import { SentMessageView, TestNetwork, waitFor } from '@bureaunet/testing';

/**
 * Run by the deadlines spec on its network (hub, MR, DK), last: MR's node is stopped and the gateway
 * killed, each started again. Messages are found by the ids sent here.
 */
export function describeReliability(networkOf: () => TestNetwork): void {
  describe('nothing lost: offline bureaus and a crashing gateway', () => {
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

    it('delivers every one of 500 messages exactly once although the gateway is SIGKILLed mid-stream', async () => {
      const total = 500;
      const ids: string[] = [];
      let killed: Promise<void> | undefined;
      for (let start = 0; start < total; start += 25) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(25, total - start) }, (_, offset) =>
            network.api('DK').send({ kind: 'message', to: ['MR'], body: { index: start + offset } }),
          ),
        );
        ids.push(...batch.map((sent) => sent.id));
        if (!killed && start >= 150) {
          // Kill as soon as the gateway has handled some of the stream, so the crash lands mid-stream.
          killed = waitFor(
            async () => (await network.api('MR').inbox(1000)).items.filter((item) => ids.includes(item.id)).length > 20,
            { what: 'gateway under way' },
          ).then(() => network.gateway.kill());
        }
      }
      await killed;
      await network.gateway.restart();

      const received = await waitFor(
        async () => {
          const items = (await network.api('MR').inbox(5000)).items.filter((item) => ids.includes(item.id));
          return items.length >= total ? items : undefined;
        },
        { what: `all ${total} messages in MR inbox`, timeoutMs: 90_000 },
      );
      expect(received).toHaveLength(total);
      expect(new Set(received.map((item) => item.id)).size).toBe(total);
      const indices = received.map((item) => (item.body as { index: number }).index).sort((a, b) => a - b);
      expect(indices).toEqual(Array.from({ length: total }, (_, index) => index));
    });
  });
}
