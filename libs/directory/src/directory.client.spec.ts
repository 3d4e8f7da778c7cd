import {
  DIRECTORY_CHANGED_SUBJECT,
  DIRECTORY_GET_SUBJECT,
  DIRECTORY_HEARTBEAT_SUBJECT,
  DIRECTORY_LIST_SUBJECT,
  type DirectoryEntry,
} from '@bureaunet/contracts';
import type { BureauIdentity } from '@bureaunet/identity';
import type { BusClient } from '@bureaunet/transport';
import { createTestCa, type TestCa } from '../../crypto/src/testing/test-pki.fixture';
import {
  createTestDirectorySigner,
  type TestDirectorySigner,
} from '../../evidence/src/testing/directory-signer.fixture';
import { DirectoryClient } from './directory.client';

/** A bus whose answers the test releases by hand, so a change event can arrive while a request is out. */
class HeldBus {
  readonly handlers = new Map<string, (body: unknown) => void>();
  readonly pending: Array<{ subject: string; answer: (value: unknown) => void }> = [];

  subscribe(subject: string, handler: (body: unknown) => void): () => void {
    this.handlers.set(subject, handler);
    return () => this.handlers.delete(subject);
  }

  request<T>(subject: string): Promise<T> {
    return new Promise<T>((resolve) => this.pending.push({ subject, answer: (value) => resolve(value as T) }));
  }

  async answerNext(value: unknown): Promise<void> {
    await waitUntil(() => this.pending.length > 0);
    this.pending.shift()!.answer(value);
  }
}

/** The client's requests are made a few turns of the event loop later: bounded, so a missing one fails by name. */
async function waitUntil(condition: () => boolean, turns = 10_000): Promise<void> {
  for (let turn = 0; !condition(); turn++) {
    if (turn >= turns) throw new Error(`no request from the client after ${turns} turns of the event loop`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A started client on the held bus, trusting the test CA. */
function clientOn(bus: HeldBus, ca: TestCa, stalenessMs: number, now: () => Date = () => new Date()): DirectoryClient {
  const client = new DirectoryClient(
    bus as unknown as BusClient,
    { ca: ca.certificate } as BureauIdentity,
    { stalenessMs },
    { now },
  );
  client.onModuleInit();
  return client;
}

/** Whether a look-up was answered from the cache or had to ask the registry (whose answer never comes). */
async function cachedOrAsked(bus: HeldBus, lookUp: Promise<unknown>): Promise<'cached' | 'asked the registry'> {
  // Not asked within the bound: only the look-up can settle the race.
  const asked = waitUntil(() => bus.pending.length > 0).then(
    () => 'asked the registry' as const,
    () => new Promise<never>(() => undefined),
  );
  return Promise.race([lookUp.then(() => 'cached' as const), asked]);
}

const entry = (code: string, enrolled: boolean): DirectoryEntry => ({
  code,
  role: 'bureau',
  status: 'active',
  revokedSerials: [],
  version: 2,
  ...(enrolled ? { encryptionCertificate: 'pem' } : {}),
});

describe('DirectoryClient caching across a change that lands while a request is out', () => {
  let bus: HeldBus;
  let directory: DirectoryClient;
  let ca: TestCa;
  let signer: TestDirectorySigner;

  beforeAll(async () => {
    ca = await createTestCa();
    signer = await createTestDirectorySigner(ca);
  });

  beforeEach(() => {
    bus = new HeldBus();
    directory = clientOn(bus, ca, 60_000);
  });

  const changed = (code: string) =>
    bus.handlers.get(DIRECTORY_CHANGED_SUBJECT)!({ code, version: 2, change: 'enrolled' });

  it('does not keep a listing that was asked before MR enrolled: the next call asks again and sees MR enrolled', async () => {
    const listing = directory.all();
    changed('MR');
    await bus.answerNext(await signer.sign([entry('MR', false)]));
    expect((await listing).find((item) => item.code === 'MR')?.encryptionCertificate).toBeUndefined();

    const again = directory.all();
    await bus.answerNext(await signer.sign([entry('MR', true)]));
    expect(bus.pending).toHaveLength(0);
    expect((await again).find((item) => item.code === 'MR')?.encryptionCertificate).toBe('pem');
  });

  it('does not keep an entry asked for before its change, and keeps one asked for after', async () => {
    const before = directory.entry('MR');
    changed('MR');
    await bus.answerNext(await signer.sign([entry('MR', false)]));
    await before;

    const after = directory.entry('MR');
    await waitUntil(() => bus.pending.length > 0);
    expect(bus.pending[0].subject).toBe(DIRECTORY_GET_SUBJECT);
    await bus.answerNext(await signer.sign([entry('MR', true)]));
    expect((await after)?.encryptionCertificate).toBe('pem');
    // Cached now: no request goes out.
    expect((await directory.entry('MR'))?.encryptionCertificate).toBe('pem');
    expect(bus.pending.filter((request) => request.subject !== DIRECTORY_LIST_SUBJECT)).toHaveLength(0);
  });
});

describe('DirectoryClient and the heartbeat', () => {
  let bus: HeldBus;
  let directory: DirectoryClient;
  let signer: TestDirectorySigner;
  let ca: TestCa;

  beforeAll(async () => {
    ca = await createTestCa();
    signer = await createTestDirectorySigner(ca);
  });

  beforeEach(async () => {
    bus = new HeldBus();
    directory = clientOn(bus, ca, 60_000);
    const listing = directory.all();
    await bus.answerNext(await signer.sign([entry('FR', true), entry('MR', true)], { version: 5 }));
    await listing;
  });

  const beat = (version: number) =>
    bus.handlers.get(DIRECTORY_HEARTBEAT_SUBJECT)!({ at: new Date().toISOString(), version });

  it('keeps what it read at the version the first heartbeat names: no request goes out', async () => {
    beat(5);
    const mr = directory.entry('MR');
    expect(await cachedOrAsked(bus, mr)).toBe('cached');
    expect((await mr)?.code).toBe('MR');
    const all = directory.all();
    expect(await cachedOrAsked(bus, all)).toBe('cached');
    expect((await all).map((item) => item.code)).toEqual(['FR', 'MR']);
  });

  it('forgets what it read before the version a heartbeat names, and asks again', async () => {
    beat(5);
    beat(6);
    const lookUp = directory.entry('MR');
    await waitUntil(() => bus.pending.length > 0);
    expect(bus.pending[0].subject).toBe(DIRECTORY_GET_SUBJECT);
    await bus.answerNext(await signer.sign([{ ...entry('MR', true), status: 'suspended', version: 6 }]));
    expect((await lookUp)?.status).toBe('suspended');
    // Read at 6: the next heartbeat at 6 leaves it, and the listing is asked again (FR was read at 5).
    beat(6);
    expect((await directory.entry('MR'))?.status).toBe('suspended');
    expect(bus.pending).toHaveLength(0);
    const listing = directory.all();
    await waitUntil(() => bus.pending.length > 0);
    expect(bus.pending[0].subject).toBe(DIRECTORY_LIST_SUBJECT);
    await bus.answerNext(await signer.sign([entry('FR', true), { ...entry('MR', true), version: 6 }]));
    expect((await listing).map((item) => item.code)).toEqual(['FR', 'MR']);
  });

  const entryOfFr = () => cachedOrAsked(bus, directory.entry('FR'));
  const changed = (code: string, version: number) =>
    bus.handlers.get(DIRECTORY_CHANGED_SUBJECT)!({ code, version, change: 'renewed' });

  it('ignores one heartbeat read before a change whose event came first, and forgets all on a second (the registry went back)', async () => {
    beat(5);
    changed('MR', 6);
    beat(5);
    expect(await entryOfFr()).toBe('cached');
    beat(5);
    expect(await entryOfFr()).toBe('asked the registry');
  });

  it('forgets what it read before a change event that skips a version (a lost event names no bureau)', async () => {
    beat(5);
    changed('MR', 6);
    expect(await entryOfFr()).toBe('cached');
    changed('MR', 8);
    expect(await entryOfFr()).toBe('asked the registry');
  });
});

describe('DirectoryClient and the signed directory', () => {
  const ISSUED_AT = new Date('2026-12-01T12:00:00.000Z');
  const TTL_MS = 60 * 60 * 1000;
  let ca: TestCa;
  let signer: TestDirectorySigner;
  let bus: HeldBus;
  let directory: DirectoryClient;
  let now: Date;

  beforeAll(async () => {
    ca = await createTestCa();
    signer = await createTestDirectorySigner(ca);
  });

  beforeEach(async () => {
    now = ISSUED_AT;
    bus = new HeldBus();
    directory = clientOn(bus, ca, 10 * TTL_MS, () => now);
    const listing = directory.all();
    await bus.answerNext(
      await signer.sign([entry('FR', true), entry('MR', true)], { issuedAt: ISSUED_AT, ttlMs: TTL_MS }),
    );
    await listing;
  });

  const refusalOf = async (lookUp: Promise<unknown>, answer: unknown) => {
    const refused = lookUp.catch((error: unknown) => error);
    await bus.answerNext(answer);
    return refused;
  };

  it('refuses an unsigned answer and keeps the entries it held', async () => {
    bus.handlers.get(DIRECTORY_CHANGED_SUBJECT)!({ code: 'MR', version: 3, change: 'renewed' });
    const error = await refusalOf(directory.all(), { entries: [entry('MR', false)], version: 3 });
    expect(error).toMatchObject({
      code: 'directory-unsigned',
      kind: 'unavailable',
      message: `the registry's directory answer on ${DIRECTORY_LIST_SUBJECT} is not signed`,
    });
    expect((await directory.entry('FR'))?.code).toBe('FR');
    expect(bus.pending).toHaveLength(0);
  });

  it('refuses a tampered answer, naming the failed signature', async () => {
    bus.handlers.get(DIRECTORY_CHANGED_SUBJECT)!({ code: 'MR', version: 3, change: 'renewed' });
    const signed = await signer.sign([entry('MR', false)], { issuedAt: ISSUED_AT });
    const jws = JSON.parse(Buffer.from(signed.jws, 'base64url').toString('utf8')) as Record<string, string>;
    const payload = Buffer.from(jws.payload, 'base64url').toString('utf8').replace('"active"', '"suspended"');
    const tampered = {
      ...signed,
      jws: Buffer.from(JSON.stringify({ ...jws, payload: Buffer.from(payload).toString('base64url') })).toString(
        'base64url',
      ),
    };
    const error = await refusalOf(directory.entry('MR'), tampered);
    expect(error).toMatchObject({
      code: 'directory-invalid',
      message: "the registry's directory answer is refused: the directory signature does not verify",
    });
    expect(directory.freshness().expiresAt).toBe('2026-12-01T13:00:00.000Z');
  });

  it('does not use an expired entry, and refuses an answer that is itself expired, naming its expiry', async () => {
    now = new Date(ISSUED_AT.getTime() + TTL_MS + 1);
    expect(directory.expired()).toBe(true);
    const error = await refusalOf(
      directory.entry('FR'),
      await signer.sign([entry('FR', true)], { issuedAt: ISSUED_AT, ttlMs: TTL_MS }),
    );
    expect(error).toMatchObject({
      code: 'directory-expired',
      kind: 'unavailable',
      message: 'the directory expired at 2026-12-01T13:00:00.000Z: the registry answered with it',
    });
  });

  it('takes a newly signed directory after the held one expired', async () => {
    now = new Date(ISSUED_AT.getTime() + TTL_MS + 1);
    const lookUp = directory.entry('FR');
    await bus.answerNext(await signer.sign([entry('FR', true)], { issuedAt: now, ttlMs: TTL_MS }));
    expect((await lookUp)?.code).toBe('FR');
    expect(directory.expired()).toBe(false);
  });

  it('says directory-expired when the held directory lapsed and the registry cannot be asked', async () => {
    now = new Date(ISSUED_AT.getTime() + TTL_MS + 1);
    const lookUp = directory.all().catch((error: unknown) => error);
    await waitUntil(() => bus.pending.length > 0);
    bus.pending.shift()!.answer(Promise.reject(new Error('request timed out')));
    expect(await lookUp).toMatchObject({
      code: 'directory-expired',
      message: 'the directory expired at 2026-12-01T13:00:00.000Z: no valid newer directory: request timed out',
    });
  });
});
