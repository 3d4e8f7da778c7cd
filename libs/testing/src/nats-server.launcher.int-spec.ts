import { connect } from '@nats-io/transport-node';
import { startNatsServer } from './nats-server.launcher';

describe('startNatsServer', () => {
  it('starts a JetStream-enabled server that accepts connections, and survives a kill with its store', async () => {
    const server = await startNatsServer();
    try {
      const nc = await connect({ servers: server.url });
      const info = nc.info;
      expect(info?.jetstream).toBe(true);
      await nc.close();

      await server.kill();
      await server.restart();
      const again = await connect({ servers: server.url });
      expect(again.info?.jetstream).toBe(true);
      await again.close();
    } finally {
      await server.stop();
    }
  });
});
