import {
  DIRECTORY_CHANGED_SUBJECT,
  DIRECTORY_GET_SUBJECT,
  DIRECTORY_LIST_SUBJECT,
  type DirectoryEntry,
} from '@bureaunet/contracts';
import type { BureauIdentity } from '@bureaunet/identity';
import type { BusClient } from '@bureaunet/transport';
import { DirectoryClient } from './directory.client';

/** A bus whose answers the test releases by hand, so a change event can arrive while a request is out. */
class HeldBus {
  readonly handlers = new Map<string, (body: unknown) => void>();
  readonly pending: Array<{ subject: string; answer: (value: unknown) => void }> = [];

  subscribe(subject: string, handler: (body: unknown) => void): () => void {
    this.handlers.set(subject, handler);
    return () => this.handlers.delete(subject);
  }

  request<T>(subject: string): Promise<T> {
    return new Promise<T>((resolve) => this.pending.push({ subject, answer: (value) => resolve(value as T) }));
  }

  async answerNext(value: unknown): Promise<void> {
    await waitUntil(() => this.pending.length > 0);
    this.pending.shift()!.answer(value);
  }
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

const entry = (code: string, enrolled: boolean): DirectoryEntry =>
  ({ code, role: 'bureau', status: 'active', ...(enrolled ? { encryptionCertificate: 'pem' } : {}) }) as DirectoryEntry;

describe('DirectoryClient caching across a change that lands while a request is out', () => {
  let bus: HeldBus;
  let directory: DirectoryClient;

  beforeEach(() => {
    bus = new HeldBus();
    directory = new DirectoryClient(
      bus as unknown as BusClient,
      {} as BureauIdentity,
      { stalenessMs: 60_000 },
      {
        now: () => new Date(),
      },
    );
    directory.onModuleInit();
  });

  const changed = (code: string) =>
    bus.handlers.get(DIRECTORY_CHANGED_SUBJECT)!({ code, version: 2, change: 'enrolled' });

  it('does not keep a listing that was asked before MR enrolled: the next call asks again and sees MR enrolled', async () => {
    const listing = directory.all();
    changed('MR');
    await bus.answerNext({ entries: [entry('MR', false)] });
    expect((await listing).find((item) => item.code === 'MR')?.encryptionCertificate).toBeUndefined();

    const again = directory.all();
    await bus.answerNext({ entries: [entry('MR', true)] });
    expect(bus.pending).toHaveLength(0);
    expect((await again).find((item) => item.code === 'MR')?.encryptionCertificate).toBe('pem');
  });

  it('does not keep an entry asked for before its change, and keeps one asked for after', async () => {
    const before = directory.entry('MR');
    changed('MR');
    await bus.answerNext(entry('MR', false));
    await before;

    const after = directory.entry('MR');
    await waitUntil(() => bus.pending.length > 0);
    expect(bus.pending[0].subject).toBe(DIRECTORY_GET_SUBJECT);
    await bus.answerNext(entry('MR', true));
    expect((await after)?.encryptionCertificate).toBe('pem');
    // Cached now: no request goes out.
    expect((await directory.entry('MR'))?.encryptionCertificate).toBe('pem');
    expect(bus.pending.filter((request) => request.subject !== DIRECTORY_LIST_SUBJECT)).toHaveLength(0);
  });
});
