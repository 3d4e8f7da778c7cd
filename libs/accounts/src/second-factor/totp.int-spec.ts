import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Secret } from 'otpauth';
import { DataSource } from 'typeorm';
import { AccountsHttpHarness, HARNESS_PASSWORD, HARNESS_SETTINGS, signedFrom } from '../testing/accounts-http.harness';
import { totpCodeAt } from './totp.code';
import { TOTP_SEALING_KEY_FILE } from './totp-sealing-key.file';

const STEP = 30_000;

describe('TOTP second factor over real HTTP and a real SQLite file', () => {
  let harness: AccountsHttpHarness;
  // Mid-step, so a code of "now" stays the same code for the whole test step.
  let now = Date.parse('2026-12-01T08:00:10.000Z');
  const clock = { now: () => new Date(now) };
  const advance = (ms: number) => (now += ms);

  beforeAll(async () => {
    harness = await AccountsHttpHarness.start({ clock });
  });
  afterAll(() => harness.close());
  // A new step and a full throttle bucket for each test.
  beforeEach(() => advance(10 * 60_000));

  const signIn = (username: string, totp?: string) =>
    harness.call('POST', '/api/session', {
      body: { username, password: HARNESS_PASSWORD, ...(totp === undefined ? {} : { totp }) },
    });

  /** A person with TOTP on: the secret their app holds. */
  async function enrolled(username: string): Promise<{ id: string; secret: Uint8Array }> {
    const { id } = await harness.person(username);
    const signed = signedFrom(await signIn(username));
    const started = await harness.call('POST', '/api/me/totp', { signed });
    expect(started.status).toBe(201);
    const secret = new Uint8Array(Secret.fromBase32(started.body.secret as string).buffer);
    const code = totpCodeAt(secret, clock.now());
    const confirmed = await harness.call('POST', '/api/me/totp/confirm', { signed, body: { code } });
    expect(confirmed).toMatchObject({ status: 200, body: { username, totp: true } });
    advance(STEP);
    return { id, secret };
  }

  it('enrols in two steps: a secret and its otpauth URI, in force only once a code confirms it', async () => {
    await harness.person('ana.totp');
    const signed = signedFrom(await signIn('ana.totp'));
    const started = await harness.call('POST', '/api/me/totp', { signed });
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(started.body.uri as string);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(started.body.secret);
    expect(uri.searchParams.get('issuer')).toBe('bureaunet MR');
    expect(decodeURIComponent(uri.pathname)).toContain('ana.totp');
    // Not in force before it is confirmed.
    expect((await signIn('ana.totp')).status).toBe(200);
    const wrong = await harness.call('POST', '/api/me/totp/confirm', { signed, body: { code: '000000' } });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'totp-invalid' } });
    const notDigits = await harness.call('POST', '/api/me/totp/confirm', { signed, body: { code: 'abc' } });
    expect(notDigits.status).toBe(400);
    const secret = new Uint8Array(Secret.fromBase32(started.body.secret as string).buffer);
    const right = await harness.call('POST', '/api/me/totp/confirm', {
      signed,
      body: { code: totpCodeAt(secret, clock.now()) },
    });
    expect(right).toMatchObject({ status: 200, body: { totp: true } });
    expect(await harness.call('POST', '/api/me/totp', { signed })).toMatchObject({
      status: 409,
      body: { code: 'totp-already-enrolled' },
    });
  });

  it('asks for the code after the right password, accepts it once, and counts wrong ones toward the lockout', async () => {
    const { secret } = await enrolled('ben.totp');
    expect(await signIn('ben.totp')).toMatchObject({ status: 401, body: { code: 'totp-required' } });
    const code = totpCodeAt(secret, clock.now());
    const good = await signIn('ben.totp', code);
    expect(good).toMatchObject({ status: 200, body: { person: { username: 'ben.totp', totp: true } } });
    // The same code again, within its step: a replay.
    expect(await signIn('ben.totp', code)).toMatchObject({ status: 401, body: { code: 'sign-in-failed' } });
    // The app's next code (one step ahead, inside the window) is good.
    expect((await signIn('ben.totp', totpCodeAt(secret, new Date(now + STEP)))).status).toBe(200);
    advance(2 * STEP);
    const wrongCode = code === '123456' ? '654321' : '123456';
    for (let attempt = 1; attempt < HARNESS_SETTINGS.lockout.failures; attempt += 1)
      expect(await signIn('ben.totp', wrongCode)).toMatchObject({ status: 401, body: { code: 'sign-in-failed' } });
    expect(await signIn('ben.totp', wrongCode)).toMatchObject({ status: 401 });
    expect(await signIn('ben.totp', totpCodeAt(secret, clock.now()))).toMatchObject({
      status: 423,
      body: { code: 'account-locked' },
    });
  });

  it('accepts a code one step old or ahead, not two (a phone whose clock drifts a little)', async () => {
    const { secret } = await enrolled('cy.totp');
    // Two steps past the enrolment's own code, so the step behind now was never used.
    advance(STEP);
    expect((await signIn('cy.totp', totpCodeAt(secret, new Date(now - 2 * STEP)))).status).toBe(401);
    expect((await signIn('cy.totp', totpCodeAt(secret, new Date(now + 2 * STEP)))).status).toBe(401);
    expect((await signIn('cy.totp', totpCodeAt(secret, new Date(now - STEP)))).status).toBe(200);
  });

  it('keeps the secret sealed at rest, under a 0600 key in the data folder', async () => {
    const { id, secret } = await enrolled('dee.totp');
    const keyFile = join(harness.dataDir, TOTP_SEALING_KEY_FILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile)).toHaveLength(32);
    const database = new DataSource({ type: 'sqlite', database: join(harness.dataDir, 'accounts.sqlite') });
    await database.initialize();
    try {
      const [row] = await database.query<Array<{ totpSecret: string; totpLastStep: number }>>(
        'SELECT totpSecret, totpLastStep FROM person WHERE id = ?',
        [id],
      );
      expect(row.totpSecret).toMatch(/^v1\./);
      expect(row.totpSecret).not.toContain(Buffer.from(secret).toString('base64url'));
      expect(row.totpSecret).not.toContain(new Secret({ buffer: secret.buffer as ArrayBuffer }).base32);
      expect(typeof row.totpLastStep).toBe('number');
    } finally {
      await database.destroy();
    }
  });

  it('turns off with a code (a wrong one refused), or without one in a session an administrator’s link opened', async () => {
    const { id, secret } = await enrolled('eve.totp');
    const signed = signedFrom(await signIn('eve.totp', totpCodeAt(secret, clock.now())));
    advance(STEP);
    expect(await harness.call('DELETE', '/api/me/totp', { signed, body: {} })).toMatchObject({
      status: 403,
      body: { code: 'totp-invalid' },
    });
    const off = await harness.call('DELETE', '/api/me/totp', {
      signed,
      body: { code: totpCodeAt(secret, clock.now()) },
    });
    expect(off).toMatchObject({ status: 200, body: { totp: false } });
    expect((await signIn('eve.totp')).status).toBe(200);

    // Lost phone: enrolled again, then the administrator's link lets the person turn it off.
    const again = await harness.call('POST', '/api/me/totp', { signed });
    const newSecret = new Uint8Array(Secret.fromBase32(again.body.secret as string).buffer);
    await harness.call('POST', '/api/me/totp/confirm', { signed, body: { code: totpCodeAt(newSecret, clock.now()) } });
    expect(await signIn('eve.totp')).toMatchObject({ status: 401, body: { code: 'totp-required' } });
    const linked = await harness.signInWithLink(id);
    expect(await harness.call('DELETE', '/api/me/totp', { signed: linked, body: {} })).toMatchObject({
      status: 200,
      body: { totp: false },
    });
  });

  it('needs a person: a static role token has no second factor to enrol', async () => {
    expect(await harness.admin('POST', '/api/me/totp')).toMatchObject({
      status: 403,
      body: { code: 'person-required' },
    });
  });
});
