import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sqlite3 from 'sqlite3';
import { HUB_CODE } from '@bureaunet/contracts';
import { type NodeRole, type TestNetwork, startTestNetwork, waitFor } from '@bureaunet/testing';

interface PersonMatch {
  source: 'notice' | 'diffusion';
  reference: string;
  owner: string;
  noticeType?: string;
  score: number;
  reasons: string[];
  subject: { familyName: string; givenNames: string; dateOfBirth: string | null; nationality: string | null };
  notification?: string;
  hitId?: string | null;
  answerBy?: string | null;
}
interface PersonCheck {
  checkId: string;
  checkedAt: string;
  outcome: 'hit' | 'no-hit';
  matches: PersonMatch[];
}
interface CheckLogRow {
  id: string;
  kind: string;
  actor: string;
  place: string | null;
  outcome: string;
  matched: string | null;
}

// One notice per way a name can be written differently; DK asks, the hub publishes to everyone.
const NOTICES = {
  muller: { type: 'red', familyName: 'Müller', givenNames: 'Jörg', dateOfBirth: '1979-03-14', nationality: 'DE' },
  muhammad: { type: 'red', familyName: 'Muhammad', givenNames: 'Karim', dateOfBirth: '1985-06-20' },
  petrov: { type: 'red', familyName: 'Petrov', givenNames: 'Ivan', dateOfBirth: '1975-04-03', nationality: 'RU' },
  lindqvist: { type: 'yellow', familyName: 'Lindqvist', givenNames: 'Astrid', dateOfBirth: '1990-07-15' },
  okafor: { type: 'red', familyName: 'Okafor', givenNames: 'Chinedu', dateOfBirth: '1982-03-11' },
  kowalczyk: { type: 'red', familyName: 'Kowalczyk', givenNames: 'Marta', dateOfBirth: '1968-09-30' },
  li: { type: 'red', familyName: 'Li', givenNames: 'Wei', dateOfBirth: '1988-01-01' },
  // Green: a warning, not a person anyone asks to find; never checked.
  green: { type: 'green', familyName: 'Halvorsen', givenNames: 'Bjørn', dateOfBirth: '1971-02-02' },
} as const;
type NoticeName = keyof typeof NOTICES;

// Queried, never held anywhere: must not reach MR's database or its logs.
const ABSENT_NAME = 'Zyxwvutsrq';
const QUERIED_ONLY = ['Mohamed', 'Петров', 'Kowalcyzk', ABSENT_NAME];

describe('person checks at a border node, matched locally against the notices it holds', () => {
  let network: TestNetwork;
  const numbers = new Map<NoticeName, string>();
  const api = (code: string, role?: NodeRole) => network.api(code, role);
  const check = (body: Record<string, string>, role: NodeRole = 'border-officer') =>
    api('MR', role).call<PersonCheck>('POST', '/api/checks/person', body);
  const mrDatabase = () => join(network.dataDir, 'node-MR', 'node.sqlite');

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'DK', 'MR'], { LOG_LEVEL: 'info' });
    const requests = new Map<NoticeName, string>();
    for (const [name, notice] of Object.entries(NOTICES) as Array<[NoticeName, (typeof NOTICES)[NoticeName]]>)
      requests.set(
        name,
        (await api('DK').requestNotice({ ...notice, offence: 'armed robbery', expiry: '2030-12-31' })).id,
      );
    await waitFor(
      async () => {
        const queued = new Set((await api(HUB_CODE, 'reviewer').reviewQueue()).map((item) => item.id));
        return [...requests.values()].every((id) => queued.has(id));
      },
      { what: "DK's requests in the hub's review queue" },
    );
    for (const [name, id] of requests) numbers.set(name, (await api(HUB_CODE, 'reviewer').approveNotice(id)).number!);
    for (const number of numbers.values())
      await waitFor(
        () =>
          api('MR')
            .notice(number)
            .catch(() => undefined),
        { what: `notice ${number} at MR` },
      );
  });

  afterAll(async () => {
    await network?.teardown();
  });

  const match = (answer: PersonCheck, name: NoticeName) =>
    answer.matches.find((found) => found.reference === numbers.get(name));

  it('finds accents and case, ue for ü, transliterations, swapped names, a day/month swap and one typo, each with its score and reasons', async () => {
    const muller = { source: 'notice', owner: 'DK', noticeType: 'red' };
    const spellings = {
      MULLER: { score: 1, reasons: ['family-name:exact', 'given-names:exact', 'dob:exact'] },
      Müller: { score: 1, reasons: ['family-name:exact', 'given-names:exact', 'dob:exact'] },
      // ue for ü; also one letter more, and the same sound.
      Mueller: {
        score: 0.985,
        reasons: [
          'family-name:variant',
          'family-name:phonetic',
          'family-name:one-typo',
          'given-names:exact',
          'dob:exact',
        ],
      },
    };
    for (const [familyName, expected] of Object.entries(spellings)) {
      const answer = await check({ familyName, givenNames: 'Jorg', dateOfBirth: '1979-03-14', place: 'Rosso bridge' });
      expect(answer).toMatchObject({ outcome: 'hit' });
      expect(answer.matches).toHaveLength(1);
      const [{ notification, hitId, answerBy, ...found }] = answer.matches;
      expect(found).toEqual({
        ...muller,
        reference: numbers.get('muller'),
        ...expected,
        subject: { familyName: 'Müller', givenNames: 'Jörg', dateOfBirth: '1979-03-14', nationality: 'DE' },
      });
      expectNotified({ notification, hitId, answerBy });
    }

    const mohamed = await check({ familyName: 'Mohamed', givenNames: 'Karim', dateOfBirth: '1985-06-20' });
    expect(match(mohamed, 'muhammad')).toMatchObject({ ...muller, subject: { familyName: 'Muhammad' } });
    expect(match(mohamed, 'muhammad')!.reasons).toEqual(['family-name:phonetic', 'given-names:exact', 'dob:exact']);
    expect(match(mohamed, 'muhammad')!.score).toBe(0.955);

    const petrov = await check({ familyName: 'Петров', givenNames: 'Иван', nationality: 'RU' });
    expect(match(petrov, 'petrov')).toMatchObject({ score: 1 });
    expect(match(petrov, 'petrov')!.reasons).toEqual(['family-name:exact', 'given-names:exact', 'nationality']);

    // Given and family names written the other way round: a yellow (missing person) notice.
    const swapped = await check({ familyName: 'Astrid', givenNames: 'Lindqvist', dateOfBirth: '1990-07-15' });
    expect(match(swapped, 'lindqvist')).toMatchObject({ noticeType: 'yellow' });
    expect(match(swapped, 'lindqvist')!.reasons).toEqual([
      'given-names:swapped-with-family',
      'family-name:exact',
      'given-names:exact',
      'dob:exact',
    ]);
    expect(match(swapped, 'lindqvist')!.score).toBeGreaterThanOrEqual(0.95);

    const dayMonth = await check({ familyName: 'Okafor', givenNames: 'Chinedu', dateOfBirth: '1982-11-03' });
    expect(match(dayMonth, 'okafor')!.reasons).toEqual([
      'family-name:exact',
      'given-names:exact',
      'dob:day-month-swapped',
    ]);

    const typo = await check({ familyName: 'Kowalcyzk', givenNames: 'Marta', dateOfBirth: '1968-09-30' });
    expect(match(typo, 'kowalczyk')).toMatchObject({
      score: 0.94,
      reasons: ['family-name:one-typo', 'given-names:exact', 'dob:exact'],
    });

    // Every hit went to the hit procedure for DK, the owner; started or not, the officer has the hit.
    for (const answer of [mohamed, petrov, swapped, dayMonth, typo]) {
      expect(answer).toMatchObject({ outcome: 'hit', matches: [expect.objectContaining({ owner: 'DK' })] });
      expectNotified(answer.matches[0]);
    }
  });

  it('keeps a different person a non-match: Lee is not Li, a green notice is not checked, an unknown name finds nothing', async () => {
    const lee = await check({ familyName: 'Lee', givenNames: 'Wei', dateOfBirth: '1988-01-01' });
    expect(lee).toMatchObject({ outcome: 'no-hit', matches: [] });
    expect(await check({ familyName: 'Halvorsen', givenNames: 'Bjørn', dateOfBirth: '1971-02-02' })).toMatchObject({
      outcome: 'no-hit',
    });
    expect(await check({ familyName: ABSENT_NAME, givenNames: 'Jörg', dateOfBirth: '1979-03-14' })).toMatchObject({
      outcome: 'no-hit',
    });
    // Near names with another birth year decades away are two people.
    expect(await check({ familyName: 'Müller', givenNames: 'Jörg', dateOfBirth: '2001-03-14' })).toMatchObject({
      outcome: 'no-hit',
    });
  });

  it('refuses a bad request naming the field, and a role that does not check', async () => {
    await expect(check({ givenNames: 'Anna' })).rejects.toMatchObject({
      status: 400,
      body: { reason: expect.stringContaining('familyName') },
    });
    await expect(check({ familyName: '1234' })).rejects.toMatchObject({ status: 400, body: { code: 'name-empty' } });
    await expect(check({ familyName: 'Müller' }, 'reviewer')).rejects.toMatchObject({ status: 403 });
  });

  it('stops matching a notice once the hub has cancelled it', async () => {
    expect((await check({ familyName: 'Muller', givenNames: 'Jorg' }, 'officer')).outcome).toBe('hit');
    const number = numbers.get('muller')!;
    await api(HUB_CODE, 'reviewer').cancelNotice(number, 'arrested');
    await waitFor(async () => (await api('MR').notice(number)).state === 'cancelled', {
      what: `notice ${number} cancelled at MR`,
    });
    expect(await check({ familyName: 'Muller', givenNames: 'Jorg' })).toMatchObject({ outcome: 'no-hit', matches: [] });
  });

  it('logs every check with who, where and the outcome, and no queried name anywhere in the node', async () => {
    const rows = await query<CheckLogRow>(
      mrDatabase(),
      `SELECT id, kind, actor, place, outcome, matched FROM check_log ORDER BY id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(13);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['person']));
    expect(new Set(rows.map((row) => row.actor))).toEqual(new Set(['role:border-officer', 'role:officer']));
    expect(rows.some((row) => row.place === 'Rosso bridge')).toBe(true);
    const hit = rows.find((row) => row.outcome === 'hit' && row.place === 'Rosso bridge')!;
    expect(JSON.parse(hit.matched!)).toEqual([
      expect.objectContaining({ source: 'notice', reference: numbers.get('muller'), score: 1 }),
    ]);
    expect(rows.filter((row) => row.outcome === 'no-hit').every((row) => row.matched === null)).toBe(true);

    // The database's bytes (WAL included) hold none of the names only the officer typed.
    const bytes = Buffer.concat(
      ['', '-wal']
        .map((suffix) => mrDatabase() + suffix)
        .filter(existsSync)
        .map((file) => readFileSync(file)),
    );
    expect(bytes.includes(Buffer.from('Lindqvist', 'utf8'))).toBe(true); // the search does see what is stored
    for (const name of QUERIED_ONLY) expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(false);
    // Nor does any line the services logged.
    for (const name of QUERIED_ONLY) expect(network.output()).not.toContain(name);
  });
});

/** The owner's best match started a hit procedure there (sent), or failed to (still a hit, no hit id). */
function expectNotified({ notification, hitId, answerBy }: Pick<PersonMatch, 'notification' | 'hitId' | 'answerBy'>) {
  if (notification === 'sent')
    expect({ hitId, answerBy }).toEqual({ hitId: expect.any(String), answerBy: expect.any(String) });
  else expect({ notification, hitId, answerBy }).toEqual({ notification: 'failed', hitId: null, answerBy: null });
}

/** A second connection to the node's SQLite file, as an operator with shell access would open it. */
function query<T>(path: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.all(sql, [], (error, rows) => {
        db.close(() => (error ? reject(error) : resolve(rows as T[])));
      });
    });
  });
}
