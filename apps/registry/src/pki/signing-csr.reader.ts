import { createPublicKey, type KeyObject } from 'node:crypto';
import { DomainError, type BureauCode } from '@bureaunet/contracts';
import { x509 } from './x509.provider';

const CSR_PEM = /^\s*-----BEGIN CERTIFICATE REQUEST-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE REQUEST-----\s*$/;
const COMMON_NAME_OID = '2.5.4.3';

/**
 * The Ed25519 public key of a bureau's PKCS#10 request, once the request has proved possession
 * of it (self-signature) and names the bureau as its only common name. Nothing else is taken
 * from the request: the issued certificate's subject and extensions are the CA's choice.
 */
export async function readSigningCsr(pem: string, code: BureauCode): Promise<KeyObject> {
  if (!CSR_PEM.test(pem)) throw csrInvalid('the signing CSR must be one PEM "CERTIFICATE REQUEST"');
  const request = parse(pem);
  const publicKey = toKeyObject(request);
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw csrInvalid(`the signing CSR must hold an Ed25519 key, got ${publicKey.asymmetricKeyType ?? 'unknown'}`);
  await verifySelfSignature(request);
  const commonNames = request.subjectName.getField(COMMON_NAME_OID);
  if (commonNames.length !== 1 || commonNames[0] !== code) {
    throw csrInvalid(
      `the signing CSR subject must have exactly one CN, equal to ${code}; got ${JSON.stringify(commonNames)}`,
    );
  }
  return publicKey;
}

function parse(pem: string): x509.Pkcs10CertificateRequest {
  try {
    return new x509.Pkcs10CertificateRequest(pem);
  } catch (error) {
    throw csrInvalid(`the signing CSR is not a PKCS#10 request (${(error as Error).message})`);
  }
}

function toKeyObject(request: x509.Pkcs10CertificateRequest): KeyObject {
  try {
    return createPublicKey({ key: Buffer.from(request.publicKey.rawData), format: 'der', type: 'spki' });
  } catch (error) {
    throw csrInvalid(`the signing CSR public key cannot be read (${(error as Error).message})`);
  }
}

async function verifySelfSignature(request: x509.Pkcs10CertificateRequest): Promise<void> {
  let valid: boolean;
  try {
    valid = await request.verify();
  } catch (error) {
    // WebCrypto throws, rather than answering false, for a malformed signature value.
    throw csrInvalid(`the signing CSR signature cannot be checked (${(error as Error).message})`);
  }
  if (!valid) throw csrInvalid('the signing CSR signature does not verify with its own key');
}

function csrInvalid(reason: string): DomainError {
  return new DomainError('csr-invalid', reason, 'invalid');
}
