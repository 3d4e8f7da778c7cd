import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { generateKeyPair, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { LEDGER_STH_SUBJECT, type RegistryEvent } from '@bureaunet/contracts';
import type { BureauIdentity } from '@bureaunet/identity';
import {
  EMPTY_ROOT,
  decodeLedgerEntry,
  hashLeaf,
  parseSignedTreeHeadJson,
  verifyInclusion,
  verifyTreeHeadSignature,
} from '@bureaunet/ledger';
import { LEDGER_LOG_ENTITIES, LedgerLogAppender, LedgerLogReader } from '@bureaunet/ledger/storage';
import { SerialWriter, applyDurabilityPragmas, dataSourceOptions, openDataSource } from '@bureaunet/persistence';
import { waitFor, throwawayPostgresUrl } from '@bureaunet/testing';
import type { BusClient } from '@bureaunet/transport';
import type { GatewayConfig } from '../gateway.config';
import { LedgerQueryService } from '../ledger-api/ledger-query.service';
import { LedgerRecorder, type LedgerEvent } from './ledger.recorder';
import { RecordedRegistryEventEntity } from './recorded-registry-event.entity';
import { RegistryEventRecorder } from './registry-event.recorder';
import { TreeHeadService } from './tree-head.service';
import { CheckpointCosigner } from './checkpoint/checkpoint-cosigner.service';
import { CosignedCheckpointEntity } from './checkpoint/cosigned-checkpoint.entity';
import { WitnessClient } from './checkpoint/witness.client';
import { openCheckpoint, verifierFromKey } from '@bureaunet/witness';

const ENTITIES = [...LEDGER_LOG_ENTITIES, RecordedRegistryEventEntity, CosignedCheckpointEntity];

describe('the gateway ledger: recorder, tree heads, registry events and the auditor queries (real SQLite)', () => {
  let dir: string;
  let dataSource: DataSource;
  let writer: SerialWriter;
  let keys: { privateKey: KeyObject; publicKey: KeyObject };
  let emitted: Array<{ subject: string; body: unknown }>;
  let now: number;
  const clock = { now: () => new Date(now) };

  function services(sthMaxEntries = 1_000) {
    const bus = { emit: (subject: string, body: unknown) => emitted.push({ subject, body }) } as unknown as BusClient;
    const identity = {
      signing: { privateKey: keys.privateKey, publicKey: keys.publicKey, kid: 'gateway-kid' },
    } as unknown as BureauIdentity;
    const config = {
      sthIntervalMs: 3_600_000,
      sthMaxEntries,
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
    const recorder = new LedgerRecorder(new LedgerLogAppender(), treeHeads, writer, clock);
    return {
      cosigner,
      treeHeads,
      recorder,
      registryEvents: new RegistryEventRecorder(writer, recorder, clock),
      queries: new LedgerQueryService(reader, treeHeads, cosigner, identity),
    };
  }

  const event = (
    type: LedgerEvent['type'],
    envelopeId: string | null,
    data: Record<string, unknown> = {},
  ): LedgerEvent => ({ type, envelopeId, at: clock.now(), data });

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    keys = await promisify(generateKeyPair)('ed25519');
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-gateway-ledger-'));
    dataSource = await openDataSource(
      dataSourceOptions({
        database: join(dir, 'gateway.sqlite'),
        url: await throwawayPostgresUrl('gateway_ledger'),
        entities: ENTITIES,
      }),
    );
    await applyDurabilityPragmas(dataSource);
    writer = new SerialWriter(dataSource);
    emitted = [];
    now = Date.parse('2026-11-25T10:00:00.000Z');
  });

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs the empty tree on first start, then a head only when the log grew, and publishes each one', async () => {
    const { treeHeads, recorder } = services();
    await treeHeads.onApplicationBootstrap();
    const empty = treeHeads.latest();
    expect(empty).toMatchObject({ tree_size: 0, sha256_root_hash: EMPTY_ROOT.toString('base64') });

    await writer.transaction((manager) => recorder.append(manager, [event('delivery', 'e-1', { to: 'MR' })]));
    now += 1_000;
    const grown = await treeHeads.signIfGrown();
    expect(grown.tree_size).toBe(1);
    const { head, signature } = parseSignedTreeHeadJson(grown);
    verifyTreeHeadSignature(head, signature, keys.publicKey);
    expect(head.timestamp).toBe(now);
    expect(await treeHeads.signIfGrown()).toBe(grown); // nothing new: no new head
    expect(emitted).toEqual([
      { subject: LEDGER_STH_SUBJECT, body: empty },
      { subject: LEDGER_STH_SUBJECT, body: grown },
    ]);
    await treeHeads.onModuleDestroy();

    // A restarted gateway serves the head it had, and signs nothing until the log grows.
    const restarted = services().treeHeads;
    await restarted.onApplicationBootstrap();
    expect(restarted.latest()).toEqual(grown);
    expect(emitted).toHaveLength(2);
    await restarted.onModuleDestroy();
  });

  it('signs as soon as the log grew by LEDGER_STH_MAX_ENTRIES', async () => {
    const { treeHeads, recorder } = services(3);
    await treeHeads.onApplicationBootstrap();
    await writer.transaction((manager) =>
      recorder.append(manager, [event('delivery', 'e-1'), event('delivery', 'e-2'), event('delivery', 'e-3')]),
    );
    // No explicit signing here: the recorder's append set it off.
    const signed = await waitFor(() => (treeHeads.latest().tree_size === 3 ? treeHeads.latest() : undefined), {
      what: 'a head of size 3',
    });
    expect(signed.tree_size).toBe(3);
    await treeHeads.onModuleDestroy();
  });

  it('records a registry event once, however many times it is delivered', async () => {
    const { treeHeads, registryEvents, queries } = services();
    await treeHeads.onApplicationBootstrap();
    const suspended: RegistryEvent = {
      v: 1,
      id: '3f0c9d7e-3a2b-4c1d-8e9f-0a1b2c3d4e5f',
      type: 'bureau-suspended',
      code: 'FR',
      occurredAt: '2026-11-25T09:59:59.000Z',
      data: { version: 4, status: 'suspended' },
    };
    await registryEvents.record(suspended);
    await registryEvents.record(suspended);
    await treeHeads.signIfGrown();
    const { entries } = await queries.entries(0, 10);
    expect(entries.map((entry) => decodeLedgerEntry(Buffer.from(entry.leaf_input, 'base64')))).toEqual([
      {
        type: 'bureau-suspended',
        at: clock.now().toISOString(),
        code: 'FR',
        registryEventId: suspended.id,
        occurredAt: suspended.occurredAt,
        details: { version: 4, status: 'suspended' },
      },
    ]);
    await treeHeads.onModuleDestroy();
  });

  it('answers the auditor within the signed tree: bounded pages, precise range errors, and a trail that includes the receipts', async () => {
    const { treeHeads, recorder, queries, cosigner } = services();
    await treeHeads.onApplicationBootstrap();
    await writer.transaction((manager) =>
      recorder.append(manager, [
        event('submission-accepted', 'm-1', { from: 'DK', to: ['MR'], digest: 'd1' }),
        event('delivery', 'm-1', { to: 'MR' }),
        event('submission-accepted', 'other', { from: 'FR', to: ['MR'], digest: 'd2' }),
      ]),
    );
    await writer.transaction((manager) =>
      recorder.append(manager, [
        event('submission-accepted', 'r-1', { from: 'MR', kind: 'receipt', to: ['DK'], digest: 'd3' }),
        event('receipt', 'm-1', { receiptId: 'r-1', from: 'MR', digest: 'd1' }),
        event('delivery', 'r-1', { to: 'DK' }),
      ]),
    );
    // Not yet signed: get-entries stops at the latest signed head.
    await expect(queries.entries(0, 10)).rejects.toMatchObject({
      code: 'bad-range',
      message: 'start (0) is beyond the latest signed tree head (size 0)',
    });

    const trail = await queries.trail('m-1'); // signs a head covering everything committed before it
    expect(trail.sth.tree_size).toBe(6);
    // No witness configured: the checkpoint of the same head carries the gateway's signature alone.
    const log = { origin: 'test.example/ledger', verifiers: [verifierFromKey(cosigner.verifierKey)] };
    const opened = openCheckpoint(trail.checkpoint, log);
    expect(opened.checkpoint).toMatchObject({
      treeSize: 6,
      rootHash: Buffer.from(trail.sth.sha256_root_hash, 'base64'),
    });
    expect(opened.note.signatures).toHaveLength(1);
    expect(await cosigner.latest()).toBe(trail.checkpoint);
    expect(trail.entries.map((item) => [item.leaf_index, item.entry.type, item.entry.envelopeId])).toEqual([
      [0, 'submission-accepted', 'm-1'],
      [1, 'delivery', 'm-1'],
      [3, 'submission-accepted', 'r-1'],
      [4, 'receipt', 'm-1'],
      [5, 'delivery', 'r-1'],
    ]);
    const { head } = parseSignedTreeHeadJson(trail.sth);
    for (const item of trail.entries) {
      verifyInclusion({
        leafHash: hashLeaf(Buffer.from(item.leaf_input, 'base64')),
        leafIndex: item.leaf_index,
        treeSize: 6,
        proof: item.audit_path.map((hash) => Buffer.from(hash, 'base64')),
        root: head.rootHash,
      });
    }
    await expect(queries.trail('nobody')).rejects.toMatchObject({ code: 'trail-not-found', kind: 'not-found' });

    expect((await queries.entries(4, 1_000_000)).entries).toHaveLength(2);
    await expect(queries.entries(3, 2)).rejects.toMatchObject({
      code: 'bad-range',
      message: 'start (3) is larger than end (2)',
    });
    await expect(queries.consistency(2, 7)).rejects.toMatchObject({
      code: 'bad-range',
      message: 'second (7) is beyond the latest signed tree head (size 6)',
    });
    expect((await queries.consistency(6, 6)).consistency).toEqual([]);
    const proof = await queries.proofByHash(trail.entries[3].leaf_hash, 6);
    expect(proof).toEqual({ leaf_index: 4, audit_path: trail.entries[3].audit_path });
    await expect(queries.proofByHash(trail.entries[3].leaf_hash, 4)).rejects.toMatchObject({ code: 'leaf-not-found' });
    await treeHeads.onModuleDestroy();
  });
});
