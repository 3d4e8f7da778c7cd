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

/**
 * The CAs the registry asks bureaus to trust. `issuing` signs every new certificate; during a CA
 * rotation `link` is the issuing CA's key certified by the previous CA (so that a bureau trusting
 * only the previous one can adopt the new one without taking the registry's word for it), and
 * `previous` lists the CAs still trusted until they are retired.
 */
export const caTrustSchema = z
  .object({
    issuing: z.string().max(8192),
    link: z.string().max(8192).optional(),
    previous: z.array(z.string().max(8192)).max(4),
  })
  .strict();
export type CaTrust = z.infer<typeof caTrustSchema>;
