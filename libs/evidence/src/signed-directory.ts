import type { KeyObject, X509Certificate } from 'node:crypto';
import { FlattenedSign } from 'jose';
import { directoryContentSchema, type DirectoryContent, type SignedDirectory } from '@bureaunet/contracts';
import { assertJwsSignature, readSignedJws } from './signed-jws';
import {
  assertIssuedByCa,
  assertValidAt,
  certificateFingerprint,
  parseCertificate,
  subjectCode,
} from './trusted-certificates';

export const SIGNED_DIRECTORY_TYP = 'bureaunet-directory+jws';
/** Subject CN of the certificate that signs the directory: the registry's status-signing identity. */
export const DIRECTORY_SIGNER_CODE = 'XR';

/** Signs the directory as the registry does: a flattened JWS over the content, kid = the XR certificate's fingerprint. */
export async function signDirectory(
  content: DirectoryContent,
  signer: { kid: string; key: KeyObject; certificatePem: string },
): Promise<SignedDirectory> {
  const checked = directoryContentSchema.parse(content);
  const jws = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(checked)))
    .setProtectedHeader({ alg: 'EdDSA', kid: signer.kid, typ: SIGNED_DIRECTORY_TYP })
    .sign(signer.key);
  return { jws: Buffer.from(JSON.stringify(jws), 'utf8').toString('base64url'), certificate: signer.certificatePem };
}

/** Why a signed directory is refused: 'expired' is told apart, the caller keeps what it held otherwise. */
export class SignedDirectoryError extends Error {
  constructor(
    readonly kind: 'invalid' | 'expired',
    message: string,
    readonly expiresAt?: string,
  ) {
    super(message);
    this.name = 'SignedDirectoryError';
  }
}

/**
 * The directory content, once the signer certificate is shown to be an XR certificate issued by
 * one of the trusted CAs (not a CA, Ed25519, valid now), the kid names it, the signature holds
 * over the bytes received, and the content is not expired at `now`.
 */
export function verifySignedDirectory(
  signed: SignedDirectory,
  trust: { cas: readonly X509Certificate[]; now: Date },
): DirectoryContent {
  try {
    const content = checkedContent(signed, trust);
    if (trust.now.getTime() > Date.parse(content.expiresAt))
      throw new SignedDirectoryError(
        'expired',
        `the directory (version ${content.version}) expired at ${content.expiresAt}`,
        content.expiresAt,
      );
    return content;
  } catch (error) {
    if (error instanceof SignedDirectoryError) throw error;
    throw new SignedDirectoryError('invalid', error instanceof Error ? error.message : String(error));
  }
}

function checkedContent(signed: SignedDirectory, trust: { cas: readonly X509Certificate[]; now: Date }) {
  const what = 'the directory signer certificate';
  const certificate = parseCertificate(signed.certificate, what);
  if (subjectCode(certificate) !== DIRECTORY_SIGNER_CODE)
    throw new Error(`${what} names ${subjectCode(certificate)}, not ${DIRECTORY_SIGNER_CODE}`);
  const issuer = trust.cas.find((ca) => certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
  if (!issuer) throw new Error(`${what} (serial ${certificate.serialNumber}) was not issued by a trusted CA`);
  assertIssuedByCa(certificate, issuer, what);
  assertValidAt(certificate, trust.now, what);
  const jws = readSignedJws(signed.jws, 'the directory signature');
  if (jws.header.typ !== SIGNED_DIRECTORY_TYP)
    throw new Error(`the directory signature has typ ${String(jws.header.typ)}, not ${SIGNED_DIRECTORY_TYP}`);
  if (jws.header.kid !== certificateFingerprint(certificate))
    throw new Error('the directory signature kid does not name the certificate sent with it');
  assertJwsSignature(jws, certificate.publicKey, 'the directory');
  const content = directoryContentSchema.safeParse(jws.payload);
  if (!content.success)
    throw new Error(
      `the signed directory is malformed: ${content.error.issues[0]?.path.join('.')} ${content.error.issues[0]?.message}`,
    );
  if (Date.parse(content.data.expiresAt) <= Date.parse(content.data.issuedAt))
    throw new Error('the signed directory expires before it is issued');
  return content.data;
}
