import { describeEvidenceExport } from './evidence.e2e-cases';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { HUB_CODE } from '@bureaunet/contracts';
import { CompactRange, hashLeaf } from '@bureaunet/ledger';
import {
  issueEnrolmentToken,
  repoRoot,
  startTestNetwork,
  waitFor,
  type LocalWitness,
  type TestNetwork,
} from '@bureaunet/testing';
import { queryServiceDatabase } from '@bureaunet/testing/database';
import {
  trustedWitnessFromKey,
  verifierFromKey,
  verifyCosignedCheckpoint,
  WitnessError,
  type CosignedCheckpointPolicy,
} from '@bureaunet/witness';

jest.setTimeout(240_000);

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface WitnessStandingView {
  name: string;
  cosignedSize?: number;
  behind: number;
  lastError?: string;
  misbehaviour?: string;
}

const STANDALONE = 'witness.bureaunet.local';
const AT_BUREAU = 'witness.xh.bureaunet.local';

describe('witnesses: the ledger is cosigned, and a forked gateway is caught', () => {
  let network: TestNetwork;
  let standalone: LocalWitness;
  let atBureau: LocalWitness;
  let newCodes: string[];

  const policy = (quorum: number): CosignedCheckpointPolicy => ({
    log: { origin: 'bureaunet.local/ledger', verifiers: [verifierFromKey(network.ledgerVkey)] },
    witnesses: network.witnesses.map((w) => trustedWitnessFromKey(w.vkey)),
    quorum,
  });

  async function checkpoint(): Promise<string> {
    const response = await fetch(`${network.gateway.url}/api/ledger/checkpoint`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    return response.text();
  }

  async function standings(): Promise<WitnessStandingView[]> {
    const health = (await (await fetch(`${network.gateway.url}/api/health`)).json()) as {
      ledger: { witnesses: WitnessStandingView[] };
    };
    return health.ledger.witnesses;
  }

  /** One more ledger entry: registering a bureau is a registry event the gateway records. */
  async function growLedger(): Promise<void> {
    await issueEnrolmentToken(network.registry.url, network.adminToken, newCodes.shift()!);
  }

  function audit(...args: string[]): Promise<CliRun> {
    const script = join(repoRoot(), 'dist', 'apps', 'auditor', 'src', 'main.js');
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  const checkpointArgs = (quorum: number) => [
    'checkpoint',
    '--gateway',
    network.gateway.url,
    '--log-key',
    network.ledgerVkey,
    ...network.witnesses.flatMap((w) => ['--witness', w.vkey]),
    '--quorum',
    String(quorum),
  ];

  beforeAll(async () => {
    newCodes = ['FR', 'SE', 'NO', 'FI', 'PL', 'PT'];
    network = await startTestNetwork(
      // DK and MR exchange the message whose evidence is exported.
      [HUB_CODE, 'DK', 'MR'],
      { LEDGER_WITNESS_RETRY_MS: '200', NODE_ACTIVITY_ANCHOR_MS: String(86_400_000) },
      { witnesses: [{ name: STANDALONE }, { name: AT_BUREAU }] },
    );
    [standalone, atBureau] = network.witnesses;
  });

  afterAll(async () => {
    await network?.teardown();
  });

  it('serves a checkpoint cosigned by both witnesses, which verifies with a quorum of 2 (library and auditor CLI)', async () => {
    const verified = await waitFor(
      async () => {
        try {
          return verifyCosignedCheckpoint(await checkpoint(), policy(2));
        } catch {
          return undefined;
        }
      },
      { what: 'a checkpoint cosigned by both witnesses', timeoutMs: 60_000 },
    );
    expect(verified.cosigners.map((c) => c.name).sort()).toEqual([STANDALONE, AT_BUREAU].sort());
    const run = await audit(...checkpointArgs(2));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The CLI asks for the latest checkpoint: an entry the network appended meanwhile (a registry
    // event at start) makes it a later one, never an earlier one.
    const size = /verified: checkpoint of bureaunet\.local\/ledger at size (\d+)/.exec(run.stdout)?.[1];
    expect(Number(size)).toBeGreaterThanOrEqual(verified.checkpoint.treeSize);
  });

  // While both witnesses cosign: a bundle needs a quorum of them.
  describeEvidenceExport(
    () => network,
    () => ({ vkeys: network.witnesses.map((w) => w.vkey), quorum: 2 }),
  );

  it('goes on without a stopped witness: the next checkpoint fails a quorum of 2 naming it, and health says how far behind it is', async () => {
    const before = verifyCosignedCheckpoint(await checkpoint(), policy(2)).checkpoint.treeSize;
    await atBureau.process.stop();
    await growLedger();
    const note = await waitFor(
      async () => {
        const text = await checkpoint();
        return verifyCosignedCheckpoint(text, policy(1)).checkpoint.treeSize > before ? text : undefined;
      },
      { what: 'a checkpoint past the stopped witness', timeoutMs: 60_000 },
    );
    expect(() => verifyCosignedCheckpoint(note, policy(2))).toThrow(WitnessError);
    expect(() => verifyCosignedCheckpoint(note, policy(2))).toThrow(/missing: witness\.xh\.bureaunet\.local\+/);
    const run = await audit(...checkpointArgs(2));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /audit FAILED: the checkpoint: quorum-not-met: 1 of the required 2 .*missing: witness\.xh/,
    );
    expect((await audit(...checkpointArgs(1))).status).toBe(0);
    const behind = (await standings()).find((w) => w.name === AT_BUREAU)!;
    expect(behind.behind).toBeGreaterThan(0);
    expect(behind.lastError).toBeDefined();

    // Back up, it is caught up from the size it last cosigned, with the consistency proof.
    await atBureau.process.restart();
    await waitFor(
      async () => {
        try {
          return verifyCosignedCheckpoint(await checkpoint(), policy(2));
        } catch {
          return undefined;
        }
      },
      { what: 'the returned witness to cosign again', timeoutMs: 60_000 },
    );
  });

  it('catches a gateway whose ledger was rewritten: each witness refuses and records the split, the gateway health fails', async () => {
    await growLedger();
    const cosigned = await waitFor(
      async () => {
        try {
          const verified = verifyCosignedCheckpoint(await checkpoint(), policy(2));
          return (await standings()).every((w) => w.behind === 0) ? verified : undefined;
        } catch {
          return undefined;
        }
      },
      { what: 'both witnesses at the latest head', timeoutMs: 60_000 },
    );
    const size = cosigned.checkpoint.treeSize;

    // The operator rewrites the last cosigned entry and covers its tracks: the heads and checkpoints
    // that include it go too.
    await network.gateway.stop();
    // A second connection to the gateway's database, as an operator with shell access would open it.
    const db = { url: network.databaseUrls.get('gateway'), file: join(network.dataDir, 'gateway', 'gateway.sqlite') };
    const [last] = await queryServiceDatabase<{ leaf_index: number; leaf_input: string }>(
      db,
      'SELECT leaf_index, leaf_input FROM ledger_leaf WHERE leaf_index = ?',
      [size - 1],
    );
    const forged = JSON.stringify({ ...(JSON.parse(last.leaf_input) as object), at: '2000-01-01T00:00:00.000Z' });
    await queryServiceDatabase(db, 'UPDATE ledger_leaf SET leaf_input = ?, leaf_hash = ? WHERE leaf_index = ?', [
      forged,
      hashLeaf(Buffer.from(forged, 'utf8')).toString('hex'),
      last.leaf_index,
    ]);
    await queryServiceDatabase(db, 'DELETE FROM ledger_node WHERE (node_index + 1) * (1 << level) >= ?', [size]);
    await queryServiceDatabase(db, 'DELETE FROM ledger_signed_tree_head WHERE tree_size >= ?', [size]);
    await queryServiceDatabase(db, 'DELETE FROM ledger_cosigned_checkpoint WHERE tree_size >= ?', [size]);
    const leaves = await queryServiceDatabase<{ leaf_hash: string }>(
      db,
      'SELECT leaf_hash FROM ledger_leaf ORDER BY leaf_index',
    );
    const range = CompactRange.fromLeafHashes(leaves.map((row) => Buffer.from(row.leaf_hash, 'hex')));
    await queryServiceDatabase(db, 'UPDATE ledger_tree_state SET tree_size = ?, root_hash = ?, border = ?', [
      range.size,
      range.root().toString('hex'),
      JSON.stringify(range.toJSON().hashes),
    ]);
    await network.gateway.restart();

    for (const witness of [standalone, atBureau]) {
      const reports = await waitFor(
        async () => {
          const list = (await (await fetch(`${witness.process.url}/api/misbehaviour`)).json()) as Array<{
            code: string;
            origin: string;
            cosigned: string;
            presented: string;
          }>;
          return list.length > 0 ? list : undefined;
        },
        { what: `${witness.name} to record the rewritten ledger`, timeoutMs: 60_000 },
      );
      expect(['split-view', 'bad-consistency-proof']).toContain(reports[0].code);
      expect(reports[0].origin).toBe('bureaunet.local/ledger');
      // Both notes carry the gateway's signature: proof of the fork anyone with its vkey can check.
      expect(reports[0].cosigned).toContain(`\n\n— bureaunet.local/ledger `);
      expect(reports[0].presented).toContain(`\n\n— bureaunet.local/ledger `);
      expect(reports[0].presented).not.toBe(reports[0].cosigned);
    }
    // The refused round's note is stored once every witness has answered, after they record the split.
    const note = await waitFor(
      async () => {
        const text = await checkpoint();
        return Number(text.split('\n')[1]) >= size ? text : undefined;
      },
      { what: 'the checkpoint of the rewritten ledger' },
    );
    const ready = await waitFor(
      async () => {
        const response = await fetch(`${network.gateway.url}/api/health/ready`);
        return response.status === 503 ? ((await response.json()) as Record<string, unknown>) : undefined;
      },
      { what: 'the gateway readiness to fail on the witnesses', timeoutMs: 60_000 },
    );
    expect(JSON.stringify(ready)).toContain('refuses the ledger');
    expect((await standings()).every((w) => w.misbehaviour !== undefined)).toBe(true);
    expect(network.output()).toContain('reports the ledger inconsistent with what it cosigned');
    // Nothing the witnesses refused is cosigned: the rewritten head fails any quorum.
    expect(() => verifyCosignedCheckpoint(note, policy(1))).toThrow(/0 of the required 1 witnesses/);
  });
});
