import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { verifyConsistency, verifyInclusion } from '@bureaunet/ledger';
import {
  SerialWriter,
  applyDurabilityPragmas,
  dataSourceOptions,
  openDataSource,
  sqlStatements,
} from '@bureaunet/persistence';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import { referenceRoot } from '../../../ledger/src/merkle/merkle-tree.reference';
import { encodeActivityEntry, type ActivityEntry } from '../activity-entry';
import { parseActivityExport, activityExportLine } from '../activity-export.line';
import { verifyActivityExport } from '../activity-log.verifier';
import { ACTIVITY_ENTITIES } from './activity.entities';
import { ActivityLog } from './activity.log';

const clock = { now: () => new Date('2026-12-01T12:00:00.000Z') };

function entry(n: number): ActivityEntry {
  return {
    at: new Date(Date.UTC(2026, 11, 1, 10, 0, n)).toISOString(),
    actor: n % 3 === 0 ? 'person:ana' : 'role:officer',
    role: 'officer',
    action: n % 2 === 0 ? 'message.open' : 'notice.search',
    target: `t-${n}`,
    outcome: n % 5 === 0 ? 'refused' : 'done',
    ...(n % 5 === 0 ? { code: 'purpose-required' } : {}),
  };
}

describe('the activity log on a real SQLite file', () => {
  let dir: string;
  let dataSource: DataSource;
  let log: ActivityLog;
  const entries = Array.from({ length: 300 }, (_, n) => entry(n));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-activity-'));
    dataSource = await openDataSource(
      dataSourceOptions({
        database: join(dir, 'node.sqlite'),
        url: await throwawayPostgresUrl('activity_log'),
        entities: ACTIVITY_ENTITIES,
      }),
    );
    await applyDurabilityPragmas(dataSource);
    log = new ActivityLog(new SerialWriter(dataSource), dataSource, clock);
    // Concurrent appends share group commits; each still lands once, in order of arrival.
    await Promise.all(entries.map((item) => log.record(item)));
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a head equal to the naive RFC 6962 root of every entry, in order', async () => {
    const head = await log.head();
    expect(head.treeSize).toBe(300);
    expect(head.rootHash.equals(referenceRoot(entries.map(encodeActivityEntry)))).toBe(true);
  });

  it('proves any entry included in the head, across the stored subtrees (256 and up)', async () => {
    const head = await log.head();
    for (const seq of [0, 1, 255, 256, 299]) {
      const view = await log.inclusion(seq);
      expect(view.entry).toEqual(entries[seq]);
      verifyInclusion({
        leafHash: view.leafHash,
        leafIndex: seq,
        treeSize: 300,
        proof: view.proof,
        root: head.rootHash,
      });
    }
    await expect(log.inclusion(300)).rejects.toMatchObject({ code: 'activity-not-found' });
  });

  it('proves a later head consistent with an earlier one', async () => {
    const first = referenceRoot(entries.slice(0, 100).map(encodeActivityEntry));
    const head = await log.head();
    const proof = await log.consistency(100, 300);
    verifyConsistency({ first: 100, second: 300, firstRoot: first, secondRoot: head.rootHash, proof });
  });

  it('searches by person, action and time, newest first, in pages', async () => {
    const page = await log.search({ person: 'ana', action: 'message.open' }, 10);
    expect(page.items.map((line) => line.seq)).toEqual([294, 288, 282, 276, 270, 264, 258, 252, 246, 240]);
    const next = await log.search({ person: 'ana', action: 'message.open' }, 10, page.next!);
    expect(next.items[0].seq).toBe(234);
    const window = await log.search({ from: '2026-12-01T10:00:10.000Z', to: '2026-12-01T10:00:13.000Z' }, 500);
    expect(window.items.map((line) => line.seq)).toEqual([12, 11, 10]);
    expect(window.next).toBeNull();
  });

  it('exports whole pages that the verifier accepts against an anchored head, and detects a rewritten row', async () => {
    const head = await log.head();
    await log.recordAnchor(head, 41);
    expect(await log.latestAnchor()).toMatchObject({ treeSize: 300, ledgerIndex: 41 });
    const first = await log.exportPage({}, 200);
    const second = await log.exportPage({}, 200, first.next!);
    expect(second.next).toBeNull();
    const text = [...first.items, ...second.items].map(activityExportLine).join('');
    expect(verifyActivityExport(parseActivityExport(text), head)).toMatchObject({ intact: true, treeSize: 300 });

    // The bureau quietly edits an earlier consultation's purpose in its own database.
    const rewritten = JSON.stringify({ ...entries[7], purpose: 'routine' });
    await sqlStatements(dataSource.manager).run('UPDATE activity_entry SET leaf_input = ? WHERE seq = 7', [rewritten]);
    const after = await log.exportPage({}, 500);
    const verdict = verifyActivityExport(after.items, head);
    expect(verdict).toMatchObject({ intact: false, reason: expect.stringMatching(/the log was rewritten/) });
  });
});
