import { connect as connectTcp } from 'node:net';
import { connect as connectNats } from '@nats-io/transport-node';
import { HUB_CODE } from '@bureaunet/contracts';
import { SentMessageView, TestNetwork, reportFault, startTestNetwork, waitFor } from '@bureaunet/testing';

/** What a client that does not speak TLS, or does not trust the local CA, gets from a listener. */
async function refused(attempt: () => Promise<unknown>): Promise<boolean> {
  try {
    await attempt();
    return false;
  } catch {
    return true;
  }
}

/** A raw NATS client that sends CONNECT in plain text: it must never get its PONG. */
function plainNatsConnect(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (received.includes('INFO') && !received.includes('sent')) {
        received += 'sent';
        socket.write('CONNECT {"verbose":false,"pedantic":false}\r\nPING\r\n');
      }
      if (received.includes('PONG')) socket.destroy();
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('TLS on NATS and on every HTTP listener', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK'], {}, { tls: true });
  });

  afterAll(async () => {
    await network?.teardown();
  });

  it('runs the whole exchange with every service on HTTPS and on NATS over TLS', async () => {
    for (const service of [network.registry, network.gateway, ...network.nodes.values()])
      expect(service.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { id } = await network.api('DK').send({ kind: 'message', to: ['MR', HUB_CODE], body: { text: 'over TLS' } });
    const received = await waitFor(async () => (await network.api('MR').inbox()).items.find((item) => item.id === id), {
      what: 'delivery to MR',
    });
    expect(received.body).toEqual({ text: 'over TLS' });
    const sent = await waitFor(
      async () => {
        const view = await network.api('DK').message<SentMessageView>(id);
        return view.recipients.length === 2 && view.recipients.every((recipient) => recipient.state === 'receipted')
          ? view
          : undefined;
      },
      { what: 'receipts from MR and the hub' },
    );
    expect(sent.status).toBe('accepted');
  });

  it('refuses plain-text clients and clients that do not trust the local CA, on NATS and on HTTP', async () => {
    const listeners = [network.registry, network.gateway, network.node('DK')];
    const outcomes: boolean[] = [];
    for (const service of listeners) {
      // Plain HTTP to the HTTPS port, and HTTPS without the local CA.
      outcomes.push(await refused(() => fetch(`${service.url.replace('https:', 'http:')}/api/health`)));
      outcomes.push(await refused(() => fetch(`${service.url}/api/health`)));
    }
    const plain = await plainNatsConnect(network.nats.port);
    expect(plain).toMatch(/tls_required/);
    outcomes.push(!plain.includes('PONG'));
    outcomes.push(
      await refused(() =>
        connectNats({ servers: network.nats.url, reconnect: false, timeout: 5_000 }).then((nc) => nc.close()),
      ),
    );
    const figure = reportFault({
      fault: 'plain-text and untrusting clients against TLS listeners (HTTP and NATS)',
      tries: outcomes.length,
      refused: outcomes.filter(Boolean).length,
      lost: 0,
      duplicated: 0,
    });
    expect(figure).toMatchObject({ tries: 8, refused: 8 });
  });
});
