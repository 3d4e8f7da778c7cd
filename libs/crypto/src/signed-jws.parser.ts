import { flattenedJwsSchema, type FlattenedJws, schemaIssues } from '@bureaunet/contracts';
import { decodeBase64url } from './base64url';
import { CryptoError } from './crypto.errors';
import { checkJwsHeader, type JwsHeader } from './jws-header.check';
import { decodeUtf8, parseJsonObject, parseJsonText } from './utf8-json.decoder';

export interface SignedJwsParseOptions {
  /** Names the document in messages: "envelope", "delivery report". */
  what: string;
  typ: string;
  maxBytes: number;
}

export interface ParsedSignedJws {
  jws: FlattenedJws;
  header: JwsHeader;
  /** Decoded but not yet validated: each document brings its own schema. */
  payload: Record<string, unknown>;
}

/** A flattened JWS JSON document: size, header, then shape checked; the signature is not verified yet. */
export function parseSignedJws(raw: string | Uint8Array, options: SignedJwsParseOptions): ParsedSignedJws {
  const document = parseJsonText(decodeRaw(raw, options), options.what);
  // The header goes first, so an unsecured JWS (alg none, empty signature) is refused as such.
  const protectedB64 = (document as { protected?: unknown } | null)?.protected;
  const header = typeof protectedB64 === 'string' ? decodeHeader(protectedB64, options) : undefined;
  const shape = flattenedJwsSchema.safeParse(document);
  if (!shape.success) throw new CryptoError('malformed-envelope', schemaIssues(shape.error, options.what));
  if (shape.data.header !== undefined) {
    // Unprotected JWS headers are not signed; nothing in them may steer verification.
    throw new CryptoError('malformed-envelope', `${options.what}.header: unprotected JWS headers are not accepted`);
  }
  const { protected: checkedProtectedB64, payload: payloadB64, signature } = shape.data;
  decodeBase64url(signature, `${options.what}.signature`);
  const payload = parseJsonObject(decodeBase64url(payloadB64, `${options.what}.payload`), 'payload');
  return {
    jws: { protected: checkedProtectedB64, payload: payloadB64, signature },
    header: header ?? decodeHeader(checkedProtectedB64, options),
    payload,
  };
}

function decodeHeader(protectedB64: string, options: SignedJwsParseOptions): JwsHeader {
  const what = `${options.what}.protected`;
  return checkJwsHeader(parseJsonObject(decodeBase64url(protectedB64, what), what), options.typ);
}

function decodeRaw(raw: string | Uint8Array, options: SignedJwsParseOptions): string {
  // A string has at least as many UTF-8 bytes as UTF-16 units: the length test avoids a scan.
  const size =
    typeof raw === 'string'
      ? raw.length > options.maxBytes
        ? raw.length
        : Buffer.byteLength(raw, 'utf8')
      : raw.byteLength;
  if (size > options.maxBytes) {
    throw new CryptoError('too-large', `${options.what} exceeds the limit of ${options.maxBytes} bytes`);
  }
  return typeof raw === 'string' ? raw : decodeUtf8(raw, options.what);
}
