/** A lease not renewed for this long may be taken over: a killed gateway's senders wait about this. */
export const LANE_LEASE_TTL_MS = 10_000;

/** How often a gateway renews its leases and rebalances: several renewals fit in one TTL. */
export const LANE_LEASE_RENEW_MS = 2_000;

/** A holder stops this long before its lease can expire: the clock difference the leases tolerate. */
export const LANE_LEASE_SKEW_MARGIN_MS = 2_000;
