import { runCli } from './cli.program';

interface Sent {
  method: string;
  url: string;
  authorization: string | null;
  body: unknown;
}

/** Runs one command line against a recording fetch that answers `status` with `answer`. */
async function cli(argv: string[], reply: { status?: number; answer?: unknown } = {}) {
  const sent: Sent[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: {},
    readFile: () => {
      throw new Error('ENOENT');
    },
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const text = await request.text();
      sent.push({
        method: request.method,
        url: request.url,
        authorization: request.headers.get('authorization'),
        body: text ? JSON.parse(text) : undefined,
      });
      const status = reply.status ?? 200;
      return status === 204
        ? new Response(null, { status })
        : Response.json(reply.answer ?? { id: 'x' }, { status, headers: { 'content-length': '1' } });
    },
  });
  return { code, sent, out: out.join(''), err: err.join('') };
}

const NODE = ['--node', 'http://n:3100/', '--token', 't'];

describe('CLI commands', () => {
  it('maps a notice request to the API, fields named as the API names them', async () => {
    const { code, sent } = await cli([
      ...NODE,
      'notice',
      'request',
      '--type',
      'red',
      '--family-name',
      'DOE',
      '--document',
      'X1',
      '--document',
      'X2,X3',
      '--offence',
      'fraud',
      '--expiry',
      '2027-01-01',
      '--restricted-to',
      'IT',
    ]);
    expect(code).toBe(0);
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'http://n:3100/api/notices/requests',
        authorization: 'Bearer t',
        body: {
          type: 'red',
          familyName: 'DOE',
          documentNumbers: ['X1', 'X2', 'X3'],
          offence: 'fraud',
          expiry: '2027-01-01',
          restrictedTo: ['IT'],
        },
      },
    ]);
  });

  it('takes the global options before or after the command', async () => {
    const { sent } = await cli(['review', 'list', '--token', 't', '--node', 'http://n:3100']);
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: 'http://n:3100/api/review/notices',
      authorization: 'Bearer t',
    });
  });

  it('encodes notice numbers, which hold a slash', async () => {
    const { sent } = await cli([...NODE, 'notice', 'cancel', 'A-1/2026', '--reason', 'arrested']);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://n:3100/api/notices/A-1%2F2026/cancel',
      body: { reason: 'arrested' },
    });
  });

  it('searches, diffuses, alerts and creates operations at the registry', async () => {
    const search = await cli([...NODE, 'notice', 'search', '--name', 'müller jo', '--state', 'active', '--limit', '5']);
    const query = new URL(search.sent[0].url).searchParams;
    expect(Object.fromEntries(query)).toEqual({ name: 'müller jo', state: 'active', limit: '5' });
    expect((await cli([...NODE, 'notice', 'list', '--dob', '1980-01-31'])).sent[0].url).toBe(
      'http://n:3100/api/notices?dateOfBirth=1980-01-31',
    );
    expect(
      (await cli([...NODE, 'diffusion', 'send', '--to', 'all', '--title', 't', '--details', 'd'])).sent[0].body,
    ).toEqual({ to: 'all', title: 't', details: 'd' });
    expect(
      (await cli([...NODE, 'diffusion', 'send', '--to', 'MR, FR', '--title', 't', '--details', 'd'])).sent[0].body,
    ).toMatchObject({
      to: ['MR', 'FR'],
    });
    expect((await cli([...NODE, 'diffusion', 'list'])).sent[0].url).toBe('http://n:3100/api/diffusions?state=active');
    expect(
      (await cli([...NODE, 'operation', 'alert', 'op-1', '--title', 't', '--details', 'd'])).sent[0],
    ).toMatchObject({
      method: 'POST',
      url: 'http://n:3100/api/operations/op-1/alerts',
      body: { title: 't', details: 'd' },
    });
    const create = await cli([
      'operation',
      'create',
      '--registry',
      'http://r:3001/',
      '--token',
      'k',
      '--name',
      'n',
      '--coordinator',
      'DK',
      '--participants',
      'MR,FR',
      '--start',
      's',
      '--end',
      'e',
    ]);
    expect(create.sent).toEqual([
      {
        method: 'POST',
        url: 'http://r:3001/api/operations',
        authorization: 'Bearer k',
        body: { name: 'n', coordinator: 'DK', participants: ['MR', 'FR'], start: 's', end: 'e' },
      },
    ]);
    expect((await cli([...NODE, 'message', 'm-1'])).sent[0].url).toBe('http://n:3100/api/messages/m-1');
  });

  it('lists, shows, releases and drops dead letters', async () => {
    expect((await cli([...NODE, 'dead-letters', 'list'])).sent[0]).toMatchObject({
      method: 'GET',
      url: 'http://n:3100/api/admin/dead-letters',
    });
    expect((await cli([...NODE, 'dead-letters', 'list', '--dropped', '--limit', '10'])).sent[0].url).toBe(
      'http://n:3100/api/admin/dead-letters?dropped=true&limit=10',
    );
    expect((await cli([...NODE, 'dead-letters', 'show', '7'])).sent[0].url).toBe(
      'http://n:3100/api/admin/dead-letters/7',
    );
    expect((await cli([...NODE, 'dead-letters', 'release', '7'])).sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://n:3100/api/admin/dead-letters/7/release',
    });
    const drop = await cli([...NODE, 'dead-letters', 'drop', '7'], { status: 204 });
    expect(drop).toMatchObject({ code: 0, out: 'null\n' });
    expect(drop.sent[0]).toMatchObject({ method: 'DELETE', url: 'http://n:3100/api/admin/dead-letters/7' });
  });

  it('prints the answer, and a refusal with exit code 1', async () => {
    expect(await cli([...NODE, 'operation', 'list'], { answer: [{ id: 'op-1' }] })).toMatchObject({
      code: 0,
      out: `${JSON.stringify([{ id: 'op-1' }], null, 2)}\n`,
    });
    const refused = await cli([...NODE, 'review', 'list'], {
      status: 403,
      answer: { code: 'role-forbidden', reason: 'officer may not' },
    });
    expect(refused).toMatchObject({ code: 1, err: 'refused: HTTP 403\n' });
    expect(JSON.parse(refused.out)).toEqual({ code: 'role-forbidden', reason: 'officer may not' });
  });

  it('names what is wrong with the command line, exit code 2, and calls nothing', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['review', 'refuse', 'id'], /required option '--reason <text>' not specified/],
      [['notice', 'show'], /missing required argument 'number'/],
      [['teleport'], /unknown command 'teleport'/],
      [['notice', 'list', '--limit', 'many'], /option '--limit <n>' argument 'many' is invalid. not a whole number/],
      [['dead-letters', 'drop', 'seven'], /dead-letter id seven is not a whole number/],
      [['review', 'list', '--colour', 'red'], /unknown option '--colour'/],
      [
        [
          'operation',
          'create',
          '--registry',
          'r',
          '--name',
          'n',
          '--coordinator',
          'DK',
          '--participants',
          'MR',
          '--start',
          's',
          '--end',
          'e',
        ],
        /needs --token/,
      ],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(argv);
      expect({ argv, code: run.code, sent: run.sent }).toEqual({ argv, code: 2, sent: [] });
      expect(run.err).toMatch(message);
    }
  });

  it('helps: the commands without arguments (exit 2), each one with --help (exit 0)', async () => {
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.out).toMatch(/notice[\s\S]*review[\s\S]*diffusion[\s\S]*operation[\s\S]*message[\s\S]*dead-letters/);
    const help = await cli(['notice', 'request', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--type <type>[\s\S]*--family-name <name>[\s\S]*--restricted-to <codes>/);
    expect((await cli(['--help'])).out).toMatch(/--token-file <file>/);
  });
});
