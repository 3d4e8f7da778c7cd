import type { INestApplication } from '@nestjs/common';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consistencyProof, hashLeaf, InMemorySubtreeHashSource, rootAt } from '@bureaunet/ledger';
import { bootstrapService } from '@bureaunet/platform';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import {
  ed25519NoteSigner,
  formatAddCheckpointRequest,
  formatCheckpoint,
  formatVerifierKey,
  NOTE_SIGNATURE_TYPE,
  rawEd25519PublicKey,
  signNote,
  trustedWitnessFromKey,
  verifierFromKey,
  verifyCosignedCheckpoint,
} from '@bureaunet/witness';
import { originHash } from './add-checkpoint/add-checkpoint.controller';
import type { WitnessConfig } from './witness.config';
import { WitnessModule } from './witness.module';

jest.setTimeout(60_000);

const ORIGIN = 'log.example/test';
const NOW = Date.UTC(2026, 11, 2, 4, 0, 0);

/** A log over its own leaves; a fork shares the key and the first leaves. */
class TestLog {
  readonly source = new InMemorySubtreeHashSource();

  constructor(
    readonly privateKey: KeyObject,
    private readonly tag: string,
  ) {}

  get vkey(): string {
    const publicKey = rawEd25519PublicKey(this.privateKey);
    return formatVerifierKey({ name: ORIGIN, type: NOTE_SIGNATURE_TYPE.ed25519, publicKey });
  }

  fork(tag: string, shared: number): TestLog {
    const other = new TestLog(this.privateKey, tag);
    for (let i = 0; i < shared; i++) other.source.append(this.source.subtreeRoot(i, i + 1));
    return other;
  }

  append(count: number): this {
    for (let i = 0; i < count; i++) this.source.append(hashLeaf(Buffer.from(`${this.tag} ${this.source.leafCount}`)));
    return this;
  }

  async request(oldSize: number): Promise<string> {
    const size = this.source.leafCount;
    const text = formatCheckpoint({
      origin: ORIGIN,
      treeSize: size,
      rootHash: await rootAt(this.source, size),
      extensions: [],
    });
    const checkpoint = signNote(text, [ed25519NoteSigner(ORIGIN, this.privateKey)]);
    const proof = oldSize === 0 ? [] : await consistencyProof(this.source, oldSize, size);
    return formatAddCheckpointRequest({ oldSize, proof, checkpoint });
  }
}

describe('witness service (HTTP, a real database, the app in-process)', () => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let log: TestLog;
  let app: INestApplication | undefined;
  let url: string;
  const clock = { now: () => new Date(NOW) };

  async function start(): Promise<void> {
    const config: WitnessConfig = {
      port: 0,
      name: 'witness.test.example',
      dataDir: join(dataDir, 'witness'),
      databaseUrl,
      keyFile: join(dataDir, 'witness', 'witness.key'),
      logs: [{ origin: ORIGIN, verifiers: [verifierFromKey(log.vkey)] }],
    };
    ({ app, url } = await bootstrapService({ name: 'witness', module: WitnessModule.forRoot(config, clock), port: 0 }));
  }

  const post = (body: string) =>
    fetch(`${url}/add-checkpoint`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });

  async function vkey(): Promise<string> {
    return ((await (await fetch(`${url}/api/health`)).json()) as { vkey: string }).vkey;
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-witness-'));
    databaseUrl = await throwawayPostgresUrl('witness');
    log = new TestLog(generateKeyPairSync('ed25519').privateKey, 'honest');
    await start();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes its key 0600 and cosigns a checkpoint that verifies under its vkey', async () => {
    expect(statSync(join(dataDir, 'witness', 'witness.key')).mode & 0o777).toBe(0o600);
    log.append(3);
    const response = await post(await log.request(0));
    expect(response.status).toBe(200);
    const lines = await response.text();
    expect(lines).toMatch(/^— witness\.test\.example [A-Za-z0-9+/=]+\n$/);
    const monitored = await fetch(`${url}/${originHash(ORIGIN)}/checkpoint`);
    expect(monitored.status).toBe(200);
    const verified = verifyCosignedCheckpoint(await monitored.text(), {
      log: { origin: ORIGIN, verifiers: [verifierFromKey(log.vkey)] },
      witnesses: [trustedWitnessFromKey(await vkey())],
      quorum: 1,
    });
    expect(verified.checkpoint.treeSize).toBe(3);
    expect(verified.cosigners).toEqual([
      expect.objectContaining({ name: 'witness.test.example', timestamp: NOW / 1000 }),
    ]);
  });

  it('answers 409 text/x.tlog.size with its size when the old size is not it, and cosigns from that size', async () => {
    log.append(2);
    expect((await post(await log.request(0))).status).toBe(200);
    log.append(3);
    const stale = await post(await log.request(0));
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toBe('text/x.tlog.size');
    expect(await stale.text()).toBe('2\n');
    expect((await post(await log.request(2))).status).toBe(200);
  });

  it('refuses what the spec refuses, with its statuses', async () => {
    log.append(2);
    const good = await log.request(0);
    expect((await post('old 0\n')).status).toBe(400);
    expect((await post(good.replace(ORIGIN, 'other.example/log'))).status).toBe(404);
    const stranger = new TestLog(generateKeyPairSync('ed25519').privateKey, 'stranger').append(2);
    expect((await post(await stranger.request(0))).status).toBe(403);
    expect((await post(good.replace(/^old 0/, 'old 5'))).status).toBe(400);
    const tooLarge = await post(`old 0\n\n${'x'.repeat(17 * 1024)}`);
    expect(tooLarge.status).toBe(413);
  });

  it('records a split view durably, serves it, and keeps its state across a restart', async () => {
    log.append(4);
    expect((await post(await log.request(0))).status).toBe(200);
    const liar = log.fork('liar', 3).append(1);
    const refused = await post(await liar.request(4));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/^split-view: /);
    // The same lie again is one report.
    expect((await post(await liar.request(4))).status).toBe(422);

    await app!.close();
    await start();
    const reports = (await (await fetch(`${url}/api/misbehaviour`)).json()) as Array<Record<string, string>>;
    expect(reports).toEqual([
      expect.objectContaining({
        origin: ORIGIN,
        code: 'split-view',
        presented: expect.stringContaining(`${ORIGIN}\n4\n`),
      }),
    ]);
    expect(reports[0].cosigned).toContain('— witness.test.example ');
    // Still at size 4 after the restart: a rollback is a conflict, and the honest log goes on.
    const rollback = await post(await log.request(0));
    expect(rollback.status).toBe(409);
    expect(await rollback.text()).toBe('4\n');
    log.append(2);
    expect((await post(await log.request(4))).status).toBe(200);
  });

  it('records a failing consistency proof from a fork that grew as evidence', async () => {
    log.append(4);
    expect((await post(await log.request(0))).status).toBe(200);
    const fork = log.fork('fork', 2).append(4);
    const refused = await post(await fork.request(4));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/^bad-consistency-proof: /);
    const health = (await (await fetch(`${url}/api/health`)).json()) as { misbehaviourReports: number };
    expect(health.misbehaviourReports).toBe(1);
  });
});
