/** Partitions when SUBMISSION_PARTITIONS is not set: a few per gateway for a handful of gateways. */
export const DEFAULT_SUBMISSION_PARTITIONS = 16;

/**
 * The partition of a sender's submissions: FNV-1a (32-bit) of its code's UTF-8 bytes, modulo
 * `partitions`. Every gateway must compute the same answer for ever (a changed function would let
 * two gateways consume one sender), so this is spelled out rather than borrowed from a library.
 */
export function partitionOf(sender: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1)
    throw new Error(`the number of submission partitions must be a whole number >= 1, not ${partitions}`);
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(sender, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

/** The lease row of partition `partition` in gateway_lease. */
export function partitionLeaseName(partition: number): string {
  return `lane-${partition}`;
}
