import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  DomainError,
  HUB_CODE,
  nodePermissions,
  sltdEntrySubject,
  type SltdEntry,
  type TravelDocumentRecord,
} from '@bureaunet/contracts';
import { PersistenceModule } from '@bureaunet/persistence';
import { DataSource } from 'typeorm';
import {
  CLOCK,
  DomainErrorFilter,
  RequestValidationPipe,
  RoleTokens,
  roleGuardProviders,
  systemClock,
  type Clock,
} from '@bureaunet/platform';
import {
  startNatsServer,
  waitFor,
  writeNatsAuthConfig,
  type BrokerCredentials,
  type RunningNatsServer,
  throwawayPostgresUrl,
} from '@bureaunet/testing';
import { TransportModule } from '@bureaunet/transport';
import { sealRecord } from '@bureaunet/travel-document';
import { composeTd3 } from '../../../../libs/travel-document/src/mrz.reference';
import { EvaluatorStandIn } from '../../testing/evaluator.stand-in';
import { SltdFeedStandIn } from '../../testing/sltd-feed.stand-in';
import { EvaluatorClient } from '../evaluation/evaluator.client';
import type { HitStatus } from '../hit/hit.dto';
import { HitProcedure, type HitToNotify, type StartedHit } from '../hit/hit.procedure';
import { EnvelopeIdGenerator } from '../id/envelope-id.generator';
import { NODE_MIGRATIONS } from '../migrations';
import { NODE_POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { NodeRuntimeModule } from '../node-runtime.module';
import type { NodeConfig } from '../node.config';
import { ReplicaFollower } from '../replica/replica.follower';
import { ReplicaResync } from '../replica/replica.resync';
import { ReplicaStatus, type ReplicaStatusView } from '../replica/replica.status';
import { NODE_ENTITIES } from '../store/node.entities';
import { postgresRowsText } from '../migrations/node.test-database';
import { StoreModule } from '../store/store.module';
import { CheckLogController } from './check-log.controller';
import type { CheckLogDto, CheckLogPageDto } from './check-log.dto';
import { CheckLogService } from './check-log.service';
import type { DocumentCheckAnswer } from './document-check.answer';
import { DocumentCheckController } from './document-check.controller';
import { DocumentCheckService } from './document-check.service';

jest.setTimeout(120_000);

const TOKENS = {
  'border-officer': 'border-officer-token-0123456789',
  officer: 'officer-token-0123456789',
  admin: 'admin-token-0123456789',
  auditor: 'auditor-token-0123456789',
};
type TokenRole = keyof typeof TOKENS;

/** Every number checked or indexed here: none may reach the database file or a log line. */
const NUMBERS = {
  stolen: 'DKA100001',
  lost: 'DKB200002',
  recovered: 'DKC300003',
  afterMalformed: 'DKD400004',
  unsealable: 'DKE500005',
  whileDown: 'DKF600006',
  whilePending: 'DKG700007',
  unknown: 'ZZZ999999',
};

class RecordingHitProcedure {
  readonly calls: HitToNotify[] = [];
  failing = false;

  notify(hit: HitToNotify): Promise<StartedHit> {
    if (this.failing) return Promise.reject(new Error('the outbox is down'));
    this.calls.push(hit);
    return Promise.resolve({ hitId: `hit-${this.calls.length}`, answerBy: '2030-01-01T00:10:00.000Z' });
  }

  // The check's detail shows the hit as the procedure knows it: here, awaiting the owner.
  status(hitId: string): Promise<HitStatus | null> {
    if (!/^hit-\d+$/.test(hitId)) return Promise.resolve(null);
    return Promise.resolve({
      state: 'awaiting',
      answerBy: '2030-01-01T00:10:00.000Z',
      remainingMs: 600_000,
      answer: null,
    });
  }
}

class CollectingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(...parts: unknown[]): void {
    this.lines.push(parts.map(String).join(' '));
  }
  error(...parts: unknown[]): void {
    this.log(...parts);
  }
  warn(...parts: unknown[]): void {
    this.log(...parts);
  }
  debug(...parts: unknown[]): void {
    this.log(...parts);
  }
  verbose(...parts: unknown[]): void {
    this.log(...parts);
  }
}

interface CheckingNode {
  app: INestApplication;
  url: string;
  logger: CollectingLogger;
}

interface Call<T> {
  status: number;
  body: T;
}

/** What a refusal adds (DomainErrorFilter): the answers below are read as their type or as a refusal. */
type Refusal = Partial<{ code: string; reason: string; field: string; at: { line: number; position: number } }>;

describe('document checks against the replica (real nats-server with broker isolation, real SQLite)', () => {
  let nats: RunningNatsServer;
  let broker: Map<string, BrokerCredentials>;
  let connection: NatsConnection;
  let feed: SltdFeedStandIn;
  let evaluator: EvaluatorStandIn;
  const hits = new RecordingHitProcedure();
  const mrDir = mkdtempSync(join(tmpdir(), 'bureaunet-check-MR-'));
  const seDir = mkdtempSync(join(tmpdir(), 'bureaunet-check-SE-'));
  const natsDir = mkdtempSync(join(tmpdir(), 'bureaunet-check-nats-'));
  const logs: string[] = [];
  let mr: CheckingNode;
  let se: CheckingNode | undefined;

  // On a PostgreSQL run, each data directory stands for a database of its own, reopened on a restart.
  const databaseUrls = new Map<string, string | undefined>();

  async function startCheckingNode(code: string, dataDir: string): Promise<CheckingNode> {
    if (!databaseUrls.has(dataDir)) databaseUrls.set(dataDir, await throwawayPostgresUrl(`node_${code}`));
    const config = { code } as NodeConfig;
    const clock: Clock = systemClock;
    const module = await Test.createTestingModule({
      imports: [
        NodeRuntimeModule.forRoot(config, clock),
        // As the node's own broker user: the replica must work with what the node may do.
        TransportModule.forRoot({ servers: nats.url, name: `node-${code}`, ...userOf(code) }),
        PersistenceModule.forRoot({
          database: join(dataDir, 'node.sqlite'),
          url: databaseUrls.get(dataDir),
          entities: NODE_ENTITIES,
          migrations: NODE_MIGRATIONS,
          postgresMigrations: NODE_POSTGRES_MIGRATIONS,
        }),
        ScheduleModule.forRoot(),
        StoreModule,
      ],
      controllers: [DocumentCheckController, CheckLogController],
      providers: [
        ...roleGuardProviders(() =>
          RoleTokens.parse(
            Object.entries(TOKENS)
              .map(([role, token]) => `${role}:${token}`)
              .join(','),
          ),
        ),
        ReplicaFollower,
        ReplicaResync,
        ReplicaStatus,
        DocumentCheckService,
        CheckLogService,
        { provide: EnvelopeIdGenerator, inject: [CLOCK], useFactory: (at: Clock) => new EnvelopeIdGenerator(at) },
        { provide: EvaluatorClient, useValue: evaluator },
        { provide: HitProcedure, useValue: hits },
      ],
    }).compile();
    const logger = new CollectingLogger();
    const app = module.createNestApplication({ logger });
    app.useGlobalPipes(new RequestValidationPipe());
    app.useGlobalFilters(new DomainErrorFilter());
    await app.listen(0, '127.0.0.1');
    return { app, url: await app.getUrl(), logger };
  }

  function userOf(code: string) {
    const { user, password, inboxPrefix } = broker.get(`node-${code}`)!;
    return { user, pass: password, inboxPrefix };
  }

  async function stop(node: CheckingNode): Promise<void> {
    await node.app.close();
    logs.push(...node.logger.lines);
  }

  async function call<T>(
    node: CheckingNode,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    role: TokenRole = 'border-officer',
  ): Promise<Call<T>> {
    const response = await fetch(`${node.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKENS[role]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  const check = (node: CheckingNode, body: unknown, role: TokenRole = 'border-officer') =>
    call<DocumentCheckAnswer & Refusal>(node, 'POST', '/api/checks/document', body, role);
  const byNumber = (documentNumber: string, place = 'Kastrup T2') =>
    check(mr, { documentNumber, issuingCountry: 'DK', place });
  const replica = async (node: CheckingNode) =>
    (await call<ReplicaStatusView>(node, 'GET', '/api/checks/replica')).body;
  const logged = (node: CheckingNode, id: string) => call<CheckLogDto & Refusal>(node, 'GET', `/api/checks/${id}`);
  const appliedUpTo = (node: CheckingNode, sequence: number) =>
    waitFor(async () => (await replica(node)).appliedSequence >= sequence, { what: `#${sequence} applied` });

  /** A DK record as the issuer seals it, as the databases service publishes it. */
  function entryOf(
    documentNumber: string,
    status: TravelDocumentRecord['status'],
    version: number,
    details: TravelDocumentRecord['details'] = { familyName: 'Jensen', givenNames: 'Mette' },
  ): SltdEntry {
    const keys = evaluator.keysOf(documentNumber, 'DK');
    const sealed = sealRecord({
      record: {
        documentNumber,
        issuingCountry: 'DK',
        documentType: 'passport',
        status,
        reportedAt: '2026-11-20T08:00:00.000Z',
        details,
      },
      keys,
      version,
    });
    return {
      index: Buffer.from(sealed.index).toString('hex'),
      issuingCountry: 'DK',
      version,
      status,
      sealed: Buffer.from(sealed.sealed).toString('base64url'),
    };
  }

  /** A Danish passport's TD3 zone (the ICAO specimen is Utopia's, which no bureau issues). */
  const danishPassport = (documentNumber: string) =>
    composeTd3({
      documentCode: 'P',
      issuingState: 'DNK',
      familyName: 'JENSEN',
      givenNames: 'METTE',
      documentNumber,
      nationality: 'DNK',
      birthDate: '850312',
      sex: 'F',
      expiryDate: '330101',
      personalNumber: '',
    });

  beforeAll(async () => {
    const config = join(natsDir, 'auth.conf');
    broker = writeNatsAuthConfig(config, ['MR', 'SE', HUB_CODE].map(nodePermissions));
    nats = await startNatsServer({ configFile: config });
    // The feed stands in for the databases service on the hub's node, with its broker user.
    connection = await connect({ servers: nats.url, ...userOf(HUB_CODE) });
    feed = await SltdFeedStandIn.start(connection);
    await feed.addConsumer('MR');
    await feed.serveResync(['MR', 'SE']);
    evaluator = await EvaluatorStandIn.create();
    mr = await startCheckingNode('MR', mrDir);
  });

  afterAll(async () => {
    for (const node of [mr, se]) if (node) await stop(node).catch(() => undefined);
    feed?.stop();
    await connection?.drain();
    await nats?.stop();
    rmSync(mrDir, { recursive: true, force: true });
    rmSync(seDir, { recursive: true, force: true });
    rmSync(natsDir, { recursive: true, force: true });
  });

  it('applies the entries published on BN_SLTD and says how current it is', async () => {
    await feed.publish(entryOf(NUMBERS.stolen, 'stolen', 1));
    await feed.publish(entryOf(NUMBERS.lost, 'lost', 1));
    const last = await feed.publish(entryOf(NUMBERS.recovered, 'recovered', 1));
    const status = await waitFor(
      async () => {
        const view = await replica(mr);
        return view.appliedSequence === last && view.pending === 0 && view.resync === 'done' && view;
      },
      { what: 'the replica to hold the three entries' },
    );
    expect(status).toMatchObject({ entries: 2, appliedSequence: last, pending: 0, resync: 'done', skipped: 0 });
    expect(Date.parse(status.currentAsOf ?? '')).not.toBeNaN();
    expect(status.ageMs).toBeGreaterThanOrEqual(0);
    expect(feed.resyncs).toEqual([{ code: 'MR', afterSequence: 0 }]);
  });

  it('answers a hit by number with the opened details and notifies the owner', async () => {
    const { status, body } = await byNumber(NUMBERS.stolen);
    expect(status).toBe(200);
    expect(body).toEqual({
      checkId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/),
      checkedAt: expect.any(String),
      outcome: 'hit',
      document: { issuingCountry: 'DK', documentType: 'passport' },
      hit: {
        owner: 'DK',
        status: 'stolen',
        version: 1,
        reportedAt: '2026-11-20T08:00:00.000Z',
        documentType: 'passport',
        details: { familyName: 'Jensen', givenNames: 'Mette' },
        sealed: 'opened',
        hitId: 'hit-1',
        answerBy: '2030-01-01T00:10:00.000Z',
        notification: 'sent',
      },
      replica: { currentAsOf: expect.any(String), ageMs: expect.any(Number), complete: true },
      source: 'replica',
    });
    expect(hits.calls).toEqual([
      {
        checkId: body.checkId,
        owner: 'DK',
        hit: {
          kind: 'document',
          index: entryOf(NUMBERS.stolen, 'stolen', 1).index,
          issuingCountry: 'DK',
          status: 'stolen',
          version: 1,
        },
        checkedAt: body.checkedAt,
        place: 'Kastrup T2',
      },
    ]);
  });

  it('answers no-hit for a recovered document, an unknown number, and another issuer', async () => {
    for (const request of [
      { documentNumber: NUMBERS.recovered, issuingCountry: 'DK' },
      { documentNumber: NUMBERS.unknown, issuingCountry: 'DK' },
      // The same number issued by another country is another index.
      { documentNumber: NUMBERS.stolen, issuingCountry: 'SE' },
    ]) {
      const { status, body } = await check(mr, request);
      expect({ status, outcome: body.outcome, hit: body.hit }).toEqual({
        status: 200,
        outcome: 'no-hit',
        hit: undefined,
      });
      expect(body.replica.complete).toBe(true);
    }
    expect(hits.calls).toHaveLength(1);
  });

  it('reads the number and the issuer from a TD3 zone, and names a wrong check digit with its position', async () => {
    const mrz = danishPassport(NUMBERS.lost);
    const { status, body } = await check(mr, { mrz, place: 'Rødby ferry' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ outcome: 'hit', document: { issuingCountry: 'DK' }, hit: { status: 'lost' } });

    const wrong = [mrz[0], `${mrz[1].slice(0, 9)}${(Number(mrz[1][9]) + 1) % 10}${mrz[1].slice(10)}`];
    expect(await check(mr, { mrz: wrong })).toEqual({
      status: 400,
      body: {
        code: 'mrz-check-digit',
        reason: expect.stringContaining('line 2, position 10'),
        field: 'documentNumber',
        at: { line: 2, position: 10 },
      },
    });
    // Utopia, the specimen state, issues nothing a bureau could own.
    const utopia = composeTd3({ documentCode: 'P', issuingState: 'UTO', nationality: 'UTO', ...specimenRest() });
    expect(await check(mr, { mrz: utopia })).toMatchObject({
      status: 400,
      body: { code: 'issuer-not-member', field: 'issuingCountry' },
    });
    expect(await check(mr, { mrz, documentNumber: NUMBERS.lost })).toMatchObject({
      status: 400,
      body: {
        code: 'invalid-request',
        reason: expect.stringContaining('documentNumber: must be absent when mrz is given'),
      },
    });
  });

  it('replaces an entry by a newer version, ignores an older one, and forgets a withdrawn one', async () => {
    await appliedUpTo(mr, await feed.publish(entryOf(NUMBERS.stolen, 'lost', 2)));
    expect((await byNumber(NUMBERS.stolen)).body.hit).toMatchObject({ status: 'lost', version: 2 });

    // A late copy of version 1 (its subject's message replaces version 2 in the stream, not in the replica).
    await appliedUpTo(mr, await feed.publish(entryOf(NUMBERS.stolen, 'stolen', 1)));
    expect((await byNumber(NUMBERS.stolen)).body.hit).toMatchObject({ status: 'lost', version: 2 });

    const withdrawal = { index: entryOf(NUMBERS.stolen, 'lost', 3).index, issuingCountry: 'DK', version: 3 };
    await appliedUpTo(mr, await feed.publish({ ...withdrawal, withdrawn: true }));
    expect((await byNumber(NUMBERS.stolen)).body).toMatchObject({ outcome: 'no-hit' });
    expect((await replica(mr)).entries).toBe(1);
  });

  it('skips a malformed message and applies the next one', async () => {
    await feed.publishRaw(sltdEntrySubject('DK', 'ef'.repeat(32)), '{"index": "not a record"');
    await appliedUpTo(mr, await feed.publish(entryOf(NUMBERS.afterMalformed, 'revoked', 1)));
    expect((await byNumber(NUMBERS.afterMalformed)).body.hit).toMatchObject({ status: 'revoked' });
    expect(await replica(mr)).toMatchObject({ skipped: 1, entries: 2 });
    expect(mr.logger.lines.filter((line) => line.includes('skipped'))).toEqual([
      expect.stringMatching(/^replica message #\d+ skipped: not UTF-8 JSON/),
    ]);
  });

  it('answers a hit with its status only when the details do not open', async () => {
    const entry = entryOf(NUMBERS.unsealable, 'stolen', 1);
    const sealed = Buffer.from(entry.sealed, 'base64url');
    sealed[20] ^= 0x01;
    await appliedUpTo(mr, await feed.publish({ ...entry, sealed: sealed.toString('base64url') }));
    const { body } = await byNumber(NUMBERS.unsealable);
    expect(body).toMatchObject({
      outcome: 'hit',
      document: { issuingCountry: 'DK' },
      hit: { status: 'stolen', sealed: 'unreadable', details: null, documentType: null, notification: 'sent' },
    });
    expect(body.document.documentType).toBeUndefined();
    const warning = mr.logger.lines.find((line) => line.includes('do not open'));
    expect(warning).toContain(body.checkId);
    expect(warning).not.toContain(entry.index);
  });

  it('answers undetermined when the evaluator is unreachable, and passes a rate limit on', async () => {
    evaluator.refusal = new DomainError('evaluator-unavailable', 'no evaluator answered in time', 'unavailable');
    const { status, body } = await byNumber(NUMBERS.lost);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      outcome: 'undetermined',
      reason: 'evaluator-unreachable',
      document: { issuingCountry: 'DK' },
      replica: { complete: true },
      source: 'replica',
    });
    expect(body.hit).toBeUndefined();
    evaluator.refusal = Object.assign(new DomainError('rate-limited', 'too many checks', 'unavailable'), {
      retryAfterMs: 1000,
    });
    expect(await byNumber(NUMBERS.lost)).toMatchObject({ body: { code: 'rate-limited' } });
    evaluator.refusal = undefined;
  });

  it('shows a hit whose notification failed, without a hit id', async () => {
    hits.failing = true;
    const { status, body } = await byNumber(NUMBERS.lost);
    hits.failing = false;
    expect(status).toBe(200);
    expect(body.hit).toMatchObject({ status: 'lost', hitId: null, answerBy: null, notification: 'failed' });
    expect((await logged(mr, body.checkId)).body).toMatchObject({ outcome: 'hit', hitId: null });
  });

  it('logs every check, newest first, with what matched and never the number', async () => {
    const page = await call<CheckLogPageDto>(mr, 'GET', '/api/checks?limit=3', undefined, 'admin');
    expect(page.status).toBe(200);
    expect(page.body.items.map((item) => item.outcome)).toEqual(['hit', 'undetermined', 'hit']);
    expect(page.body.next).toBe(page.body.items[2].id);
    const older = await call<CheckLogPageDto>(
      mr,
      'GET',
      `/api/checks?limit=500&before=${page.body.next}`,
      undefined,
      'officer',
    );
    const all = [...page.body.items, ...older.body.items];
    expect(older.body.next).toBeNull();
    expect(all.map((item) => item.id)).toEqual([...all.map((item) => item.id)].sort().reverse());

    const first = all[all.length - 1];
    expect(first).toEqual({
      id: expect.any(String),
      kind: 'document',
      checkedAt: expect.any(String),
      actor: 'role:border-officer',
      place: 'Kastrup T2',
      outcome: 'hit',
      issuingCountry: 'DK',
      matched: { index: entryOf(NUMBERS.stolen, 'stolen', 1).index, owner: 'DK', version: 1 },
      hitId: 'hit-1',
    });
    expect((await logged(mr, first.id)).body).toEqual({
      ...first,
      hits: [
        { hitId: 'hit-1', state: 'awaiting', answerBy: '2030-01-01T00:10:00.000Z', remainingMs: 600_000, answer: null },
      ],
    });
    expect(all.filter((item) => item.outcome === 'no-hit').every((item) => item.matched === null)).toBe(true);
    expect(await logged(mr, '0190b6e4-0000-7000-8000-000000000000')).toMatchObject({
      status: 404,
      body: { code: 'check-not-found' },
    });
    expect((await call(mr, 'GET', '/api/checks/replica', undefined, 'auditor')).status).toBe(403);
    expect((await check(mr, { documentNumber: NUMBERS.lost, issuingCountry: 'DK' }, 'admin')).status).toBe(403);
    const byOfficer = await check(mr, { documentNumber: NUMBERS.unknown, issuingCountry: 'DK' }, 'officer');
    expect((await logged(mr, byOfficer.body.checkId)).body).toMatchObject({
      actor: 'role:officer',
      place: null,
      outcome: 'no-hit',
    });
  });

  it('resumes from its applied sequence after a restart, and follows its consumer while the resync is unanswered', async () => {
    const before = (await replica(mr)).appliedSequence;
    await stop(mr);
    const whileDown = await feed.publish(entryOf(NUMBERS.whileDown, 'stolen', 1));
    mr = await startCheckingNode('MR', mrDir);
    await waitFor(async () => (await replica(mr)).resync === 'done', { what: 'the resync after the restart' });
    expect(feed.resyncs.at(-1)).toEqual({ code: 'MR', afterSequence: before });
    await appliedUpTo(mr, whileDown);
    expect((await byNumber(NUMBERS.whileDown)).body).toMatchObject({ outcome: 'hit' });

    await stop(mr);
    feed.answering = false;
    mr = await startCheckingNode('MR', mrDir);
    await appliedUpTo(mr, await feed.publish(entryOf(NUMBERS.whilePending, 'lost', 1)));
    const pending = await byNumber(NUMBERS.whilePending);
    expect(pending.body).toMatchObject({ outcome: 'hit', replica: { complete: false } });
    expect(await replica(mr)).toMatchObject({ resync: 'pending' });
    feed.answering = true;
    await waitFor(async () => (await replica(mr)).resync === 'done', { what: 'the resync once answered' });
    expect((await byNumber(NUMBERS.whilePending)).body.replica.complete).toBe(true);
  });

  it('builds a fresh replica from the whole index once its consumer is placed at the start', async () => {
    // No consumer yet: the node waits for it; the resync (afterSequence 0) makes it from the start.
    se = await startCheckingNode('SE', seDir);
    const mrView = await replica(mr);
    const seView = await waitFor(
      async () => {
        const view = await replica(se!);
        return view.resync === 'done' && view.pending === 0 && view.appliedSequence === mrView.appliedSequence && view;
      },
      { what: "SE's replica to catch up" },
    );
    expect(seView.entries).toBe(mrView.entries);
    expect(feed.resyncs.filter((resync) => resync.code === 'SE')).toEqual([{ code: 'SE', afterSequence: 0 }]);
    const { body } = await check(se, { documentNumber: NUMBERS.afterMalformed, issuingCountry: 'DK' });
    expect(body).toMatchObject({ outcome: 'hit', hit: { status: 'revoked' } });
  });

  it('keeps no checked number or MRZ in the database files or the logs', async () => {
    const database = mr.app.get(DataSource);
    const rows = database.options.type === 'postgres' ? await postgresRowsText(database) : undefined;
    await stop(mr);
    const secrets = [...Object.values(NUMBERS), ...danishPassport(NUMBERS.lost)];
    if (rows !== undefined) {
      for (const secret of secrets) {
        const found = rows.includes(secret) || rows.includes(Buffer.from(secret).toString('hex'));
        expect({ secret, found }).toEqual({ secret, found: false });
      }
    } else {
      const files = readdirSync(mrDir).filter((name) => name.startsWith('node.sqlite'));
      expect(files).toContain('node.sqlite');
      const bytes = Buffer.concat(files.map((name) => readFileSync(join(mrDir, name))));
      for (const secret of secrets) expect({ secret, found: bytes.includes(secret) }).toEqual({ secret, found: false });
    }
    const lines = [...logs, ...(se?.logger.lines ?? [])];
    for (const secret of secrets) expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    mr = undefined as unknown as CheckingNode;
  });
});

/** The specimen's fields but the states: a well-formed zone. */
function specimenRest() {
  return {
    familyName: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    documentNumber: 'L898902C3',
    birthDate: '740812',
    sex: 'F' as const,
    expiryDate: '340415',
    personalNumber: 'ZE184226B',
  };
}
