import type { KeyObject } from 'node:crypto';
import { renewalClaimsSchema, type RenewalClaims, schemaIssues } from '@bureaunet/contracts';
import { CryptoError } from './crypto.errors';
import type { EnvelopeSigner } from './envelope.sealer';
import { verifyJwsSignature } from './jws-signature.verifier';
import { signJsonPayload } from './jws.signer';
import { parseSignedJws } from './signed-jws.parser';

export const RENEWAL_REQUEST_TYP = 'bureaunet-renewal+jws';
const MAX_RENEWAL_REQUEST_BYTES = 32_768;

/** Signs the renewal claims with the bureau's current signing key (kid = its current certificate's). */
// eslint-disable-next-line @typescript-eslint/require-await -- async keeps the contract: every refusal rejects
export async function signRenewalRequest(claims: RenewalClaims, signer: EnvelopeSigner): Promise<string> {
  const checked = renewalClaimsSchema.safeParse(claims);
  if (!checked.success) throw new CryptoError('malformed-envelope', schemaIssues(checked.error, 'renewal request'));
  return JSON.stringify(signJsonPayload(checked.data, { kid: signer.kid, typ: RENEWAL_REQUEST_TYP }, signer.key));
}

/**
 * Header first (alg allow-list, typ, kid), then the key the caller holds for that kid, then the
 * signature, and only then the claims: nothing unsigned steers what is issued.
 */
export async function openRenewalRequest(
  raw: string,
  keyFor: (kid: string) => Promise<KeyObject>,
): Promise<{ kid: string; claims: RenewalClaims }> {
  const { jws, header, payload } = parseSignedJws(raw, {
    what: 'renewal request',
    typ: RENEWAL_REQUEST_TYP,
    maxBytes: MAX_RENEWAL_REQUEST_BYTES,
  });
  verifyJwsSignature(jws, await keyFor(header.kid), 'renewal request');
  const checked = renewalClaimsSchema.safeParse(payload);
  if (!checked.success) throw new CryptoError('malformed-envelope', schemaIssues(checked.error, 'renewal request'));
  return { kid: header.kid, claims: checked.data };
}
