import { HttpError } from '@bureaunet/api-clients';
import { HUB_CODE } from '@bureaunet/contracts';
import { reportFault, startTestNetwork, waitFor, type SentMessageView, type TestNetwork } from '@bureaunet/testing';

const RECIPIENTS = ['MR', 'FR'] as const;
const PER_FAULT = 100;
/** Several senders at once, some to many: what the gateway pipelines and group-commits. */
const SENDERS: ReadonlyArray<{ from: string; to: string[] }> = [
  { from: 'DK', to: ['MR', 'FR'] },
  { from: 'FR', to: ['MR'] },
  { from: 'MR', to: ['DK', 'FR', HUB_CODE] },
];
const PER_SENDER = 40;
/** Clients sending at once each way in the node's batched-path test, and the most each sends. */
const WORKERS = 16;
const SENDS_PER_WORKER = 30;

/**
 * kill -9 of each moving part while DK sends to MR and FR: every message reaches each recipient
 * exactly once and comes back receipted. SQLite is the record, NATS the conveyor.
 */
describe('kill -9 under load', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    // A killed node's unacked deliveries come again after the consumers' ack wait: 5 s, not 30.
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR'], { DELIVERY_ACK_WAIT_MS: '5000' });
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

  /** Ledger entries that name a message, as the auditor reads them. */
  async function trail(messageId: string): Promise<Array<Record<string, unknown>>> {
    const response = await fetch(`${network.gateway.url}/api/trail/${messageId}`, {
      headers: { authorization: `Bearer ${network.gatewayTokens.auditor}` },
    });
    if (response.status === 404) return [];
    const body = (await response.json()) as { entries: Array<{ entry: Record<string, unknown> }> };
    return body.entries.map((item) => item.entry);
  }

  it('loses and duplicates nothing when the gateway is killed mid-batch: many senders, many recipients, all at once', async () => {
    const fault = 'gateway kill -9 mid-batch';
    // Every sender's envelopes submitted at once, so the gateway holds pipelined lanes and shared commits.
    const sent = await Promise.all(
      SENDERS.flatMap(({ from, to }) =>
        Array.from({ length: PER_SENDER }, async (_, index) => ({
          from,
          to,
          id: (await network.api(from).send({ kind: 'message', to, body: { fault, index } })).id,
        })),
      ),
    );
    const firstFromEach = new Map(SENDERS.map(({ from }) => [from, sent.find((message) => message.from === from)!]));
    await waitFor(
      async () => {
        const views = await Promise.all(
          [...firstFromEach.values()].map(({ from, id }) => network.api(from).message<SentMessageView>(id)),
        );
        return views.some((view) => view.recipients.some((recipient) => recipient.state !== 'pending'));
      },
      { what: `${fault}: the gateway under way` },
    );
    await network.gateway.kill();
    await network.gateway.restart();
    await waitFor(
      async () => {
        const views = await Promise.all(sent.map(({ from, id }) => network.api(from).message<SentMessageView>(id)));
        return views.every(
          (view, index) =>
            view.recipients.length === sent[index].to.length &&
            view.recipients.every((recipient) => recipient.state === 'receipted'),
        );
      },
      { what: `${fault}: every message receipted by every recipient`, timeoutMs: 180_000, intervalMs: 1_000 },
    );
    let lost = 0;
    let duplicated = 0;
    const recipients = [...new Set(SENDERS.flatMap(({ to }) => to))];
    for (const code of recipients) {
      const wanted = new Set(sent.filter(({ to }) => to.includes(code)).map(({ id }) => id));
      const copies = await inboxCopies(code, wanted);
      lost += wanted.size - new Set(copies).size;
      duplicated += copies.length - new Set(copies).size;
    }
    // The ledger: one acceptance, one delivery and one receipt per recipient, whatever was redelivered
    // (the trail also holds the receipts' own entries, under their ids).
    let ledgerLost = 0;
    let ledgerDuplicated = 0;
    for (const { id, to } of sent) {
      const entries = await trail(id);
      const count = (type: string, recipient?: string) =>
        entries.filter(
          (entry) =>
            entry['type'] === type &&
            entry['envelopeId'] === id &&
            (recipient === undefined || entry[type === 'delivery' ? 'to' : 'from'] === recipient),
        ).length;
      const expected = [
        count('submission-accepted'),
        ...to.flatMap((code) => [count('delivery', code), count('receipt', code)]),
      ];
      ledgerLost += expected.filter((found) => found === 0).length;
      ledgerDuplicated += expected.reduce((sum, found) => sum + Math.max(0, found - 1), 0);
    }
    const tries = sent.reduce((sum, { to }) => sum + to.length, 0);
    const figure = reportFault({ fault, tries, survived: tries - lost, lost, duplicated });
    expect(figure).toMatchObject({ lost: 0, duplicated: 0 });
    expect({ ledgerLost, ledgerDuplicated }).toEqual({ ledgerLost: 0, ledgerDuplicated: 0 });
  });

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
   * The node's batched path (one transaction for many sends, receipts and arrivals; publish marks
   * written together): WORKERS clients keep sending from DK to MR and FR, and as many from MR to DK,
   * so that many sends and arrivals are always in flight at DK; DK is killed once traffic runs both
   * ways, and started again. Every send DK answered 201 reaches both recipients once and comes back
   * receipted; every message MR sent reaches DK once and is receipted by it; nothing arrives twice,
   * the sends DK never answered included.
   */
  it('loses and duplicates nothing when a node is killed amid concurrent sends and arrivals', async () => {
    const fault = 'node kill -9 amid concurrent sends and arrivals';
    const sentByDk: string[] = [];
    const sentByMr: string[] = [];
    let unanswered = 0;
    let stop = false;
    let dkBack: Promise<void> = Promise.resolve();
    const dkSender = async (worker: number) => {
      for (let index = 0; !stop && index < SENDS_PER_WORKER; index += 1) {
        const body = { text: `${fault}: DK ${worker}.${index}` };
        try {
          sentByDk.push((await network.api('DK').send({ kind: 'message', to: [...RECIPIENTS], body })).id);
        } catch (error) {
          if (error instanceof HttpError) throw error; // an answer, not a crash: a refusal is a failure here
          unanswered += 1; // never answered (DK was killed): its fate is not promised
          await dkBack;
        }
      }
    };
    const mrSender = async (worker: number) => {
      for (let index = 0; !stop && index < SENDS_PER_WORKER; index += 1) {
        const body = { text: `${fault}: MR ${worker}.${index}` };
        sentByMr.push((await network.api('MR').send({ kind: 'message', to: ['DK'], body })).id);
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, worker) => [dkSender(worker), mrSender(worker)]).flat();
    await waitFor(async () => sentByDk.length >= WORKERS && (await inboxCopies('DK', new Set(sentByMr))).length >= 10, {
      what: `${fault}: traffic under way both ways`,
    });
    dkBack = network
      .node('DK')
      .kill()
      .then(() => network.node('DK').restart());
    await dkBack;
    const answeredBefore = sentByDk.length;
    await waitFor(() => sentByDk.length >= answeredBefore + WORKERS, { what: `${fault}: DK answers again` });
    stop = true;
    await Promise.all(workers);
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
    const expected = [...RECIPIENTS.map((code) => [code, sentByDk] as const), ['DK', sentByMr] as const];
    for (const [code, ids] of expected) {
      const inbox = (await network.api(code).inbox(5_000)).items.map((item) => item.id);
      lost += ids.filter((id) => !inbox.includes(id)).length;
      // Whatever arrived (an unanswered send too) arrived once.
      duplicated += inbox.length - new Set(inbox).size;
    }
    const tries = sentByDk.length * RECIPIENTS.length + sentByMr.length;
    const figure = reportFault({ fault, tries, survived: tries - lost, lost, duplicated });
    expect(figure).toMatchObject({ lost: 0, duplicated: 0 });
    // The kill did land while DK had sends in flight.
    expect(unanswered).toBeGreaterThan(0);
  });
});
