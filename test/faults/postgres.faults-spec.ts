import { HUB_CODE } from '@bureaunet/contracts';
import {
  auditWholeLedger,
  startPostgres,
  startTestNetwork,
  trafficThroughFault,
  type RunningPostgres,
  type TestNetwork,
} from '@bureaunet/testing';
import { queryServiceDatabase } from '@bureaunet/testing/database';

/**
 * The hub's registry and gateway keep their record in PostgreSQL; the server is restarted (fast
 * shutdown: open transactions roll back, every connection is cut) while bureaus send both ways.
 * Nothing a node answered 201 for is lost or arrives twice, and the ledger still verifies.
 */
describe('PostgreSQL restarted under load', () => {
  let postgres: RunningPostgres;
  let network: TestNetwork;

  beforeAll(async () => {
    postgres = await startPostgres();
    const databaseUrls = {
      registry: await postgres.createDatabase('registry'),
      gateway: await postgres.createDatabase('gateway'),
    };
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR'], {}, { databaseUrls });
  });

  afterAll(async () => {
    await network?.teardown();
    await postgres?.stop();
  });

  it("loses and duplicates nothing when the hub's PostgreSQL restarts, and the auditor verifies the ledger afterwards", async () => {
    expect([...network.databaseUrls.keys()].sort()).toEqual(['gateway', 'registry']);
    const outcome = await trafficThroughFault({
      network,
      fault: 'PostgreSQL restart under load',
      routes: [
        { from: 'DK', to: ['MR', 'FR'] },
        { from: 'MR', to: ['DK'] },
      ],
      workers: 8,
      sendsPerWorker: 25,
      strike: () => postgres.restart(),
    });
    expect(outcome.figure).toMatchObject({ lost: 0, duplicated: 0 });
    const audit = await auditWholeLedger(network);
    expect({ status: audit.status, stderr: audit.stderr }).toEqual({ status: 0, stderr: '' });
    // The ledger that verified is the one in PostgreSQL: every message's entries are there.
    const [{ leaves }] = await queryServiceDatabase<{ leaves: number }>(
      { url: network.databaseUrls.get('gateway'), file: 'none' },
      'SELECT COUNT(*)::int AS leaves FROM ledger_leaf',
    );
    expect(leaves).toBeGreaterThanOrEqual(outcome.figure.tries);
  });
});
