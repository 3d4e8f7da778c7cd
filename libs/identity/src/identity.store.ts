import { createPrivateKey, createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportPrivateKeyPem } from '@bureaunet/crypto';

export interface StoredKeys {
  signing: { privateKey: KeyObject; publicKey: KeyObject };
  encryption: { privateKey: KeyObject; publicKey: KeyObject };
}

export interface StoredCertificates {
  ca: X509Certificate;
  signing: X509Certificate;
  encryption: X509Certificate;
}

/** The identity's files; a renewal stages the same names and renames them in (identity-renewal.store.ts). */
export const FILES = {
  signingKey: 'signing.key.pem',
  encryptionKey: 'encryption.key.pem',
  signingCert: 'signing.crt.pem',
  encryptionCert: 'encryption.crt.pem',
  ca: 'ca.crt.pem',
} as const;

/** Keys and certificates on disk. Private keys never leave this folder (mode 0600). */
export class IdentityStore {
  constructor(private readonly dir: string) {}

  loadKeys(): StoredKeys | undefined {
    if (!this.has(FILES.signingKey) || !this.has(FILES.encryptionKey)) return undefined;
    const signing = createPrivateKey(this.read(FILES.signingKey));
    const encryption = createPrivateKey(this.read(FILES.encryptionKey));
    return {
      signing: { privateKey: signing, publicKey: createPublicKey(signing) },
      encryption: { privateKey: encryption, publicKey: createPublicKey(encryption) },
    };
  }

  saveKeys(keys: StoredKeys): void {
    this.write(FILES.signingKey, exportPrivateKeyPem(keys.signing.privateKey), 0o600);
    this.write(FILES.encryptionKey, exportPrivateKeyPem(keys.encryption.privateKey), 0o600);
  }

  loadCertificates(): StoredCertificates | undefined {
    if (![FILES.ca, FILES.signingCert, FILES.encryptionCert].every((file) => this.has(file))) return undefined;
    return {
      ca: new X509Certificate(this.read(FILES.ca)),
      signing: new X509Certificate(this.read(FILES.signingCert)),
      encryption: new X509Certificate(this.read(FILES.encryptionCert)),
    };
  }

  saveCertificates(pems: { ca: string; signing: string; encryption: string }): void {
    this.write(FILES.ca, pems.ca, 0o644);
    this.write(FILES.signingCert, pems.signing, 0o644);
    this.write(FILES.encryptionCert, pems.encryption, 0o644);
  }

  private has(file: string): boolean {
    return existsSync(join(this.dir, file));
  }

  private read(file: string): string {
    return readFileSync(join(this.dir, file), 'utf8');
  }

  // Write-then-rename so a crash never leaves a half-written key or certificate.
  private write(file: string, content: string, mode: number): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const target = join(this.dir, file);
    writeFileSync(`${target}.tmp`, content, { mode });
    renameSync(`${target}.tmp`, target);
  }
}
