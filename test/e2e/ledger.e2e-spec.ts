import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  CompactRange,
  decodeLedgerEntry,
  hashLeaf,
  parseSignedTreeHeadJson,
  verifyConsistency,
  verifyInclusion,
  verifyTreeHeadSignature,
  type SignedTreeHeadJson,
} from '@bureaunet/ledger';
import { SentMessageView, TestNetwork, repoRoot, startTestNetwork, waitFor } from '@bureaunet/testing';
import { queryServiceDatabase, type ServiceDatabase } from '@bureaunet/testing/database';

interface TrailBundle {
  message_id: string;
  sth: SignedTreeHeadJson;
  entries: Array<{
    leaf_index: number;
    leaf_input: string;
    leaf_hash: string;
    entry: Record<string, unknown>;
    audit_path: string[];
  }>;
}

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('the auditable ledger: a Merkle log an auditor verifies without trusting the gateway', () => {
  let network: TestNetwork;
  let workDir: string;
  let keyFile: string;
  let stateFile: string;
  let gatewayKey: X509Certificate;
  let firstMessage: string;

  // A second connection to the gateway's database, as an operator with shell access would open it.
  const gatewayDb = (): ServiceDatabase => ({
    url: network.databaseUrls.get('gateway'),
    file: join(network.dataDir, 'gateway', 'gateway.sqlite'),
  });

  async function ledger<T>(
    path: string,
    token: string | null | undefined = network.gatewayTokens.auditor,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${network.gateway.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function sth(): Promise<SignedTreeHeadJson> {
    const { status, body } = await ledger<SignedTreeHeadJson>('/ledger/v1/get-sth');
    expect(status).toBe(200);
    return body;
  }

  async function allEntries(): Promise<Array<Record<string, unknown>>> {
    const { tree_size } = await sth();
    const entries: Array<Record<string, unknown>> = [];
    while (entries.length < tree_size) {
      const { body } = await ledger<{ entries: Array<{ leaf_input: string }> }>(
        `/ledger/v1/get-entries?start=${entries.length}&end=${tree_size - 1}`,
      );
      entries.push(...body.entries.map((entry) => decodeLedgerEntry(Buffer.from(entry.leaf_input, 'base64'))));
    }
    return entries;
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

  const verifyArgs = () => [
    'verify',
    '--gateway',
    network.gateway.url,
    '--key',
    keyFile,
    `--token=${network.gatewayTokens.auditor}`,
    '--state',
    stateFile,
  ];

  async function sendAndReceipt(from: string, to: string[], body: unknown): Promise<string> {
    const { id } = await network.api(from).send({ kind: 'message', to, body });
    await waitFor(
      async () => {
        const view = await network.api(from).message<SentMessageView>(id);
        return (
          view.recipients.length === to.length && view.recipients.every((recipient) => recipient.state === 'receipted')
        );
      },
      { what: `receipts for ${id}` },
    );
    return id;
  }

  async function registry(method: string, path: string): Promise<void> {
    const response = await fetch(`${network.registry.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${network.adminToken}` },
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  }

  beforeAll(async () => {
    // No activity anchors: one landing across the gateway's restart would grow the tree the restart test compares.
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR'], { NODE_ACTIVITY_ANCHOR_MS: String(86_400_000) });
    workDir = mkdtempSync(join(tmpdir(), 'bureaunet-audit-'));
    stateFile = join(workDir, 'state', 'gateway.json');
    // The key an auditor is given out of band: the gateway's certificate from the registry's directory.
    const directory = (await (await fetch(`${network.registry.url}/api/directory/XG`)).json()) as {
      signingCertificate: string;
    };
    keyFile = join(workDir, 'gateway.pem');
    writeFileSync(keyFile, directory.signingCertificate);
    gatewayKey = new X509Certificate(directory.signingCertificate);
  });

  afterAll(async () => {
    await network?.teardown();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('lets only auditors and administrators read the ledger, and names bad parameters', async () => {
    expect(await ledger('/ledger/v1/get-sth', null)).toMatchObject({ status: 401, body: { code: 'token-missing' } });
    expect(await ledger('/ledger/v1/get-sth', 'not-a-known-token-at-all')).toMatchObject({
      status: 401,
      body: { code: 'token-invalid' },
    });
    expect(await ledger('/ledger/v1/get-sth', network.gatewayTokens.officer)).toMatchObject({
      status: 403,
      body: { code: 'role-forbidden' },
    });
    expect((await ledger('/api/trail/some-id', network.gatewayTokens.officer)).status).toBe(403);
    expect((await ledger('/ledger/v1/get-sth', network.gatewayTokens.admin)).status).toBe(200);

    const reversed = await ledger<{ code: string; reason: string }>('/ledger/v1/get-sth-consistency?first=2&second=1');
    expect(reversed).toMatchObject({ status: 400, body: { code: 'bad-range' } });
    expect(reversed.body.reason).toMatch(/first \(2\) is larger than second \(1\)/);
    const notNumber = await ledger<{ code: string; reason: string }>('/ledger/v1/get-entries?start=abc&end=1');
    expect(notNumber).toMatchObject({ status: 400, body: { code: 'invalid-request' } });
    expect(notNumber.body.reason).toMatch(/start/);
    expect((await ledger('/ledger/v1/get-proof-by-hash?hash=short&tree_size=1')).status).toBe(400);
  });

  it('records messages, deliveries, receipts and registry changes, and serves the trail of a message with proofs that verify', async () => {
    firstMessage = await sendAndReceipt('DK', ['MR', 'FR'], { text: 'stolen passport X1234567' });
    await sendAndReceipt('MR', ['DK'], { text: 'second' });
    await registry('POST', '/api/admin/bureaus/FR/suspend');
    await registry('POST', '/api/admin/bureaus/FR/reinstate');
    const registryEntries = await waitFor(
      async () => {
        const entries = await allEntries();
        return entries.some((entry) => entry.type === 'bureau-reinstated' && entry.code === 'FR') ? entries : undefined;
      },
      { what: 'the suspension and reinstatement of FR in the ledger' },
    );
    expect(registryEntries.filter((entry) => entry.code === 'FR').map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['bureau-registered', 'bureau-enrolled', 'bureau-suspended', 'bureau-reinstated']),
    );
    // Metadata and digests only: the body never reaches the ledger.
    expect(JSON.stringify(registryEntries)).not.toContain('X1234567');

    const { status, body: trail } = await ledger<TrailBundle>(`/api/trail/${firstMessage}`);
    expect(status).toBe(200);
    const { head, signature } = parseSignedTreeHeadJson(trail.sth);
    verifyTreeHeadSignature(head, signature, gatewayKey.publicKey);
    const types = trail.entries.map((item) => item.entry.type);
    expect(types).toEqual(
      expect.arrayContaining(['submission-accepted', 'delivery', 'delivery', 'receipt', 'receipt']),
    );
    expect(
      trail.entries
        .filter((item) => item.entry.type === 'delivery' && item.entry.envelopeId === firstMessage)
        .map((item) => item.entry.to)
        .sort(),
    ).toEqual(['FR', 'MR']);
    for (const item of trail.entries) {
      const leafHash = hashLeaf(Buffer.from(item.leaf_input, 'base64'));
      expect(leafHash.toString('base64')).toBe(item.leaf_hash);
      verifyInclusion({
        leafHash,
        leafIndex: item.leaf_index,
        treeSize: head.treeSize,
        proof: item.audit_path.map((hash) => Buffer.from(hash, 'base64')),
        root: head.rootHash,
      });
    }

    // The same leaf, found by its hash.
    const accepted = trail.entries.find(
      (item) => item.entry.type === 'submission-accepted' && item.entry.envelopeId === firstMessage,
    )!;
    const byHash = await ledger<{ leaf_index: number; audit_path: string[] }>(
      `/ledger/v1/get-proof-by-hash?hash=${encodeURIComponent(accepted.leaf_hash)}&tree_size=${head.treeSize}`,
    );
    expect(byHash).toMatchObject({
      status: 200,
      body: { leaf_index: accepted.leaf_index, audit_path: accepted.audit_path },
    });

    const cli = await audit(
      'trail',
      firstMessage,
      '--gateway',
      network.gateway.url,
      '--key',
      keyFile,
      `--token=${network.gatewayTokens.auditor}`,
      '--state',
      stateFile,
    );
    expect(cli).toMatchObject({ status: 0 });
    expect(cli.stdout).toContain(`trail of ${firstMessage}: ${trail.entries.length} entries`);
  });

  it('passes `audit verify` on the whole log, keeps the tree head, and passes again once the log grew', async () => {
    const first = await audit(...verifyArgs());
    expect(first).toMatchObject({ status: 0, stderr: '' });
    expect(first.stdout).toMatch(/^verified: \d+ entries recomputed to root /);
    expect(first.stdout).toContain('no tree head kept before');

    const verifiedBefore = Number(/^verified: (\d+)/.exec(first.stdout)![1]);
    await sendAndReceipt('DK', ['MR'], { text: 'after the first audit' });
    await waitFor(async () => (await sth()).tree_size > verifiedBefore, {
      what: 'a signed tree head covering the new message',
    });
    const second = await audit(...verifyArgs());
    expect(second).toMatchObject({ status: 0 });
    expect(Number(/^verified: (\d+)/.exec(second.stdout)![1])).toBeGreaterThan(verifiedBefore);
    expect(second.stdout).toContain(`consistent with the tree head kept from`);
  });

  it('continues the same tree across a gateway restart: size and root carry over', async () => {
    await network.gateway.stop();
    const [state] = await queryServiceDatabase<{ tree_size: number; root_hash: string }>(
      gatewayDb(),
      'SELECT tree_size, root_hash FROM ledger_tree_state',
    );
    await network.gateway.restart();
    // Nodes' activity anchors queued while it was down may already be appended: the tree it stopped
    // with is proven a prefix of the grown one below, by a consistency proof from the root it had.
    expect((await sth()).tree_size).toBeGreaterThanOrEqual(state.tree_size);
    const rootBefore = Buffer.from(state.root_hash, 'hex');

    await sendAndReceipt('DK', ['MR'], { text: 'after the restart' });
    const grown = await waitFor(
      async () => {
        const head = await sth();
        return head.tree_size > state.tree_size ? head : undefined;
      },
      { what: 'the tree to grow after the restart' },
    );
    const { body } = await ledger<{ consistency: string[] }>(
      `/ledger/v1/get-sth-consistency?first=${state.tree_size}&second=${grown.tree_size}`,
    );
    verifyConsistency({
      first: state.tree_size,
      second: grown.tree_size,
      firstRoot: rootBefore,
      secondRoot: Buffer.from(grown.sha256_root_hash, 'base64'),
      proof: body.consistency.map((hash) => Buffer.from(hash, 'base64')),
    });
    expect((await audit(...verifyArgs())).status).toBe(0);
  });

  it('names the entry that no longer matches after a row was altered in the database', async () => {
    const { body: trail } = await ledger<TrailBundle>(`/api/trail/${firstMessage}`);
    const delivery = trail.entries.find(
      (item) => item.entry.type === 'delivery' && item.entry.to === 'MR' && item.entry.envelopeId === firstMessage,
    )!;
    await network.gateway.stop();
    await queryServiceDatabase(
      gatewayDb(),
      `UPDATE ledger_leaf SET leaf_input = replace(leaf_input, '"to":"MR"', '"to":"FR"') WHERE leaf_index = ?`,
      [delivery.leaf_index],
    );
    await network.gateway.restart();

    const run = await audit(...verifyArgs());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `audit FAILED: entry ${delivery.leaf_index} (delivery at ${String(delivery.entry.at)}, envelope ${firstMessage}) does not match the signed tree head`,
    );
  });

  it('catches a log rolled back and re-grown with other entries, by the consistency check against the kept head', async () => {
    const kept = parseSignedTreeHeadJson((JSON.parse(await readText(stateFile)) as { sth: unknown }).sth).head;
    const keepLeaves = 5;
    await network.gateway.stop();
    const db = gatewayDb();
    await queryServiceDatabase(db, 'DELETE FROM ledger_leaf WHERE leaf_index >= ?', [keepLeaves]);
    await queryServiceDatabase(db, 'DELETE FROM ledger_node WHERE (node_index + 1) * (1 << level) > ?', [keepLeaves]);
    await queryServiceDatabase(db, 'DELETE FROM ledger_signed_tree_head WHERE tree_size > ?', [keepLeaves]);
    const remaining = await queryServiceDatabase<{ leaf_hash: string }>(
      db,
      'SELECT leaf_hash FROM ledger_leaf ORDER BY leaf_index',
    );
    const range = CompactRange.fromLeafHashes(remaining.map((row) => Buffer.from(row.leaf_hash, 'hex')));
    await queryServiceDatabase(db, 'UPDATE ledger_tree_state SET tree_size = ?, root_hash = ?, border = ?', [
      range.size,
      range.root().toString('hex'),
      JSON.stringify(range.toJSON().hashes),
    ]);
    await network.gateway.restart();

    for (let round = 0; (await sth()).tree_size <= kept.treeSize; round++) {
      await sendAndReceipt('DK', ['MR'], { text: `re-grown ${round}` });
    }
    const run = await audit(...verifyArgs());
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /audit FAILED: consistency check failed: the log signed at size \d+ is not an extension of the tree head kept from .* \(size \d+, root .*\) — the log was rewritten or rolled back/,
    );
  });
});

async function readText(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}
