import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUB_CODE } from '@bureaunet/contracts';
import { PeopleApiClient, TestNetwork, repoRoot, startTestNetwork, waitFor } from '@bureaunet/testing';
import { describeCli } from './cli.e2e-cases';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

// A whole network starts in about a minute here; on a loaded 2-core machine it can take longer.
const NETWORK_START_MS = 300_000;

/**
 * The built `bureaunet` as a person uses it, against a real network on HTTPS: login with a
 * password on standard input (the profile keeps the node's CA, no NODE_EXTRA_CA_CERTS), a plain
 * message from MR to DK, DK's inbox and the message as tables and as JSON, logout revoking the token.
 * Then, on the same network, the CLI's cases with the nodes' static tokens.
 */
describe('bureaunet CLI for people', () => {
  let network: TestNetwork;
  let config: string;
  let caFile: string;
  const passwords = new Map<string, string>();

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK'], {}, { tls: true });
    config = mkdtempSync(join(tmpdir(), 'bureaunet-cli-people-'));
    caFile = join(config, 'ca.pem');
    writeFileSync(caFile, network.ca!);
    for (const [code, username] of [
      ['MR', 'mr.officer'],
      ['DK', 'dk.officer'],
    ] as const) {
      const person = await network.person(code, { username, roles: ['officer'], displayName: `${code} officer` });
      passwords.set(username, person.password);
    }
  }, NETWORK_START_MS);

  afterAll(async () => {
    await network?.teardown();
    if (config) rmSync(config, { recursive: true, force: true });
  });

  /** One run of dist/apps/cli/src/main.js with its own config folder, `stdin` piped in. */
  function bureaunet(args: string[], stdin = ''): Promise<CliRun> {
    const child = spawn(process.execPath, [join(repoRoot(), 'dist/apps/cli/src/main.js'), ...args], {
      env: { PATH: process.env.PATH, HOME: config, XDG_CONFIG_HOME: join(config, 'xdg') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(stdin);
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  }

  const login = (code: 'MR' | 'DK', username: string, profile: string) =>
    bureaunet(
      [
        '--profile',
        profile,
        'login',
        '--url',
        network.node(code).url,
        '--username',
        username,
        '--password-stdin',
        '--ca',
        caFile,
      ],
      `${passwords.get(username)}\n`,
    );

  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string };
    expect(await bureaunet(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('refuses a wrong password and saves nothing', async () => {
    const run = await bureaunet(
      ['login', '--url', network.node('MR').url, '--username', 'mr.officer', '--password-stdin', '--ca', caFile],
      'not the password\n',
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ code: 'sign-in-failed' });
    expect(() => statSync(join(config, 'xdg', 'bureaunet', 'profile.json'))).toThrow();
  });

  it('logs in, sends a plain message, and the recipient reads it in the inbox and in full, as tables and as JSON', async () => {
    const mr = await login('MR', 'mr.officer', 'default');
    expect(mr).toMatchObject({ code: 0 });
    expect(mr.stdout).toContain(`signed in as mr.officer at ${network.node('MR').url}`);
    const dir = join(config, 'xdg', 'bureaunet');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'profile.json')).mode & 0o777).toBe(0o600);
    expect((await login('DK', 'dk.officer', 'dk')).code).toBe(0);
    expect(statSync(join(dir, 'profile.dk.json')).mode & 0o777).toBe(0o600);

    const sent = await bureaunet([
      'message',
      'send',
      '--to',
      'DK',
      '--subject',
      'Stolen car',
      '--body',
      'Plate AB-123',
      '--json',
    ]);
    expect(sent).toMatchObject({ code: 0, stderr: '' });
    const { id } = JSON.parse(sent.stdout) as { id: string };

    const table = await waitFor(
      async () => {
        const inbox = await bureaunet(['--profile', 'dk', 'inbox']);
        return inbox.code === 0 && inbox.stdout.includes(id) ? inbox.stdout : undefined;
      },
      { timeoutMs: 30_000, what: `message ${id} in DK's inbox (CLI)` },
    );
    expect(table.split('\n')[0]).toMatch(/^TIME\s+FROM\s+KIND\s+SUBJECT\s+READ\s+ID$/);
    expect(table).toMatch(new RegExp(`MR\\s+message\\s+Stolen car\\s+.*${id}`));
    const json = JSON.parse((await bureaunet(['--profile', 'dk', 'inbox', '--json'])).stdout) as {
      items: Array<{ id: string; from: string; body: unknown }>;
    };
    expect(json.items.find((item) => item.id === id)).toMatchObject({
      from: 'MR',
      body: { subject: 'Stolen car', text: 'Plate AB-123' },
    });

    const shown = await bureaunet(['--profile', 'dk', '--purpose', 'case 2026/17', 'message', 'show', id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/from\s+MR \(signature verified\)/);
    expect(shown.stdout).toContain('subject: Stolen car\n\nPlate AB-123\n');

    await waitFor(
      async () => {
        const state = JSON.parse((await bureaunet(['message', 'show', id, '--json'])).stdout) as {
          recipients: Array<{ code: string; state: string }>;
        };
        return state.recipients.some((r) => r.code === 'DK' && r.state === 'receipted');
      },
      { timeoutMs: 30_000, what: `DK's receipt for ${id} at MR (CLI)` },
    );
    expect((await bureaunet(['message', 'show', id])).stdout).toMatch(/DK\s+receipted\s+\d{4}-\d\d-\d\d /);
  });

  it('logs out: the token is revoked at the node at once and the profile is gone', async () => {
    const profile = JSON.parse(readFileSync(join(config, 'xdg', 'bureaunet', 'profile.dk.json'), 'utf8')) as {
      token: string;
    };
    const out = await bureaunet(['--profile', 'dk', 'logout']);
    expect(out).toMatchObject({ code: 0 });
    expect(out.stdout).toContain('token revoked');
    const client = new PeopleApiClient(network.node('DK').url, { ca: network.ca });
    await expect(client.tokens({ bearer: profile.token })).rejects.toMatchObject({ status: 401 });
    expect(await bureaunet(['--profile', 'dk', 'inbox'])).toMatchObject({ code: 2 });
  });

  describeCli(() => network);
});
