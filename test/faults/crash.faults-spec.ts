import { HUB_CODE } from '@bureaunet/contracts';
import { reportFault, startTestNetwork, waitFor, type SentMessageView, type TestNetwork } from '@bureaunet/testing';

const RECIPIENTS = ['MR', 'FR'] as const;
const PER_FAULT = 100;
/** Sends in flight at once each way in the node's batched-path test, and its rounds. */
const BATCH = 24;
const ROUNDS = 4;
const CRASH_ROUND = 1;

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

  /**
   * The node's batched path (one transaction for many sends, receipts and arrivals; published marks
   * written together): DK is killed while BATCH sends to MR and FR and BATCH arrivals from MR are in
   * flight at once. Every send DK answered 201 reaches both once and comes back receipted; every
   * message MR sent reaches DK once and is receipted by it; nothing anywhere twice.
   */
  it('loses and duplicates nothing when a node is killed amid concurrent sends and arrivals', async () => {
    const fault = 'node kill -9 amid a batch of sends and arrivals';
    const sentByDk: string[] = [];
    const sentByMr: string[] = [];
    let refusedWhileDown = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const fromDk = Array.from({ length: BATCH }, (_, index) =>
        network
          .api('DK')
          .send({ kind: 'message', to: [...RECIPIENTS], body: { text: `${fault}: DK ${round}.${index}` } }),
      );
      const fromMr = Array.from({ length: BATCH }, (_, index) =>
        network.api('MR').send({ kind: 'message', to: ['DK'], body: { text: `${fault}: MR ${round}.${index}` } }),
      );
      if (round === CRASH_ROUND) {
        // Killed once its first send of the round is durable: the rest of both batches are mid-way.
        await Promise.race(
          fromDk.map((sent) =>
            sent.then(
              () => undefined,
              () => undefined,
            ),
          ),
        );
        await network.node('DK').kill();
        await network.node('DK').restart();
      }
      for (const outcome of await Promise.allSettled(fromDk)) {
        if (outcome.status === 'fulfilled') sentByDk.push(outcome.value.id);
        else refusedWhileDown += 1; // never answered 201: its fate is not promised
      }
      sentByMr.push(...(await Promise.all(fromMr)).map((sent) => sent.id));
    }
    const everyReceipted = async (code: string, ids: readonly string[], recipients: readonly string[]) =>
      (await Promise.all(ids.map((id) => network.api(code).message<SentMessageView>(id)))).every(
        (view) =>
          view.recipients.length === recipients.length &&
          view.recipients.every((recipient) => recipient.state === 'receipted'),
      );
    await waitFor(
      async () => (await everyReceipted('DK', sentByDk, RECIPIENTS)) && (await everyReceipted('MR', sentByMr, ['DK'])),
      { what: `${fault}: every message receipted`, timeoutMs: 120_000, intervalMs: 500 },
    );
    let lost = 0;
    let duplicated = 0;
    for (const [code, ids] of [
      ...RECIPIENTS.map((recipient) => [recipient, sentByDk] as const),
      ['DK', sentByMr] as const,
    ]) {
      const inbox = (await network.api(code).inbox(5_000)).items.map((item) => item.id);
      lost += ids.filter((id) => !inbox.includes(id)).length;
      // Unanswered sends count too: whatever arrived, arrived once.
      duplicated += inbox.length - new Set(inbox).size;
    }
    const tries = sentByDk.length * RECIPIENTS.length + sentByMr.length;
    const figure = reportFault({ fault, tries, survived: tries - lost, lost, duplicated });
    expect(figure).toMatchObject({ lost: 0, duplicated: 0 });
    expect(sentByDk.length + refusedWhileDown).toBe(ROUNDS * BATCH);
  });
});
