import { z } from 'zod';

const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'must be base64url without padding');

/** RFC 7515 section 7.2.2: flattened JWS JSON serialization, one signature. */
export const flattenedJwsSchema = z
  .object({
    protected: b64url.min(1),
    payload: b64url.min(1),
    signature: b64url.min(1),
    header: z.record(z.unknown()).optional(),
  })
  .strict();
export type FlattenedJws = z.infer<typeof flattenedJwsSchema>;

/** RFC 7516 section 7.2.1: general JWE JSON serialization, one entry per recipient. */
export const generalJweSchema = z
  .object({
    protected: b64url.min(1),
    unprotected: z.record(z.unknown()).optional(),
    recipients: z
      .array(
        z
          .object({
            header: z.record(z.unknown()).optional(),
            encrypted_key: b64url.optional(),
          })
          .strict(),
      )
      .min(1),
    aad: b64url.optional(),
    iv: b64url.min(1),
    ciphertext: b64url.min(1),
    tag: b64url.min(1),
  })
  .strict();
export type GeneralJwe = z.infer<typeof generalJweSchema>;
