import { parseCheckpoint, parseSignedNote } from '@bureaunet/witness';
import { buildEvidenceBundle, EvidenceIncompleteError, type EvidencePieces } from './evidence-bundle.builder';
import { verifyEvidence } from './evidence.verifier';
import { createEvidenceWorld, type EvidenceWorld } from './testing/evidence-bundle.fixture';

describe('buildEvidenceBundle', () => {
  let world: EvidenceWorld;
  let pieces: EvidencePieces;

  beforeAll(async () => {
    world = await createEvidenceWorld();
    const { bundle } = world;
    const bytes = (b64url: string) => Buffer.from(b64url, 'base64url');
    // A receipt envelope's own entry names its own id: in the trail, not in the bundle.
    const foreign = {
      leaf_index: 0,
      leaf_input: Buffer.from(
        '{"at":"2026-12-02T00:00:00.000Z","envelopeId":"other-0","to":"ES","type":"delivery"}',
      ).toString('base64'),
      audit_path: [],
    };
    pieces = {
      messageId: bundle.message_id,
      createdAt: new Date(bundle.created_at),
      envelope: bytes(bundle.envelope),
      reports: bundle.reports.map(bytes),
      receipts: bundle.receipts.map(bytes),
      certificates: bundle.certificates,
      statuses: [...bundle.statuses, bundle.statuses[0]],
      trail: {
        treeSize: parseCheckpoint(parseSignedNote(bundle.checkpoint).text).treeSize,
        entries: [foreign, ...bundle.entries],
        checkpoint: bundle.checkpoint,
      },
      policies: [...bundle.policies, { version: 9, text: 'not named by any decision' }],
      timestamp: bundle.timestamp,
      plaintext: { cek: bytes(bundle.plaintext!.cek), content: bytes(bundle.plaintext!.content) },
    };
  });

  const failure = (change: Partial<EvidencePieces>) => {
    try {
      buildEvidenceBundle({ ...pieces, ...change });
    } catch (error) {
      if (error instanceof EvidenceIncompleteError) return { piece: error.piece, message: error.message };
      throw error;
    }
    return undefined;
  };

  it("makes the format's bundle from the pieces: the message's own entries, the deciding policies, each status once", () => {
    const bundle = buildEvidenceBundle(pieces);
    expect(bundle).toEqual(world.bundle);
    expect(verifyEvidence(bundle, world.options).ok).toBe(true);
  });

  it('names the piece that is missing or does not fit, instead of a thinner bundle', () => {
    expect(failure({ policies: [] })).toEqual({ piece: 'policies', message: 'no text of policy version 3' });
    expect(failure({ trail: { ...pieces.trail, treeSize: pieces.trail.treeSize + 1 } })).toMatchObject({
      piece: 'checkpoint',
      message: expect.stringMatching(/^the checkpoint is of tree size \d+, the trail's proofs of \d+$/),
    });
    expect(failure({ trail: { ...pieces.trail, entries: pieces.trail.entries.slice(0, 1) } })).toMatchObject({
      piece: 'entries',
    });
    expect(failure({ reports: Array.from({ length: 257 }, () => pieces.reports[0]) })).toMatchObject({
      piece: 'reports',
      message: expect.stringContaining('does not fit bureaunet-evidence/1'),
    });
  });
});
