import { wireErrorSchema, type WireError, type WireReply } from '@bureaunet/contracts';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const INTERNAL_ERROR_CODE = 'internal';
export const BAD_REQUEST_CODE = 'bad-request';
export const BAD_REPLY_CODE = 'bad-reply';
export const UNAVAILABLE_CODE = 'unavailable';

export type JsonDecoding = { ok: true; value: unknown } | { ok: false; reason: string };

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value ?? null));
}

export function decodeJson(data: Uint8Array): JsonDecoding {
  try {
    return { ok: true, value: JSON.parse(decoder.decode(data)) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The wire form of a handler failure. Only errors that carry a string `code` are domain errors whose
 * reason is meant for the caller; anything else is 'internal' and its details stay in the log.
 */
export function toWireError(error: unknown): WireError {
  const code = stringProperty(error, 'code');
  if (code === undefined) return { code: INTERNAL_ERROR_CODE, reason: 'internal error' };
  return { code, reason: stringProperty(error, 'reason') ?? stringProperty(error, 'message') ?? code };
}

/** Reads a reply; anything that is not a WireReply is reported as a 'bad-reply' failure. */
export function parseWireReply<T>(data: Uint8Array): WireReply<T> {
  const decoded = decodeJson(data);
  if (!decoded.ok) return badReply(`reply is not JSON: ${decoded.reason}`);
  const reply = decoded.value;
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) return badReply('reply is not a WireReply');
  if (reply.ok === true) return { ok: true, data: ('data' in reply ? reply.data : undefined) as T };
  const error = wireErrorSchema.safeParse('error' in reply ? reply.error : undefined);
  return error.success ? { ok: false, error: error.data } : badReply('reply carries a malformed error');
}

function badReply(reason: string): WireReply<never> {
  return { ok: false, error: { code: BAD_REPLY_CODE, reason } };
}

function stringProperty(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const property: unknown = (value as Record<string, unknown>)[key];
  return typeof property === 'string' ? property : undefined;
}
