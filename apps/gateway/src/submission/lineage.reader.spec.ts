import type { EnvelopeLineageEntity } from './envelope-lineage.entity';
import type { EnvelopeLineageRepository } from './envelope-lineage.repository';
import { LineageReader } from './lineage.reader';

const ORIGINAL = '0192b3c4-0000-7000-8000-000000000001';
const REPLY = '0192b3c4-0000-7000-8000-000000000002';
const UNKNOWN = '0192b3c4-0000-7000-8000-00000000dead';
const DIGEST = 'a'.repeat(43);

const lineageRows: Record<string, Partial<EnvelopeLineageEntity>> = {
  [ORIGINAL]: {
    envelopeId: ORIGINAL,
    sender: 'DK',
    kind: 'diffusion',
    restrictedTo: '["FR"]',
    digest: DIGEST,
    deliveredTo: '["MR","XH"]',
  },
  [REPLY]: {
    envelopeId: REPLY,
    sender: 'MR',
    kind: 'message',
    restrictedTo: '["FR","IT"]',
    digest: DIGEST,
    deliveredTo: '["DK"]',
  },
};

describe('LineageReader', () => {
  const reader = new LineageReader({
    find: (id: string) => Promise.resolve((lineageRows[id] as EnvelopeLineageEntity | undefined) ?? null),
  } as unknown as EnvelopeLineageRepository);

  it('knows nothing of an envelope that refers to none', async () => {
    expect(await reader.read({ meta: { priority: 'urgent' } })).toEqual({ inheritedRestrictions: [], unresolved: [] });
  });

  it('inherits the restrictions of the envelope replied to, and says whom the reply answers', async () => {
    expect(await reader.read({ meta: { replyTo: ORIGINAL } })).toEqual({
      inheritedRestrictions: ['FR'],
      unresolved: [],
      answers: { from: 'DK', kind: 'diffusion', deliveredTo: ['MR', 'XH'] },
    });
  });

  it('inherits through a chain, because each accepted envelope keeps its effective restrictions', async () => {
    expect((await reader.read({ meta: { forwardOf: REPLY } })).inheritedRestrictions).toEqual(['FR', 'IT']);
  });

  it('names a reference it never accepted', async () => {
    expect(await reader.read({ meta: { replyTo: UNKNOWN } })).toEqual({
      inheritedRestrictions: [],
      unresolved: [UNKNOWN],
    });
    expect((await reader.read({ meta: { forwardOf: UNKNOWN, replyTo: ORIGINAL } })).unresolved).toEqual([UNKNOWN]);
  });

  it('answers a receipt with the envelope it names, only when the digest matches', async () => {
    expect(await reader.read({ meta: { receiptFor: { id: ORIGINAL, digest: DIGEST } } })).toEqual({
      inheritedRestrictions: [],
      unresolved: [],
      answers: { from: 'DK', kind: 'diffusion', deliveredTo: ['MR', 'XH'] },
    });
    expect(await reader.read({ meta: { receiptFor: { id: ORIGINAL, digest: 'b'.repeat(43) } } })).toEqual({
      inheritedRestrictions: [],
      unresolved: [ORIGINAL],
    });
  });
});
