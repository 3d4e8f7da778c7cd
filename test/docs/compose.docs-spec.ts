import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { Client } from 'pg';
import { evaluatorPermissions, gatewayPermissions, nodePermissions, registryPermissions } from '@bureaunet/contracts';
import { postgresBinDir, repoRoot, startPostgres } from '@bureaunet/testing';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string | number>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition?: string }>;
  profiles?: string[];
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
}

const root = repoRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');
// Compose reads YAML 1.2 with merge keys (<<), as this parser is told to.
const compose = load(read('docker-compose.yml'), { schema: CORE_SCHEMA.withTags(mergeTag) }) as Compose;
const services = Object.entries(compose.services);
const env = (service: ComposeService) => service.environment ?? {};

/** The bureaunet services, each with the app its command runs. */
const apps = services.flatMap(([name, service]) => {
  const match = /^dist\/services\/(\w+)\.js$/.exec(service.command?.[1] ?? '');
  return service.command?.[0] === 'node' && match ? [{ name, service, app: match[1] }] : [];
});
const natsServers = services.filter(([, service]) => service.command?.[0] === 'nats-server');

/** Non-spec TypeScript of an app and of every lib it reaches through @bureaunet/<lib> imports. */
function sourcesOf(app: string): string {
  const texts: string[] = [];
  const seenLibs = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.ts$/.test(entry.name) && !/\.(int-|e2e-)?spec\.ts$/.test(entry.name)) {
        const text = read(path);
        texts.push(text);
        for (const [, lib] of text.matchAll(/@bureaunet\/([\w-]+)/g))
          if (!seenLibs.has(lib) && existsSync(join(root, 'libs', lib, 'src'))) {
            seenLibs.add(lib);
            visit(join('libs', lib, 'src'));
          }
      }
    }
  };
  visit(join('apps', app, 'src'));
  return texts.join('\n');
}

/** A variable the code reads: named in a string literal, or as a property of an environment object. */
const reads = (sources: string, variable: string) =>
  new RegExp(`(['"\`])${variable}\\1|env\\w*(\\.|\\[['"])${variable}\\b`).test(sources);

/** The routes of an app's health controller, e.g. /api/health/ready. */
function healthRoutes(app: string): string[] {
  const source = read(join('apps', app, 'src', 'health', 'health.controller.ts'));
  const base = /@Controller\('([^']+)'\)/.exec(source)?.[1];
  if (!base) throw new Error(`apps/${app}: no @Controller path in its health controller`);
  return [...source.matchAll(/@Get\((?:'([^']*)')?\)/g)].map(([, path]) => (path ? `/${base}/${path}` : `/${base}`));
}

const natsConfig = (service: ComposeService) => read(join('deploy', 'nats', service.command![2].split('/').pop()!));
const seeds = (value: string | number | undefined) => String(value).split(',');

describe('docker-compose.yml, as a review would check it', () => {
  it('runs every hub service, each with its own command', () => {
    expect(apps.map(({ app }) => app).sort()).toEqual(
      ['evaluator', 'gateway', 'gateway', 'node', 'registry', 'witness'].sort(),
    );
  });

  it.each(apps)('$name: its health check asks its own port for a route its app serves', ({ service, app }) => {
    const [cmd, node, probe, url, ca] = service.healthcheck!.test;
    expect([cmd, node, probe]).toEqual(['CMD', 'node', 'deploy/health-probe.js']);
    const { pathname, port, protocol } = new URL(url);
    expect(healthRoutes(app)).toContain(pathname);
    expect(port).toBe(String(env(service)[`${app.toUpperCase()}_PORT`]));
    // HTTPS exactly when the service serves it, checked against the CA its clients trust.
    expect(protocol).toBe(env(service).TLS_CERT_FILE ? 'https:' : 'http:');
    expect(ca).toBe(env(service).NATS_TLS_CA ?? '/run/bureaunet/tls/ca.crt.pem');
    for (const published of service.ports ?? []) expect(published.split(':').pop()).toBe(port);
  });

  it('ships the probe the health checks run in the image', () => {
    expect(existsSync(join(root, 'deploy', 'health-probe.js'))).toBe(true);
    expect(read('Dockerfile')).toMatch(/^COPY deploy\/health-probe\.js .*\.\/deploy\/$/m);
  });

  it.each(services)('%s: has a health check, and waits only for healthy services', (_name, service) => {
    expect(service.healthcheck?.test.length).toBeGreaterThan(1);
    for (const [dependency, condition] of Object.entries(service.depends_on ?? {})) {
      expect(condition).toEqual({ condition: 'service_healthy' });
      expect(compose.services[dependency]?.healthcheck).toBeDefined();
    }
  });

  it.each(services)('%s: keeps its state in a named volume', (name, service) => {
    const named = (service.volumes ?? [])
      .map((volume) => volume.split(':'))
      .filter(([source]) => source in compose.volumes);
    const app = apps.find((entry) => entry.name === name)?.app;
    const stateDir = app
      ? String(env(service)[`${app.toUpperCase()}_DATA_DIR`])
      : service.command?.[0] === 'nats-server'
        ? /store_dir:\s*"([^"]+)"/.exec(read('deploy/nats/common.conf'))![1]
        : '/var/lib/postgresql/data';
    expect(named.map(([, target]) => target)).toContain(stateDir);
  });

  it.each(apps)('$name: sets only variables its app reads', ({ service, app }) => {
    const sources = sourcesOf(app);
    const unread = Object.keys(env(service)).filter((variable) => !reads(sources, variable));
    expect(unread).toEqual([]);
  });

  it.each(apps)('$name: waits for the database and brokers it uses', ({ service }) => {
    const waits = Object.keys(service.depends_on ?? {});
    if (env(service).DATABASE_URL) expect(waits).toContain('postgres');
    if (env(service).NATS_URL) expect(waits).toEqual(expect.arrayContaining(natsServers.map(([name]) => name)));
  });
});

describe('the NATS cluster', () => {
  it('has three servers, each named as its service, routing to the other two', () => {
    expect(natsServers).toHaveLength(3);
    for (const [name, service] of natsServers) {
      const config = natsConfig(service);
      expect(/server_name:\s*(\S+)/.exec(config)?.[1]).toBe(name);
      const port = /listen:\s*[\d.]+:(\d+)/.exec(config)![1];
      const routes = [...config.matchAll(/nats-route:\/\/([\w-]+):(\d+)/g)];
      expect(routes.map(([, host]) => host).sort()).toEqual(
        natsServers.map(([other]) => other).filter((other) => other !== name),
      );
      expect(routes.every(([, , routePort]) => routePort === port)).toBe(true);
    }
  });

  it('gives every client all three seeds, and the servers listen where the seeds point', () => {
    const port = /^port:\s*(\d+)/m.exec(read('deploy/nats/common.conf'))![1];
    for (const { service } of apps.filter(({ service }) => env(service).NATS_URL))
      expect(seeds(env(service).NATS_URL).sort()).toEqual(natsServers.map(([name]) => `nats://${name}:${port}`));
  });

  it('checks each server on the monitoring port its configuration opens', () => {
    const port = /^http_port:\s*(\d+)/m.exec(read('deploy/nats/common.conf'))![1];
    for (const [, service] of natsServers) expect(service.healthcheck!.test.join(' ')).toContain(`:${port}/healthz`);
  });

  it('knows each party as libs/contracts permits it, its password from the environment', () => {
    const expected = [registryPermissions(), gatewayPermissions(), evaluatorPermissions(), nodePermissions('XH')];
    const lines = read('deploy/nats/auth.conf')
      .split('\n')
      .filter((line) => line.startsWith('    { user: '));
    expect(lines).toHaveLength(expected.length);
    for (const party of expected) {
      const line = lines.find((candidate) => candidate.startsWith(`    { user: ${JSON.stringify(party.user)},`));
      const list = (values: string[]) => `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
      expect(line?.replace(/,$/, '')).toBe(
        `    { user: ${JSON.stringify(party.user)}, password: $${passwordVariable(party.user)}, permissions: { publish: { allow: ${list(party.publish)} }, subscribe: { allow: ${list(party.subscribe)} }${party.allowResponses ? ', allow_responses: true' : ''} } }`,
      );
      const client = apps.find(({ service }) => env(service).NATS_USER === party.user)!.service;
      expect(env(client).NATS_INBOX_PREFIX).toBe(party.inboxPrefix);
      expect(env(client).NATS_PASSWORD).toMatch(new RegExp(`^\\$\\{${passwordVariable(party.user)}[:}]`));
      for (const [, server] of natsServers) expect(env(server)[passwordVariable(party.user)]).toMatch(/^\$\{/);
    }
  });
});

const passwordVariable = (user: string) => `NATS_${user.toUpperCase().replace(/-/g, '_')}_PASSWORD`;

/** postgres://<role>:${<password variable>…}@host:port/<database>, as the secrets check requires. */
const DATABASE_URL = /^postgres:\/\/(\w+):\$\{(\w+)[^}]*\}@[\w-]+:\d+\/(\w+)$/;

const SECRET = /PASSWORD|TOKEN|SECRET|(?<!_FILE)_KEY$/;
const substitutions = (value: string) => [...value.matchAll(/\$\{(\w+)(?::?[-?][^}]*)?\}/g)].map(([, name]) => name);

describe('secrets', () => {
  it.each(services)('%s: every secret it is given is a ${VAR} from the operator’s .env', (_name, service) => {
    for (const [variable, value] of Object.entries(env(service))) {
      if (SECRET.test(variable)) expect(String(value)).toMatch(/^\$\{\w+(:[-?][^}]*)?\}$/);
      // A URL's password too: postgres://user:${…}@host/db.
      if (/^postgres:/.test(String(value))) expect(String(value)).toMatch(DATABASE_URL);
    }
  });

  it('lists every variable the compose file substitutes in deploy/hub.env.example, with no secret value', () => {
    const example = new Map(
      read('deploy/hub.env.example')
        .split('\n')
        .filter((line) => /^\w+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
    );
    // Compose substitutes in values, not in comments.
    const values = read('docker-compose.yml').replace(/^\s*#.*$/gm, '');
    const used = new Set(substitutions(values));
    expect([...used].filter((name) => !example.has(name))).toEqual([]);
    expect([...example].filter(([name, value]) => SECRET.test(name) && value !== '')).toEqual([]);
  });

  it('keeps the .env, keys and state out of git and out of the image', () => {
    expect(read('.gitignore').split('\n')).toEqual(expect.arrayContaining(['.env', 'var/']));
    expect(read('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['.env', 'var', 'certs', 'node_modules']));
  });
});

describe('deploy/postgres/init-databases.sh', () => {
  const urls = apps.flatMap(({ service }) => {
    const match = DATABASE_URL.exec(String(env(service).DATABASE_URL ?? ''));
    return match ? [{ role: match[1], passwordVariable: match[2], database: match[3] }] : [];
  });

  it('makes every database the compose file names, each open to its own role only', async () => {
    const postgres = await startPostgres();
    try {
      execFileSync('sh', [join(root, 'deploy', 'postgres', 'init-databases.sh')], {
        env: {
          PATH: `${postgresBinDir()}:${process.env.PATH}`,
          PGHOST: '127.0.0.1',
          PGPORT: String(postgres.port),
          POSTGRES_USER: 'postgres',
          ...Object.fromEntries(urls.map(({ role, passwordVariable }) => [passwordVariable, `pw-${role}`])),
        },
        stdio: 'pipe',
      });
      const connect = async (user: string, database: string) => {
        const client = new Client({ host: '127.0.0.1', port: postgres.port, user, password: `pw-${user}`, database });
        await client.connect();
        await client.query('CREATE TABLE compose_check (id integer); DROP TABLE compose_check');
        await client.end();
      };
      expect(urls.map(({ role }) => role)).toEqual(
        expect.arrayContaining(['registry', 'gateway', 'node_xh', 'witness']),
      );
      for (const { role, database } of urls) {
        await connect(role, database);
        const other = urls.find((entry) => entry.role !== role)!;
        await expect(connect(role, other.database)).rejects.toThrow(/permission denied/);
      }
    } finally {
      await postgres.stop();
    }
  });
});
