import type { KeyObject } from 'node:crypto';
import type { FlattenedJws, GeneralJwe } from '@bureaunet/contracts';
import { FlattenedSign, flattenedDecrypt, flattenedVerify, GeneralEncrypt } from 'jose';
import { JWE_CONTENT_ENCRYPTION_ALGORITHM, JWE_KEY_MANAGEMENT_ALGORITHM, JWS_ALGORITHM } from '../jose-algorithms';
import type { JweEntry } from '../jwe-entry.decrypter';
import type { JweRecipientEntry } from '../general-jwe.encrypter';

/**
 * The same constructions through jose, as libs/crypto made them before its node:crypto fast path:
 * the reference the interop tests and bench/crypto.bench.ts compare the fast path with.
 */
export async function joseSignJson(
  payload: unknown,
  header: { kid: string; typ: string },
  key: KeyObject,
): Promise<FlattenedJws> {
  const signed = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: JWS_ALGORITHM, kid: header.kid, typ: header.typ })
    .sign(key);
  return { protected: signed.protected ?? '', payload: signed.payload ?? '', signature: signed.signature };
}

/** Resolves to the payload bytes; rejects with jose's error when jose refuses. */
export async function joseVerify(jws: FlattenedJws, publicKey: KeyObject): Promise<Uint8Array> {
  const { payload } = await flattenedVerify(jws, publicKey, { algorithms: [JWS_ALGORITHM] });
  return payload;
}

export async function joseEncryptGeneral(
  plaintext: Uint8Array,
  protectedHeader: Record<string, unknown>,
  recipients: readonly JweRecipientEntry[],
): Promise<GeneralJwe> {
  const encrypter = new GeneralEncrypt(plaintext).setProtectedHeader(protectedHeader);
  for (const recipient of recipients) encrypter.addRecipient(recipient.key).setUnprotectedHeader(recipient.header);
  return (await encrypter.encrypt()) as GeneralJwe;
}

/** Resolves to the plaintext; rejects with jose's error when jose refuses. */
export async function joseDecryptEntry(entry: JweEntry, privateKey: KeyObject): Promise<Uint8Array> {
  const { plaintext } = await flattenedDecrypt(entry, privateKey, {
    keyManagementAlgorithms: [JWE_KEY_MANAGEMENT_ALGORITHM],
    contentEncryptionAlgorithms: [JWE_CONTENT_ENCRYPTION_ALGORITHM],
  });
  return plaintext;
}

/** One recipient's entry of a general JWE, as a flattened JWE. */
export function jweEntryAt(jwe: GeneralJwe, index: number): JweEntry {
  const { recipients, ...shared } = jwe;
  const recipient = recipients[index];
  if (!recipient) throw new RangeError(`no JWE entry at ${index}`);
  return { ...shared, ...recipient };
}
