/**
 * How many of `partitions` one gateway may hold while `liveGateways` (itself included) are alive:
 * the rounded-up share, so the partitions are always covered and no gateway holds more than one
 * above another.
 */
export function fairShare(partitions: number, liveGateways: number): number {
  if (liveGateways < 1) throw new Error(`at least one gateway is alive (this one), not ${liveGateways}`);
  return Math.ceil(partitions / liveGateways);
}
