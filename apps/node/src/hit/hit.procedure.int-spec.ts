import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource, In } from 'typeorm';
import { certificateKid, generateBureauKeys } from '@bureaunet/crypto';
import {
  NodeApiClient,
  startNatsServer,
  throwawayPostgresUrl,
  waitFor,
  type RunningNatsServer,
} from '@bureaunet/testing';
import { GatewayStandIn } from '../../testing/gateway.stand-in';
import { RegistryStandIn } from '../../testing/registry.stand-in';
import { ConsoleEventBus } from '../console-events/console-event.bus';
import type { ConsoleEvent } from '../console-events/console-event';
import { startNode, type RunningNode } from '../node.app';
import type { NodeConfig } from '../node.config';
import { OutboxSender } from '../outbox/outbox.sender';
import { HitEntity } from '../store/hit.entity';
import { ReceivedMessageEntity } from '../store/received-message.entity';
import { SentMessageEntity } from '../store/sent-message.entity';
import type { HitDto, HitPageDto } from './hit.dto';
import { HitProcedure, type HitToNotify } from './hit.procedure';

jest.setTimeout(60_000);

const DEADLINE_MS = 600_000;
const ROLES = ['officer', 'admin', 'border-officer'] as const;
type TestRole = (typeof ROLES)[number];
const tokenOf = (code: string, role: TestRole) => `${role}-token-${code}-0123456789`;

interface TestNode {
  running: RunningNode;
  db: DataSource;
  procedure: HitProcedure;
  as: (role: TestRole) => NodeApiClient;
}

const documentHit = {
  kind: 'document',
  index: 'ef'.repeat(32),
  issuingCountry: 'DK',
  status: 'stolen',
  version: 2,
} as const;
let checks = 0;
const checkId = () => `019ad000-0000-7000-8000-${String((checks += 1)).padStart(12, '0')}`;

/** The hit procedure between two real nodes: MR checks, DK owns the record (gateway and registry stand in). */
describe('the hit procedure between a checking node and the owner’s, over a real nats-server', () => {
  let dir: string;
  let nats: RunningNatsServer;
  let connection: NatsConnection;
  let registry: RegistryStandIn;
  let gateway: GatewayStandIn;
  let mr: TestNode;
  let dk: TestNode;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-hits-'));
    nats = await startNatsServer();
    connection = await connect({ servers: nats.url });
    registry = await RegistryStandIn.start(connection);
    const keys = await generateBureauKeys();
    const certs = await registry.enrolKeys('XG', 'gateway', {
      signing: keys.signing.publicKey,
      encryption: keys.encryption.publicKey,
    });
    gateway = await GatewayStandIn.start(connection, {
      signer: { kid: certificateKid(new X509Certificate(certs.signingCertificate)), key: keys.signing.privateKey },
      broadcastCodes: () => registry.broadcastCodes(),
      bureaus: ['MR', 'DK'],
    });
    mr = await startTestNode('MR');
    dk = await startTestNode('DK');
  });

  afterAll(async () => {
    for (const node of [mr, dk]) await node?.running.app.close();
    gateway?.stop();
    registry?.stop();
    await connection?.drain();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startTestNode(code: string): Promise<TestNode> {
    const config: NodeConfig = {
      code,
      port: 0,
      natsUrl: nats.url,
      nats: {},
      dataDir: join(dir, `node-${code}`),
      databaseUrl: await throwawayPostgresUrl(`node_${code}`),
      enrolmentToken: `test-enrolment-token-${code}`,
      roleTokens: ROLES.map((role) => `${role}:${tokenOf(code, role)}`).join(','),
      directoryStalenessMs: 600_000,
      messageTtlMs: 3_600_000,
      republishIntervalMs: 500,
      consumerWaitMs: 10_000,
      reportDeadlineMs: 60_000,
      receiptDeadlineMs: 3_600_000,
      republishMaxAttempts: 6,
      clockSkewMs: 120_000,
      deadLetterAfter: 5,
      deadLetterLimit: 10_000,
      hitDeadlineMs: DEADLINE_MS,
      hitSweepIntervalMs: 200,
    };
    const running = await startNode(config);
    return {
      running,
      db: running.app.get(DataSource),
      procedure: running.app.get(HitProcedure),
      as: (role) => new NodeApiClient(running.url, tokenOf(code, role)),
    };
  }

  const hitAt = (node: TestNode, id: string, role: TestRole = 'officer') =>
    node.as(role).call<HitDto>('GET', `/api/hits/${id}`);
  const receivedAt = (node: TestNode, id: string) =>
    waitFor(async () => (await node.db.getRepository(HitEntity).findOneBy({ id })) ?? undefined, {
      what: `hit ${id} received`,
    });
  const notification = (overrides: Partial<HitToNotify> = {}): HitToNotify => ({
    checkId: checkId(),
    owner: 'DK',
    hit: documentHit,
    checkedAt: new Date().toISOString(),
    place: 'Nouakchott airport',
    ...overrides,
  });

  it('notifies the owner, who confirms; both ends keep the hit and the checker shows the answer', async () => {
    const checkedAt = new Date().toISOString();
    const hit = notification({ checkedAt });
    const started = await mr.procedure.notify(hit);
    expect(started.answerBy).toBe(new Date(Date.parse(checkedAt) + DEADLINE_MS).toISOString());

    // At the checker: the sent hit and its envelope, to the owner only, marked immediate.
    expect(await mr.db.getRepository(SentMessageEntity).findOneByOrFail({ id: started.hitId })).toMatchObject({
      kind: 'hit-notification',
      to: ['DK'],
      meta: { recordOwner: 'DK', priority: 'immediate' },
    });
    const sent = await hitAt(mr, started.hitId, 'border-officer');
    expect(sent).toMatchObject({
      id: started.hitId,
      direction: 'sent',
      checkId: hit.checkId,
      counterpart: 'DK',
      hit: documentHit,
      checkedAt,
      place: hit.place,
      answerBy: started.answerBy,
      state: 'awaiting',
      answer: null,
    });
    expect(sent.remainingMs).toBeGreaterThan(0);
    expect(sent.remainingMs).toBeLessThanOrEqual(DEADLINE_MS);

    // At the owner: what matched, where, when and by whom; nothing of the officer's query.
    await receivedAt(dk, started.hitId);
    const received = await dk.as('officer').call<HitPageDto>('GET', '/api/hits?direction=received&state=awaiting');
    expect(received.items.find((item) => item.id === started.hitId)).toMatchObject({
      direction: 'received',
      counterpart: 'MR',
      checkId: hit.checkId,
      hit: documentHit,
      place: hit.place,
      answerBy: started.answerBy,
      state: 'awaiting',
    });
    const body = (await dk.db.getRepository(ReceivedMessageEntity).findOneByOrFail({ id: started.hitId })).body;
    expect(Object.keys(body as object).sort()).toEqual(['answerBy', 'checkId', 'checkedAt', 'hit', 'place']);

    // A confirmation about another check has no effect at the checker.
    const stray = await dk.running.app.get(OutboxSender).send({
      kind: 'hit-confirmation',
      to: ['MR'],
      meta: { replyTo: started.hitId },
      body: { checkId: checkId(), answer: 'not-confirmed' },
    });
    await waitFor(
      async () => (await mr.db.getRepository(ReceivedMessageEntity).existsBy({ id: stray.id })) || undefined,
      {
        what: 'the stray confirmation at MR',
      },
    );
    expect(await hitAt(mr, started.hitId)).toMatchObject({ state: 'awaiting', answer: null });

    // The owner answers: a hit-confirmation replying to the notification, recorded with the answer.
    const answered = await dk.as('officer').call<HitDto>('POST', `/api/hits/${started.hitId}/answer`, {
      answer: 'confirmed',
      note: 'stolen 2026-11-02, holder to be held',
    });
    expect(answered).toMatchObject({
      state: 'answered',
      remainingMs: 0,
      answer: { answer: 'confirmed', note: 'stolen 2026-11-02, holder to be held', late: false },
    });
    const confirmationId = answered.answer!.envelopeId!;
    expect(await dk.db.getRepository(SentMessageEntity).findOneByOrFail({ id: confirmationId })).toMatchObject({
      kind: 'hit-confirmation',
      to: ['MR'],
      meta: { replyTo: started.hitId },
    });
    await expect(
      dk.as('officer').call('POST', `/api/hits/${started.hitId}/answer`, { answer: 'not-confirmed' }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'hit-answered' } });

    const shown = await waitFor(
      async () => {
        const view = await hitAt(mr, started.hitId, 'border-officer');
        return view.state === 'answered' ? view : undefined;
      },
      { what: 'the answer at MR' },
    );
    expect(shown.answer).toEqual({
      answer: 'confirmed',
      note: 'stolen 2026-11-02, holder to be held',
      answeredAt: expect.any(String),
      envelopeId: confirmationId,
      late: false,
    });
    expect(await mr.procedure.status(started.hitId)).toEqual({
      state: 'answered',
      answerBy: started.answerBy,
      remainingMs: 0,
      answer: shown.answer,
    });
    const sentList = await mr.as('border-officer').call<HitPageDto>('GET', '/api/hits?direction=sent&state=answered');
    expect(sentList.items.map((item) => item.id)).toContain(started.hitId);
  });

  it('tells the consoles at both ends: the hit when recorded, the answer when it arrives', async () => {
    const heard = (node: TestNode) => {
      const events: ConsoleEvent[] = [];
      const subscription = node.running.app
        .get(ConsoleEventBus)
        .stream()
        .subscribe((event) => events.push(event));
      return { events, stop: () => subscription.unsubscribe() };
    };
    const [atMr, atDk] = [heard(mr), heard(dk)];
    const started = await mr.procedure.notify(notification());
    expect(atMr.events).toContainEqual({ name: 'hit', data: { id: started.hitId } });
    await waitFor(() => atDk.events.find((event) => event.name === 'hit' && event.data.id === started.hitId), {
      what: 'the hit event at DK',
    });
    await dk.as('officer').call('POST', `/api/hits/${started.hitId}/answer`, { answer: 'not-confirmed' });
    const answer = await waitFor(
      () => atMr.events.find((event) => event.name === 'hit-answer' && event.data.id === started.hitId),
      { what: 'the hit-answer event at MR' },
    );
    expect(answer).toEqual({ name: 'hit-answer', data: { id: started.hitId, confirmed: false } });
    // Published after the commit: what the event names is there to read.
    expect(await hitAt(mr, started.hitId)).toMatchObject({ state: 'answered' });
    atMr.stop();
    atDk.stop();
  });

  it('marks an unanswered hit overdue at both ends; a late answer is still sent and recorded as late', async () => {
    // Checked 11 minutes ago: the 10-minute deadline has passed already.
    const started = await mr.procedure.notify(
      notification({ checkedAt: new Date(Date.now() - 660_000).toISOString() }),
    );
    await waitFor(
      async () =>
        (await mr.db.getRepository(HitEntity).findOneBy({ id: started.hitId }))?.state === 'overdue' || undefined,
      { what: 'the sent hit swept overdue' },
    );
    expect(await hitAt(mr, started.hitId)).toMatchObject({ state: 'overdue', remainingMs: 0, answer: null });
    await receivedAt(dk, started.hitId);
    expect(await hitAt(dk, started.hitId)).toMatchObject({ state: 'overdue', remainingMs: 0 });

    const answered = await dk.as('officer').call<HitDto>('POST', `/api/hits/${started.hitId}/answer`, {
      answer: 'corrected',
      status: 'recovered',
    });
    expect(answered).toMatchObject({
      state: 'answered',
      answer: { answer: 'corrected', status: 'recovered', late: true },
    });
    const shown = await waitFor(
      async () => {
        const view = await hitAt(mr, started.hitId);
        return view.state === 'answered' ? view : undefined;
      },
      { what: 'the late answer at MR' },
    );
    expect(shown.answer).toMatchObject({ answer: 'corrected', status: 'recovered', late: true });
  });

  it('sends one confirmation when two officers answer at once', async () => {
    const started = await mr.procedure.notify(notification());
    await receivedAt(dk, started.hitId);
    const outcomes = await Promise.allSettled(
      (['confirmed', 'not-confirmed'] as const).map((answer) =>
        dk.as('officer').call<HitDto>('POST', `/api/hits/${started.hitId}/answer`, { answer }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: { status: 409, body: { code: 'hit-answered' } },
    });
    const confirmations = (await dk.db.getRepository(SentMessageEntity).findBy({ kind: 'hit-confirmation' })).filter(
      (message) => message.meta.replyTo === started.hitId,
    );
    expect(confirmations).toHaveLength(1);
    expect((await hitAt(dk, started.hitId)).answer?.envelopeId).toBe(confirmations[0].id);
  });

  it('keeps a hit on this bureau’s own record here: no envelope, answered by its own officers', async () => {
    // Receipts for earlier tests' envelopes may still be written meanwhile: count the hit steps only.
    const hitSteps = () =>
      mr.db.getRepository(SentMessageEntity).countBy({ kind: In(['hit-notification', 'hit-confirmation']) });
    const envelopes = await hitSteps();
    const started = await mr.procedure.notify(
      notification({ owner: 'MR', hit: { ...documentHit, issuingCountry: 'MR' } }),
    );
    expect(await hitAt(mr, started.hitId, 'border-officer')).toMatchObject({
      direction: 'received',
      counterpart: 'MR',
      state: 'awaiting',
    });
    const answered = await mr.as('officer').call<HitDto>('POST', `/api/hits/${started.hitId}/answer`, {
      answer: 'confirmed',
    });
    expect(answered.answer).toMatchObject({ answer: 'confirmed', envelopeId: null, late: false });
    expect(await hitSteps()).toBe(envelopes);
  });

  it('answers by role: the owner’s officers answer received hits, border officers follow sent ones', async () => {
    const started = await mr.procedure.notify(notification());
    await receivedAt(dk, started.hitId);
    const forbidden = { status: 403, body: { code: 'role-forbidden' } };
    await expect(mr.as('border-officer').call('GET', '/api/hits?direction=received')).rejects.toMatchObject(forbidden);
    await expect(hitAt(dk, started.hitId, 'border-officer')).rejects.toMatchObject(forbidden);
    await expect(
      dk.as('border-officer').call('POST', `/api/hits/${started.hitId}/answer`, { answer: 'confirmed' }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      dk.as('admin').call('POST', `/api/hits/${started.hitId}/answer`, { answer: 'confirmed' }),
    ).rejects.toMatchObject(forbidden);
    expect(await hitAt(dk, started.hitId, 'admin')).toMatchObject({ state: 'awaiting' });
    await expect(
      mr.as('officer').call('POST', `/api/hits/${started.hitId}/answer`, { answer: 'confirmed' }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'hit-not-owned' } });
    await expect(
      dk.as('officer').call('POST', `/api/hits/${started.hitId}/answer`, { answer: 'corrected' }),
    ).rejects.toMatchObject({
      status: 400,
      body: { reason: 'status: is required when a document hit is corrected' },
    });
    await expect(
      dk.as('officer').call('POST', `/api/hits/${started.hitId}/answer`, { answer: 'perhaps' }),
    ).rejects.toMatchObject({ status: 400, body: { reason: expect.stringMatching(/^answer: /) } });
    await expect(hitAt(dk, '019ad000-0000-7000-8000-ffffffffffff')).rejects.toMatchObject({
      status: 404,
      body: { code: 'hit-not-found' },
    });
    await expect(
      dk.as('officer').call('POST', '/api/hits/019ad000-0000-7000-8000-ffffffffffff/answer', { answer: 'confirmed' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(hitAt(dk, 'not-an-id')).rejects.toMatchObject({
      status: 400,
      body: { reason: expect.stringMatching(/^id: must be a UUID or a ULID$/) },
    });
    await expect(dk.as('officer').call('GET', '/api/hits')).rejects.toMatchObject({
      status: 400,
      body: { reason: expect.stringMatching(/^direction: /) },
    });
  });
});
