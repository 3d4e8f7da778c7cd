import { SchedulerRegistry } from '@nestjs/schedule';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { ActivityAnchor } from '@bureaunet/contracts';
import type { DirectoryClient } from '@bureaunet/directory';
import type { BureauIdentity } from '@bureaunet/identity';
import {
  CompactRange,
  consistencyProof,
  decodeLedgerEntry,
  hashLeaf,
  InMemorySubtreeHashSource,
  signTreeHead,
} from '@bureaunet/ledger';
import { LEDGER_LOG_ENTITIES, LedgerLogAppender, LedgerLogReader, LogLeafEntity } from '@bureaunet/ledger/storage';
import { SerialWriter, applyDurabilityPragmas, dataSourceOptions, openDataSource } from '@bureaunet/persistence';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import type { BusClient } from '@bureaunet/transport';
import type { GatewayConfig } from '../gateway.config';
import { ActivityAnchorRecorder } from './activity-anchor.recorder';
import { LedgerRecorder } from './ledger.recorder';
import { RecordedActivityAnchorEntity } from './recorded-activity-anchor.entity';
import { TreeHeadService } from './tree-head.service';
import { CheckpointCosigner } from './checkpoint/checkpoint-cosigner.service';
import { CosignedCheckpointEntity } from './checkpoint/cosigned-checkpoint.entity';
import { WitnessClient } from './checkpoint/witness.client';

const node = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const leaves = Array.from({ length: 9 }, (_, i) => hashLeaf(Buffer.from(`entry ${i}`)));
const clock = { now: () => new Date('2026-12-01T12:00:00.000Z') };

/** MR's head of `size` entries, signed; with a consistency proof from `from` when given. */
async function anchorOf(
  size: number,
  options: { from?: number; key?: typeof node; leafHashes?: Buffer[] } = {},
): Promise<ActivityAnchor> {
  const hashes = options.leafHashes ?? leaves;
  const rootHash = CompactRange.fromLeafHashes(hashes.slice(0, size)).root();
  const timestamp = clock.now().getTime();
  const anchor: ActivityAnchor = {
    v: 1,
    code: 'MR',
    tree_size: size,
    timestamp,
    sha256_root_hash: rootHash.toString('base64'),
    tree_head_signature: signTreeHead({ treeSize: size, timestamp, rootHash }, (options.key ?? node).privateKey),
    kid: 'mr-kid',
  };
  if (options.from === undefined) return anchor;
  const proof = await consistencyProof(new InMemorySubtreeHashSource(hashes.slice(0, size)), options.from, size);
  return { ...anchor, consistency: { from_size: options.from, proof: proof.map((hash) => hash.toString('base64')) } };
}

describe('ActivityAnchorRecorder: node activity heads into the ledger (real SQLite)', () => {
  let dir: string;
  let dataSource: DataSource;
  let recorder: ActivityAnchorRecorder;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-anchor-'));
    dataSource = await openDataSource(
      dataSourceOptions({
        database: join(dir, 'gateway.sqlite'),
        url: await throwawayPostgresUrl('gateway_anchor'),
        entities: [...LEDGER_LOG_ENTITIES, RecordedActivityAnchorEntity, CosignedCheckpointEntity],
      }),
    );
    await applyDurabilityPragmas(dataSource);
    const writer = new SerialWriter(dataSource);
    const gatewayKeys = generateKeyPairSync('ed25519');
    const identity = { signing: { ...gatewayKeys, kid: 'xg' } } as unknown as BureauIdentity;
    const bus = { emit: () => undefined } as unknown as BusClient;
    const config = {
      sthIntervalMs: 3_600_000,
      sthMaxEntries: 1_000,
      ledgerOrigin: 'test.example/ledger',
      witnesses: [],
    } as unknown as GatewayConfig;
    const reader = new LedgerLogReader(dataSource);
    const cosigner = new CheckpointCosigner(
      writer,
      reader,
      new WitnessClient(),
      dataSource.getRepository(CosignedCheckpointEntity),
      identity,
      config,
      clock,
      new SchedulerRegistry(),
    );
    const treeHeads = new TreeHeadService(
      writer,
      reader,
      bus,
      identity,
      config,
      clock,
      new SchedulerRegistry(),
      cosigner,
      { holdsLedgerDuties: () => true },
    );
    const ledger = new LedgerRecorder(new LedgerLogAppender(), treeHeads, writer, clock);
    // The directory's answer for MR's current signing key.
    const directory = { signingKeyByKid: () => Promise.resolve({ key: node.publicKey }) } as unknown as DirectoryClient;
    recorder = new ActivityAnchorRecorder(directory, writer, ledger, clock);
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records a signed head, answers a repeat as a duplicate, and a grown head only with a proof from it', async () => {
    const first = await recorder.record(await anchorOf(4));
    expect(first).toEqual({ recorded: true, leafIndex: 0, duplicate: false });
    expect(await recorder.record(await anchorOf(4))).toEqual({ recorded: true, leafIndex: 0, duplicate: true });
    expect(await recorder.record(await anchorOf(9))).toEqual({ recorded: false, anchoredSize: 4 });
    expect(await recorder.record(await anchorOf(9, { from: 4 }))).toEqual({
      recorded: true,
      leafIndex: 1,
      duplicate: false,
    });
    const row = await dataSource.manager.findOneByOrFail(LogLeafEntity, { leafIndex: 1 });
    expect(decodeLedgerEntry(Buffer.from(row.leafInput))).toMatchObject({
      type: 'activity-anchor',
      code: 'MR',
      treeSize: 9,
      kid: 'mr-kid',
    });
  });

  it('refuses a head signed by another key, and a rewritten log (smaller, forked, or not extending)', async () => {
    await expect(recorder.record(await anchorOf(9, { key: other }))).rejects.toMatchObject({ code: 'anchor-refused' });
    await expect(recorder.record(await anchorOf(5))).rejects.toMatchObject({ code: 'anchor-inconsistent' });
    const rewritten = leaves.map((hash, i) => (i === 2 ? hashLeaf(Buffer.from('edited')) : hash));
    rewritten.push(hashLeaf(Buffer.from('entry 9')));
    await expect(recorder.record(await anchorOf(9, { leafHashes: rewritten }))).rejects.toMatchObject({
      code: 'anchor-inconsistent',
    });
    await expect(recorder.record(await anchorOf(10, { from: 9, leafHashes: rewritten }))).rejects.toMatchObject({
      code: 'anchor-inconsistent',
    });
  });
});
