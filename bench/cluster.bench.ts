import { HUB_CODE } from '@bureaunet/contracts';
import {
  SERVICES_ON_POSTGRES,
  TEST_POSTGRES_URL,
  startPostgres,
  startTestNetwork,
  type TestNetwork,
} from '@bureaunet/testing';
import { publishBenchReport, ratioTo, type BenchFigure } from './bench-report';
import { measureExchange, type ExchangeFigures } from './exchange-run';

/**
 * `npm run bench -- --cluster` (or `npm run bench:cluster`): the 1:1 exchange on the hub's
 * configurations beyond one machine, beside the single-machine one measured in the same run: every
 * service on SQLite with one nats-server (the baseline), the hub's services on PostgreSQL, and on
 * PostgreSQL with a three-node NATS cluster at replicas 3.
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
const LATENCY_SAMPLES = 50;
const BODY = { text: 'x'.repeat(1500) };
const SENDER = 'DK';
const RECIPIENT = 'MR';

interface Setup {
  name: string;
  postgres: boolean;
  natsCluster: boolean;
}

const SETUPS: readonly Setup[] = [
  { name: 'SQLite, one nats-server', postgres: false, natsCluster: false },
  { name: 'PostgreSQL, one nats-server', postgres: true, natsCluster: false },
  { name: 'PostgreSQL, three-node NATS cluster (R3)', postgres: true, natsCluster: true },
];

async function measure(setup: Setup): Promise<ExchangeFigures> {
  const network: TestNetwork = await startTestNetwork(
    [HUB_CODE, SENDER, RECIPIENT],
    {},
    setup.natsCluster ? { natsCluster: 3 } : {},
  );
  try {
    return await measureExchange(network, SENDER, [RECIPIENT], MESSAGES, {
      body: BODY,
      latencySamples: LATENCY_SAMPLES,
      inFlight: IN_FLIGHT,
    });
  } catch (error) {
    console.error(network.output());
    throw error;
  } finally {
    await network.teardown();
  }
}

async function main(): Promise<void> {
  const postgres = await startPostgres();
  const results: Array<[Setup, ExchangeFigures]> = [];
  try {
    for (const setup of SETUPS) {
      if (setup.postgres) process.env[TEST_POSTGRES_URL] = postgres.url();
      else delete process.env[TEST_POSTGRES_URL];
      results.push([setup, await measure(setup)]);
    }
  } finally {
    delete process.env[TEST_POSTGRES_URL];
    await postgres.stop();
  }
  const [[baselineSetup, baseline]] = results as [[Setup, ExchangeFigures], ...Array<[Setup, ExchangeFigures]>];
  const baselineFigure: BenchFigure = {
    name: `${baselineSetup.name}: receipted back at the sender`,
    value: baseline.receipted,
    unit: 'msgs/s',
    baseline: true,
  };
  const figures: BenchFigure[] = [baselineFigure];
  for (const [setup, measured] of results.slice(1))
    figures.push({
      name: `${setup.name}: receipted back at the sender`,
      value: measured.receipted,
      unit: 'msgs/s',
      against: ratioTo(baselineFigure, measured.receipted),
    });
  for (const [setup, measured] of results)
    figures.push(
      { name: `${setup.name}: one message, send → receipted, p50`, value: measured.p50, unit: 'ms' },
      { name: `${setup.name}: one message, send → receipted, p99`, value: measured.p99, unit: 'ms' },
    );
  const cpu = (measured: ExchangeFigures) =>
    [...measured.cpuPerMessage].map(([service, ms]) => `${service} ${ms.toFixed(2)}`).join(', ');
  publishBenchReport({
    title: 'Beyond one machine: PostgreSQL and the NATS cluster',
    command: 'npm run bench -- --cluster',
    setup:
      `The 1:1 exchange (${MESSAGES.toLocaleString('en-US')} messages ${SENDER}→${RECIPIENT}, ~2 KB bodies, ${IN_FLIGHT} requests in flight; p50/p99 over ${LATENCY_SAMPLES} sent one at a time) on three configurations of the hub, one after another on this machine: ` +
      `${SETUPS.map((setup) => setup.name).join('; ')}. On PostgreSQL: ${[...SERVICES_ON_POSTGRES].sort().join(', ')}, each its own database on one private PostgreSQL ${'server'} (fsync off: the figure is the software's cost, not the disk's). ` +
      'The cluster: three nats-server processes on this one machine, streams and consumers at replicas 3 — every publish is acknowledged by two of three.',
    figures,
    findings: results.map(([setup, measured]) => `${setup.name}: ms CPU per message: ${cpu(measured)}.`),
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
