import { verify, type KeyObject } from 'node:crypto';

export interface OpenedJws {
  header: { alg: string; kid: string; typ?: string };
  payload: Record<string, unknown>;
  protected: string;
  payloadB64: string;
  signature: Buffer;
}

/** Reads a base64url-wrapped flattened JWS JSON (RFC 7515 §7.2.2) without checking its signature. */
export function readSignedJws(wrapped: string, what: string): OpenedJws {
  const jws = parseJson(Buffer.from(wrapped, 'base64url').toString('utf8'), what);
  const { protected: prot, payload, signature } = jws;
  if (typeof prot !== 'string' || typeof payload !== 'string' || typeof signature !== 'string')
    throw new Error(`${what} is not a flattened JWS with protected, payload and signature`);
  const header = parseJson(Buffer.from(prot, 'base64url').toString('utf8'), `${what} header`);
  if (header.alg !== 'EdDSA') throw new Error(`${what} uses alg ${String(header.alg)}, not EdDSA`);
  if (typeof header.kid !== 'string') throw new Error(`${what} header has no kid`);
  if (header.crit !== undefined) throw new Error(`${what} header has crit, which bureaunet does not use`);
  return {
    header: header as OpenedJws['header'],
    payload: parseJson(Buffer.from(payload, 'base64url').toString('utf8'), `${what} payload`),
    protected: prot,
    payloadB64: payload,
    signature: Buffer.from(signature, 'base64url'),
  };
}

/** Ed25519 over the RFC 7515 signing input: the bytes received, never a re-serialization. */
export function assertJwsSignature(jws: OpenedJws, key: KeyObject, what: string): void {
  const input = Buffer.from(`${jws.protected}.${jws.payloadB64}`, 'ascii');
  if (!verify(null, input, key, jws.signature)) throw new Error(`${what} signature does not verify`);
}

function parseJson(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}
