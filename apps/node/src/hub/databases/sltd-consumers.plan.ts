import { SLTD_ENTRY_SUBJECT_WILDCARD, SLTD_STREAM, sltdConsumerName, type DirectoryEntry } from '@bureaunet/contracts';
import type { DurableConsumerSpec } from '@bureaunet/transport';
import { DeliverPolicy, type ConsumerConfig } from '@nats-io/jetstream';

/** An entry unacked this long comes again (a replica commits before it acks). */
export const SLTD_ACK_WAIT_MS = 30_000;
/** Entries delivered and not yet acked, per bureau. */
export const SLTD_MAX_ACK_PENDING = 1_024;
/**
 * The most one pull may ask for: a pull naming more max_bytes is refused by the server. An entry is
 * at most ~11 KB, so one pull still carries a hundred of the largest.
 */
export const SLTD_PULL_MAX_BYTES = 1_048_576;

/**
 * The consumer the databases service keeps for one bureau: every entry of every country (a
 * replica holds the whole index), explicit acks, bounded in flight and per pull. From the first
 * message, or from `startSequence` once a resync placed it there.
 */
export function sltdConsumerSpec(code: string, startSequence?: number): DurableConsumerSpec {
  return {
    stream: SLTD_STREAM,
    durable: sltdConsumerName(code),
    filterSubject: SLTD_ENTRY_SUBJECT_WILDCARD,
    ackWaitMs: SLTD_ACK_WAIT_MS,
    maxAckPending: SLTD_MAX_ACK_PENDING,
    maxRequestBytes: SLTD_PULL_MAX_BYTES,
    ...(startSequence !== undefined ? { startSequence } : {}),
  };
}

/** Whose consumers: every bureau and the hub (suspended ones too, as for deliveries); not the gateway. */
export function sltdConsumerCodes(entries: readonly DirectoryEntry[]): string[] {
  return [...new Set(entries.filter((entry) => entry.role !== 'gateway').map((entry) => entry.code))].sort();
}

/**
 * A resync's placement: after `afterSequence`; from the first message for an empty replica, or for
 * one that holds more than the stream ever had (the stream was made anew: its sequences restarted).
 */
export function resyncStart(afterSequence: number, lastSequence: number): number | undefined {
  return afterSequence > 0 && afterSequence <= lastSequence ? afterSequence + 1 : undefined;
}

/** The placement an existing consumer keeps when the periodic pass puts its other settings back. */
export function keptStart(
  config: Pick<ConsumerConfig, 'deliver_policy' | 'opt_start_seq'> | undefined,
): number | undefined {
  return config?.deliver_policy === DeliverPolicy.StartSequence ? config.opt_start_seq : undefined;
}
