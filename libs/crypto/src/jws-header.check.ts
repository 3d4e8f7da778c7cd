import { CryptoError } from './crypto.errors';
import { JWS_ALGORITHM } from './jose-algorithms';

export interface JwsHeader {
  alg: typeof JWS_ALGORITHM;
  kid: string;
  typ: string;
}

/** Runs on the decoded protected header before any signature work (RFC 8725 sections 3.1, 3.11). */
export function checkJwsHeader(header: Record<string, unknown>, expectedTyp: string): JwsHeader {
  const { alg, kid, typ } = header;
  if (alg !== JWS_ALGORITHM) {
    throw new CryptoError(
      'unsupported-algorithm',
      `JWS alg ${JSON.stringify(alg) ?? 'missing'} is not allowed; only ${JWS_ALGORITHM} is accepted`,
    );
  }
  if ('crit' in header) {
    throw new CryptoError(
      'unsupported-critical-header',
      `JWS crit ${JSON.stringify(header['crit'])} names extensions bureaunet does not understand`,
    );
  }
  if (typ !== expectedTyp) {
    throw new CryptoError('malformed-envelope', `JWS typ ${JSON.stringify(typ) ?? 'missing'} is not ${expectedTyp}`);
  }
  if (typeof kid !== 'string' || kid.length === 0) {
    throw new CryptoError('malformed-envelope', 'JWS kid: must be a non-empty string');
  }
  return { alg, kid, typ };
}
