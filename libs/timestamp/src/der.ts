import * as asn1js from 'asn1js';
import { TimestampError } from './timestamp.errors';

/** Decodes exactly one DER element filling `bytes`, refusing more than `maxBytes` before parsing. */
export function decodeDer(bytes: Uint8Array, maxBytes: number, what: string): asn1js.AsnType {
  if (bytes.length > maxBytes)
    throw new TimestampError('too-large', `${what} is ${bytes.length} bytes, over ${maxBytes}`);
  const decoded = asn1js.fromBER(bytes);
  if (decoded.offset === -1) throw new TimestampError('malformed', `${what} is not DER: ${decoded.result.error}`);
  if (decoded.offset !== bytes.length)
    throw new TimestampError('malformed', `${what} has ${bytes.length - decoded.offset} bytes after its DER element`);
  return decoded.result;
}

/** Runs a pkijs parser, turning its schema errors into a `malformed` refusal naming `what`. */
export function parseAs<T>(what: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    throw new TimestampError('malformed', `${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
