import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Database } from 'sqlite3';
import { deliverSubject, HUB_CODE, MAX_BODY_DEPTH, submitSubject } from '@bureaunet/contracts';
import {
  HttpError,
  NodeApiClient,
  reportFault,
  startTestNetwork,
  waitFor,
  type SentMessageView,
  type TestNetwork,
} from '@bureaunet/testing';
import { RogueBureau } from '@bureaunet/testing/rogue-bureau';

/**
 * Deliveries to one bureau the broker lets be in flight unacked: lowered from the default 1,000 so
 * that the attack below overfills it in a fraction of the time; what is tested is the same.
 */
const MAX_ACK_PENDING = 100;
/** Poison copies per attack: more than the consumer's max_ack_pending, which a blocked inbox would fill. */
const POISON = 150;
const NORMAL = 10;
const DEEP = 10_000;
const GATEWAY_POISON = 20;

interface RejectedView {
  envelopeId: string | null;
  code: string;
  rejectionId: string | null;
}

interface DeadLetterView {
  id: number;
  msgId: string | null;
  attempts: number;
  lastError: string;
  droppedAt: string | null;
}

/** Runs SQL on a node's own database from outside, as a disk or a bug might make its writes fail. */
function execSql(file: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new Database(file);
    db.configure('busyTimeout', 30_000);
    db.exec(sql, (error) => db.close(() => (error ? reject(error) : resolve())));
  });
}

async function sendNormal(network: TestNetwork, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < NORMAL; index++)
    ids.push((await network.api('DK').send({ kind: 'message', to: ['MR'], body: { text: `${label} ${index}` } })).id);
  return ids;
}

/** How many of `ids` are in MR's inbox, and how many inbox rows they make (a duplicate would show). */
async function arrived(network: TestNetwork, ids: readonly string[]): Promise<{ distinct: number; rows: number }> {
  const rows = (await network.api('MR').inbox(5_000)).items.filter((item) => ids.includes(item.id));
  return { distinct: new Set(rows.map((row) => row.id)).size, rows: rows.length };
}

describe('the receiving side under poison deliveries', () => {
  let network: TestNetwork;
  let nats: NatsConnection;

  beforeAll(async () => {
    // Parked after 3 failed deliveries (1 s + 2 s of backoff) rather than 5, to keep the run short.
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR'], {
      DEAD_LETTER_AFTER: '3',
      DELIVERY_MAX_ACK_PENDING: String(MAX_ACK_PENDING),
    });
    nats = await connect({ servers: network.nats.url });
  });

  afterAll(async () => {
    await nats?.close();
    await network?.teardown();
  });

  it(`refuses ${POISON} validly signed envelopes whose body nests ${DEEP} levels deep, and the ${NORMAL} behind them arrive`, async () => {
    const forger = await RogueBureau.posingWith(network, 'DK');
    const plaintext = `{"body":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`;
    const js = jetstream(nats);
    const poison: string[] = [];
    for (let index = 0; index < POISON; index++) {
      const envelope = await forger.forge({ to: ['MR'], plaintext });
      await js.publish(submitSubject('DK'), envelope.serialized, { msgID: envelope.payload.id });
      poison.push(envelope.payload.id);
    }
    await forger.close();
    const normal = await sendNormal(network, 'after deep poison');

    const got = await waitFor(
      async () => {
        const seen = await arrived(network, normal);
        return seen.distinct === NORMAL ? seen : undefined;
      },
      { what: `the ${NORMAL} normal messages in MR's inbox`, timeoutMs: 240_000 },
    );
    const refused = await waitFor(
      async () => {
        const rejected = await network.api('MR', 'admin').call<RejectedView[]>('GET', '/api/inbox/rejected?limit=5000');
        const deep = rejected.filter(
          (row) => row.envelopeId && poison.includes(row.envelopeId) && row.code === 'too-deep',
        );
        return deep.length === POISON ? deep : undefined;
      },
      { what: `MR to refuse all ${POISON} deep envelopes`, timeoutMs: 240_000 },
    );
    const stored = await arrived(network, poison);
    const figure = reportFault({
      fault: `validly signed body nested ${DEEP} deep (limit ${MAX_BODY_DEPTH}) x${POISON}, then ${NORMAL} normal`,
      tries: POISON,
      refused: refused.length,
      lost: NORMAL - got.distinct,
      duplicated: got.rows - got.distinct,
    });
    expect(figure).toMatchObject({ refused: POISON, lost: 0, duplicated: 0 });
    expect(stored.rows).toBe(0);
    expect(await network.api('MR').call('GET', '/api/health')).toMatchObject({ deadLetters: 0 });
  }, 300_000);

  it(`parks ${POISON} deliveries the recipient cannot store, lets the ${NORMAL} behind them through, and releases or drops them on an administrator's word`, async () => {
    const database = join(network.dataDir, 'node-MR', 'node.sqlite');
    const trigger = `CREATE TRIGGER fault_poison BEFORE INSERT ON received_message WHEN NEW.body LIKE '%"poison":true%' BEGIN SELECT RAISE(ABORT, 'store refused by the fault test'); END;`;
    await execSql(database, trigger);
    const dk = network.api('DK');
    const poison: string[] = [];
    for (let start = 0; start < POISON; start += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, offset) =>
          dk.send({ kind: 'message', to: ['MR'], body: { poison: true, index: start + offset } }),
        ),
      );
      poison.push(...batch.map((sent) => sent.id));
    }
    const normal = await sendNormal(network, 'after store poison');

    const got = await waitFor(
      async () => {
        const seen = await arrived(network, normal);
        return seen.distinct === NORMAL ? seen : undefined;
      },
      { what: `the ${NORMAL} normal messages in MR's inbox`, timeoutMs: 240_000 },
    );
    const admin = network.api('MR', 'admin');
    const parked = await waitFor(
      async () => {
        const letters = await admin.call<DeadLetterView[]>('GET', '/api/admin/dead-letters?limit=5000');
        const ours = letters.filter((letter) => letter.msgId && poison.some((id) => letter.msgId!.startsWith(id)));
        return ours.length === POISON ? ours : undefined;
      },
      { what: `all ${POISON} poison deliveries parked`, timeoutMs: 240_000 },
    );
    const figure = reportFault({
      fault: `recipient cannot store (write fails) x${POISON}, then ${NORMAL} normal`,
      tries: POISON,
      survived: parked.length,
      lost: NORMAL - got.distinct + (POISON - parked.length),
      duplicated: got.rows - got.distinct,
    });
    expect(figure).toMatchObject({ survived: POISON, lost: 0, duplicated: 0 });
    // At least 3: a copy that waited in the client past the ack wait comes back counted too.
    expect(
      parked.every(
        (letter) =>
          letter.attempts >= 3 &&
          letter.lastError.includes('store refused by the fault test') &&
          letter.droppedAt === null,
      ),
    ).toBe(true);
    expect(await network.api('MR').call('GET', '/api/health')).toMatchObject({ deadLetters: POISON });

    // Released while the fault lasts: kept, with the new error and one more attempt.
    const [first, second, third] = parked as [DeadLetterView, DeadLetterView, DeadLetterView];
    await expect(admin.call('POST', `/api/admin/dead-letters/${first.id}/release`)).rejects.toMatchObject({
      status: 409,
      body: { code: 'dead-letter-still-failing' },
    });
    expect(await admin.call('GET', `/api/admin/dead-letters/${first.id}`)).toMatchObject({
      id: first.id,
      attempts: first.attempts + 1,
      lastError: expect.stringContaining('store refused'),
    });

    // The fault mended: released into the inbox and receipted to the sender; another one dropped.
    await execSql(database, 'DROP TRIGGER fault_poison;');
    expect(await admin.call('POST', `/api/admin/dead-letters/${first.id}/release`)).toEqual({
      id: first.id,
      outcome: 'released',
    });
    const releasedId = poison.find((id) => first.msgId!.startsWith(id))!;
    expect((await arrived(network, [releasedId])).rows).toBe(1);
    await waitFor(async () => (await dk.message<SentMessageView>(releasedId)).recipients[0]?.state === 'receipted', {
      what: 'the receipt of the released message at DK',
    });
    await admin.call('DELETE', `/api/admin/dead-letters/${second.id}`);
    await expect(admin.call('GET', `/api/admin/dead-letters/${first.id}`)).rejects.toMatchObject({ status: 404 });
    expect(await admin.call('GET', `/api/admin/dead-letters/${second.id}`)).toMatchObject({
      droppedAt: expect.any(String),
    });
    await expect(admin.call('POST', `/api/admin/dead-letters/${second.id}/release`)).rejects.toMatchObject({
      status: 404,
    });
    expect(await network.api('MR').call('GET', '/api/health')).toMatchObject({ deadLetters: POISON - 2 });

    // Only the admin role sees or handles dead letters.
    const officer = network.api('MR', 'officer');
    await expect(officer.call('GET', '/api/admin/dead-letters')).rejects.toBeInstanceOf(HttpError);
    await expect(officer.call('POST', `/api/admin/dead-letters/${third.id}/release`)).rejects.toMatchObject({
      status: 403,
    });
  }, 400_000);

  it('parks at the gateway the submissions it cannot record, lets other senders through, and handles them on release', async () => {
    const gatewayDb = join(network.dataDir, 'gateway', 'gateway.sqlite');
    await execSql(
      gatewayDb,
      `CREATE TRIGGER fault_gateway BEFORE INSERT ON processed_submission WHEN NEW.sender = 'FR' BEGIN SELECT RAISE(ABORT, 'gateway store refused by the fault test'); END;`,
    );
    const stuck: string[] = [];
    for (let index = 0; index < GATEWAY_POISON; index++)
      stuck.push((await network.api('FR').send({ kind: 'message', to: ['MR'], body: { index } })).id);
    const normal = await sendNormal(network, 'beside gateway poison');
    const gatewayAdmin = new NodeApiClient(network.gateway.url, network.gatewayTokens.admin);

    const got = await waitFor(
      async () => {
        const seen = await arrived(network, normal);
        return seen.distinct === NORMAL ? seen : undefined;
      },
      { what: `DK's ${NORMAL} messages in MR's inbox`, timeoutMs: 120_000 },
    );
    const parked = await waitFor(
      async () => {
        const letters = await gatewayAdmin.call<DeadLetterView[]>('GET', '/api/admin/dead-letters?limit=5000');
        const ours = letters.filter((letter) => letter.msgId && stuck.includes(letter.msgId));
        return ours.length === GATEWAY_POISON ? ours : undefined;
      },
      { what: `FR's ${GATEWAY_POISON} submissions parked at the gateway` },
    );
    expect(await gatewayAdmin.call('GET', '/api/health')).toMatchObject({ deadLetters: GATEWAY_POISON });
    expect(parked.every((letter) => letter.lastError.includes('gateway store refused'))).toBe(true);

    await execSql(gatewayDb, 'DROP TRIGGER fault_gateway;');
    for (const letter of parked)
      expect(await gatewayAdmin.call('POST', `/api/admin/dead-letters/${letter.id}/release`)).toEqual({
        id: letter.id,
        outcome: 'released',
      });
    const delivered = await waitFor(
      async () => {
        const seen = await arrived(network, stuck);
        return seen.distinct === GATEWAY_POISON ? seen : undefined;
      },
      { what: `FR's ${GATEWAY_POISON} released messages in MR's inbox` },
    );
    await waitFor(
      async () =>
        (await Promise.all(stuck.map((id) => network.api('FR').message<SentMessageView>(id)))).every(
          (view) => view.recipients[0]?.state === 'receipted',
        ),
      { what: "MR's receipts at FR" },
    );
    const figure = reportFault({
      fault: `gateway cannot record a sender's submissions x${GATEWAY_POISON}, another sender beside`,
      tries: GATEWAY_POISON,
      survived: delivered.distinct,
      lost: NORMAL - got.distinct + (GATEWAY_POISON - delivered.distinct),
      duplicated: got.rows - got.distinct + delivered.rows - delivered.distinct,
    });
    expect(figure).toMatchObject({ survived: GATEWAY_POISON, lost: 0, duplicated: 0 });
    expect(await gatewayAdmin.call('GET', '/api/health')).toMatchObject({ deadLetters: 0 });
  }, 120_000);

  it('refuses an envelope that expired 29 days ago, even when it reaches the recipient', async () => {
    const forger = await RogueBureau.posingWith(network, 'DK');
    const day = 86_400_000;
    const expired = await forger.seal({
      to: ['MR'],
      createdAt: new Date(Date.now() - 36 * day),
      expiresAt: new Date(Date.now() - 29 * day),
    });
    await forger.close();
    // Straight onto MR's delivery subject, as a gateway that failed to check would put it; twice,
    // under two msgIds, so the stream keeps both copies.
    await jetstream(nats).publish(deliverSubject('MR'), expired.serialized, { msgID: `${expired.payload.id}:MR` });
    await jetstream(nats).publish(deliverSubject('MR'), expired.serialized, {
      msgID: `${expired.payload.id}:MR:again`,
    });

    const rejected = await waitFor(
      async () => {
        const rows = (await network.api('MR').call<RejectedView[]>('GET', '/api/inbox/rejected?limit=5000')).filter(
          (row) => row.envelopeId === expired.payload.id,
        );
        return rows.length === 2 ? rows : undefined;
      },
      { what: 'MR to refuse both copies of the expired envelope' },
    );
    const stored = await arrived(network, [expired.payload.id]);
    const figure = reportFault({
      fault: 'envelope expired 29 days ago on the delivery subject, twice',
      tries: 2,
      refused: rejected.filter((row) => row.code === 'expired').length,
      lost: 0,
      duplicated: stored.rows,
    });
    expect(figure).toMatchObject({ refused: 2, duplicated: 0 });
    // Signed by DK, so answered with a signed rejection — once, however many copies come.
    expect(rejected.filter((row) => row.rejectionId !== null)).toHaveLength(1);
  });
});

describe('a refusal that reaches the sender', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    // Envelopes live 6 s, and the clocks (one machine) are trusted to within 0.5 s.
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK'], { MESSAGE_TTL_MS: '6000', CLOCK_SKEW_MS: '500' });
  });

  afterAll(async () => {
    await network?.teardown();
  });

  it("shows the sender 'rejected' with code 'expired' when its envelope expired before the recipient read it", async () => {
    await network.node('MR').stop();
    const dk = network.api('DK');
    const { id } = await dk.send({ kind: 'message', to: ['MR'], body: { text: 'read me in time' } });
    const sent = await waitFor(
      async () => {
        const view = await dk.message<SentMessageView & { expiresAt: string }>(id);
        return view.recipients[0]?.state === 'delivered' ? view : undefined;
      },
      { what: 'the gateway to deliver to the stopped MR' },
    );
    // MR comes back only once the envelope is past its expiry by more than the tolerated skew.
    await waitFor(() => Date.now() > Date.parse(sent.expiresAt) + 1_000, {
      what: 'the envelope to expire',
      timeoutMs: 20_000,
    });
    await network.node('MR').restart();

    const rejected = await waitFor(
      async () => {
        const view = await dk.message<SentMessageView>(id);
        return view.recipients[0]?.state === 'rejected' ? view.recipients[0] : undefined;
      },
      { what: "DK to see MR's signed rejection" },
    );
    expect(rejected).toMatchObject({
      code: 'MR',
      state: 'rejected',
      refusal: { code: 'expired', message: expect.stringContaining(`envelope ${id} expired at`) },
    });
    expect((await network.api('MR').inbox()).items.some((item) => item.id === id)).toBe(false);
    const figure = reportFault({
      fault: 'envelope expired before the recipient read it',
      tries: 1,
      refused: 1,
      lost: 0,
      duplicated: 0,
    });
    expect(figure.refused).toBe(1);
  }, 120_000);
});
