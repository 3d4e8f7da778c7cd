import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli.program';
import { CliProfileStore } from './cli-profile.store';
import type { SecretPrompt } from './terminal.prompt';

/** A node's people API as the contract states it, in memory: one person, optionally with TOTP. */
function fakeNode(options: { totp?: string } = {}) {
  const tokens = new Map<string, string>(); // id → token
  const calls: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    calls.push(`${request.method} ${path}`);
    const body = request.method === 'GET' ? undefined : (await request.text()) || undefined;
    const json = body ? (JSON.parse(body) as Record<string, string>) : {};
    const refuse = (status: number, code: string) => Response.json({ code, reason: code }, { status });
    if (request.method === 'POST' && path === '/api/session') {
      if (json.username !== 'ana' || json.password !== 'correct horse') return refuse(401, 'sign-in-failed');
      if (options.totp && !json.totp) return refuse(401, 'totp-required');
      if (options.totp && json.totp !== options.totp) return refuse(401, 'sign-in-failed');
      return Response.json(
        { csrfToken: 'csrf-1', person: { id: 'p-1', username: 'ana' } },
        { headers: { 'set-cookie': 'bn_session=s-1; Path=/; HttpOnly; Secure; SameSite=Strict' } },
      );
    }
    if (request.method === 'POST' && path === '/api/me/tokens') {
      if (request.headers.get('cookie') !== 'bn_session=s-1') return refuse(401, 'session-missing');
      if (request.headers.get('x-csrf-token') !== 'csrf-1') return refuse(403, 'csrf-invalid');
      const id = `t-${tokens.size + 1}`;
      tokens.set(id, `bnp_${id}`);
      return Response.json(
        { id, name: json.name, token: `bnp_${id}`, createdAt: '2026-12-01T20:00:00Z' },
        { status: 201 },
      );
    }
    if (request.method === 'DELETE' && path === '/api/session') return new Response(null, { status: 204 });
    const revoke = /^\/api\/me\/tokens\/(.+)$/.exec(path);
    if (request.method === 'DELETE' && revoke) {
      if (request.headers.get('authorization') !== `Bearer ${tokens.get(revoke[1])}`)
        return refuse(401, 'token-invalid');
      tokens.delete(revoke[1]);
      return new Response(null, { status: 204 });
    }
    return refuse(404, 'not-found');
  };
  return { fetch, tokens, calls };
}

describe('login and logout', () => {
  let config: string;
  beforeEach(() => (config = mkdtempSync(join(tmpdir(), 'bureaunet-login-'))));
  afterEach(() => rmSync(config, { recursive: true, force: true }));

  async function cli(
    argv: string[],
    node: ReturnType<typeof fakeNode>,
    answers: { hidden?: string[]; stdin?: string } = {},
  ) {
    const asked: string[] = [];
    const prompt: SecretPrompt = {
      hidden: (question) => {
        asked.push(question);
        return Promise.resolve(answers.hidden?.shift() ?? '');
      },
      stdinText: () => Promise.resolve(answers.stdin ?? ''),
    };
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      env: { XDG_CONFIG_HOME: config },
      readFile: () => 'CA PEM',
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      fetch: node.fetch,
      prompt,
      hostname: 'desk-7',
    });
    return { code, asked, out: out.join(''), err: err.join('') };
  }

  it('asks the password, makes a "cli <host>" token, closes the session and saves the profile 0600', async () => {
    const node = fakeNode();
    const run = await cli(['login', '--url', 'https://n:3101/', '--username', 'ana'], node, {
      hidden: ['correct horse'],
    });
    expect(run).toMatchObject({ code: 0, asked: ['password for ana at https://n:3101: '] });
    expect(node.calls).toEqual(['POST /api/session', 'POST /api/me/tokens', 'DELETE /api/session']);
    const store = new CliProfileStore({ XDG_CONFIG_HOME: config });
    expect(store.read('default')).toEqual({ url: 'https://n:3101', username: 'ana', token: 'bnp_t-1', tokenId: 't-1' });
    expect(statSync(store.fileOf('default')).mode & 0o777).toBe(0o600);
    expect(run.out).toContain('token "cli desk-7" saved in');
  });

  it('asks the TOTP code when the node answers totp-required', async () => {
    const node = fakeNode({ totp: '123456' });
    const run = await cli(['login', '--url', 'https://n:3101', '--username', 'ana'], node, {
      hidden: ['correct horse', '123456'],
    });
    expect(run.code).toBe(0);
    expect(run.asked).toEqual(['password for ana at https://n:3101: ', 'one-time code (TOTP): ']);
  });

  it('reads password and code from standard input with --password-stdin, and saves --ca in the profile', async () => {
    const node = fakeNode({ totp: '654321' });
    const run = await cli(
      [
        '--profile',
        'hub',
        'login',
        '--url',
        'https://n:3101',
        '--username',
        'ana',
        '--password-stdin',
        '--ca',
        'ca.pem',
      ],
      node,
      { stdin: 'correct horse\n654321\n' },
    );
    expect(run).toMatchObject({ code: 0, asked: [] });
    expect(new CliProfileStore({ XDG_CONFIG_HOME: config }).read('hub')).toMatchObject({ ca: 'CA PEM' });
  });

  it('saves nothing when the sign-in is refused', async () => {
    const node = fakeNode();
    const run = await cli(['login', '--url', 'https://n:3101', '--username', 'ana'], node, { hidden: ['wrong'] });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({ code: 'sign-in-failed' });
    expect(new CliProfileStore({ XDG_CONFIG_HOME: config }).read('default')).toBeUndefined();
  });

  it('revokes the token of the profile it replaces, and logout revokes and removes', async () => {
    const node = fakeNode();
    const login = ['login', '--url', 'https://n:3101', '--username', 'ana', '--password-stdin'];
    await cli(login, node, { stdin: 'correct horse' });
    await cli(login, node, { stdin: 'correct horse' });
    expect([...node.tokens.keys()]).toEqual(['t-2']);
    const logout = await cli(['logout'], node);
    expect(logout).toMatchObject({
      code: 0,
      out: 'logged out of https://n:3101 (token revoked); profile default removed\n',
    });
    expect(node.tokens.size).toBe(0);
    expect(new CliProfileStore({ XDG_CONFIG_HOME: config }).read('default')).toBeUndefined();
    expect((await cli(['logout'], node)).err).toMatch(/no profile default to log out of/);
  });

  it('uses the saved profile for later commands', async () => {
    const node = fakeNode();
    await cli(['login', '--url', 'https://n:3101', '--username', 'ana', '--password-stdin'], node, {
      stdin: 'correct horse',
    });
    node.calls.length = 0;
    await cli(['inbox'], node);
    expect(node.calls).toEqual(['GET /api/inbox']);
  });
});
