export const NAK_BASE_DELAY_MS = 1_000;
export const NAK_MAX_DELAY_MS = 30_000;

/** Redelivery delay after a failed delivery: 1 s, 2 s, 4 s … capped at 30 s. */
export function nakDelayMs(deliveryCount: number): number {
  const exponent = Math.max(0, Math.floor(deliveryCount) - 1);
  return Math.min(NAK_BASE_DELAY_MS * 2 ** Math.min(exponent, 16), NAK_MAX_DELAY_MS);
}
