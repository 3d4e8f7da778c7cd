import { createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { z } from 'zod';
import { decodeBase64url } from './base64url';
import { exportPublicKeyPem } from './bureau-keys';
import { CryptoError } from './crypto.errors';
import { checkJwsHeader } from './jws-header.check';
import { verifyJwsSignature } from './jws-signature.verifier';
import { signJsonPayload } from './jws.signer';
import { assertKeyType } from './key-type.check';
import { schemaIssues } from '@bureaunet/contracts';
import { parseJsonObject } from './utf8-json.decoder';

export const KEY_BINDING_TYP = 'bureaunet-key-binding+jws';
const MAX_BINDING_CHARS = 8192;

const keyBindingPayloadSchema = z
  .object({ code: z.string(), encryptionKey: z.string(), iat: z.number().int().nonnegative() })
  .strict();

export interface EncryptionKeyBindingInput {
  code: string;
  encryptionKeyPem: string;
  /** The bureau's Ed25519 private key, the one its signing CSR is made with. */
  signingKey: KeyObject;
  /** Defaults to the current time; injectable for tests. */
  now?: Date;
}

/** X25519 cannot sign its own CSR, so the bureau's Ed25519 key vouches for it: a compact JWS. */
export async function bindEncryptionKey(input: EncryptionKeyBindingInput): Promise<string> {
  const encryptionKey = createPublicKey(input.encryptionKeyPem);
  assertKeyType(encryptionKey, { asymmetricKeyType: 'x25519', type: 'public' }, 'encryptionKeyPem');
  const kid = await calculateJwkThumbprint(createPublicKey(input.signingKey).export({ format: 'jwk' }));
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const payload = { code: input.code, encryptionKey: exportPublicKeyPem(encryptionKey), iat };
  const jws = signJsonPayload(payload, { kid, typ: KEY_BINDING_TYP }, input.signingKey);
  return `${jws.protected}.${jws.payload}.${jws.signature}`;
}

export interface EncryptionKeyBindingExpectation {
  code: string;
  encryptionKeyPem: string;
  signingPublicKey: KeyObject;
}

/** Refuses unless the signing key vouched for exactly this code and this encryption key. */
// eslint-disable-next-line @typescript-eslint/require-await -- async keeps the contract: every refusal rejects
export async function verifyEncryptionKeyBinding(
  binding: string,
  expected: EncryptionKeyBindingExpectation,
): Promise<void> {
  const [protectedB64 = '', payloadB64 = '', signature = '', ...extra] =
    binding.length <= MAX_BINDING_CHARS ? binding.split('.') : [];
  if (!protectedB64 || extra.length > 0)
    throw new CryptoError(
      'malformed-envelope',
      `key binding: must be a compact JWS of at most ${MAX_BINDING_CHARS} characters`,
    );
  // The header goes first, so an unsecured JWS (alg none, empty signature) is refused as such.
  checkJwsHeader(
    parseJsonObject(decodeBase64url(protectedB64, 'key binding protected header'), 'key binding protected header'),
    KEY_BINDING_TYP,
  );
  if (!payloadB64 || !signature)
    throw new CryptoError('malformed-envelope', 'key binding: must be a compact JWS with a payload and a signature');
  verifyJwsSignature(
    { protected: protectedB64, payload: payloadB64, signature },
    expected.signingPublicKey,
    'key binding',
  );
  const checked = keyBindingPayloadSchema.safeParse(
    parseJsonObject(decodeBase64url(payloadB64, 'key binding payload'), 'key binding payload'),
  );
  if (!checked.success) throw new CryptoError('malformed-envelope', schemaIssues(checked.error, 'key binding'));
  if (checked.data.code !== expected.code) {
    throw new CryptoError('malformed-envelope', `key binding is for bureau ${checked.data.code}, not ${expected.code}`);
  }
  if (!sameSpki(checked.data.encryptionKey, expected.encryptionKeyPem)) {
    throw new CryptoError(
      'malformed-envelope',
      `key binding vouches for a different encryption key than the one submitted by ${expected.code}`,
    );
  }
}

// Compare DER, not PEM text: line endings and wrapping may differ for the same key.
function sameSpki(boundPem: string, submittedPem: string): boolean {
  return spkiDer(boundPem, 'key binding encryptionKey').equals(spkiDer(submittedPem, 'submitted encryption key'));
}

function spkiDer(pem: string, what: string): Buffer {
  // createPublicKey would also accept a private key PEM and derive its public half.
  if (!pem.includes('-----BEGIN PUBLIC KEY-----'))
    throw new CryptoError('malformed-envelope', `${what}: must be an SPKI PEM public key`);
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new CryptoError('malformed-envelope', `${what}: is not a PEM public key`);
  }
  if (key.asymmetricKeyType !== 'x25519')
    throw new CryptoError('malformed-envelope', `${what}: must be an X25519 key, got ${key.asymmetricKeyType}`);
  return key.export({ type: 'spki', format: 'der' });
}
