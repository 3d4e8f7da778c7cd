import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  NetworkLauncher,
  freeNetworkPorts,
  isPortTaken,
  processesMentioning,
  repoRoot,
  spawnNetworkLauncher,
  waitFor,
} from '@bureaunet/testing';

/** `npm start`'s launcher: a failed start leaves nothing running and says why; a dead parent stops it. */
describe('npm start (the network launcher)', () => {
  let dir: string;
  let env: Record<string, string>;
  let ports: number[];
  let launcher: NetworkLauncher | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-start-'));
    const portEnv = await freeNetworkPorts(2);
    const base = Number(portEnv.NODE_PORT_BASE);
    const witnesses = Number(portEnv.WITNESS_PORT_BASE);
    ports = [portEnv.NATS_PORT, portEnv.REGISTRY_PORT, portEnv.GATEWAY_PORT, portEnv.EVALUATOR_PORT]
      .map(Number)
      .concat(witnesses, witnesses + 1, base, base + 1);
    // Two nodes, no scenario and no demo people: what is under test is the launcher, not the exchange.
    env = {
      ...portEnv,
      BUREAUNET_VAR_DIR: join(dir, 'var'),
      BUREAUNET_CODES: 'XH,DK',
      BUREAUNET_SCENARIO: '0',
      BUREAUNET_DEMO_PEOPLE: '0',
    };
  });

  afterEach(async () => {
    await launcher?.stop();
    launcher = undefined;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Nothing of this network is left: no process mentions its folder, no port of it is held. */
  async function expectNothingLeft(except: number[] = []): Promise<void> {
    expect(processesMentioning(dir)).toEqual([]);
    const held = await Promise.all(ports.filter((port) => !except.includes(port)).map(isPortTaken));
    expect(held).not.toContain(true);
  }

  it('names the taken port and its holder, stops what it had started, then starts once the port is free', async () => {
    const gatewayPort = Number(env.GATEWAY_PORT);
    // The gateway's port: nats-server and the registry are up by the time it fails.
    const squatter: Server = await new Promise((resolve) => {
      const server = createServer();
      server.listen(gatewayPort, '127.0.0.1', () => resolve(server));
    });
    try {
      launcher = spawnNetworkLauncher(env);
      expect(await launcher.exited()).toBe(1);
      const output = launcher.output();
      expect(output).toContain('registry http'); // it had got that far
      expect(output).toContain(`port ${gatewayPort} (gateway, GATEWAY_PORT) is already taken`);
      if (process.platform === 'linux') expect(output).toContain(`by pid ${process.pid}:`);
      expect(output).toContain('GATEWAY_PORT=<another port> npm start');
      expect(output).toContain('everything this start had started is stopped');
      await expectNothingLeft([gatewayPort]);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }

    launcher = spawnNetworkLauncher(env);
    await launcher.waitForLine(/^network ready$/);
    expect(await launcher.stop()).toBe(0);
    await expectNothingLeft();
  }, 300_000); // two starts, one of them a whole network with its witnesses

  it('stops the network when the process that started it dies (npm does not pass on a SIGTERM)', async () => {
    // A stand-in for npm: a parent that starts the launcher and is then killed outright.
    const script = join(repoRoot(), 'dist', 'scripts', 'start-network.js');
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `require('node:child_process').spawn(process.execPath, [${JSON.stringify(script)}], { stdio: 'inherit' })`,
      ],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: string[] = [];
    parent.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));
    await waitFor(() => lines.includes('network ready'), { what: 'network ready', timeoutMs: 180_000 });
    const parentExit = new Promise((resolve) => parent.once('exit', resolve));
    parent.kill('SIGKILL');
    await parentExit;
    await waitFor(() => processesMentioning(dir).length === 0, {
      what: 'the orphaned launcher to stop everything',
      timeoutMs: 60_000,
    });
    await expectNothingLeft();
  }, 300_000);
});
