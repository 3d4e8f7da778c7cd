import type { INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EVALUATOR_KEY_SUBJECT,
  evaluateSubject,
  evaluatorKeyId,
  type EvaluateReply,
  type EvaluatorKey,
  type WireReply,
} from '@bureaunet/contracts';
import { createSodiumPoprf, type Poprf } from '@bureaunet/oprf';
import { bootstrapService } from '@bureaunet/platform/stateless';
import { startNatsServer, type RunningNatsServer } from '@bureaunet/testing';
import { JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { EvaluationActivity } from './activity/evaluation.activity';
import type { EvaluatorConfig } from './evaluator.config';
import { EvaluatorModule } from './evaluator.module';
import { EVALUATOR_KEY_INFO } from './key/evaluator-key';
import { POPRF_SEED_FILE } from './key/poprf-seed.file';

jest.setTimeout(60_000);

const utf8 = (text: string) => new TextEncoder().encode(text);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

describe('evaluator (real nats-server, the app in-process)', () => {
  let nats: RunningNatsServer;
  let dataDir: string;
  let client: NatsConnection;
  let poprf: Poprf;
  let nowMs = Date.UTC(2026, 11, 1);
  const clock = { now: () => new Date(nowMs) };
  const apps: INestApplication[] = [];

  async function startEvaluator(overrides: Partial<EvaluatorConfig> = {}): Promise<INestApplication> {
    const config: EvaluatorConfig = {
      port: 0,
      natsUrl: nats.url,
      dataDir: join(dataDir, 'evaluator'),
      ratePerSecond: 10,
      burst: 300,
      activityLogMs: 60_000,
      ...overrides,
    };
    const { app } = await bootstrapService({
      name: 'evaluator',
      module: EvaluatorModule.forRoot(config, clock),
      port: 0,
      microservice: (nest) =>
        new JetStreamServer({ connection: () => nest.get(NATS_CONNECTION), consumers: [], manageStreams: false }),
    });
    apps.push(app);
    return app;
  }

  async function ask<T>(subject: string, body: unknown): Promise<WireReply<T>> {
    const reply = await client.request(subject, JSON.stringify(body), { timeout: 5_000 });
    return JSON.parse(new TextDecoder().decode(reply.data)) as WireReply<T>;
  }

  /** The secret key as the evaluator derives it, from the seed it wrote. */
  function secretKey(): Uint8Array {
    const seed = new Uint8Array(readFileSync(join(dataDir, 'evaluator', POPRF_SEED_FILE)));
    return poprf.deriveKeyPair({ seed, keyInfo: EVALUATOR_KEY_INFO }).secretKey;
  }

  async function publicKey(): Promise<EvaluatorKey> {
    const reply = await ask<EvaluatorKey>(EVALUATOR_KEY_SUBJECT, {});
    if (!reply.ok) throw new Error(`key refused: ${reply.error.code}`);
    return reply.data;
  }

  function blindAll(numbers: string[], country: string, serverPublicKey: Uint8Array) {
    return numbers.map((number) => ({
      input: utf8(number),
      ...poprf.blind({ input: utf8(number), info: utf8(country), serverPublicKey }),
    }));
  }

  beforeAll(async () => {
    poprf = await createSodiumPoprf();
    nats = await startNatsServer();
    dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-evaluator-'));
    await startEvaluator();
    client = await connect({ servers: nats.url });
  });

  afterAll(async () => {
    await client?.drain();
    for (const app of apps) await app.close();
    await nats?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells its public key and the key id that names it', async () => {
    const key = await publicKey();
    expect(key.keyId).toBe(evaluatorKeyId(bytes(key.publicKey)));
    expect(bytes(key.publicKey)).toEqual(
      poprf.deriveKeyPair({
        seed: new Uint8Array(readFileSync(join(dataDir, 'evaluator', POPRF_SEED_FILE))),
        keyInfo: EVALUATOR_KEY_INFO,
      }).publicKey,
    );
  });

  it('gives a client exactly the owner-side output: finalize(blind → evaluate) = evaluate(k, input, info)', async () => {
    const key = await publicKey();
    const [item] = blindAll(['L898902C3'], 'DK', bytes(key.publicKey));
    const reply = await ask<EvaluateReply>(evaluateSubject('MR'), {
      info: 'DK',
      blindedElements: [b64(item.blindedElement)],
    });
    if (!reply.ok) throw new Error(`refused: ${reply.error.reason}`);
    expect(reply.data.keyId).toBe(key.keyId);
    const [output] = poprf.finalizeBatch({
      items: [{ ...item, evaluatedElement: bytes(reply.data.evaluatedElements[0]) }],
      proof: bytes(reply.data.proof),
      info: utf8('DK'),
      tweakedKey: item.tweakedKey,
    });
    expect(output).toEqual(
      poprf.evaluate({ serverSecretKey: secretKey(), input: utf8('L898902C3'), info: utf8('DK') }),
    );
    // The same number under another country's info is another output.
    expect(output).not.toEqual(
      poprf.evaluate({ serverSecretKey: secretKey(), input: utf8('L898902C3'), info: utf8('MR') }),
    );
  });

  it('evaluates a batch of 256 under one proof, and refuses 257 naming the limit', async () => {
    const key = await publicKey();
    const numbers = Array.from({ length: 256 }, (_, i) => `X${String(i).padStart(8, '0')}`);
    const items = blindAll(numbers, 'FR', bytes(key.publicKey));
    const reply = await ask<EvaluateReply>(evaluateSubject('FR'), {
      info: 'FR',
      blindedElements: items.map((item) => b64(item.blindedElement)),
    });
    if (!reply.ok) throw new Error(`refused: ${reply.error.reason}`);
    const outputs = poprf.finalizeBatch({
      items: items.map((item, i) => ({ ...item, evaluatedElement: bytes(reply.data.evaluatedElements[i]) })),
      proof: bytes(reply.data.proof),
      info: utf8('FR'),
      tweakedKey: items[0].tweakedKey,
    });
    const k = secretKey();
    expect(outputs).toEqual(
      numbers.map((n) => poprf.evaluate({ serverSecretKey: k, input: utf8(n), info: utf8('FR') })),
    );

    const tooMany = await ask(evaluateSubject('FR'), {
      info: 'FR',
      blindedElements: [...items, items[0]].map((item) => b64(item.blindedElement)),
    });
    expect(tooMany).toEqual({
      ok: false,
      error: { code: 'bad-request', reason: 'body.blindedElements: must hold at most 256 blinded elements' },
    });
  });

  it('refuses an element that is not a canonical ristretto255 encoding with the POPRF reason', async () => {
    const key = await publicKey();
    const [good] = blindAll(['AB1234567'], 'DK', bytes(key.publicKey));
    // 0xff…: above the field prime, so not a canonical encoding.
    const nonCanonical = b64(new Uint8Array(32).fill(0xff));
    expect(
      await ask(evaluateSubject('SE'), { info: 'DK', blindedElements: [b64(good.blindedElement), nonCanonical] }),
    ).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        reason: 'body.blindedElements: blinded element 1 is not a canonical ristretto255 encoding',
      },
    });
    expect(await ask(evaluateSubject('SE'), { info: 'DK', blindedElements: [b64(new Uint8Array(32))] })).toEqual({
      ok: false,
      error: { code: 'bad-request', reason: 'body.blindedElements: blinded element 0 is the identity element' },
    });
  });

  it('refuses malformed bodies naming the field, and a body that names a bureau of its own', async () => {
    expect(await ask(evaluateSubject('SE'), { info: 'Denmark', blindedElements: [b64(new Uint8Array(32))] })).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        reason: 'body.info: must be a two-letter upper-case bureau code (ISO 3166-1 alpha-2)',
      },
    });
    expect(
      await ask(evaluateSubject('SE'), { info: 'DK', blindedElements: [b64(new Uint8Array(32))], bureau: 'MR' }),
    ).toMatchObject({ ok: false, error: { code: 'bad-request', reason: expect.stringContaining("'bureau'") } });
    expect(await ask('bn.checks.evaluate.se', { info: 'DK', blindedElements: [] })).toEqual({
      ok: false,
      error: { code: 'bad-request', reason: 'subject bn.checks.evaluate.se does not end with a bureau code' },
    });
  });

  it('limits each asking bureau, taken from the subject, by elements: refuses after the burst and recovers', async () => {
    const key = await publicKey();
    const items = blindAll(
      Array.from({ length: 256 }, (_, i) => `R${i}`),
      'DK',
      bytes(key.publicKey),
    ).map((item) => b64(item.blindedElement));
    const request = (count: number) => ({ info: 'DK', blindedElements: items.slice(0, count) });
    // Burst 300: 256 + 44 pass, the 45th element does not (10 a second: 100 ms each).
    expect((await ask(evaluateSubject('RL'), request(256))).ok).toBe(true);
    expect((await ask(evaluateSubject('RL'), request(44))).ok).toBe(true);
    expect(await ask(evaluateSubject('RL'), request(5))).toEqual({
      ok: false,
      error: {
        code: 'rate-limited',
        reason: 'RL is over its limit of blinded elements (this request: 5): retry in 500 ms',
      },
    });
    // The bucket is the subject's bureau's: another subject is not held back.
    expect((await ask(evaluateSubject('RM'), request(256))).ok).toBe(true);
    nowMs += 499;
    expect(await ask(evaluateSubject('RL'), request(5))).toMatchObject({
      ok: false,
      error: { code: 'rate-limited', reason: expect.stringMatching(/retry in 1 ms$/) },
    });
    nowMs += 1;
    expect((await ask(evaluateSubject('RL'), request(5))).ok).toBe(true);
  });

  it('counts per asking bureau, taken from the subject', async () => {
    const activity = apps[0].get(EvaluationActivity);
    activity.takeReport();
    const key = await publicKey();
    const [item] = blindAll(['Z1'], 'DK', bytes(key.publicKey));
    await ask(evaluateSubject('NO'), { info: 'DK', blindedElements: [b64(item.blindedElement)] });
    await ask(evaluateSubject('NO'), { info: 'DK', blindedElements: [] });
    expect(activity.takeReport()).toEqual({ NO: { requests: 2, elements: 1, refused: { 'bad-request': 1 } } });
  });

  it('answers identically from two evaluators with the same seed in the queue group, and from either alone', async () => {
    const second = await startEvaluator();
    const first = apps[0];
    first.get(EvaluationActivity).takeReport();
    const key = await publicKey();
    const [item] = blindAll(['TWIN42'], 'DK', bytes(key.publicKey));
    const body = { info: 'DK', blindedElements: [b64(item.blindedElement)] };
    const replies = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        ask<EvaluateReply>(evaluateSubject(`Q${String.fromCharCode(65 + i)}`), body),
      ),
    );
    const evaluated = new Set(replies.map((reply) => (reply.ok ? reply.data.evaluatedElements[0] : reply.error.code)));
    expect([...evaluated]).toHaveLength(1);
    expect(replies.every((reply) => reply.ok && reply.data.keyId === key.keyId)).toBe(true);
    const servedByFirst = Object.keys(first.get(EvaluationActivity).takeReport() ?? {}).length;
    const servedBySecond = Object.keys(second.get(EvaluationActivity).takeReport() ?? {}).length;
    // A queue group: each request answered once, by one of them.
    expect(servedByFirst + servedBySecond).toBe(24);
    expect(servedByFirst).toBeGreaterThan(0);
    expect(servedBySecond).toBeGreaterThan(0);

    await second.close();
    apps.splice(apps.indexOf(second), 1);
    const alone = await ask<EvaluateReply>(evaluateSubject('QZ'), body);
    expect(alone.ok && alone.data.evaluatedElements[0]).toBe([...evaluated][0]);
  });
});
