export { CryptoError, type CryptoErrorCode } from './crypto.errors';
export {
  generateBureauKeys,
  exportPrivateKeyPem,
  exportPublicKeyPem,
  type BureauKeys,
  type KeyPair,
} from './bureau-keys';
export { bureauCodeOf, certificateKid, verifyBureauCertificate, type CertificateCheck } from './certificate.verifier';
export {
  sealEnvelope,
  type EnvelopeRecipientKey,
  type EnvelopeSigner,
  type SealInput,
  type SealedEnvelope,
} from './envelope.sealer';
export { envelopeDigest } from './envelope.digest';
export { MAX_ENVELOPE_BYTES, parseEnvelope, type ParsedEnvelope } from './envelope.parser';
export { verifyEnvelopeSignature } from './envelope.verifier';
export { decryptEnvelopeContent, jweRecipientKids, type EnvelopeDecryptionKey } from './envelope.decrypter';
export { deliveryReportKid, openDeliveryReport, signDeliveryReport } from './delivery-report.signer';
export {
  bindEncryptionKey,
  KEY_BINDING_TYP,
  verifyEncryptionKeyBinding,
  type EncryptionKeyBindingExpectation,
  type EncryptionKeyBindingInput,
} from './encryption-key.binding';
export { JWE_CONTENT_ENCRYPTION_ALGORITHM, JWE_KEY_MANAGEMENT_ALGORITHM, JWS_ALGORITHM } from './jose-algorithms';
export type { JwsHeader } from './jws-header.check';
export { certificateExpiry, type CertificateExpiry } from './certificate.expiry';
export { openRenewalRequest, RENEWAL_REQUEST_TYP, signRenewalRequest } from './renewal-request';
export { verifyCaLink } from './ca-link.verifier';
