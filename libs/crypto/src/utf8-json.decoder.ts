import { CryptoError, type CryptoErrorCode } from './crypto.errors';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array, what: string, code: CryptoErrorCode = 'malformed-envelope'): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CryptoError(code, `${what}: is not valid UTF-8`);
  }
}

export function parseJsonText(text: string, what: string, code: CryptoErrorCode = 'malformed-envelope'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CryptoError(code, `${what}: is not JSON (${(error as Error).message})`);
  }
}

export function parseJsonObject(
  bytes: Uint8Array,
  what: string,
  code: CryptoErrorCode = 'malformed-envelope',
): Record<string, unknown> {
  const value = parseJsonText(decodeUtf8(bytes, what, code), what, code);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CryptoError(code, `${what}: must be a JSON object`);
  }
  return value as Record<string, unknown>;
}
