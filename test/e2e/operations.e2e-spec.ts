import { startTestNetwork, waitFor, type TestNetwork } from '@bureaunet/testing';

interface HealthBody {
  status: string;
  details: Record<string, { status: string } & Record<string, unknown>>;
}

/** The JSON log lines one service printed (the harness prefixes each with `[name] `). */
function jsonLines(network: TestNetwork, service: string): Array<Record<string, unknown>> {
  const prefix = `[${service}] `;
  return network
    .output()
    .split('\n')
    .filter((line) => line.startsWith(`${prefix}{`))
    .map((line) => JSON.parse(line.slice(prefix.length)) as Record<string, unknown>);
}

describe('operating a network: readiness and structured logs', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    // info, to see the decision lines; HTTP request lines stay at debug.
    network = await startTestNetwork(['MR', 'DK'], { LOG_LEVEL: 'info' });
  });

  afterAll(async () => {
    await network?.teardown();
  });

  async function ready(url: string): Promise<HealthBody> {
    return waitFor(
      async () => {
        const response = await fetch(`${url}/api/health/ready`);
        return response.status === 200 ? ((await response.json()) as HealthBody) : undefined;
      },
      { what: `${url} ready` },
    );
  }

  it('has every service live and ready, each reporting its own indicators', async () => {
    for (const service of [network.registry, network.gateway, network.node('MR')])
      expect((await fetch(`${service.url}/api/health/live`)).status).toBe(200);

    expect(Object.keys((await ready(network.registry.url)).details).sort()).toEqual([
      'broker',
      'certificates',
      'database',
    ]);
    const gateway = await ready(network.gateway.url);
    expect(Object.keys(gateway.details).sort()).toEqual([
      'broker',
      'certificates',
      'consumers',
      'database',
      'directory',
      'rules',
    ]);
    expect(gateway.details['consumers']).toMatchObject({
      status: 'up',
      'BN_SUBMISSIONS/gateway': { pending: expect.any(Number) },
      'BN_REGISTRY_EVENTS/gateway-ledger': { pending: expect.any(Number) },
    });
    const node = await ready(network.node('MR').url);
    expect(node.details).toMatchObject({
      broker: { status: 'up' },
      database: { status: 'up' },
      directory: { status: 'up' },
      certificates: { status: 'up' },
      consumers: { status: 'up', 'BN_DELIVERIES/node-MR': { pending: expect.any(Number) } },
    });
  });

  it('logs one JSON line per submission decision, naming the envelope id and no content', async () => {
    const secret = 'the body never reaches a log';
    const { id } = await network.api('DK').send({ kind: 'message', to: ['MR'], body: { text: secret } });
    await waitFor(async () => (await network.api('MR').inbox()).items.some((item) => item.id === id), {
      what: 'delivery to MR',
    });
    const decision = await waitFor(
      () =>
        jsonLines(network, 'gateway').find(
          (line) => line['event'] === 'submission-decision' && line['envelopeId'] === id,
        ),
      { what: 'the decision line' },
    );
    expect(decision).toMatchObject({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'gateway',
      context: 'SubmissionService',
      decision: 'accepted',
      sender: 'DK',
      kind: 'message',
      deliveredTo: ['MR'],
      refusedFor: [],
    });
    expect(network.output()).not.toContain(secret);
    // HTTP request lines are debug: none at info.
    expect(network.output()).not.toContain('request completed');
  });
});
