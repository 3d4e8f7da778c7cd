import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificateKid, exportPrivateKeyPem } from '@bureaunet/crypto';
import type { IdentityKey } from './bureau-identity';
import { FILES, type StoredKeys } from './identity.store';

const STAGING = 'renewal';
const COMPLETE = 'complete';
const PREVIOUS = 'previous';
/** Renewals are months apart and a replaced key is kept until its certificate expires: a few suffice. */
export const MAX_PREVIOUS_ENCRYPTION_KEYS = 4;

export interface RenewedPems {
  ca: string;
  signing: string;
  encryption: string;
}

/**
 * A renewal on disk. Five files change together, and a crash must leave either the old identity
 * or the new one, never a key with another key's certificate: the new files are staged in
 * renewal/, a marker says the set is complete, then each is renamed over the live one. On start,
 * finishPending() rolls a complete set forward and drops an incomplete one.
 */
export class IdentityRenewalStore {
  constructor(private readonly dir: string) {}

  finishPending(): 'none' | 'completed' | 'discarded' {
    const staging = join(this.dir, STAGING);
    if (!existsSync(staging)) return 'none';
    if (!existsSync(join(staging, COMPLETE))) {
      rmSync(staging, { recursive: true, force: true });
      return 'discarded';
    }
    for (const file of Object.values(FILES)) {
      // A crash half-way through leaves some already renamed: those are simply absent here.
      if (existsSync(join(staging, file))) renameSync(join(staging, file), join(this.dir, file));
    }
    rmSync(staging, { recursive: true, force: true });
    return 'completed';
  }

  commit(keys: StoredKeys, pems: RenewedPems): void {
    this.stage(keys, pems);
    this.finishPending();
  }

  /** The first half of commit(): the new set in renewal/, marked complete, nothing live changed yet. */
  stage(keys: StoredKeys, pems: RenewedPems): void {
    const staging = join(this.dir, STAGING);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    writeFileSync(join(staging, FILES.signingKey), exportPrivateKeyPem(keys.signing.privateKey), { mode: 0o600 });
    writeFileSync(join(staging, FILES.encryptionKey), exportPrivateKeyPem(keys.encryption.privateKey), { mode: 0o600 });
    writeFileSync(join(staging, FILES.signingCert), pems.signing, { mode: 0o644 });
    writeFileSync(join(staging, FILES.encryptionCert), pems.encryption, { mode: 0o644 });
    writeFileSync(join(staging, FILES.ca), pems.ca, { mode: 0o644 });
    writeFileSync(join(staging, COMPLETE), '', { mode: 0o600 });
  }

  /** The trusted CAs after a change of trust: ca.crt.pem the current one, previous/ca-*.crt.pem the others. */
  saveTrust(ca: X509Certificate, previousCas: readonly X509Certificate[]): void {
    const previous = join(this.dir, PREVIOUS);
    mkdirSync(previous, { recursive: true, mode: 0o700 });
    const wanted = new Set(
      previousCas.map((certificate) => `ca-${certificate.fingerprint256.replaceAll(':', '').toLowerCase()}.crt.pem`),
    );
    for (const certificate of previousCas)
      writeThenRename(
        join(previous, `ca-${certificate.fingerprint256.replaceAll(':', '').toLowerCase()}.crt.pem`),
        certificate.toString(),
        0o644,
      );
    for (const file of readdirSync(previous).filter((name) => name.startsWith('ca-') && !wanted.has(name)))
      rmSync(join(previous, file), { force: true });
    writeThenRename(join(this.dir, FILES.ca), ca.toString(), 0o644);
  }

  loadPreviousCas(): X509Certificate[] {
    const previous = join(this.dir, PREVIOUS);
    if (!existsSync(previous)) return [];
    return readdirSync(previous)
      .filter((name) => name.startsWith('ca-') && name.endsWith('.crt.pem'))
      .map((name) => new X509Certificate(readFileSync(join(previous, name), 'utf8')));
  }

  /** Keeps a replaced encryption key, named by its certificate's serial, before the new one goes live. */
  archiveEncryptionKey(key: IdentityKey): void {
    const previous = join(this.dir, PREVIOUS);
    mkdirSync(previous, { recursive: true, mode: 0o700 });
    const name = `encryption-${key.certificate.serialNumber.toLowerCase()}`;
    // Key before certificate, each written then renamed: a certificate file is only ever seen with its whole key.
    writeThenRename(join(previous, `${name}.key.pem`), exportPrivateKeyPem(key.privateKey), 0o600);
    writeThenRename(join(previous, `${name}.crt.pem`), key.certificate.toString(), 0o644);
  }

  /**
   * The replaced encryption keys whose certificates have not expired, newest first, at most
   * MAX_PREVIOUS_ENCRYPTION_KEYS; expired or surplus ones are deleted (nothing sealed to them can pass any more).
   */
  loadPreviousEncryptionKeys(now: Date, currentKid: string): IdentityKey[] {
    const previous = join(this.dir, PREVIOUS);
    if (!existsSync(previous)) return [];
    const found = readdirSync(previous)
      .filter((file) => file.startsWith('encryption-') && file.endsWith('.crt.pem'))
      .map((file) => ({ base: join(previous, file.slice(0, -'.crt.pem'.length)) }))
      .map(({ base }) => ({ base, key: readPrevious(base) }))
      // An archive made just before a crash may be the current key itself: not a previous one.
      .filter(({ key }) => key.kid !== currentKid)
      .sort((a, b) => Date.parse(b.key.certificate.validTo) - Date.parse(a.key.certificate.validTo));
    const kept = found
      .filter(({ key }) => Date.parse(key.certificate.validTo) > now.getTime())
      .slice(0, MAX_PREVIOUS_ENCRYPTION_KEYS);
    for (const { base } of found.filter((candidate) => !kept.includes(candidate))) {
      rmSync(`${base}.key.pem`, { force: true });
      rmSync(`${base}.crt.pem`, { force: true });
    }
    return kept.map(({ key }) => key);
  }
}

function writeThenRename(path: string, content: string, mode: number): void {
  writeFileSync(`${path}.tmp`, content, { mode });
  renameSync(`${path}.tmp`, path);
}

function readPrevious(base: string): IdentityKey {
  const privateKey = createPrivateKey(readFileSync(`${base}.key.pem`, 'utf8'));
  const certificate = new X509Certificate(readFileSync(`${base}.crt.pem`, 'utf8'));
  return { privateKey, publicKey: createPublicKey(privateKey), certificate, kid: certificateKid(certificate) };
}
