import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '@bureaunet/contracts';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A sealed secret is short: the bound refuses a corrupted column before any decryption. */
const MAX_SEALED_CHARS = 200;

/**
 * Seals TOTP secrets at rest with AES-256-GCM under a key that lives in the service's data folder,
 * not in the database: a copy of node.sqlite alone (a backup, a support dump) does not give away
 * anyone's second factor. The person's id is the additional data, so a sealed secret moved to
 * another person's row does not open.
 */
export class TotpSecretSealer {
  private readonly key: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== KEY_BYTES) throw new Error(`TOTP sealing key must be ${KEY_BYTES} bytes, got ${key.length}`);
    this.key = Buffer.from(key);
  }

  seal(secret: Uint8Array, personId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(personId, 'utf8'));
    const sealed = Buffer.concat([iv, cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${sealed.toString('base64url')}`;
  }

  open(sealed: string, personId: string): Uint8Array {
    const [version, body, ...rest] = sealed.split('.');
    if (sealed.length > MAX_SEALED_CHARS || version !== VERSION || body === undefined || rest.length > 0)
      throw unreadable('it is not a sealed secret of this version');
    const bytes = Buffer.from(body, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) throw unreadable('it is too short');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(personId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Uint8Array.from(
        Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]),
      );
    } catch {
      throw unreadable('it does not open with this service’s sealing key (another key, or altered)');
    }
  }
}

function unreadable(why: string): DomainError {
  return new DomainError(
    'totp-secret-unreadable',
    `the stored second-factor secret cannot be read: ${why}`,
    'unavailable',
  );
}
