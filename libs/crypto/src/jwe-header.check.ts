import type { GeneralJwe } from '@bureaunet/contracts';
import { decodeBase64url } from './base64url';
import { CryptoError } from './crypto.errors';
import { JWE_CONTENT_ENCRYPTION_ALGORITHM, JWE_KEY_MANAGEMENT_ALGORITHM } from './jose-algorithms';
import { parseJsonObject } from './utf8-json.decoder';

type Header = Record<string, unknown>;

export function decodeJweProtectedHeader(jwe: Pick<GeneralJwe, 'protected'>): Header {
  return parseJsonObject(decodeBase64url(jwe.protected, 'payload.content.protected'), 'payload.content.protected');
}

/** Cheap refusals on every JWE header, so the gateway refuses what no recipient could accept. */
export function checkJweHeaders(jwe: GeneralJwe): void {
  const protectedHeader = decodeJweProtectedHeader(jwe);
  const headers: Array<[string, Header]> = [['protected', protectedHeader]];
  if (jwe.unprotected) headers.push(['unprotected', jwe.unprotected]);
  jwe.recipients.forEach((recipient, index) => headers.push([`recipients[${index}].header`, recipient.header ?? {}]));
  headers.forEach(([where, header]) => checkOneJweHeader(where, header));
  if (protectedHeader['enc'] !== JWE_CONTENT_ENCRYPTION_ALGORITHM) {
    throw new CryptoError(
      'unsupported-algorithm',
      `JWE enc must be ${JWE_CONTENT_ENCRYPTION_ALGORITHM} in the protected header`,
    );
  }
  checkRecipientEntries(jwe);
}

function checkOneJweHeader(where: string, header: Header): void {
  if ('crit' in header) {
    throw new CryptoError(
      'unsupported-critical-header',
      `JWE ${where} crit ${JSON.stringify(header['crit'])} names extensions bureaunet does not understand`,
    );
  }
  if ('zip' in header) {
    throw new CryptoError('unsupported-algorithm', `JWE ${where} zip is refused: compressed content is not accepted`);
  }
  if ('alg' in header && header['alg'] !== JWE_KEY_MANAGEMENT_ALGORITHM) {
    throw new CryptoError(
      'unsupported-algorithm',
      `JWE ${where} alg ${JSON.stringify(header['alg'])} is not allowed; only ${JWE_KEY_MANAGEMENT_ALGORITHM} is accepted`,
    );
  }
  if ('enc' in header && header['enc'] !== JWE_CONTENT_ENCRYPTION_ALGORITHM) {
    throw new CryptoError(
      'unsupported-algorithm',
      `JWE ${where} enc ${JSON.stringify(header['enc'])} is not allowed; only ${JWE_CONTENT_ENCRYPTION_ALGORITHM} is accepted`,
    );
  }
}

// Each entry names its key (kid) and addressee (bn_to) in its own header, once.
function checkRecipientEntries(jwe: GeneralJwe): void {
  const seen = new Set<string>();
  jwe.recipients.forEach((recipient, index) => {
    const where = `payload.content.recipients.${index}.header`;
    const header = recipient.header ?? {};
    if (header['alg'] !== JWE_KEY_MANAGEMENT_ALGORITHM) {
      throw new CryptoError('unsupported-algorithm', `${where}.alg: must be ${JWE_KEY_MANAGEMENT_ALGORITHM}`);
    }
    const kid = header['kid'];
    if (typeof kid !== 'string' || kid.length === 0)
      throw new CryptoError('malformed-envelope', `${where}.kid: must be a non-empty string`);
    if (typeof header['bn_to'] !== 'string')
      throw new CryptoError('malformed-envelope', `${where}.bn_to: must be a bureau code`);
    if (seen.has(kid)) throw new CryptoError('malformed-envelope', `${where}.kid: ${kid} has more than one entry`);
    seen.add(kid);
  });
}
