import { HUB_CODE } from '@bureaunet/contracts';
import { reportFault, startTestNetwork, waitFor, type SentMessageView, type TestNetwork } from '@bureaunet/testing';

const RECIPIENTS = ['MR', 'FR'] as const;
const PER_FAULT = 100;

/**
 * kill -9 of each moving part while DK sends to MR and FR: every message reaches each recipient
 * exactly once and comes back receipted. SQLite is the record, NATS the conveyor.
 */
describe('kill -9 under load', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR']);
  });

  afterAll(async () => {
    await network?.teardown();
  });

  async function inboxCopies(code: string, ids: ReadonlySet<string>): Promise<string[]> {
    return (await network.api(code).inbox(5_000)).items.map((item) => item.id).filter((id) => ids.has(id));
  }

  /** Sends PER_FAULT messages in batches; the part is killed once a third of them has been received, and started again at once. */
  async function underLoad(fault: string, part: { kill(): Promise<void>; restart(): Promise<void> }): Promise<void> {
    const crash = async () => {
      await part.kill();
      await part.restart();
    };
    const ids: string[] = [];
    let crashed: Promise<void> | undefined;
    for (let start = 0; start < PER_FAULT; start += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, (_, offset) =>
          network.api('DK').send({ kind: 'message', to: [...RECIPIENTS], body: { fault, index: start + offset } }),
        ),
      );
      ids.push(...batch.map((sent) => sent.id));
      if (!crashed && start >= PER_FAULT / 3) {
        const wanted = new Set(ids);
        crashed = waitFor(async () => (await inboxCopies('FR', wanted)).length >= 10, {
          what: `${fault}: traffic under way`,
        }).then(crash);
      }
    }
    await crashed;
    const wanted = new Set(ids);
    await waitFor(
      async () => {
        const views = await Promise.all(ids.map((id) => network.api('DK').message<SentMessageView>(id)));
        return views.every(
          (view) =>
            view.recipients.length === RECIPIENTS.length &&
            view.recipients.every((recipient) => recipient.state === 'receipted'),
        );
      },
      { what: `${fault}: every message receipted by both recipients`, timeoutMs: 120_000, intervalMs: 500 },
    );
    let lost = 0;
    let duplicated = 0;
    for (const code of RECIPIENTS) {
      const copies = await inboxCopies(code, wanted);
      lost += ids.length - new Set(copies).size;
      duplicated += copies.length - new Set(copies).size;
    }
    const figure = reportFault({
      fault,
      tries: ids.length * RECIPIENTS.length,
      survived: ids.length * RECIPIENTS.length - lost,
      lost,
      duplicated,
    });
    expect(figure).toMatchObject({ lost: 0, duplicated: 0 });
  }

  it('loses and duplicates nothing when the gateway is killed', async () => {
    await underLoad('gateway kill -9 under load', network.gateway);
  });

  it('loses and duplicates nothing when nats-server is killed', async () => {
    await underLoad('nats-server kill -9 under load', network.nats);
  });

  it('loses and duplicates nothing when a recipient is killed', async () => {
    await underLoad('recipient kill -9 under load', network.node('MR'));
  });

  it('loses and duplicates nothing when the registry is killed', async () => {
    await underLoad('registry kill -9 under load', network.registry);
  });
});
