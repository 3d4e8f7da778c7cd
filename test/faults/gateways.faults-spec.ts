import { Client } from 'pg';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  auditWholeLedger,
  startPostgres,
  startTestNetwork,
  throwawayPostgresUrl,
  trafficThroughFault,
  waitFor,
  type RunningPostgres,
  type ServiceProcess,
  type TestNetwork,
  type TrafficRoute,
} from '@bureaunet/testing';
import { DEFAULT_SUBMISSION_PARTITIONS, partitionOf } from '../../apps/gateway/src/lanes/submission-partition';

/** Three bureaus sending at once, each one message after another, so each has a send order to keep. */
const ROUTES: readonly TrafficRoute[] = [
  { from: 'DK', to: ['MR', 'FR'] },
  { from: 'FR', to: ['MR'] },
  { from: 'MR', to: ['DK', 'FR'] },
];
/** The most one sender sends: traffic stops once sends are answered again after the fault. */
const MAX_PER_SENDER = 400;

/**
 * Two gateways on one PostgreSQL database share the senders' partitions; one of them is killed
 * with SIGKILL while the three bureaus send. The other takes its partitions over once their leases
 * expire: every message is delivered and receipted exactly once, each sender's messages enter the
 * ledger in the order they were sent, and the auditor CLI verifies the ledger afterwards.
 */
describe('two gateways, one killed -9 under load', () => {
  let network: TestNetwork;
  let postgres: RunningPostgres | undefined;
  let database: Client;

  beforeAll(async () => {
    // On a run without BUREAUNET_TEST_DATABASE=postgres, a private server: the gateways need one database.
    let url = await throwawayPostgresUrl('gateways');
    if (!url) {
      postgres = await startPostgres();
      url = await postgres.createDatabase('gateways');
    }
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR'], {}, { databaseUrls: { gateway: url } });
    database = new Client({ connectionString: url });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await network?.teardown();
    await postgres?.stop();
  });

  /** The pid of each unexpired lane lease's holder, by partition (a holder's name ends in its pid and a tag). */
  async function laneHolders(): Promise<Map<number, number>> {
    const { rows } = await database.query<{ name: string; holder: string }>(
      `SELECT name, holder FROM gateway_lease WHERE name LIKE 'lane-%' AND holder <> '' AND "expiresAt" > $1`,
      [new Date().toISOString()],
    );
    return new Map(rows.map((row) => [Number(row.name.slice('lane-'.length)), Number(row.holder.split('-').at(-2))]));
  }

  const partitionOfSender = (code: string) => partitionOf(code, DEFAULT_SUBMISSION_PARTITIONS);

  /** Where the message's acceptance landed in the survivor's ledger, and how many acceptances, deliveries and receipts it has. */
  async function ledgered(gateway: ServiceProcess, id: string, to: readonly string[]) {
    const response = await fetch(`${gateway.url}/api/trail/${id}`, {
      headers: { authorization: `Bearer ${network.gatewayTokens.auditor}` },
    });
    const entries =
      response.status === 404
        ? []
        : ((await response.json()) as { entries: Array<{ leaf_index: number; entry: Record<string, unknown> }> })
            .entries;
    // The trail also holds the receipts' own entries, under their ids.
    const of = (type: string, recipient?: string) =>
      entries.filter(
        ({ entry }) =>
          entry['envelopeId'] === id &&
          entry['type'] === type &&
          (recipient === undefined || entry[type === 'delivery' ? 'to' : 'from'] === recipient),
      );
    const accepted = of('submission-accepted');
    return {
      acceptedAt: accepted[0]?.leaf_index ?? -1,
      counts: [accepted.length, ...to.flatMap((code) => [of('delivery', code).length, of('receipt', code).length])],
    };
  }

  it('loses, duplicates and reorders nothing; the survivor takes the partitions over; the ledger verifies', async () => {
    const fault = 'one gateway of two kill -9 under load';
    const second = await network.addGateway();
    const gateways = [network.gateway, second];
    await waitFor(
      async () => {
        const holders = await laneHolders();
        const pids = new Set(holders.values());
        return holders.size === DEFAULT_SUBMISSION_PARTITIONS && gateways.every((gateway) => pids.has(gateway.pid));
      },
      { what: 'the two gateways sharing the partitions', timeoutMs: 60_000, intervalMs: 250 },
    );
    // The victim: the gateway consuming DK, which sends to two bureaus.
    const victimPid = (await laneHolders()).get(partitionOfSender('DK'));
    const victim = gateways.find((gateway) => gateway.pid === victimPid)!;
    const survivor = gateways.find((gateway) => gateway !== victim)!;

    let takeoverMs = 0;
    const { figure, sent } = await trafficThroughFault({
      network,
      fault,
      routes: ROUTES,
      // One client per sender: its messages have one send order.
      workers: 1,
      sendsPerWorker: MAX_PER_SENDER,
      strike: async () => {
        await victim.kill();
        const killedAt = Date.now();
        await waitFor(async () => (await laneHolders()).get(partitionOfSender('DK')) === survivor.pid, {
          what: `${fault}: the survivor holding DK's partition`,
          timeoutMs: 60_000,
          intervalMs: 100,
        });
        takeoverMs = Date.now() - killedAt;
      },
    });

    // The ledger: one acceptance, one delivery and one receipt per recipient per message, and each
    // sender's acceptances in its send order.
    const lastId = [...sent.values()].flat().at(-1)!;
    await waitFor(async () => (await ledgered(survivor, lastId, [])).acceptedAt >= 0, {
      what: `${fault}: a tree head covering the last message`,
      timeoutMs: 30_000,
    });
    let reordered = 0;
    let ledgerLost = 0;
    let ledgerDuplicated = 0;
    const outOfOrder: string[] = [];
    for (const [route, ids] of sent) {
      let previous = -1;
      for (const [index, id] of ids.entries()) {
        const { acceptedAt, counts } = await ledgered(survivor, id, route.to);
        ledgerLost += counts.filter((found) => found === 0).length;
        ledgerDuplicated += counts.reduce((sum, found) => sum + Math.max(0, found - 1), 0);
        if (acceptedAt <= previous) {
          reordered += 1;
          outOfOrder.push(`${route.from} #${index} at leaf ${acceptedAt} after ${previous}`);
        }
        previous = Math.max(previous, acceptedAt);
      }
    }
    // The auditor recomputes the whole log from the survivor, against the one ledger key both gateways sign with.
    const audit = await auditWholeLedger({ ...network, gateway: survivor });

    const messages = [...sent.values()].reduce((sum, ids) => sum + ids.length, 0);
    process.stderr.write(
      `FAULT ${fault}: messages=${messages} takeover=${takeoverMs} ms reordered=${reordered} ledger-lost=${ledgerLost} ledger-duplicated=${ledgerDuplicated} ${outOfOrder.join('; ')}\n`,
    );
    expect(figure).toMatchObject({ lost: 0, duplicated: 0 });
    expect({ reordered, ledgerLost, ledgerDuplicated }).toEqual({ reordered: 0, ledgerLost: 0, ledgerDuplicated: 0 });
    expect(audit.status).toBe(0);
    expect(audit.stdout).toMatch(/^verified: \d+ entries recomputed to root /);
  });
});
