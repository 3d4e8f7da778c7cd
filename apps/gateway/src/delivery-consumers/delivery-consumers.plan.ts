import { DELIVERIES_STREAM, deliverSubject, deliveryConsumerName, type DirectoryEntry } from '@bureaunet/contracts';
import type { DurableConsumerSpec } from '@bureaunet/transport';

/** A delivery unacked this long comes again (the node's handler commits to SQLite before it acks). */
export const DELIVERY_ACK_WAIT_MS = 30_000;

/** The hub's settings of every delivery consumer (DELIVERY_MAX_ACK_PENDING, DELIVERY_ACK_WAIT_MS). */
export interface DeliveryConsumerSettings {
  maxAckPending: number;
  ackWaitMs: number;
}

/**
 * The consumer the hub keeps for one bureau: its own delivery subject, and the hub's settings,
 * stated rather than left to the server's defaults, so an altered value is put back too.
 */
export function deliveryConsumerSpec(code: string, settings: DeliveryConsumerSettings): DurableConsumerSpec {
  return {
    stream: DELIVERIES_STREAM,
    durable: deliveryConsumerName(code),
    filterSubject: deliverSubject(code),
    ackWaitMs: settings.ackWaitMs,
    maxAckPending: settings.maxAckPending,
  };
}

/** One consumer per bureau in the directory (the hub's node included); the gateway receives no deliveries. */
export function deliveryConsumerSpecs(
  entries: readonly DirectoryEntry[],
  settings: DeliveryConsumerSettings,
): DurableConsumerSpec[] {
  const codes = new Set(entries.filter((entry) => entry.role !== 'gateway').map((entry) => entry.code));
  return [...codes].sort().map((code) => deliveryConsumerSpec(code, settings));
}

/** Consumers on the deliveries stream that the hub did not make: on a work queue they would take a bureau's messages. */
export function strayConsumers(existing: readonly string[], specs: readonly DurableConsumerSpec[]): string[] {
  const managed = new Set(specs.map((spec) => spec.durable));
  return existing.filter((name) => !managed.has(name));
}
