import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';

/**
 * Renewal without a token: an enrolled bureau proves it holds its current signing key by signing
 * the request (a compact JWS, typ RENEWAL_REQUEST_TYP, kid = its current signing certificate's kid)
 * over what an enrolment carries: the new keys' CSR and key binding.
 */
/** `code` says whose current certificate to check the request against; the signed claims must name it too. */
export const renewRequestSchema = z.object({ code: bureauCodeSchema, request: z.string().min(1).max(32_768) }).strict();
export type RenewRequest = z.infer<typeof renewRequestSchema>;

/** What the signed request says, once its signature has been checked. */
export const renewalClaimsSchema = z
  .object({
    code: bureauCodeSchema,
    signingCsr: z.string().max(8192),
    encryptionKey: z.string().max(4096),
    encryptionKeyBinding: z.string().max(8192),
    /** Seconds since the epoch: the registry refuses a request older or newer than a few minutes. */
    iat: z.number().int().nonnegative(),
  })
  .strict();
export type RenewalClaims = z.infer<typeof renewalClaimsSchema>;
