import { runCli } from './cli.program';

/** Runs one command line against a fetch that answers every call with `answer`. */
async function cli(argv: string[], answer: unknown = { id: 'm-1' }, env: NodeJS.ProcessEnv = {}) {
  const sent: Array<{ method: string; url: string; purpose: string | null; body: unknown }> = [];
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env,
    readFile: (path) => {
      if (path === 'note.txt') return 'from a file';
      throw new Error('ENOENT');
    },
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    version: '9.8.7',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const text = await request.text();
      sent.push({
        method: request.method,
        url: request.url,
        purpose: request.headers.get('x-purpose'),
        body: text ? JSON.parse(text) : undefined,
      });
      return Response.json(answer, { headers: { 'content-length': '1' } });
    },
  });
  return { code, sent, out: out.join(''), err: err.join('') };
}

const NODE = ['--node', 'http://n:3100', '--token', 't'];
const INBOX = {
  items: [
    {
      id: 'r-1',
      direction: 'received',
      from: 'DK',
      kind: 'message',
      meta: {},
      body: { subject: 'Hello', text: 'x' },
      createdAt: '2026-12-01T20:00:00Z',
      receivedAt: '2026-12-01T20:00:01Z',
      read: false,
    },
  ],
};

describe('message commands', () => {
  it('prints the inbox as a table, or as the API answer with --json', async () => {
    const table = await cli([...NODE, 'inbox'], INBOX);
    expect(table.sent[0].url).toBe('http://n:3100/api/inbox?limit=50');
    expect(table.out).toMatch(
      /^TIME\s+FROM\s+KIND\s+SUBJECT\s+READ\s+ID\n2026-12-01 20:00:01Z\s+DK\s+message\s+Hello\s+no\s+r-1\n$/,
    );
    const json = await cli([...NODE, 'inbox', '--json', '--limit', '5'], INBOX);
    expect(json.sent[0].url).toBe('http://n:3100/api/inbox?limit=5');
    expect(JSON.parse(json.out)).toEqual(INBOX);
  });

  it('sends a plain message: kind message, subject and text, to the listed bureaus', async () => {
    const run = await cli([...NODE, 'message', 'send', '--to', 'dk, se', '--subject', 'S', '--body', 'T']);
    expect(run.code).toBe(0);
    expect(run.sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://n:3100/api/messages',
      body: { kind: 'message', to: ['DK', 'SE'], meta: {}, body: { subject: 'S', text: 'T' } },
    });
    expect(run.out).toBe('sent m-1 to DK, SE\n');
    const fromFile = await cli([
      ...NODE,
      'message',
      'send',
      '--to',
      'DK',
      '--subject',
      'S',
      '--body-file',
      'note.txt',
      '--json',
    ]);
    expect(fromFile.sent[0].body).toMatchObject({ body: { text: 'from a file' } });
    expect(JSON.parse(fromFile.out)).toEqual({ id: 'm-1' });
  });

  it('refuses a wrong send before calling the node', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--to', 'DNK', '--subject', 'S', '--body', 'T'], /bureau codes .*not DNK/],
      [['--to', 'DK', '--subject', 'S'], /--body or --body-file/],
      [['--to', 'DK', '--subject', 'S', '--body', 'T', '--body-file', 'note.txt'], /--body or --body-file/],
      [['--to', 'DK', '--subject', 'S', '--body', ' '], /text is empty/],
      [['--to', 'DK', '--subject', 'S', '--body-file', 'missing.txt'], /cannot read missing.txt/],
    ];
    for (const [args, message] of cases) {
      const run = await cli([...NODE, 'message', 'send', ...args]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(message);
      expect(run.sent).toEqual([]);
    }
  });

  it('shows one message for people, --json for scripts, and keeps `message <id>` printing JSON', async () => {
    const message = INBOX.items[0];
    const shown = await cli([...NODE, 'message', 'show', 'r-1'], message);
    expect(shown.sent[0].url).toBe('http://n:3100/api/messages/r-1');
    expect(shown.out).toContain('from      DK (signature verified)');
    expect(JSON.parse((await cli([...NODE, 'message', 'show', 'r-1', '--json'], message)).out)).toEqual(message);
    const legacy = await cli([...NODE, 'message', 'r-1'], message);
    expect(legacy.sent[0].url).toBe('http://n:3100/api/messages/r-1');
    expect(JSON.parse(legacy.out)).toEqual(message);
  });

  it('states the purpose of a consultation on every call (--purpose or BUREAUNET_PURPOSE)', async () => {
    const flag = await cli([...NODE, '--purpose', 'case 2026/17', 'message', 'show', 'r-1'], INBOX.items[0]);
    expect(flag.sent[0].purpose).toBe('case 2026/17');
    const env = await cli([...NODE, 'inbox'], INBOX, { BUREAUNET_PURPOSE: 'daily review' });
    expect(env.sent[0].purpose).toBe('daily review');
  });

  it('prints its version', async () => {
    const run = await cli(['--version']);
    expect(run).toMatchObject({ code: 0, out: '9.8.7\n' });
  });
});
