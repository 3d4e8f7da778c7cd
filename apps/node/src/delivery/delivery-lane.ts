import { DELIVERY_REPORT_TYP, ENVELOPE_TYP } from '@bureaunet/contracts';

/**
 * Where a delivery goes and whether it waits its turn, read without trusting anything (the parser
 * it is handed to checks everything again):
 * - 'report': the gateway's report on one of our envelopes, to the outbox;
 * - 'receipt': a recipient's receipt (or signed rejection) of one of our envelopes, to the inbox;
 * - 'in-order': anything else, to the inbox, one after another in the order the stream delivers.
 * Reports and receipts only move a recipient's state forward (monotonic, keyed by the envelope
 * they name), so they need no order: they run side by side and their writes commit together (a
 * broadcast's 195 receipts). A notice and its cancellation, a request and its refusal… do.
 */
export type DeliveryLane = 'report' | 'receipt' | 'in-order';

export function deliveryLane(raw: Uint8Array, maxBytes: number): DeliveryLane {
  if (raw.byteLength > maxBytes) return 'in-order';
  try {
    const jws = JSON.parse(Buffer.from(raw).toString('utf8')) as unknown;
    const typ = (segment(jws, 'protected') as { typ?: unknown } | undefined)?.typ;
    if (typ === DELIVERY_REPORT_TYP) return 'report';
    if (typ !== ENVELOPE_TYP) return 'in-order';
    return (segment(jws, 'payload') as { kind?: unknown } | undefined)?.kind === 'receipt' ? 'receipt' : 'in-order';
  } catch {
    return 'in-order';
  }
}

/** A base64url JSON member of a JWS (JSON serialization), or undefined. */
function segment(jws: unknown, member: 'protected' | 'payload'): unknown {
  if (typeof jws !== 'object' || jws === null) return undefined;
  const encoded = (jws as Record<string, unknown>)[member];
  if (typeof encoded !== 'string') return undefined;
  const value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as unknown;
  return typeof value === 'object' && value !== null ? value : undefined;
}
