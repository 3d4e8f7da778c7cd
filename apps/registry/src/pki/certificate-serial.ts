/** Source of randomness, injected so that tests can be deterministic. */
export type RandomBytes = (size: number) => Uint8Array;

/**
 * A random positive 128-bit serial as lower-case hex. The first byte lands in 0x40..0x7f: never
 * zero (DER integers must be minimally encoded) and never with the sign bit set (serials are
 * positive), which leaves 126 random bits, well above the 64 that RFC 5280 practice asks for.
 */
export function newCertificateSerial(randomBytes: RandomBytes): string {
  const bytes = Buffer.from(randomBytes(16));
  if (bytes.length !== 16) throw new TypeError('randomBytes must return the requested number of bytes');
  bytes[0] = (bytes[0] & 0x3f) | 0x40;
  return bytes.toString('hex');
}
