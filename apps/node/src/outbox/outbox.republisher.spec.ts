import type { NodeConfig } from '../node.config';
import type { OutboxPublisher } from './outbox.publisher';
import { OutboxRepublisher } from './outbox.republisher';
import type { SentMessageEntity } from './sent-message.entity';
import type { SentMessageRepository } from './sent-message.repository';

const config = { republishIntervalMs: 60_000 } as NodeConfig;

function messages(count: number): SentMessageEntity[] {
  return Array.from({ length: count }, (_, index) => ({ id: `id-${String(index).padStart(4, '0')}`, envelope: Buffer.from('{}'), publishedAt: null }) as SentMessageEntity);
}

/** Keyset paging over a sorted list, as the repository does it. */
function pages(all: SentMessageEntity[]) {
  return jest.fn(({ limit, after }: { limit: number; after?: string }) => Promise.resolve(all.filter((message) => !after || message.id > after).slice(0, limit)));
}

function setup(options: { unreported?: SentMessageEntity[]; unpublished?: SentMessageEntity[]; failAt?: string } = {}) {
  const repository = { findUnreported: pages(options.unreported ?? []), findUnpublished: pages(options.unpublished ?? []) };
  const published: string[] = [];
  const publisher = {
    publish: jest.fn((message: SentMessageEntity) => {
      if (message.id === options.failAt) return Promise.resolve(false);
      published.push(message.id);
      return Promise.resolve(true);
    }),
  };
  const republisher = new OutboxRepublisher(repository as unknown as SentMessageRepository, publisher as unknown as OutboxPublisher, config);
  return { republisher, repository, publisher, published };
}

describe('OutboxRepublisher', () => {
  it('on start, publishes every message without a delivery report, page after page', async () => {
    const unreported = messages(250);
    const { republisher, repository, published } = setup({ unreported });
    republisher.onApplicationBootstrap();
    await republisher.onApplicationShutdown();
    expect(published).toEqual(unreported.map((message) => message.id));
    expect(repository.findUnreported).toHaveBeenCalledTimes(3);
    expect(repository.findUnpublished).not.toHaveBeenCalled();
  });

  it('each round, publishes what the stream never confirmed', async () => {
    const unpublished = messages(3);
    const { republisher, published } = setup({ unpublished });
    expect(await republisher.republishUnpublished()).toBe(3);
    expect(published).toEqual(['id-0000', 'id-0001', 'id-0002']);
  });

  it('stops a round at the first failed publish and leaves the rest for the next round', async () => {
    const { republisher, publisher, published } = setup({ unpublished: messages(5), failAt: 'id-0002' });
    expect(await republisher.republishUnpublished()).toBe(2);
    expect(published).toEqual(['id-0000', 'id-0001']);
    expect(publisher.publish).toHaveBeenCalledTimes(3);
  });
});
