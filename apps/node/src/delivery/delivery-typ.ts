/**
 * The JWS `typ` of a delivery, read without trusting anything: it only chooses the parser (an
 * envelope or a gateway report), which then checks everything again. Undefined when unreadable.
 */
export function deliveryTyp(raw: Uint8Array, maxBytes: number): string | undefined {
  if (raw.byteLength > maxBytes) return undefined;
  try {
    const jws: unknown = JSON.parse(Buffer.from(raw).toString('utf8'));
    if (typeof jws !== 'object' || jws === null || typeof (jws as { protected?: unknown }).protected !== 'string')
      return undefined;
    const header: unknown = JSON.parse(
      Buffer.from((jws as { protected: string }).protected, 'base64url').toString('utf8'),
    );
    if (typeof header !== 'object' || header === null) return undefined;
    const typ = (header as { typ?: unknown }).typ;
    return typeof typ === 'string' ? typ : undefined;
  } catch {
    return undefined;
  }
}
