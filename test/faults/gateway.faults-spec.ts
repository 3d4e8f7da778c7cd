import { createHash, randomUUID } from 'node:crypto';
import { HUB_CODE } from '@bureaunet/contracts';
import { DEFAULT_RATE_LIMITS } from '@bureaunet/policy';
import {
  DeliveryWatch,
  HttpError,
  SentMessageView,
  TestNetwork,
  reportFault,
  startTestNetwork,
  waitFor,
} from '@bureaunet/testing';
import { RogueBureau } from '@bureaunet/testing/rogue-bureau';

type Json = Record<string, unknown>;

/** Attacks on the gateway's handling of receipts and submissions, and on the hub's review steps. */
describe('gateway and hub under attack by a bureau holding valid credentials', () => {
  let network: TestNetwork;
  let watch: DeliveryWatch;
  const rogues = new Map<string, RogueBureau>();

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR']);
    watch = await DeliveryWatch.start(network.nats.url);
    for (const code of ['MR', 'FR']) rogues.set(code, await RogueBureau.posingWith(network, code));
  });

  afterAll(async () => {
    for (const rogue of rogues.values()) await rogue.close();
    await watch?.stop();
    await network?.teardown();
  });

  const rogue = (code: string) => rogues.get(code)!;

  async function registry(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${network.registry.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${network.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  async function limitRates(bureaus: Record<string, { messagesPerMinute: number }>): Promise<void> {
    const changed = await registry('PUT', '/api/rules', { limits: { ...DEFAULT_RATE_LIMITS, bureaus } });
    expect(changed.status).toBe(200);
    const version = changed.body['version'] as number;
    await waitFor(
      async () =>
        ((await (await fetch(`${network.gateway.url}/api/rules/status`)).json()) as { version: number | null })
          .version === version,
      { what: `rules version ${version} at the gateway` },
    );
  }

  /** Ledger entries that name a message, as the auditor reads them. */
  async function trail(messageId: string): Promise<Json[]> {
    const response = await fetch(`${network.gateway.url}/api/trail/${messageId}`, {
      headers: { authorization: `Bearer ${network.gatewayTokens.auditor}` },
    });
    if (response.status === 404) return [];
    const body = (await response.json()) as { entries: Array<{ entry: Json }> };
    return body.entries.map((item) => item.entry);
  }

  /** Sends as a bureau and waits until every addressee has receipted; returns the id and digest. */
  async function sentAndReceipted(
    from: string,
    to: string[],
    text: string,
  ): Promise<{ id: string; digest: string; raw: string }> {
    const { id } = await network.api(from).send({ kind: 'message', to, body: { text } });
    await waitFor(
      async () => {
        const view = await network.api(from).message<SentMessageView>(id);
        return (
          view.recipients.length === to.length && view.recipients.every((recipient) => recipient.state === 'receipted')
        );
      },
      { what: `receipts for ${id}` },
    );
    const raw = await network.api(from).envelope(id);
    const jws = JSON.parse(raw) as { protected: string; payload: string };
    return { id, raw, digest: createHash('sha256').update(`${jws.protected}.${jws.payload}`).digest('base64url') };
  }

  const receiptsIn = async (id: string) => (await trail(id)).filter((entry) => entry['type'] === 'receipt');
  const isReceiptFor = (id: string, from?: string) => (payload: Json) =>
    payload['kind'] === 'receipt' &&
    (payload['meta'] as { receiptFor?: { id: string } }).receiptFor?.id === id &&
    (from === undefined || payload['from'] === from);
  const idOf = (raw: string) =>
    (
      JSON.parse(Buffer.from((JSON.parse(raw) as { payload: string }).payload, 'base64url').toString()) as {
        id: string;
      }
    ).id;

  /** Submits each forged envelope and waits for the gateway's report on every one. */
  async function submitAll(code: string, envelopes: string[]): Promise<Json[]> {
    const ids = envelopes.map(idOf);
    for (const raw of envelopes) await rogue(code).submit(raw);
    return waitFor(
      () => {
        const reports = ids.map((id) => watch.reports(code, id)[0]?.payload);
        return reports.every((report) => report !== undefined) ? reports : undefined;
      },
      { what: `${ids.length} reports to ${code}`, timeoutMs: 60_000 },
    );
  }

  const refusalCode = (report: Json) => (report['refusal'] as { code?: string } | undefined)?.code;

  it('(6) one receipt per recipient and envelope: a receipt flood from a rate-limited bureau is neither delivered nor ledgered', async () => {
    await limitRates({ MR: { messagesPerMinute: 5 } });
    try {
      const original = await sentAndReceipted('DK', ['MR'], 'receipt flood target');
      const forged = await Promise.all(
        Array.from({ length: 300 }, () =>
          rogue('MR')
            .seal({
              id: randomUUID(),
              kind: 'receipt',
              to: ['DK'],
              meta: { receiptFor: { id: original.id, digest: original.digest } },
            })
            .then(serialized),
        ),
      );
      const reports = await submitAll('MR', forged);
      const accepted = reports.filter((report) => report['status'] === 'accepted').length;
      const ledgered = (await receiptsIn(original.id)).length;
      const forgedIds = new Set(forged.map(idOf));
      const delivered = watch.deliveries('DK', (payload) => forgedIds.has(payload['id'] as string)).length;
      const figure = reportFault({
        fault: 'receipt flood: 300 receipts for one envelope from a bureau limited to 5 a minute',
        tries: 300,
        refused: 300 - accepted,
        lost: ledgered === 0 ? 1 : 0,
        duplicated: ledgered - 1 + delivered,
      });
      expect(reports.every((report) => refusalCode(report) === 'duplicate-receipt')).toBe(true);
      expect(figure).toMatchObject({ refused: 300, lost: 0, duplicated: 0 });
      const view = await network.api('DK').message<SentMessageView>(original.id);
      expect(view.recipients).toEqual([expect.objectContaining({ code: 'MR', state: 'receipted' })]);
    } finally {
      await limitRates({});
    }
  });

  it('(7) a receipt from a bureau that never got the envelope is refused, never delivered nor ledgered, and costs its rate', async () => {
    await limitRates({ FR: { messagesPerMinute: 1 } });
    try {
      const toMr = await sentAndReceipted('DK', ['MR'], 'not for FR');
      const fromHub = await sentAndReceipted(HUB_CODE, ['MR'], 'hub to MR only');
      const forged = [
        // The hub is always reachable: that must not make it a drop box for anyone's receipts.
        serialized(
          await rogue('FR').seal({
            id: randomUUID(),
            kind: 'receipt',
            to: [HUB_CODE],
            meta: { receiptFor: { id: fromHub.id, digest: fromHub.digest } },
          }),
        ),
        serialized(
          await rogue('FR').seal({
            id: randomUUID(),
            kind: 'receipt',
            to: ['DK'],
            meta: { receiptFor: { id: toMr.id, digest: toMr.digest } },
          }),
        ),
        ...(await Promise.all(
          Array.from({ length: 8 }, () =>
            rogue('FR')
              .seal({
                id: randomUUID(),
                kind: 'receipt',
                to: ['DK'],
                meta: { receiptFor: { id: toMr.id, digest: toMr.digest } },
              })
              .then(serialized),
          ),
        )),
      ];
      const reports = await submitAll('FR', forged);
      const refused = reports.filter((report) => report['status'] === 'refused').length;
      const ledgeredFromFr = [...(await receiptsIn(toMr.id)), ...(await receiptsIn(fromHub.id))].filter(
        (entry) => entry['from'] === 'FR',
      ).length;
      const delivered =
        watch.deliveries('DK', isReceiptFor(toMr.id, 'FR')).length +
        watch.deliveries(HUB_CODE, isReceiptFor(fromHub.id, 'FR')).length;
      const figure = reportFault({
        fault: 'receipts from a non-recipient (to the sender and to the hub)',
        tries: forged.length,
        refused,
        lost: 0,
        duplicated: ledgeredFromFr + delivered,
      });
      expect(figure).toMatchObject({ refused: forged.length, duplicated: 0 });
      expect(refusalCode(reports[0])).toBe('receipt-not-recipient');
      // Refused receipts draw on the sender's allowance: the flood ends in rate-limited refusals.
      expect(reports.filter((report) => refusalCode(report) === 'rate-limited').length).toBeGreaterThanOrEqual(
        forged.length - 3,
      );
    } finally {
      await limitRates({});
    }
  });

  it("(9) another bureau's envelope replayed on a bureau's own subject is refused for the subject, not answered as a replay", async () => {
    const original = await sentAndReceipted('DK', ['MR'], 'replayed by FR');
    const before = {
      toMr: watch.deliveries('MR', (payload) => payload['id'] === original.id).length,
      toDk: watch.reports('DK', original.id).length,
    };
    const tries = 3;
    for (let i = 0; i < tries; i++) await rogue('FR').submit(original.raw);
    // The gateway answers each copy: refused to FR, or (the flaw) re-published to MR and DK.
    const answered = () =>
      watch.reports('FR', original.id).length + watch.reports('DK', original.id).length - before.toDk;
    await waitFor(() => answered() >= tries, { what: 'an answer to every replayed copy' });
    const reports = watch.reports('FR', original.id);
    const duplicated =
      watch.deliveries('MR', (payload) => payload['id'] === original.id).length -
      before.toMr +
      watch.reports('DK', original.id).length -
      before.toDk;
    const figure = reportFault({
      fault: "another bureau's envelope replayed on one's own submission subject",
      tries,
      refused: reports.filter((report) => refusalCode(report.payload) === 'sender-mismatch').length,
      lost: 0,
      duplicated,
    });
    expect(figure).toMatchObject({ refused: tries, duplicated: 0 });
  });

  it('(9) content bound to another envelope (JWE bn_id / bn_from) is refused at the gateway, not delivered for the recipient to reject', async () => {
    // Honest content for envelope A, lifted into envelope B by its own sender.
    const honest = JSON.parse(
      Buffer.from(
        (
          JSON.parse(
            serialized(
              await rogue('MR').seal({
                id: randomUUID(),
                kind: 'message',
                to: ['DK'],
                meta: {},
                body: { text: 'bound to A' },
              }),
            ),
          ) as { payload: string }
        ).payload,
        'base64url',
      ).toString(),
    ) as Json;
    const liftedId = { ...honest, id: randomUUID() };
    // DK's content (bound to DK's envelope), lifted into MR's envelope under DK's own id.
    const fromDk = await sentAndReceipted('DK', ['MR'], 'bound to DK');
    const dkPayload = JSON.parse(
      Buffer.from((JSON.parse(fromDk.raw) as { payload: string }).payload, 'base64url').toString(),
    ) as Json;
    const liftedFrom = { ...honest, id: randomUUID(), to: ['MR'], content: dkPayload['content'] };
    const forged = [await rogue('MR').sign(liftedId), await rogue('FR').sign({ ...liftedFrom, from: 'FR' })];
    const reports = [...(await submitAll('MR', [forged[0]])), ...(await submitAll('FR', [forged[1]]))];
    const delivered =
      watch.deliveries('DK', (payload) => payload['id'] === liftedId.id).length +
      watch.deliveries('MR', (payload) => payload['id'] === liftedFrom.id).length;
    const figure = reportFault({
      fault: 'content JWE bound to another envelope id or sender',
      tries: 2,
      refused: reports.filter((report) => refusalCode(report) === 'content-binding-mismatch').length,
      lost: 0,
      duplicated: delivered,
    });
    expect(figure).toMatchObject({ refused: 2, duplicated: 0 });
    expect((reports[0]['refusal'] as { message: string }).message).toMatch(/bn_id/);
  });

  describe('(8) review steps at the hub, raced through HTTP', () => {
    const reviewer = () => network.api(HUB_CODE, 'reviewer');

    async function pendingRequest(familyName: string): Promise<string> {
      const { id } = await network
        .api('MR')
        .requestNotice({ type: 'yellow', familyName, offence: 'missing since 2026-11-01', expiry: '2030-11-01' });
      await waitFor(async () => (await reviewer().reviewQueue()).some((item) => item.id === id), {
        what: `request ${id} in the hub's review queue`,
      });
      return id;
    }

    const noticesFor = async (familyName: string) => (await reviewer().searchNotices({ name: familyName })).length;

    it('approving one request twice at once publishes one notice; the other approval is told the state', async () => {
      const rounds = 3;
      let published = 0;
      let conflicts = 0;
      for (let round = 0; round < rounds; round++) {
        const name = `Twiceapproved${String.fromCharCode(97 + round)}`;
        const id = await pendingRequest(name);
        const outcomes = await Promise.allSettled([reviewer().approveNotice(id), reviewer().approveNotice(id)]);
        published += await noticesFor(name);
        for (const outcome of outcomes) {
          if (outcome.status === 'fulfilled') continue;
          expect(outcome.reason).toBeInstanceOf(HttpError);
          expect(outcome.reason).toMatchObject({
            status: 409,
            body: { code: 'request-decided', reason: expect.stringContaining('approved') },
          });
          conflicts += 1;
        }
      }
      const figure = reportFault({
        fault: 'one notice request approved twice at once',
        tries: rounds,
        refused: conflicts,
        lost: 0,
        duplicated: published - rounds,
      });
      expect(figure).toMatchObject({ refused: rounds, lost: 0, duplicated: 0 });
    });

    it('approving and refusing one request at once: exactly one wins, and the state says which', async () => {
      const rounds = 3;
      let bothWon = 0;
      let inconsistent = 0;
      for (let round = 0; round < rounds; round++) {
        const name = `Approverefuse${String.fromCharCode(97 + round)}`;
        const id = await pendingRequest(name);
        const [approved, refused] = await Promise.allSettled([
          reviewer().approveNotice(id),
          reviewer().refuseNotice(id, 'raced'),
        ]);
        const winners = [approved, refused].filter((outcome) => outcome.status === 'fulfilled').length;
        if (winners !== 1) bothWon += 1;
        const state = (await reviewer().noticeRequests()).find((item) => item.id === id)?.state;
        const notices = await noticesFor(name);
        const expected =
          approved.status === 'fulfilled' ? { state: 'approved', notices: 1 } : { state: 'refused', notices: 0 };
        if (state !== expected.state || notices !== expected.notices) inconsistent += 1;
      }
      const figure = reportFault({
        fault: 'one notice request approved and refused at once',
        tries: rounds,
        refused: rounds - bothWon,
        lost: inconsistent,
        duplicated: bothWon,
      });
      expect(figure).toMatchObject({ refused: rounds, lost: 0, duplicated: 0 });
    });
  });
});

describe('replay records pruned past the time window', () => {
  let network: TestNetwork;
  let watch: DeliveryWatch;
  let mr: RogueBureau;

  beforeAll(async () => {
    // A short window so the record ages out within the test; the pruner runs often.
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK'], {
      MAX_ENVELOPE_AGE_MS: '4000',
      CLOCK_SKEW_MS: '1000',
      REPLAY_PRUNE_INTERVAL_MS: '200',
      // The pruner's info line is this test's signal.
      LOG_LEVEL: 'info',
    });
    watch = await DeliveryWatch.start(network.nats.url);
    mr = await RogueBureau.posingWith(network, 'MR');
  });

  afterAll(async () => {
    await mr?.close();
    await watch?.stop();
    await network?.teardown();
  });

  it('refuses a replay of a pruned envelope id as stale, and delivers nothing again', async () => {
    const raw = serialized(
      await mr.seal({
        id: randomUUID(),
        kind: 'message',
        to: ['DK'],
        meta: {},
        body: { text: 'replayed after pruning' },
      }),
    );
    const id = (
      JSON.parse(Buffer.from((JSON.parse(raw) as { payload: string }).payload, 'base64url').toString()) as {
        id: string;
      }
    ).id;
    await mr.submit(raw, { msgId: `${id}-first` });
    await waitFor(() => watch.reports('MR', id)[0]?.payload['status'] === 'accepted', {
      what: 'the first copy accepted',
    });
    // The pruner's own signal that the record of this envelope is gone.
    await waitFor(() => /pruned \d+ replay records/.test(network.output()), {
      what: 'the replay record pruned',
      timeoutMs: 30_000,
    });
    const deliveredBefore = watch.deliveries('DK', (payload) => payload['id'] === id).length;
    const tries = 3;
    for (let i = 0; i < tries; i++) await mr.submit(raw, { msgId: `${id}-again-${i}` });
    const reports = await waitFor(
      () => (watch.reports('MR', id).length >= 1 + tries ? watch.reports('MR', id).slice(1) : undefined),
      { what: 'a report on every replayed copy' },
    );
    const duplicated = watch.deliveries('DK', (payload) => payload['id'] === id).length - deliveredBefore;
    const figure = reportFault({
      fault: 'replay of an envelope whose replay record was pruned',
      tries,
      refused: reports.filter(
        (report) => (report.payload['refusal'] as { code?: string } | undefined)?.code === 'stale',
      ).length,
      lost: 0,
      duplicated,
    });
    expect(figure).toMatchObject({ refused: tries, duplicated: 0 });
  });
});

function serialized(sealed: { serialized: string }): string {
  return sealed.serialized;
}
