import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule, getRepositoryToken } from '@nestjs/typeorm';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Repository } from 'typeorm';
import { DomainError, RateLimitedError, evaluatorKeyId } from '@bureaunet/contracts';
import { createSodiumPoprf, type KeyPair, type Poprf } from '@bureaunet/oprf';
import { PersistenceModule } from '@bureaunet/persistence';
import { CLOCK } from '@bureaunet/platform';
import { startNatsServer, throwawayPostgresUrl, type RunningNatsServer } from '@bureaunet/testing';
import { TransportModule } from '@bureaunet/transport';
import { TravelDocumentError, recordPoprfInput } from '@bureaunet/travel-document';
import { EvaluatorServiceStandIn } from '../../testing/evaluator-service.stand-in';
import { NODE_MIGRATIONS } from '../migrations';
import { NODE_POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { EvaluatorKeyEntity } from '../store/evaluator-key.entity';
import { NODE_ENTITIES } from '../store/node.entities';
import { EvaluatorKeyPin } from './evaluator-key.pin';
import { EvaluatorClient } from './evaluator.client';
import { PoprfLoader } from './poprf.loader';

jest.setTimeout(60_000);

describe('EvaluatorClient (real nats-server, real SQLite, a stand-in evaluator with the real POPRF)', () => {
  let nats: RunningNatsServer;
  let dir: string;
  let poprf: Poprf;
  let evaluatorSide: NatsConnection;
  let keyA: KeyPair;
  let keyB: KeyPair;
  let evaluator: EvaluatorServiceStandIn;
  let module: TestingModule;
  let client: EvaluatorClient;

  // On a PostgreSQL run, each SQLite file named here stands for a database of its own, reopened on a restart.
  const databaseUrls = new Map<string, string | undefined>();

  async function startNode(database: string): Promise<TestingModule> {
    if (!databaseUrls.has(database)) databaseUrls.set(database, await throwawayPostgresUrl('evaluator_client'));
    // Generous: a batch of 256 on a loaded machine; no responders is answered at once anyway.
    const config = { code: 'MR', evaluatorTimeoutMs: 10_000 } as NodeConfig;
    const node = await Test.createTestingModule({
      imports: [
        TransportModule.forRoot({ servers: nats.url, name: 'node-MR' }),
        PersistenceModule.forRoot({
          database,
          url: databaseUrls.get(database),
          entities: NODE_ENTITIES,
          migrations: NODE_MIGRATIONS,
          postgresMigrations: NODE_POSTGRES_MIGRATIONS,
        }),
        TypeOrmModule.forFeature([EvaluatorKeyEntity]),
      ],
      providers: [
        { provide: NODE_CONFIG, useValue: config },
        { provide: CLOCK, useValue: { now: () => new Date('2026-12-01T10:00:00Z') } },
        PoprfLoader,
        EvaluatorKeyPin,
        EvaluatorClient,
      ],
    }).compile();
    await node.init();
    return node;
  }

  /** What the owner side computes for a record: evaluate with the secret key, no blinding. */
  function ownerOutput(key: KeyPair, documentNumber: string, issuingCountry: string): Uint8Array {
    const { input, info } = recordPoprfInput({ documentNumber, issuingCountry });
    return poprf.evaluate({ serverSecretKey: key.secretKey, input, info });
  }

  async function refusal(work: Promise<unknown>): Promise<DomainError> {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  beforeAll(async () => {
    poprf = await createSodiumPoprf();
    keyA = poprf.generateKeyPair();
    keyB = poprf.generateKeyPair();
    nats = await startNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-evaluator-client-'));
    evaluatorSide = await connect({ servers: nats.url });
    evaluator = await EvaluatorServiceStandIn.start(evaluatorSide, poprf, { kind: 'honest', key: keyA });
    module = await startNode(join(dir, 'node.sqlite'));
    client = module.get(EvaluatorClient);
  });

  afterAll(async () => {
    await module?.close();
    await evaluatorSide?.drain();
    await nats?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    evaluator.mode = { kind: 'honest', key: keyA };
  });

  it('gives exactly the owner-side output, asking on its own subject, and pins the first key it is told', async () => {
    const outputs = await client.outputs('DK', ['L898902C3', 'ab-12 345']);
    expect(outputs).toEqual([ownerOutput(keyA, 'L898902C3', 'DK'), ownerOutput(keyA, 'AB12345', 'DK')]);
    expect(evaluator.subjects.at(-1)).toBe('bn.checks.evaluate.MR');
    const pinned = await module.get<Repository<EvaluatorKeyEntity>>(getRepositoryToken(EvaluatorKeyEntity)).find();
    expect(pinned).toEqual([
      {
        id: 1,
        keyId: evaluatorKeyId(keyA.publicKey),
        publicKey: Buffer.from(keyA.publicKey).toString('base64url'),
        pinnedAt: '2026-12-01T10:00:00.000Z',
      },
    ]);
  });

  it('splits more than 256 numbers into batches, outputs in order', async () => {
    evaluator.subjects.length = 0;
    const numbers = Array.from({ length: 300 }, (_, i) => `N${i}`);
    const outputs = await client.outputs('FR', numbers);
    expect(evaluator.subjects).toHaveLength(2);
    expect(outputs).toEqual(numbers.map((number) => ownerOutput(keyA, number, 'FR')));
    expect(await client.outputs('FR', [])).toEqual([]);
  });

  it('lets single checks of one country that arrive together share a request, each with its own output', async () => {
    evaluator.subjects.length = 0;
    const numbers = Array.from({ length: 40 }, (_, i) => `C${i}`);
    const outputs = await Promise.all(numbers.map((number) => client.outputs('SE', [number])));
    expect(outputs).toEqual(numbers.map((number) => [ownerOutput(keyA, number, 'SE')]));
    // The first goes alone; the others wait for it and go together.
    expect(evaluator.subjects.length).toBeLessThan(numbers.length);
    expect(evaluator.subjects.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a number that is not a document number before asking anyone', async () => {
    evaluator.subjects.length = 0;
    await expect(client.outputs('DK', ['L898902C3', 'Ö1'])).rejects.toBeInstanceOf(TravelDocumentError);
    expect(evaluator.subjects).toEqual([]);
  });

  it('refuses a changed key (evaluator-key-changed, 503) and keeps the pinned one, in a restarted node too', async () => {
    evaluator.mode = { kind: 'honest', key: keyB };
    const changed = await refusal(client.outputs('DK', ['L898902C3']));
    expect(changed).toMatchObject({ code: 'evaluator-key-changed', kind: 'unavailable' });
    expect(changed.message).toBe(
      `the evaluator answers with key ${evaluatorKeyId(keyB.publicKey)}, this node pinned ${evaluatorKeyId(keyA.publicKey)} on 2026-12-01T10:00:00.000Z: an administrator must accept the new key`,
    );
    const restarted = await startNode(join(dir, 'node.sqlite'));
    try {
      await expect(restarted.get(EvaluatorClient).outputs('DK', ['L898902C3'])).rejects.toMatchObject({
        code: 'evaluator-key-changed',
      });
    } finally {
      await restarted.close();
    }
  });

  it('refuses an evaluation whose proof does not hold for the pinned key (proof-mismatch, 502)', async () => {
    evaluator.mode = { kind: 'lying', claimed: keyA, used: keyB };
    expect(await refusal(client.outputs('DK', ['L898902C3']))).toMatchObject({
      code: 'proof-mismatch',
      kind: 'bad-gateway',
    });
  });

  it("passes the evaluator's rate limit on as a 429 with the delay it names", async () => {
    evaluator.mode = {
      kind: 'refusing',
      code: 'rate-limited',
      reason: 'MR is over its limit of blinded elements (this request: 1): retry in 750 ms',
    };
    const limited = await refusal(client.outputs('DK', ['L898902C3']));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({ code: 'rate-limited', kind: 'rate-limited', retryAfterMs: 750 });
  });

  it('answers evaluator-unavailable (503) when no evaluator answers', async () => {
    await evaluator.stop();
    try {
      const unavailable = await refusal(client.outputs('DK', ['L898902C3']));
      expect(unavailable).toMatchObject({ code: 'evaluator-unavailable', kind: 'unavailable' });
      expect(unavailable.message).toMatch(/^no evaluator answered within 10000 ms/);
    } finally {
      evaluator = await EvaluatorServiceStandIn.start(evaluatorSide, poprf, { kind: 'honest', key: keyA });
    }
    expect(await client.outputs('DK', ['L898902C3'])).toEqual([ownerOutput(keyA, 'L898902C3', 'DK')]);
  });

  it('pins nothing while no evaluator answers, and pins once one does', async () => {
    await evaluator.stop();
    const fresh = await startNode(join(dir, 'fresh.sqlite'));
    try {
      await expect(fresh.get(EvaluatorClient).outputs('DK', ['X1'])).rejects.toMatchObject({
        code: 'evaluator-unavailable',
      });
      expect(await fresh.get<Repository<EvaluatorKeyEntity>>(getRepositoryToken(EvaluatorKeyEntity)).count()).toBe(0);
      evaluator = await EvaluatorServiceStandIn.start(evaluatorSide, poprf, { kind: 'honest', key: keyB });
      expect(await fresh.get(EvaluatorClient).outputs('DK', ['X1'])).toEqual([ownerOutput(keyB, 'X1', 'DK')]);
    } finally {
      await fresh.close();
    }
  });
});
