import type { LedgerTrail } from '@bureaunet/evidence';

/** The gateway's trail of one message: entries with proofs and the cosigned checkpoint of their tree. */
export interface GatewayTrailSource {
  trail(messageId: string): Promise<LedgerTrail>;
  /** The TSA's token over the checkpoint of this tree size; undefined when the gateway has none for it. */
  timestamp(treeSize: number): Promise<{ tsa_ca: string; token: string } | undefined>;
}

/** What the registry says of certificates and rules, as evidence needs it. */
export interface RegistryEvidenceSource {
  /** PEM of the registry's status-signing certificate (CN XR). */
  statusCertificate(): Promise<string>;
  /** base64url JWS JSON of every status statement about the certificate with this fingerprint. */
  statusStatements(fingerprint: string): Promise<string[]>;
  /** The rule-set text of one version, as the gateway hashed it into its decisions. */
  policyText(version: number): Promise<string>;
}

export const GATEWAY_TRAIL_SOURCE = Symbol('GATEWAY_TRAIL_SOURCE');
export const REGISTRY_EVIDENCE_SOURCE = Symbol('REGISTRY_EVIDENCE_SOURCE');
