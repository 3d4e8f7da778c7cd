import { DeliveryRefusal } from '../delivery/delivery-refusal';
import { checkEnvelopeTime } from './envelope-time.check';

const now = new Date('2026-11-25T10:00:00.000Z');
const SKEW = 120_000;
const envelope = (createdAt: string, expiresAt: string) => ({
  id: '019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e',
  createdAt,
  expiresAt,
});

function refusalOf(check: () => void): DeliveryRefusal | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof DeliveryRefusal) return error;
    throw error;
  }
}

describe('checkEnvelopeTime', () => {
  it('accepts an envelope within its window, however long it waited', () => {
    expect(
      refusalOf(() => checkEnvelopeTime(envelope('2026-11-20T10:00:00.000Z', '2026-11-27T10:00:00.000Z'), now, SKEW)),
    ).toBeUndefined();
  });

  it('refuses as expired an envelope that expired 29 days ago', () => {
    const refusal = refusalOf(() =>
      checkEnvelopeTime(envelope('2026-10-20T10:00:00.000Z', '2026-10-27T10:00:00.000Z'), now, SKEW),
    );
    expect(refusal).toMatchObject({
      code: 'expired',
      message: expect.stringContaining('expired at 2026-10-27T10:00:00.000Z'),
    });
  });

  it('tolerates the skew on both sides and no more', () => {
    expect(
      refusalOf(() => checkEnvelopeTime(envelope('2026-11-25T09:00:00.000Z', '2026-11-25T09:58:00.001Z'), now, SKEW)),
    ).toBeUndefined();
    expect(
      refusalOf(() => checkEnvelopeTime(envelope('2026-11-25T09:00:00.000Z', '2026-11-25T09:58:00.000Z'), now, SKEW))
        ?.code,
    ).toBe('expired');
    expect(
      refusalOf(() => checkEnvelopeTime(envelope('2026-11-25T10:02:00.000Z', '2026-11-26T10:00:00.000Z'), now, SKEW)),
    ).toBeUndefined();
    expect(
      refusalOf(() => checkEnvelopeTime(envelope('2026-11-25T10:02:00.001Z', '2026-11-26T10:00:00.000Z'), now, SKEW))
        ?.code,
    ).toBe('future-dated');
  });
});
