import { createPublicKey, type KeyObject } from 'node:crypto';
import { DomainError } from '@bureaunet/contracts';
import { CryptoError, verifyEncryptionKeyBinding } from '@bureaunet/crypto';

/**
 * The X25519 key a bureau asks to have certified, once its binding (a JWS by the signing key it
 * proves) holds: at enrolment and at every renewal.
 */
export async function checkBoundEncryptionKey(
  request: { code: string; encryptionKey: string; encryptionKeyBinding: string },
  signingPublicKey: KeyObject,
): Promise<KeyObject> {
  try {
    await verifyEncryptionKeyBinding(request.encryptionKeyBinding, {
      code: request.code,
      encryptionKeyPem: request.encryptionKey,
      signingPublicKey,
    });
  } catch (error) {
    if (error instanceof CryptoError)
      throw new DomainError(
        'key-binding-invalid',
        `the encryption key binding does not hold: ${error.message}`,
        'invalid',
      );
    throw error;
  }
  // The binding has checked that this is an SPKI PEM X25519 public key.
  return createPublicKey(request.encryptionKey);
}
