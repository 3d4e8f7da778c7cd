import type { ConsoleEventBus } from '../console-events/console-event.bus';
import type { EntityManager } from 'typeorm';
import type { ParsedEnvelope } from '@bureaunet/crypto';
import type { SerialWriter } from '@bureaunet/persistence';
import { DeliveryRefusal } from '../delivery/delivery-refusal';
import type { ReceivedMessageRepository } from '../store/received-message.repository';
import type { SentMessageHead, SentMessageRepository } from '../store/sent-message.repository';
import { ReceiptService } from './receipt.service';

const ORIGINAL_ID = '019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e';
const RECEIPT_ID = '019ab5e3-0000-7000-8000-000000000001';
const DIGEST = 'd'.repeat(43);
const now = new Date('2026-11-25T10:00:00.000Z');
const manager = {} as EntityManager;

function receipt(
  overrides: { from?: string; digest?: string; refused?: { code: 'expired'; reason: string } } = {},
): ParsedEnvelope {
  return {
    jws: { protected: 'p', payload: 'q', signature: 's' },
    header: { alg: 'EdDSA', kid: 'kid', typ: 'bureaunet-envelope+jws' },
    digest: 'r'.repeat(43),
    payload: {
      v: 1,
      id: RECEIPT_ID,
      kind: 'receipt',
      from: overrides.from ?? 'DK',
      to: ['MR'],
      createdAt: '2026-11-25T09:59:59.000Z',
      expiresAt: '2026-11-26T09:59:59.000Z',
      meta: {
        receiptFor: {
          id: ORIGINAL_ID,
          digest: overrides.digest ?? DIGEST,
          ...(overrides.refused ? { refused: overrides.refused } : {}),
        },
      },
    },
  };
}

function setup(original: Partial<SentMessageHead> | null, options: { alreadyStored?: boolean } = {}) {
  const sent = {
    findHead: jest.fn(() =>
      Promise.resolve(
        original && ({ id: ORIGINAL_ID, kind: 'message', to: ['DK'], digest: DIGEST, ...original } as SentMessageHead),
      ),
    ),
    applyRecipientEvents: jest.fn(() => Promise.resolve()),
  };
  const received = { insertOnce: jest.fn(() => Promise.resolve(!options.alreadyStored)) };
  const writer = { transaction: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) };
  const events = { publish: jest.fn() };
  const service = new ReceiptService(
    sent as unknown as SentMessageRepository,
    received as unknown as ReceivedMessageRepository,
    writer as unknown as SerialWriter,
    { now: () => now },
    events as unknown as ConsoleEventBus,
  );
  return { service, sent, received, events };
}

const raw = Buffer.from('{"the":"exact bytes"}');

describe('ReceiptService', () => {
  it('keeps the receipt bytes and marks that recipient receipted at the signed time', async () => {
    const { service, sent, received, events } = setup({});
    await service.accept(raw, receipt());
    expect(events.publish).toHaveBeenCalledWith({
      name: 'receipt',
      data: { messageId: ORIGINAL_ID, recipient: 'DK', state: 'receipted' },
    });
    expect(received.insertOnce).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({ id: RECEIPT_ID, from: 'DK', kind: 'receipt', envelope: raw, body: null }),
    );
    expect(sent.applyRecipientEvents).toHaveBeenCalledWith(
      manager,
      ORIGINAL_ID,
      [{ code: 'DK', event: { type: 'receipted', at: '2026-11-25T09:59:59.000Z', receiptId: RECEIPT_ID } }],
      now.toISOString(),
    );
  });

  it('marks that recipient rejected with the refusal its signed rejection names', async () => {
    const { service, sent, received, events } = setup({});
    await service.accept(
      raw,
      receipt({ refused: { code: 'expired', reason: 'envelope expired at 2026-10-27T09:59:59.000Z' } }),
    );
    expect(events.publish).toHaveBeenCalledWith({
      name: 'refusal',
      data: {
        messageId: ORIGINAL_ID,
        recipient: 'DK',
        reason: 'expired: envelope expired at 2026-10-27T09:59:59.000Z',
      },
    });
    expect(received.insertOnce).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({ id: RECEIPT_ID, kind: 'receipt', envelope: raw }),
    );
    expect(sent.applyRecipientEvents).toHaveBeenCalledWith(
      manager,
      ORIGINAL_ID,
      [
        {
          code: 'DK',
          event: {
            type: 'rejected',
            at: '2026-11-25T09:59:59.000Z',
            receiptId: RECEIPT_ID,
            refusal: { code: 'expired', message: 'envelope expired at 2026-10-27T09:59:59.000Z' },
          },
        },
      ],
      now.toISOString(),
    );
  });

  it('accepts a receipt from any bureau for a message sent to "all"', async () => {
    const { service, sent } = setup({ to: 'all' });
    await service.accept(raw, receipt({ from: 'FR' }));
    expect(sent.applyRecipientEvents).toHaveBeenCalledWith(
      manager,
      ORIGINAL_ID,
      [{ code: 'FR', event: expect.objectContaining({ type: 'receipted' }) }],
      now.toISOString(),
    );
  });

  it('does nothing more for a second copy of the same receipt', async () => {
    const { service, sent, events } = setup({}, { alreadyStored: true });
    await service.accept(raw, receipt());
    expect(sent.applyRecipientEvents).not.toHaveBeenCalled();
    expect(events.publish).not.toHaveBeenCalled();
  });

  it.each([
    ['a message never sent from here', null, {}, /names 019ab5e2-.* which is no message sent from here/],
    ['a receipt of ours', { kind: 'receipt' as const }, {}, /which is no message sent from here/],
    ['a message not sent to the receipting bureau', {}, { from: 'FR' }, /which was not sent to FR/],
    ['another digest', {}, { digest: 'x'.repeat(43) }, /names digest x+, but 019ab5e2-.* was sent with digest d+/],
  ])('refuses as bad-receipt a receipt naming %s', async (_case, original, overrides, message) => {
    const { service, sent, received } = setup(original, {});
    const refusal = await service.accept(raw, receipt(overrides)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DeliveryRefusal);
    expect(refusal).toMatchObject({ code: 'bad-receipt', message: expect.stringMatching(message) });
    expect(received.insertOnce).not.toHaveBeenCalled();
    expect(sent.applyRecipientEvents).not.toHaveBeenCalled();
  });
});
