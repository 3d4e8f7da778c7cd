import { runCli } from './cli.program';

interface Sent {
  method: string;
  url: string;
  body: unknown;
}

/** Runs one command line against a recording fetch; `files` stands for the disk, `reply` answers each call in turn. */
async function cli(
  argv: string[],
  options: { files?: Record<string, string>; replies?: { status: number; answer: unknown }[] } = {},
) {
  const sent: Sent[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const replies = [...(options.replies ?? [])];
  const code = await runCli(['--node', 'http://n:3100', '--token', 't', ...argv], {
    env: {},
    readFile: (path) => {
      const text = options.files?.[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const text = await request.text();
      sent.push({ method: request.method, url: request.url, body: text ? JSON.parse(text) : undefined });
      const reply = replies.shift() ?? { status: 200, answer: { ok: true } };
      return Response.json(reply.answer, { status: reply.status });
    },
  });
  return { code, sent, out: out.join(''), err: err.join('') };
}

const MRZ = ['P<DNKHANSEN<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'DK12345672DNK8001014F3001012<<<<<<<<<<<<<<06'];

describe('border-check commands', () => {
  it('checks a document by its MRZ lines, or by number and country, with the place', async () => {
    const byMrz = await cli(['check', 'document', '--mrz', MRZ[0], '--mrz', MRZ[1], '--place', 'Rødby ferry']);
    expect(byMrz.code).toBe(0);
    expect(byMrz.sent).toEqual([
      { method: 'POST', url: 'http://n:3100/api/checks/document', body: { mrz: MRZ, place: 'Rødby ferry' } },
    ]);
    const byNumber = await cli(['check', 'document', '--number', 'DK1234567', '--country', 'DK']);
    expect(byNumber.sent[0].body).toEqual({ documentNumber: 'DK1234567', issuingCountry: 'DK' });
  });

  it('refuses a document check that names both ways or neither, sending nothing', async () => {
    for (const argv of [
      ['check', 'document', '--mrz', MRZ[0], '--number', 'X1'],
      ['check', 'document', '--number', 'X1'],
    ]) {
      const result = await cli(argv);
      expect(result).toMatchObject({ code: 2, sent: [] });
      expect(result.err).toMatch(/--mrz/);
    }
  });

  it('checks a person with the fields named as the API names them', async () => {
    const { sent } = await cli([
      'check',
      'person',
      '--family-name',
      'Müller',
      '--dob',
      '1970-03-12',
      '--nationality',
      'DE',
    ]);
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'http://n:3100/api/checks/person',
        body: { familyName: 'Müller', dateOfBirth: '1970-03-12', nationality: 'DE' },
      },
    ]);
  });

  it('imports a list in batches with progress on standard error, and says where to resume when refused', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `P${i},passport,stolen,2026-11-30T08:00:00.000Z`);
    const files = { 'dk.csv': `documentNumber,documentType,status,reportedAt\n${rows.join('\n')}\n` };
    const ok = await cli(['sltd', 'import', 'dk.csv', '--country', 'DK', '--batch', '2'], {
      files,
      replies: [1, 2, 3].map((n) => ({ status: 201, answer: { records: 2, envelopes: [`e${n}`] } })),
    });
    expect(ok.code).toBe(0);
    expect(
      ok.sent.map((call) =>
        (call.body as { records: { documentNumber: string }[] }).records.map((r) => r.documentNumber),
      ),
    ).toEqual([['P0', 'P1'], ['P2', 'P3'], ['P4']]);
    expect(ok.err).toBe('reported 2 of 5 (40%)\nreported 4 of 5 (80%)\nreported 5 of 5 (100%)\n');
    expect(JSON.parse(ok.out)).toEqual({ records: 5, envelopes: ['e1', 'e2', 'e3'] });

    const refused = await cli(['sltd', 'import', 'dk.csv', '--country', 'DK', '--batch', '2'], {
      files,
      replies: [
        { status: 201, answer: { records: 2, envelopes: ['e1'] } },
        { status: 429, answer: { code: 'rate-limited', reason: 'retry in 900 ms' } },
      ],
    });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/stopped at line 4: 2 of 5 records reported; resume with --from-line 4/);
    const resumed = await cli(['sltd', 'import', 'dk.csv', '--country', 'DK', '--from-line', '4'], {
      files,
      replies: [{ status: 201, answer: { records: 3, envelopes: ['e2'] } }],
    });
    expect((resumed.sent[0].body as { records: unknown[] }).records).toHaveLength(3);
  });

  it('refuses a file with a bad line, or one it cannot read, before sending anything', async () => {
    const bad = await cli(['sltd', 'import', 'dk.csv', '--country', 'DK'], {
      files: {
        'dk.csv': 'documentNumber,documentType,status,reportedAt\nP1,passport,missing,2026-11-30T08:00:00.000Z\n',
      },
    });
    expect(bad).toMatchObject({ code: 2, sent: [] });
    expect(bad.err).toMatch(/line 2: status: /);
    const missing = await cli(['sltd', 'import', 'nowhere.csv']);
    expect(missing).toMatchObject({ code: 2, sent: [] });
    expect(missing.err).toMatch(/cannot read nowhere.csv/);
  });

  it("answers a hit with the owner's verdict", async () => {
    const { sent } = await cli([
      'hits',
      'answer',
      'h1',
      '--answer',
      'confirmed',
      '--status',
      'stolen',
      '--note',
      'seize it',
    ]);
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'http://n:3100/api/hits/h1/answer',
        body: { answer: 'confirmed', status: 'stolen', note: 'seize it' },
      },
    ]);
  });
});
