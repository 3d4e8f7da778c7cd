import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { BureauIdentity } from '@bureaunet/identity';
import { LEDGER_LOG_ENTITIES, LedgerLogAppender, LedgerLogReader } from '@bureaunet/ledger/storage';
import { SerialWriter, applyDurabilityPragmas, dataSourceOptions, openDataSource } from '@bureaunet/persistence';
import { waitFor, throwawayPostgresUrl } from '@bureaunet/testing';
import {
  ed25519NoteSigner,
  formatCheckpoint,
  formatVerifierKey,
  signNote,
  InMemoryWitnessCheckpointRepository,
  NOTE_SIGNATURE_TYPE,
  parseAddCheckpointRequest,
  rawEd25519PublicKey,
  trustedWitnessFromKey,
  verifierFromKey,
  verifyCosignedCheckpoint,
  Witness,
  WitnessError,
} from '@bureaunet/witness';
import type { GatewayConfig } from '../../gateway.config';
import { CheckpointCosigner, type CheckpointHead } from './checkpoint-cosigner.service';
import { CosignedCheckpointEntity } from './cosigned-checkpoint.entity';
import { WitnessClient } from './witness.client';

const ORIGIN = 'test.example/ledger';
const NOW = Date.UTC(2026, 11, 2, 5, 0, 0);

/** The witness core behind plain HTTP, with the statuses of tlog-witness; stoppable. */
async function serveWitness(witness: Witness, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      witness
        .addCheckpoint(parseAddCheckpointRequest(Buffer.concat(chunks).toString('utf8')))
        .then((outcome) => {
          if (outcome.status === 'conflict') {
            response.writeHead(409, { 'content-type': 'text/x.tlog.size' }).end(`${outcome.latestSize}\n`);
          } else response.writeHead(200, { 'content-type': 'text/plain' }).end(outcome.signatureLines);
        })
        .catch((error: unknown) => {
          const code = error instanceof WitnessError ? error.code : 'internal';
          response.writeHead(code === 'split-view' || code === 'bad-consistency-proof' ? 422 : 400).end(code);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the checkpoint cosigner against a witness over HTTP (real SQLite)', () => {
  let dir: string;
  let dataSource: DataSource;
  let writer: SerialWriter;
  let appender: LedgerLogAppender;
  let leafCount = 0;
  const gatewayKey = generateKeyPairSync('ed25519');
  const witnessKey = generateKeyPairSync('ed25519').privateKey;
  const identity = { signing: { ...gatewayKey, kid: 'xg' } } as unknown as BureauIdentity;
  const witnessVkey = formatVerifierKey({
    name: 'witness.test.example',
    type: NOTE_SIGNATURE_TYPE.cosignatureV1,
    publicKey: rawEd25519PublicKey(witnessKey),
  });
  const logVkey = formatVerifierKey({
    name: ORIGIN,
    type: NOTE_SIGNATURE_TYPE.ed25519,
    publicKey: rawEd25519PublicKey(gatewayKey.privateKey),
  });
  const log = { origin: ORIGIN, verifiers: [verifierFromKey(logVkey)] };
  const policy = { log, witnesses: [trustedWitnessFromKey(witnessVkey)], quorum: 1 };
  const newWitness = (repository = new InMemoryWitnessCheckpointRepository()) =>
    new Witness({ name: 'witness.test.example', privateKey: witnessKey, logs: [log], repository, now: () => NOW });

  function cosignerFor(url: string, witnessRetryMs = 3_600_000): CheckpointCosigner {
    const config = {
      ledgerOrigin: ORIGIN,
      witnesses: [{ url, vkey: witnessVkey, ...trustedWitnessFromKey(witnessVkey) }],
      witnessTimeoutMs: 2_000,
      witnessRetryMs,
    } as unknown as GatewayConfig;
    return new CheckpointCosigner(
      writer,
      new LedgerLogReader(dataSource),
      new WitnessClient(),
      dataSource.getRepository(CosignedCheckpointEntity),
      identity,
      config,
      { now: () => new Date(NOW) },
      new SchedulerRegistry(),
    );
  }

  /** Appends `count` leaves and returns the committed head. */
  async function grow(count: number): Promise<CheckpointHead> {
    const at = new Date(NOW).toISOString();
    const leaves = Array.from({ length: count }, () => ({
      leafInput: Buffer.from(`{"n":${(leafCount += 1)}}`),
      type: 'test',
      envelopeId: null,
      at,
    }));
    const { treeSize, rootHash } = await writer.transaction((manager) =>
      appender.append(manager, leaves, new Date(NOW)),
    );
    return { treeSize, rootHash };
  }

  beforeAll(() => Logger.overrideLogger(['error']));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-cosigner-'));
    dataSource = await openDataSource(
      dataSourceOptions({
        database: join(dir, 'gateway.sqlite'),
        url: await throwawayPostgresUrl('gateway_cosigner'),
        entities: [...LEDGER_LOG_ENTITIES, CosignedCheckpointEntity],
      }),
    );
    await applyDurabilityPragmas(dataSource);
    writer = new SerialWriter(dataSource);
    appender = new LedgerLogAppender();
  });

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets each head cosigned from the last one with a consistency proof, and learns a restored witness size from a 409', async () => {
    const repository = new InMemoryWitnessCheckpointRepository();
    const served = await serveWitness(newWitness(repository));
    const cosigner = cosignerFor(served.url);
    try {
      const first = await grow(3);
      expect(verifyCosignedCheckpoint(await cosigner.checkpointFor(first), policy).checkpoint.treeSize).toBe(3);
      const second = await grow(4);
      const note = await cosigner.checkpointFor(second);
      expect(verifyCosignedCheckpoint(note, policy).checkpoint.treeSize).toBe(7);
      expect(await cosigner.latest()).toBe(note);
      expect((await repository.latest(ORIGIN))?.treeSize).toBe(7);

      // A gateway that forgot the witness's size (a restart) sends old 0, is told 7, and goes on from there.
      const restarted = cosignerFor(served.url);
      const third = await grow(2);
      expect(verifyCosignedCheckpoint(await restarted.checkpointFor(third), policy).checkpoint.treeSize).toBe(9);
      expect(restarted.standing()).toEqual([
        expect.objectContaining({ name: 'witness.test.example', cosignedSize: 9, knownSize: 9, behind: 0 }),
      ]);
    } finally {
      await served.close();
    }
  });

  it('goes on without a witness that is down, says how far behind it is, and catches it up when it returns', async () => {
    const witness = newWitness();
    let served = await serveWitness(witness);
    const port = Number(new URL(served.url).port);
    const cosigner = cosignerFor(served.url, 100);
    await cosigner.onApplicationBootstrap();
    try {
      const first = await grow(2);
      cosigner.headSigned(first);
      await cosigner.checkpointFor(first);
      await served.close();
      const head = await grow(3);
      cosigner.headSigned(head);
      const alone = await cosigner.checkpointFor(head);
      expect(() => verifyCosignedCheckpoint(alone, policy)).toThrow(/0 of the required 1/);
      const [standing] = cosigner.standing();
      expect(standing).toMatchObject({ cosignedSize: 2, behind: 3 });
      expect(standing.lastError).toBeDefined();
      expect(standing.misbehaviour).toBeUndefined();

      served = await serveWitness(witness, port);
      // Asked again every LEDGER_WITNESS_RETRY_MS until it has cosigned the latest head.
      const again = await waitFor(
        async () => {
          const note = await cosigner.latest();
          return note && verifyCosignedCheckpoint(note, policy).checkpoint.treeSize === 5 ? note : undefined;
        },
        { what: 'the returned witness to cosign the latest head' },
      );
      expect(verifyCosignedCheckpoint(again, policy).cosigners).toHaveLength(1);
      expect(cosigner.standing()[0]).toMatchObject({ cosignedSize: 5, behind: 0 });
    } finally {
      await cosigner.onModuleDestroy();
      await served.close();
    }
  });

  it('flags a witness that holds another root for the ledger size as misbehaviour, and keeps no cosignature', async () => {
    const witness = newWitness();
    const served = await serveWitness(witness);
    const cosigner = cosignerFor(served.url);
    try {
      const head = await grow(2);
      // What the witness cosigned before: the same key, another history of the same size.
      const forged = formatCheckpoint({ origin: ORIGIN, treeSize: 2, rootHash: Buffer.alloc(32, 7), extensions: [] });
      const checkpoint = signNote(forged, [ed25519NoteSigner(ORIGIN, gatewayKey.privateKey)]);
      expect((await witness.addCheckpoint({ oldSize: 0, proof: [], checkpoint: checkpoint })).status).toBe('cosigned');

      const note = await cosigner.checkpointFor(head);
      expect(() => verifyCosignedCheckpoint(note, policy)).toThrow(/0 of the required 1/);
      expect(cosigner.standing()[0].misbehaviour).toMatch(/refused checkpoint 2 from size 2: split-view/);
    } finally {
      await served.close();
    }
  });
});
