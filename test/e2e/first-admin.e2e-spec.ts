import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, startTestNetwork, type TestNetwork } from '@bureaunet/testing';

const run = promisify(execFile);
const COMMAND = join(repoRoot(), 'dist/scripts/first-admin.js');

describe('npm run first-admin: the first administrator, by a one-time link', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startTestNetwork(['MR']);
  });

  afterAll(async () => {
    await network?.teardown();
  });

  async function firstAdmin(args: string[], token: string): Promise<{ stdout: string; stderr: string; code: number }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [COMMAND, ...args], {
        env: { ...process.env, BUREAUNET_ADMIN_TOKEN: token },
      });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const failed = error as { stdout: string; stderr: string; code: number };
      return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
    }
  }

  it('prints a link that signs the new administrator in once, who then sets a password and signs in with it', async () => {
    const url = network.registry.url;
    const made = await firstAdmin(
      ['--url', url, '--username', 'root.admin', '--name', 'Root Admin'],
      network.adminToken,
    );
    expect(made).toMatchObject({ code: 0, stderr: '' });
    const link = new RegExp(`^${url.replace(/[.]/g, '\\.')}/#/sign-in/link/([A-Za-z0-9_-]{43})$`, 'm').exec(
      made.stdout,
    );
    expect(link).not.toBeNull();

    const signedIn = await fetch(`${url}/api/session/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link![1] }),
    });
    const session = (await signedIn.json()) as { csrfToken: string; person: { roles: string[] }; service: object };
    expect(session).toMatchObject({ person: { roles: ['admin'] }, service: { kind: 'registry' } });
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0];
    const password = await fetch(`${url}/api/me/password`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ newPassword: 'a first long passphrase' }),
    });
    expect(password.status).toBe(204);
    const again = await fetch(`${url}/api/session/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link![1] }),
    });
    expect(again.status).toBe(401);
    const withPassword = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root.admin', password: 'a first long passphrase' }),
    });
    expect(withPassword.status).toBe(200);
  });

  it('makes a bureau’s administrator at its node with the roles named', async () => {
    const made = await firstAdmin(
      ['--url', network.node('MR').url, '--username', 'mr.admin', '--name', 'MR Admin', '--roles', 'admin,officer'],
      network.nodeTokens.get('MR')!.admin,
    );
    expect(made.code).toBe(0);
    const people = (await (
      await fetch(`${network.node('MR').url}/api/people`, {
        headers: { authorization: `Bearer ${network.nodeTokens.get('MR')!.admin}` },
      })
    ).json()) as Array<{ username: string; roles: string[] }>;
    expect(people).toEqual([expect.objectContaining({ username: 'mr.admin', roles: ['admin', 'officer'] })]);
  });

  it('names what is missing, and passes on the service’s refusal', async () => {
    const missing = await firstAdmin(['--url', network.registry.url, '--username', 'x.y'], network.adminToken);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--name is required');
    const refused = await firstAdmin(
      ['--url', network.registry.url, '--username', 'x.y', '--name', 'X'],
      'not-the-admin-token-0123456789',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HTTP 401 token-invalid');
  });
});
