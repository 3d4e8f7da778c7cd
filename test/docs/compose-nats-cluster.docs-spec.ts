import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { findNatsServerBinary, freePortRun, httpCall, repoRoot, waitFor } from '@bureaunet/testing';

const SERVERS = ['nats-1', 'nats-2', 'nats-3'];
const PASSWORDS = {
  NATS_REGISTRY_PASSWORD: 'registry-password',
  NATS_GATEWAY_PASSWORD: 'gateway-password',
  NATS_EVALUATOR_PASSWORD: 'evaluator-password',
  NATS_NODE_XH_PASSWORD: 'node-xh-password',
};

/**
 * deploy/nats/ as the compose file runs it, on this machine's nats-server: the same files, with
 * only what Docker would provide put in by hand — each container's own loopback ports instead of
 * 4222/6222/8222 and host names, a store and a TLS folder in a temporary directory instead of
 * /data and /etc/nats-tls, and the passwords in the environment.
 */
describe('deploy/nats: the three servers of docker-compose.yml', () => {
  let dir: string;
  let first: number;
  const servers: ChildProcess[] = [];
  const clientPort = (index: number) => first + index;
  const monitorPort = (index: number) => first + 3 + index;
  const clusterPort = (index: number) => first + 6 + index;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-compose-nats-'));
    first = await freePortRun(9);
    makeTls(join(dir, 'tls'));
    const deploy = join(repoRoot(), 'deploy', 'nats');
    for (const file of readdirSync(deploy)) copyFileSync(join(deploy, file), join(dir, file));
    const common = readFileSync(join(dir, 'common.conf'), 'utf8').replaceAll('/etc/nats-tls', join(dir, 'tls'));
    SERVERS.forEach((name, index) => {
      mkdirSync(join(dir, name));
      writeFileSync(
        join(dir, `common-${name}.conf`),
        common
          .replace(/^port: 4222$/m, `port: ${clientPort(index)}`)
          .replace(/^http_port: 8222$/m, `http_port: ${monitorPort(index)}`)
          .replace('"/data"', JSON.stringify(join(dir, name))),
      );
      const config = readFileSync(join(dir, `${name}.conf`), 'utf8')
        .replaceAll('/etc/nats-tls', join(dir, 'tls'))
        .replace('include ./common.conf', `include ./common-${name}.conf`)
        .replace('listen: 0.0.0.0:6222', `listen: 127.0.0.1:${clusterPort(index)}`)
        .replace(
          /nats-route:\/\/nats-(\d):6222/g,
          (_, n: string) => `nats-route://127.0.0.1:${clusterPort(Number(n) - 1)}`,
        );
      writeFileSync(join(dir, `${name}.conf`), config);
      servers.push(
        spawn(findNatsServerBinary(), ['--config', join(dir, `${name}.conf`)], {
          env: { ...process.env, ...PASSWORDS },
          stdio: 'ignore',
        }),
      );
    });
  });

  afterAll(async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise((resolve) => {
            if (server.exitCode !== null) return resolve(undefined);
            server.once('exit', resolve);
            server.kill('SIGTERM');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('form one JetStream cluster: each server answers its health check, routed to the other two', async () => {
    for (const index of SERVERS.keys()) {
      const health = `http://127.0.0.1:${monitorPort(index)}/healthz`;
      await waitFor(async () => (await httpCall(health)).status === 200, { what: `${SERVERS[index]} healthy` });
      const routez = JSON.parse((await httpCall(`http://127.0.0.1:${monitorPort(index)}/routez`)).text) as {
        routes: { remote_id: string }[];
      };
      // Distinct peers, not connections: nats-server 2.10 pools several connections per route.
      expect(new Set(routez.routes.map((route) => route.remote_id)).size).toBe(2);
    }
  });

  it('take a party with its password over TLS, and keep a stream at three replicas', async () => {
    const connection = await connect({
      servers: SERVERS.map((_, index) => `nats://localhost:${clientPort(index)}`),
      user: 'gateway',
      pass: PASSWORDS.NATS_GATEWAY_PASSWORD,
      inboxPrefix: '_INBOX_gateway',
      tls: { caFile: join(dir, 'tls', 'ca.crt.pem') },
    });
    try {
      const streams = await jetstreamManager(connection);
      const stream = await streams.streams.add({
        name: 'COMPOSE_CHECK',
        subjects: ['bn.deliver.compose'],
        num_replicas: 3,
      });
      expect(stream.cluster?.replicas).toHaveLength(2);
      await streams.streams.delete('COMPOSE_CHECK');
    } finally {
      await connection.close();
    }
  });

  it('refuse a wrong password', async () => {
    await expect(
      connect({
        servers: `nats://localhost:${clientPort(0)}`,
        user: 'gateway',
        pass: 'not-the-password',
        tls: { caFile: join(dir, 'tls', 'ca.crt.pem') },
        reconnect: false,
      }),
    ).rejects.toThrow(/Authorization Violation/);
  });
});

/** A CA and one certificate for localhost, good for server and client auth: what the routes' mutual TLS needs. */
function makeTls(dir: string): void {
  mkdirSync(dir, { mode: 0o700 });
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key');
  openssl('req', '-x509', '-new', '-key', 'ca.key', '-out', 'ca.crt.pem', '-subj', '/CN=compose test CA', '-days', '1');
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'server.key.pem');
  openssl('req', '-new', '-key', 'server.key.pem', '-out', 'server.csr', '-subj', '/CN=hub');
  writeFileSync(
    join(dir, 'server.ext'),
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt.pem',
    '-days',
    '1',
    '-extfile',
    'server.ext',
  );
}
