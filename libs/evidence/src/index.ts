// Offline evidence about one message: the bundle format and its verifier. Pure: no storage,
// framework or bus, so anyone holding a bundle and the CA certificate can run it.
export * from './evidence-bundle.schema';
export { verifyEvidence, type EvidenceVerdict, type EvidenceVerifierOptions } from './evidence.verifier';
export type { EvidenceCheck } from './evidence-check';
export {
  CERTIFICATE_STATUS_TYP,
  certificateStatusSchema,
  signCertificateStatus,
  type CertificateStatus,
} from './certificate-status.statement';
export { formatCheckpoint, parseCheckpoint, type Checkpoint } from './checkpoint';
export { cosignedMessage, type KnownWitness } from './cosignature';
export { parseSignedNote, signNoteEd25519, noteKeyId, type SignedNote } from './signed-note';
export { decryptJweContent, unwrapContentKey, type JweContent } from './content-key';
export { certificateFingerprint } from './trusted-certificates';
