import type { ConsentGrantEntity } from './consent-grant.entity';
import type { ConsentGrantRepository } from './consent-grant.repository';
import type { EnvelopeLineageEntity } from './envelope-lineage.entity';
import type { EnvelopeLineageRepository } from './envelope-lineage.repository';
import { LineageReader } from './lineage.reader';

const ORIGINAL = '0192b3c4-0000-7000-8000-000000000001';
const REPLY = '0192b3c4-0000-7000-8000-000000000002';
const UNKNOWN = '0192b3c4-0000-7000-8000-00000000dead';
const SECRET = '0192b3c4-0000-7000-8000-000000000003';
const SECRET_FORWARD = '0192b3c4-0000-7000-8000-000000000004';
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
  // DK's H3 message to MR (allow-list FR, IT), and MR's forward of it to FR that narrowed the list to FR.
  [SECRET]: {
    envelopeId: SECRET,
    sender: 'DK',
    kind: 'message',
    restrictedTo: '[]',
    digest: DIGEST,
    deliveredTo: '["MR"]',
    handlingLevel: 3,
    handlingOrigin: SECRET,
    handlingOwner: 'DK',
    handlingAllowTo: '["FR","IT"]',
    handlingExpiresAt: '2027-01-01T00:00:00.000Z',
  },
  [SECRET_FORWARD]: {
    envelopeId: SECRET_FORWARD,
    sender: 'MR',
    kind: 'message',
    restrictedTo: '[]',
    digest: DIGEST,
    deliveredTo: '["FR"]',
    handlingLevel: 3,
    handlingOrigin: SECRET,
    handlingOwner: 'DK',
    handlingAllowTo: '["FR"]',
    handlingExpiresAt: '2027-01-01T00:00:00.000Z',
  },
};

const grantRows: Array<Partial<ConsentGrantEntity>> = [
  {
    originId: SECRET,
    grantee: 'FR',
    purpose: 'onward-sharing',
    bureaus: '["BR"]',
    expiresAt: '2026-12-24T00:00:00.000Z',
  },
  { originId: SECRET, grantee: 'FR', purpose: 'evidence', bureaus: '[]', expiresAt: '2026-12-24T00:00:00.000Z' },
];

describe('LineageReader', () => {
  const reader = new LineageReader(
    {
      find: (id: string) => Promise.resolve((lineageRows[id] as EnvelopeLineageEntity | undefined) ?? null),
    } as unknown as EnvelopeLineageRepository,
    {
      forLineage: (originId: string, grantee: string) =>
        Promise.resolve(
          grantRows.filter((row) => row.originId === originId && row.grantee === grantee) as ConsentGrantEntity[],
        ),
    } as unknown as ConsentGrantRepository,
  );
  const H0 = { level: 0 };

  it('knows nothing of an envelope that refers to none', async () => {
    expect(await reader.read({ meta: { priority: 'urgent' } })).toEqual({
      inheritedRestrictions: [],
      unresolved: [],
      handling: H0,
    });
  });

  it('inherits the restrictions of the envelope replied to, and says whom the reply answers', async () => {
    expect(await reader.read({ meta: { replyTo: ORIGINAL } })).toEqual({
      inheritedRestrictions: ['FR'],
      unresolved: [],
      handling: H0,
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
      handling: H0,
    });
    expect((await reader.read({ meta: { forwardOf: UNKNOWN, replyTo: ORIGINAL } })).unresolved).toEqual([UNKNOWN]);
  });

  it('answers a receipt with the envelope it names, only when the digest matches', async () => {
    expect(await reader.read({ meta: { receiptFor: { id: ORIGINAL, digest: DIGEST } } })).toEqual({
      inheritedRestrictions: [],
      unresolved: [],
      handling: H0,
      answers: { from: 'DK', kind: 'diffusion', deliveredTo: ['MR', 'XH'] },
    });
    expect(await reader.read({ meta: { receiptFor: { id: ORIGINAL, digest: 'b'.repeat(43) } } })).toEqual({
      inheritedRestrictions: [],
      unresolved: [ORIGINAL],
      handling: H0,
    });
  });

  it('carries the H3 owner, allow-list and expiry of a forward of a forward', async () => {
    expect((await reader.read({ meta: { forwardOf: SECRET_FORWARD }, from: 'FR' })).handling).toEqual({
      level: 3,
      originId: SECRET,
      owner: 'DK',
      allowTo: ['FR'],
      expiresAt: '2027-01-01T00:00:00.000Z',
    });
  });

  it('reads the onward-sharing grants the owner made to the sender for that lineage, and no others', async () => {
    expect((await reader.read({ meta: { forwardOf: SECRET_FORWARD }, from: 'FR' })).grants).toEqual([
      { bureaus: ['BR'], expiresAt: '2026-12-24T00:00:00.000Z' },
    ]);
    expect((await reader.read({ meta: { forwardOf: SECRET }, from: 'MR' })).grants).toEqual([]);
  });

  it('says whom a consent message is about: the content’s owner, who received it, and its origin', async () => {
    const consent = { envelopeId: SECRET_FORWARD, purpose: 'evidence' as const };
    expect(await reader.read({ meta: { consent }, from: 'FR' })).toMatchObject({
      consentAbout: { owner: 'DK', deliveredTo: ['FR'] },
      consentOrigin: SECRET,
      unresolved: [],
    });
    expect((await reader.read({ meta: { consent: { ...consent, envelopeId: UNKNOWN } } })).unresolved).toEqual([
      UNKNOWN,
    ]);
  });
});
