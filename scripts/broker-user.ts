import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { BUREAU_CODE_PATTERN, nodePermissions } from '@bureaunet/contracts';
import { PRIVATE_UMASK } from '@bureaunet/platform';
import { addNatsAuthUser, repoRoot, waitFor } from '@bureaunet/testing';
import { NETWORK_BROKER_FILE, NetworkBroker, brokerJetStreamBlock } from './network-broker';

/**
 * `npm run broker-user -- <code>`: gives a bureau enrolled after `npm start` its own restricted user
 * on the network's nats-server (the same permissions `npm start` gives the others), makes the
 * server reload, checks the user can connect, and writes what its node needs to reach the broker
 * to `<var>/broker/node-<code>.env`.
 */
async function main(): Promise<void> {
  const code = (process.argv[2] ?? '').toUpperCase();
  if (!BUREAU_CODE_PATTERN.test(code)) throw new Error('usage: npm run broker-user -- <bureau code, e.g. ES>');
  const varDir = resolve(process.env.BUREAUNET_VAR_DIR ?? join(repoRoot(), 'var'));
  const configFile = join(varDir, 'nats-auth.conf');
  const brokerFile = join(varDir, NETWORK_BROKER_FILE);
  if (!existsSync(brokerFile) || !existsSync(configFile))
    throw new Error(
      `no nats-server of npm start is running with its state in ${varDir} (with NATS_URL, add the user to your own broker)`,
    );
  const broker = JSON.parse(readFileSync(brokerFile, 'utf8')) as NetworkBroker;
  process.umask(PRIVATE_UMASK);
  const credentials = addNatsAuthUser(configFile, nodePermissions(code));
  if (!broker.clusterPids && !readFileSync(configFile, 'utf8').includes('\njetstream {'))
    appendFileSync(configFile, brokerJetStreamBlock(broker));
  const pids = broker.clusterPids ?? [broker.pid];
  for (const pid of pids)
    if (!isNatsServer(pid))
      throw new Error(`pid ${pid} in ${brokerFile} is no longer nats-server: is the network still running?`);
  for (const pid of pids) process.kill(pid, 'SIGHUP'); // nats-server reloads its configuration on SIGHUP
  const tls = broker.tlsCaFile ? { tls: { caFile: broker.tlsCaFile } } : {};
  await waitFor(
    async () => {
      const connection = await connect({
        servers: broker.url.split(','),
        user: credentials.user,
        pass: credentials.password,
        timeout: 5_000,
        ...tls,
      });
      await connection.close();
      return true;
    },
    { what: `nats-server to accept ${credentials.user} after its reload`, timeoutMs: 60_000 },
  );
  const settings = {
    NATS_URL: broker.url,
    ...(broker.tlsCaFile ? { NATS_TLS_CA: broker.tlsCaFile } : {}),
    NATS_USER: credentials.user,
    NATS_PASSWORD: credentials.password,
    NATS_INBOX_PREFIX: credentials.inboxPrefix,
  };
  const dir = join(varDir, 'broker');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${credentials.user}.env`);
  const lines = Object.entries(settings).map(([name, value]) => `${name}='${value}'`);
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  console.log(`broker user ${credentials.user} added and nats-server reloaded; its node's settings: ${file}`);
}

/** A stale pid file must not make us signal another process; where there is no /proc, trust it. */
function isNatsServer(pid: number): boolean {
  if (!existsSync('/proc')) return pid > 0;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('nats-server');
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  console.error(`broker-user: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
