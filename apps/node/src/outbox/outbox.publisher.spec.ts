import { errors } from '@nats-io/transport-node';
import type { BusClient } from '@bureaunet/transport';
import type { NodeConfig } from '../node.config';
import { OutboxPublisher } from './outbox.publisher';
import type { PublishedMarks } from './published.marks';

const now = new Date('2026-11-25T10:00:00.000Z');

function setup(publish: () => Promise<unknown>, isUp = true) {
  const bus = { publish: jest.fn(publish), isUp };
  const sent = { record: jest.fn(() => Promise.resolve()), defer: jest.fn() };
  const publisher = new OutboxPublisher(
    bus as unknown as BusClient,
    sent as unknown as PublishedMarks,
    { code: 'MR' } as NodeConfig,
    { now: () => now },
  );
  return { publisher, bus, sent };
}

const message = {
  id: '019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e',
  envelope: Buffer.from('{"protected":"x"}'),
  publishedAt: null,
};

describe('OutboxPublisher', () => {
  it('publishes the stored bytes on its own submit subject with the envelope id as msgId, then records it', async () => {
    const { publisher, bus, sent } = setup(() => Promise.resolve({ seq: 1, duplicate: false }));
    expect(await publisher.publish(message)).toEqual({ status: 'published' });
    expect(bus.publish).toHaveBeenCalledWith('bn.submit.MR', message.envelope, { msgId: message.id });
    expect(sent.record).toHaveBeenCalledWith({ id: message.id, at: now.toISOString() });
  });

  it('leaves the mark of a deferred publish to be written with the next ones', async () => {
    const { publisher, sent } = setup(() => Promise.resolve({ seq: 1, duplicate: false }));
    expect(await publisher.publish(message, message.id, 'deferred')).toEqual({ status: 'published' });
    expect(sent.defer).toHaveBeenCalledWith({ id: message.id, at: now.toISOString() });
    expect(sent.record).not.toHaveBeenCalled();
  });

  it('does not record again what was already confirmed', async () => {
    const { publisher, sent } = setup(() => Promise.resolve({ seq: 1, duplicate: true }));
    expect(await publisher.publish({ ...message, publishedAt: '2026-11-24T00:00:00.000Z' })).toEqual({
      status: 'published',
    });
    expect(sent.record).not.toHaveBeenCalled();
  });

  it('reports a failed publish without throwing, and records nothing', async () => {
    const { publisher, sent } = setup(() => Promise.reject(new errors.TimeoutError()));
    expect(await publisher.publish(message)).toEqual({ status: 'bus-unavailable', reason: expect.any(String) });
    expect(sent.record).not.toHaveBeenCalled();
  });

  it('tells a message the bus refuses from a bus that is down', async () => {
    const { publisher } = setup(() =>
      Promise.reject(errors.InvalidArgumentError.format('payload', 'max_payload size exceeded')),
    );
    expect(await publisher.publish(message)).toEqual({
      status: 'message-refused',
      reason: expect.stringContaining('max_payload'),
    });
  });

  it('right after a send, leaves the message to the republisher at once when the bus is down', async () => {
    const { publisher, bus } = setup(() => Promise.resolve({ seq: 1, duplicate: false }), false);
    expect(await publisher.publishIfUp(message)).toEqual({
      status: 'bus-unavailable',
      reason: expect.stringContaining('republisher'),
    });
    expect(bus.publish).not.toHaveBeenCalled();
  });

  it('republishes under a distinct msgId, which the stream does not drop as a duplicate', async () => {
    const { publisher, bus } = setup(() => Promise.resolve({ seq: 2, duplicate: false }));
    await publisher.publish(message, `${message.id}:2`);
    expect(bus.publish).toHaveBeenCalledWith('bn.submit.MR', message.envelope, { msgId: `${message.id}:2` });
  });
});
