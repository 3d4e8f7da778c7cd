import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';

export const BUREAU_ROLES = ['bureau', 'hub', 'gateway'] as const;
export type BureauRole = (typeof BUREAU_ROLES)[number];

export const BUREAU_STATUSES = ['active', 'suspended'] as const;
export type BureauStatus = (typeof BUREAU_STATUSES)[number];

export const previousCertificateSchema = z
  .object({ use: z.enum(['signing', 'encryption']), certificate: z.string(), until: z.string().datetime() })
  .strict();
export type PreviousCertificate = z.infer<typeof previousCertificateSchema>;

export const directoryEntrySchema = z
  .object({
    code: bureauCodeSchema,
    role: z.enum(BUREAU_ROLES),
    status: z.enum(BUREAU_STATUSES),
    // PEM; absent until the bureau has enrolled.
    signingCertificate: z.string().optional(),
    encryptionCertificate: z.string().optional(),
    // Serial numbers (hex) of this bureau's revoked certificates.
    revokedSerials: z.array(z.string()),
    // Certificates replaced by a renewal, still honoured until `until`: what was signed or sealed with them in flight still passes.
    previousCertificates: z.array(previousCertificateSchema).max(8).optional(),
    version: z.number().int().nonnegative(),
  })
  .strict();
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directoryGetRequestSchema = z.object({ code: bureauCodeSchema }).strict();
export type DirectoryGetRequest = z.infer<typeof directoryGetRequestSchema>;

export const directoryChangedEventSchema = z
  .object({
    code: bureauCodeSchema,
    version: z.number().int(),
    change: z.enum(['enrolled', 'renewed', 'revoked', 'suspended', 'reinstated', 'registered']),
  })
  .strict();
export type DirectoryChangedEvent = z.infer<typeof directoryChangedEventSchema>;

export const directoryHeartbeatSchema = z
  .object({
    at: z.string().datetime(),
    version: z.number().int(),
    // Version of the access rules in force: a listener that missed a rules change sees it here.
    rulesVersion: z.number().int().optional(),
  })
  .strict();
export type DirectoryHeartbeat = z.infer<typeof directoryHeartbeatSchema>;

/**
 * Enrolment: the bureau makes its own keys. The Ed25519 key signs a PKCS#10 request (PEM); the
 * X25519 key cannot sign, so the bureau binds it with a JWS made by the same Ed25519 key over
 * {code, encryptionKey} (see crypto's enrolment binding).
 */
export const enrolRequestSchema = z
  .object({
    code: bureauCodeSchema,
    token: z.string().min(16).max(256),
    signingCsr: z.string().max(8192),
    encryptionKey: z.string().max(4096),
    encryptionKeyBinding: z.string().max(8192),
  })
  .strict();
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z
  .object({
    code: bureauCodeSchema,
    caCertificate: z.string(),
    signingCertificate: z.string(),
    encryptionCertificate: z.string(),
  })
  .strict();
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

/** Bureaus in one directory answer: far above the world's countries, a bound on what a client parses. */
export const DIRECTORY_MAX_ENTRIES = 1000;

/** What the registry signs: the directory (or one entry of it) at a version, dated and with an expiry. */
export const directoryContentSchema = z
  .object({
    entries: z.array(directoryEntrySchema).max(DIRECTORY_MAX_ENTRIES),
    version: z.number().int().nonnegative(),
    issuedAt: z.string().datetime(),
    expiresAt: z.string().datetime(),
  })
  .strict();
export type DirectoryContent = z.infer<typeof directoryContentSchema>;

/**
 * A directory answer over NATS: a flattened JWS (base64url of its JSON) over DirectoryContent,
 * signed by the registry's XR certificate, and that certificate (PEM) so a client can chain it to
 * the CA it trusts.
 */
export const signedDirectorySchema = z
  .object({ jws: z.string().min(1).max(4_000_000), certificate: z.string().min(1).max(8192) })
  .strict();
export type SignedDirectory = z.infer<typeof signedDirectorySchema>;
