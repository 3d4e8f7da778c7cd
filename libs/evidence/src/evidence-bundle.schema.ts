import { z } from 'zod';
import { TIMESTAMP_LIMITS } from '@bureaunet/timestamp';

export const EVIDENCE_FORMAT = 'bureaunet-evidence/1';

/** Bounds that keep a hostile bundle from costing more than a real one. */
export const EVIDENCE_LIMITS = {
  signedObjectBytes: 4 * 1024 * 1024,
  signedObjects: 256,
  certificates: 256,
  entries: 1024,
  proofHashes: 64,
  checkpointBytes: 64 * 1024,
  policyBytes: 1024 * 1024,
} as const;

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'must be base64url without padding');
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be standard base64');
const signedObject = base64url.max(Math.ceil((EVIDENCE_LIMITS.signedObjectBytes * 4) / 3));
const pem = z
  .string()
  .max(16 * 1024)
  .startsWith('-----BEGIN CERTIFICATE-----');
const instant = z.string().datetime();

export const ledgerProofEntrySchema = z
  .object({
    leaf_index: z.number().int().nonnegative(),
    /** The exact hashed bytes (canonical JSON), standard base64, as in the gateway's trail. */
    leaf_input: base64.max(64 * 1024),
    audit_path: z.array(base64.length(44)).max(EVIDENCE_LIMITS.proofHashes),
  })
  .strict();

export const evidenceBundleSchema = z
  .object({
    format: z.literal(EVIDENCE_FORMAT),
    message_id: z.string().min(1).max(64),
    created_at: instant,
    /** base64url of the exact JWS JSON bytes the sender submitted. */
    envelope: signedObject,
    reports: z.array(signedObject).max(EVIDENCE_LIMITS.signedObjects),
    receipts: z.array(signedObject).max(EVIDENCE_LIMITS.signedObjects),
    certificates: z
      .object({
        ca: pem,
        registry: pem,
        gateway: pem,
        bureaus: z.array(pem).max(EVIDENCE_LIMITS.certificates),
      })
      .strict(),
    /** Certificate status statements: JWS by the registry, base64url of the JWS JSON bytes. */
    statuses: z.array(signedObject).max(EVIDENCE_LIMITS.certificates * 4),
    entries: z.array(ledgerProofEntrySchema).min(1).max(EVIDENCE_LIMITS.entries),
    /** A C2SP tlog-checkpoint signed note: the gateway's signature and witness cosignatures. */
    checkpoint: z.string().min(1).max(EVIDENCE_LIMITS.checkpointBytes),
    policies: z
      .array(
        z.object({ version: z.number().int().positive(), text: z.string().max(EVIDENCE_LIMITS.policyBytes) }).strict(),
      )
      .max(64),
    plaintext: z
      .object({
        /** The JWE content-encryption key of this one message. */
        cek: base64url.length(43),
        /** The decrypted content, base64url. */
        content: base64url.max(Math.ceil((EVIDENCE_LIMITS.signedObjectBytes * 4) / 3)),
      })
      .strict()
      .optional(),
    /** An RFC 3161 token over SHA-256 of the checkpoint's note text, and the PEM of its TSA's CA. */
    timestamp: z
      .object({
        tsa_ca: pem,
        /** DER of the token (CMS ContentInfo), standard base64. */
        token: base64.min(1).max(Math.ceil(TIMESTAMP_LIMITS.tokenBytes / 3) * 4),
      })
      .strict()
      .optional(),
  })
  .strict();

export type EvidenceBundle = z.infer<typeof evidenceBundleSchema>;
export type LedgerProofEntry = z.infer<typeof ledgerProofEntrySchema>;
