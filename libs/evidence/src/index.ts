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
// Checkpoints, signed notes and cosignatures are @bureaunet/witness's.
export type { KnownWitness } from './evidence-ledger.check';
export { decryptJweContent, unwrapContentKey, type JweContent } from './content-key';
export { certificateFingerprint } from './trusted-certificates';
export {
  buildEvidenceBundle,
  decidedPolicyVersions,
  EvidenceIncompleteError,
  jwsSigner,
  messageEntries,
  type EvidencePieces,
  type LedgerTrail,
} from './evidence-bundle.builder';
export {
  DIRECTORY_SIGNER_CODE,
  SIGNED_DIRECTORY_TYP,
  SignedDirectoryError,
  signDirectory,
  verifySignedDirectory,
} from './signed-directory';
