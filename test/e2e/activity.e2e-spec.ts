import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sqlite3 from 'sqlite3';
import { activityExportLine, parseActivityExport, type ActivityExportLine } from '@bureaunet/activity';
import { HUB_CODE } from '@bureaunet/contracts';
import { decodeLedgerEntry } from '@bureaunet/ledger';
import { SentMessageView, TestNetwork, repoRoot, startTestNetwork, waitFor } from '@bureaunet/testing';

interface ActivityHeadView {
  treeSize: number;
  rootHash: string;
  lastAnchor: { treeSize: number; rootHash: string; ledgerIndex: number | null } | null;
}

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('attributed actions: every action and consultation logged at the node, its head anchored in the ledger', () => {
  let network: TestNetwork;
  let workDir: string;
  let keyFile: string;
  let messageId: string;

  async function nodeGet<T>(code: string, path: string, token: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${network.node(code).url}${path}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json') ?? false;
    return { status: response.status, text, body: (json ? JSON.parse(text) : undefined) as T };
  }
  const admin = (code: string) => network.nodeTokens.get(code)!.admin;

  async function ledgerEntries(): Promise<Array<Record<string, unknown>>> {
    const get = async <T>(path: string) =>
      (await (
        await fetch(`${network.gateway.url}${path}`, {
          headers: { authorization: `Bearer ${network.gatewayTokens.auditor}` },
        })
      ).json()) as T;
    const { tree_size } = await get<{ tree_size: number }>('/ledger/v1/get-sth');
    const entries: Array<Record<string, unknown>> = [];
    while (entries.length < tree_size) {
      const { entries: page } = await get<{ entries: Array<{ leaf_input: string }> }>(
        `/ledger/v1/get-entries?start=${entries.length}&end=${tree_size - 1}`,
      );
      entries.push(...page.map((entry) => decodeLedgerEntry(Buffer.from(entry.leaf_input, 'base64'))));
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

  /** The node's log as it is on disk, read from a copy (never from the running node's file). */
  function sqlite(file: string, mode: number): Promise<sqlite3.Database> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(db)));
    });
  }
  const run = (db: sqlite3.Database, sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  const all = <T>(db: sqlite3.Database, sql: string) =>
    new Promise<T[]>((resolve, reject) => db.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
  const close = (db: sqlite3.Database) => new Promise<void>((resolve) => db.close(() => resolve()));

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'FR'], {
      NODE_ACTIVITY_ANCHOR_MS: '200',
      REGISTRY_ACTIVITY_ANCHOR_MS: '200',
    });
    workDir = mkdtempSync(join(tmpdir(), 'bureaunet-activity-'));
    const directory = (await (await fetch(`${network.registry.url}/api/directory/XG`)).json()) as {
      signingCertificate: string;
    };
    keyFile = join(workDir, 'gateway.pem');
    writeFileSync(keyFile, directory.signingCertificate);
  });

  afterAll(async () => {
    await network?.teardown();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('attributes machine-token actions and consultations to their role, refusals with their code', async () => {
    const { id } = await network.api('MR').send({ kind: 'message', to: ['FR'], body: { text: 'activity' } });
    messageId = id;
    await waitFor(
      async () => (await network.api('MR').message<SentMessageView>(id)).recipients[0]?.state === 'receipted',
      { what: `the receipt of ${id}` },
    );
    expect((await network.api('FR').message(id)).id).toBe(id);
    expect((await nodeGet('FR', '/api/messages/no-such-message', network.nodeTokens.get('FR')!.officer)).status).toBe(
      400,
    );

    const sent = await nodeGet<{ items: ActivityExportLine[] }>('MR', '/api/activity?action=message.send', admin('MR'));
    expect(sent.status).toBe(200);
    expect(sent.body.items[0].entry).toMatchObject({ actor: 'role:officer', role: 'officer', outcome: 'done' });
    const opened = await nodeGet<{ items: ActivityExportLine[] }>(
      'FR',
      '/api/activity?person=role:officer',
      admin('FR'),
    );
    expect(opened.body.items.map((item) => item.entry)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'message.open', target: id, outcome: 'done' }),
        expect.objectContaining({
          action: 'message.open',
          target: 'no-such-message',
          outcome: 'refused',
          code: 'invalid-request',
        }),
      ]),
    );
    // Only administrators search it; the head is for auditors too.
    expect((await nodeGet('MR', '/api/activity', network.nodeTokens.get('MR')!.officer)).status).toBe(403);
  });

  it('attributes a person’s consultation to their username with the purpose they stated, and refuses one without', async () => {
    const ana = await network.person('MR', { username: 'ana', roles: ['officer'] });
    const signIn = await fetch(`${network.node('MR').url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ana.username, password: ana.password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = { cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] };
    const search = (headers: Record<string, string>) =>
      fetch(`${network.node('MR').url}/api/notices?name=Smith`, { headers: { ...cookie, ...headers } });

    const without = await search({});
    expect(without.status).toBe(400);
    expect(await without.json()).toMatchObject({ code: 'purpose-required' });
    expect((await search({ 'x-purpose': encodeURIComponent('enquête 2026/118') })).status).toBe(200);

    const logged = await nodeGet<{ items: ActivityExportLine[] }>(
      'MR',
      '/api/activity?person=ana&action=notice.search',
      admin('MR'),
    );
    expect(logged.body.items.map((item) => item.entry)).toEqual([
      expect.objectContaining({
        actor: 'person:ana',
        action: 'notice.search',
        outcome: 'done',
        purpose: 'enquête 2026/118',
      }),
      expect.objectContaining({
        actor: 'person:ana',
        action: 'notice.search',
        outcome: 'refused',
        code: 'purpose-required',
      }),
    ]);
    expect(logged.body.items[0].entry.personId).toEqual(expect.any(String));
    // Setting the password through the sign-in link was attributed to ana as well.
    const own = await nodeGet<{ items: ActivityExportLine[] }>(
      'MR',
      '/api/activity?person=ana&action=me.password',
      admin('MR'),
    );
    expect(own.body.items).toHaveLength(1);
  });

  it('anchors the node’s head, signed, in the gateway’s ledger; the auditor accepts an export and catches a rewrite', async () => {
    const size = (await nodeGet<ActivityHeadView>('MR', '/api/activity/head', admin('MR'))).body.treeSize;
    const head = await waitFor(
      async () => {
        const view = (await nodeGet<ActivityHeadView>('MR', '/api/activity/head', admin('MR'))).body;
        return view.lastAnchor !== null && view.lastAnchor.treeSize >= size ? view : undefined;
      },
      { what: `MR's activity head of size ${size} anchored` },
    );
    const anchor = head.lastAnchor!;
    // The gateway signs a tree head at intervals: wait until one covers the anchor.
    const entries = await waitFor(
      async () => {
        const all = await ledgerEntries();
        return all.length > anchor.ledgerIndex! ? all : undefined;
      },
      { what: `a signed tree head covering ledger entry ${anchor.ledgerIndex}` },
    );
    expect(entries[anchor.ledgerIndex!]).toMatchObject({
      type: 'activity-anchor',
      code: 'MR',
      treeSize: anchor.treeSize,
      rootHash: anchor.rootHash,
    });
    // The registry's log reaches the ledger too, as its activity-head events.
    await fetch(`${network.registry.url}/api/rules`, { headers: { authorization: `Bearer ${network.adminToken}` } });
    await waitFor(async () => (await ledgerEntries()).some((entry) => entry.type === 'activity-head'), {
      what: "the registry's activity head in the ledger",
    });

    const exported = await nodeGet('MR', '/api/activity/export', admin('MR'));
    expect(exported.status).toBe(200);
    const exportFile = join(workDir, 'mr.jsonl');
    writeFileSync(exportFile, exported.text);
    expect(parseActivityExport(exported.text).length).toBeGreaterThanOrEqual(anchor.treeSize);

    const gatewayArgs = [
      '--code',
      'MR',
      '--gateway',
      network.gateway.url,
      '--key',
      keyFile,
      `--token=${network.gatewayTokens.auditor}`,
    ];
    const accepted = await audit('activity', '--export', exportFile, ...gatewayArgs);
    expect({ status: accepted.status, out: accepted.stdout + accepted.stderr }).toMatchObject({ status: 0 });
    expect(accepted.stdout).toMatch(/^intact: the export's first \d+ entries give the root/);
    // The ledger holding activity-anchor entries still verifies as a whole.
    const verify = await audit(
      'verify',
      '--gateway',
      network.gateway.url,
      '--key',
      keyFile,
      `--token=${network.gatewayTokens.auditor}`,
      '--state',
      join(workDir, 'state.json'),
    );
    expect({ status: verify.status, out: verify.stdout + verify.stderr }).toMatchObject({ status: 0 });

    // The bureau rewrites an early consultation in (a copy of) its own database and exports again.
    const copy = join(workDir, 'node-copy.sqlite');
    const live = await sqlite(join(network.dataDir, 'node-MR', 'node.sqlite'), sqlite3.OPEN_READONLY);
    await run(live, 'VACUUM INTO ?', [copy]);
    await close(live);
    const db = await sqlite(copy, sqlite3.OPEN_READWRITE);
    const [first] = await all<{ leaf_input: string }>(db, 'SELECT leaf_input FROM activity_entry WHERE seq = 0');
    await run(db, 'UPDATE activity_entry SET leaf_input = ? WHERE seq = 0', [
      JSON.stringify({ ...(JSON.parse(first.leaf_input) as object), purpose: 'routine' }),
    ]);
    const rows = await all<{ seq: number; leaf_input: string }>(
      db,
      'SELECT seq, leaf_input FROM activity_entry ORDER BY seq',
    );
    await close(db);
    const rewrittenFile = join(workDir, 'mr-rewritten.jsonl');
    writeFileSync(
      rewrittenFile,
      rows
        .map((row) =>
          activityExportLine({ seq: row.seq, entry: JSON.parse(row.leaf_input) as ActivityExportLine['entry'] }),
        )
        .join(''),
    );
    const refused = await audit('activity', '--export', rewrittenFile, ...gatewayArgs);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /audit FAILED: the activity log of MR does not match its head anchored at ledger entry #\d+: .*the log was rewritten/,
    );
    expect(messageId).toBeDefined();
  });
});
