import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateKid, generateBureauKeys, type BureauKeys } from '@bureaunet/crypto';
import { createTestCa, issueTestCertificate, type TestCa } from '../../crypto/src/testing/test-pki.fixture';
import type { IdentityKey } from './bureau-identity';
import { IdentityRenewalStore, MAX_PREVIOUS_ENCRYPTION_KEYS } from './identity-renewal.store';
import { FILES, IdentityStore } from './identity.store';

const DAY_MS = 86_400_000;

describe('IdentityRenewalStore: a renewal on disk survives a crash at any point', () => {
  let dir: string;
  let ca: TestCa;

  beforeAll(async () => {
    ca = await createTestCa();
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-renewal-store-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function pemsFor(keys: BureauKeys) {
    const signing = await issueTestCertificate(ca, { code: 'FR', publicKey: keys.signing.publicKey });
    const encryption = await issueTestCertificate(ca, { code: 'FR', publicKey: keys.encryption.publicKey });
    return { ca: ca.pem, signing: signing.pem, encryption: encryption.pem };
  }

  async function encryptionKey(daysLeft: number): Promise<IdentityKey> {
    const keys = await generateBureauKeys();
    const { certificate } = await issueTestCertificate(ca, {
      code: 'FR',
      publicKey: keys.encryption.publicKey,
      notAfter: new Date(Date.now() + daysLeft * DAY_MS),
    });
    return { ...keys.encryption, certificate, kid: certificateKid(certificate) };
  }

  it('commits the five files together, keys owner-only, and leaves no staging behind', async () => {
    const keys = await generateBureauKeys();
    const pems = await pemsFor(keys);
    new IdentityRenewalStore(dir).commit(keys, pems);
    const store = new IdentityStore(dir);
    expect(store.loadKeys()!.signing.publicKey.equals(keys.signing.publicKey)).toBe(true);
    expect(store.loadCertificates()!.signing.raw.equals(new X509Certificate(pems.signing).raw)).toBe(true);
    expect(statSync(join(dir, FILES.encryptionKey)).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, 'renewal'))).toBe(false);
  });

  it('drops a staged renewal that was not complete: the old identity stays as it was', async () => {
    const old = await generateBureauKeys();
    const store = new IdentityRenewalStore(dir);
    store.commit(old, await pemsFor(old));
    const renewed = await generateBureauKeys();
    store.stage(renewed, await pemsFor(renewed));
    rmSync(join(dir, 'renewal', 'complete'));
    expect(new IdentityRenewalStore(dir).finishPending()).toBe('discarded');
    expect(new IdentityStore(dir).loadKeys()!.signing.publicKey.equals(old.signing.publicKey)).toBe(true);
    expect(existsSync(join(dir, 'renewal'))).toBe(false);
  });

  it('rolls a complete renewal forward, even one already half renamed', async () => {
    const old = await generateBureauKeys();
    const store = new IdentityRenewalStore(dir);
    store.commit(old, await pemsFor(old));
    const renewed = await generateBureauKeys();
    const pems = await pemsFor(renewed);
    store.stage(renewed, pems);
    // A crash after the first rename.
    renameSync(join(dir, 'renewal', FILES.signingKey), join(dir, FILES.signingKey));
    expect(new IdentityRenewalStore(dir).finishPending()).toBe('completed');
    const loaded = new IdentityStore(dir);
    expect(loaded.loadKeys()!.signing.publicKey.equals(renewed.signing.publicKey)).toBe(true);
    expect(loaded.loadKeys()!.encryption.publicKey.equals(renewed.encryption.publicKey)).toBe(true);
    expect(loaded.loadCertificates()!.encryption.raw.equals(new X509Certificate(pems.encryption).raw)).toBe(true);
    expect(new IdentityRenewalStore(dir).finishPending()).toBe('none');
  });

  it('keeps replaced encryption keys until their certificates expire, newest first and at most a few', async () => {
    const store = new IdentityRenewalStore(dir);
    const expired = await encryptionKey(-1);
    const kept = await Promise.all([10, 20, 30, 40, 50].map((days) => encryptionKey(days)));
    for (const key of [expired, ...kept]) store.archiveEncryptionKey(key);
    const current = kept[4];
    const loaded = store.loadPreviousEncryptionKeys(new Date(), current.kid);
    expect(loaded.map((key) => key.kid)).toEqual(
      [kept[3], kept[2], kept[1], kept[0]].map((key) => key.kid).slice(0, MAX_PREVIOUS_ENCRYPTION_KEYS),
    );
    expect(loaded[0].privateKey.asymmetricKeyType).toBe('x25519');
    // The expired one is deleted: nothing sealed to it can pass any more.
    const serial = expired.certificate.serialNumber.toLowerCase();
    expect(existsSync(join(dir, 'previous', `encryption-${serial}.key.pem`))).toBe(false);
    expect(
      statSync(join(dir, 'previous', `encryption-${kept[0].certificate.serialNumber.toLowerCase()}.key.pem`)).mode &
        0o777,
    ).toBe(0o600);
  });
});
