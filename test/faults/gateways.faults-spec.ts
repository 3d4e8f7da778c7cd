import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  repoRoot,
  reportFault,
  startPostgres,
  startTestNetwork,
  throwawayPostgresUrl,
  waitFor,
  type RunningPostgres,
  type SentMessageView,
  type ServiceProcess,
  type TestNetwork,
} from '@bureaunet/testing';
import { DEFAULT_SUBMISSION_PARTITIONS, partitionOf } from '../../apps/gateway/src/lanes/submission-partition';

/** Three bureaus sending at once, each one message after another, so each has a send order to keep. */
const SENDERS: ReadonlyArray<{ from: string; to: string[] }> = [
  { from: 'DK', to: ['MR', 'FR'] },
  { from: 'FR', to: ['MR'] },
  { from: 'MR', to: ['DK', 'FR'] },
];
const PER_SENDER = 60;

interface Sent {
  from: string;
  to: string[];
  id: string;
  index: number;
}

/**
 * Two gateways on one PostgreSQL database share the senders' partitions; one of them is killed
 * with SIGKILL while the three bureaus send. The other takes its partitions over once their leases
 * expire: every message is delivered and receipted exactly once, each sender's messages enter the
 * ledger in the order they were sent, and the auditor CLI verifies the ledger afterwards.
 */
describe('two gateways, one killed -9 under load', () => {
  let network: TestNetwork;
  let postgres: RunningPostgres | undefined;
  let databaseUrl: string;
  let database: Client;
  let workDir: string;

  beforeAll(async () => {
    // On a run without BUREAUNET_TEST_DATABASE=postgres, a private server: the gateways need one database.
    let url = await throwawayPostgresUrl('gateways');
    if (!url) {
      postgres = await startPostgres();
      url = await postgres.createDatabase('gateways');
    }
    databaseUrl = url;
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR'], {}, { databaseUrls: { gateway: databaseUrl } });
    database = new Client({ connectionString: databaseUrl });
    await database.connect();
    workDir = mkdtempSync(join(tmpdir(), 'bureaunet-gateways-'));
  });

  afterAll(async () => {
    await database?.end();
    await network?.teardown();
    await postgres?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** Lane leases not expired, by partition: the holder's name ends in its pid and a random tag. */
  async function laneHolders(): Promise<Map<number, { holder: string; pid: number }>> {
    const { rows } = await database.query<{ name: string; holder: string }>(
      `SELECT name, holder FROM gateway_lease WHERE name LIKE 'lane-%' AND holder <> '' AND "expiresAt" > $1`,
      [new Date().toISOString()],
    );
    return new Map(
      rows.map((row) => [
        Number(row.name.slice('lane-'.length)),
        { holder: row.holder, pid: Number(row.holder.split('-').at(-2)) },
      ]),
    );
  }

  const partitionOfSender = (code: string) => partitionOf(code, DEFAULT_SUBMISSION_PARTITIONS);

  async function inboxCopies(code: string, ids: ReadonlySet<string>): Promise<string[]> {
    return (await network.api(code).inbox(5_000)).items.map((item) => item.id).filter((id) => ids.has(id));
  }

  async function trail(
    gateway: ServiceProcess,
    id: string,
  ): Promise<Array<{ leaf_index: number; entry: Record<string, unknown> }>> {
    const response = await fetch(`${gateway.url}/api/trail/${id}`, {
      headers: { authorization: `Bearer ${network.gatewayTokens.auditor}` },
    });
    if (response.status === 404) return [];
    const body = (await response.json()) as { entries: Array<{ leaf_index: number; entry: Record<string, unknown> }> };
    return body.entries;
  }

  function audit(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
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

  it('loses, duplicates and reorders nothing; the survivor takes the partitions over; the ledger verifies', async () => {
    const fault = 'one gateway of two kill -9 under load';
    const second = await network.addGateway();
    const gateways = [network.gateway, second];
    // Both gateways consume: the partitions are split between them.
    await waitFor(
      async () => {
        const holders = await laneHolders();
        const pids = new Set([...holders.values()].map(({ pid }) => pid));
        return holders.size === DEFAULT_SUBMISSION_PARTITIONS && gateways.every((gateway) => pids.has(gateway.pid));
      },
      { what: 'the two gateways sharing the partitions', timeoutMs: 60_000, intervalMs: 250 },
    );
    // The victim: the gateway consuming DK, which sends to two bureaus.
    const victimPid = (await laneHolders()).get(partitionOfSender('DK'))!.pid;
    const victim = gateways.find((gateway) => gateway.pid === victimPid)!;
    const survivor = gateways.find((gateway) => gateway !== victim)!;

    const sent: Sent[] = [];
    let killedAt = 0;
    const sending = Promise.all(
      SENDERS.map(async ({ from, to }) => {
        for (let index = 0; index < PER_SENDER; index++) {
          const { id } = await network.api(from).send({ kind: 'message', to, body: { fault, from, index } });
          sent.push({ from, to, id, index });
        }
      }),
    );
    await waitFor(
      async () =>
        (await inboxCopies('FR', new Set(sent.filter(({ from }) => from === 'DK').map(({ id }) => id)))).length >= 10,
      { what: `${fault}: DK's traffic under way`, timeoutMs: 60_000 },
    );
    await victim.kill();
    killedAt = Date.now();
    await waitFor(async () => (await laneHolders()).get(partitionOfSender('DK'))?.pid === survivor.pid, {
      what: `${fault}: the survivor holding DK's partition`,
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    const takeoverMs = Date.now() - killedAt;
    await sending;

    await waitFor(
      async () => {
        const views = await Promise.all(sent.map(({ from, id }) => network.api(from).message<SentMessageView>(id)));
        return views.every(
          (view, index) =>
            view.recipients.length === sent[index].to.length &&
            view.recipients.every((recipient) => recipient.state === 'receipted'),
        );
      },
      { what: `${fault}: every message receipted by every recipient`, timeoutMs: 180_000, intervalMs: 1_000 },
    );
    let lost = 0;
    let duplicated = 0;
    for (const code of new Set(SENDERS.flatMap(({ to }) => to))) {
      const wanted = new Set(sent.filter(({ to }) => to.includes(code)).map(({ id }) => id));
      const copies = await inboxCopies(code, wanted);
      lost += wanted.size - new Set(copies).size;
      duplicated += copies.length - new Set(copies).size;
    }

    // The ledger: one acceptance, one delivery and one receipt per recipient per message, and each
    // sender's acceptances in its send order (the trail also holds the receipts' entries, under their ids).
    let reordered = 0;
    let ledgerLost = 0;
    let ledgerDuplicated = 0;
    const outOfOrder: string[] = [];
    await waitFor(async () => (await trail(survivor, sent.at(-1)!.id)).length > 0, {
      what: `${fault}: a tree head covering the last message`,
      timeoutMs: 30_000,
    });
    for (const { from } of SENDERS) {
      let previous = -1;
      for (const { id, to, index } of sent
        .filter((message) => message.from === from)
        .sort((a, b) => a.index - b.index)) {
        const entries = (await trail(survivor, id)).filter(({ entry }) => entry['envelopeId'] === id);
        const of = (type: string, recipient?: string) =>
          entries.filter(
            ({ entry }) =>
              entry['type'] === type &&
              (recipient === undefined || entry[type === 'delivery' ? 'to' : 'from'] === recipient),
          );
        const counts = [
          of('submission-accepted'),
          ...to.flatMap((code) => [of('delivery', code), of('receipt', code)]),
        ].map((found) => found.length);
        ledgerLost += counts.filter((found) => found === 0).length;
        ledgerDuplicated += counts.reduce((sum, found) => sum + Math.max(0, found - 1), 0);
        const at = of('submission-accepted')[0]?.leaf_index ?? -1;
        if (at <= previous) {
          reordered += 1;
          outOfOrder.push(`${from} #${index} at leaf ${at} after ${previous}`);
        }
        previous = Math.max(previous, at);
      }
    }

    // The auditor recomputes the whole log from the survivor, against the one ledger key both gateways sign with.
    const directory = (await (await fetch(`${network.registry.url}/api/directory/XG`)).json()) as {
      signingCertificate: string;
    };
    const keyFile = join(workDir, 'gateway.pem');
    writeFileSync(keyFile, directory.signingCertificate);
    const verified = await audit(
      'verify',
      '--gateway',
      survivor.url,
      '--key',
      keyFile,
      `--token=${network.gatewayTokens.auditor}`,
      '--state',
      join(workDir, 'state', 'gateway.json'),
    );

    const tries = sent.reduce((total, { to }) => total + to.length, 0);
    const figure = reportFault({ fault, tries, survived: tries - lost, lost, duplicated });
    process.stderr.write(
      `FAULT ${fault}: messages=${sent.length} takeover=${takeoverMs} ms reordered=${reordered} ledger-lost=${ledgerLost} ledger-duplicated=${ledgerDuplicated} ${outOfOrder.join('; ')}\n`,
    );
    expect(figure).toMatchObject({ lost: 0, duplicated: 0 });
    expect({ reordered, ledgerLost, ledgerDuplicated }).toEqual({ reordered: 0, ledgerLost: 0, ledgerDuplicated: 0 });
    expect(verified).toMatchObject({ status: 0, stderr: '' });
    expect(verified.stdout).toMatch(/^verified: \d+ entries recomputed to root /);
  });
});
