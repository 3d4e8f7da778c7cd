import { verifyEvidence } from './evidence.verifier';
import { createEvidenceWorld, type EvidenceWorld } from './testing/evidence-bundle.fixture';

// Witnesses' times are reported by @bureaunet/witness, not judged: judging them is the verifier's policy.
describe('checkCosignatures', () => {
  let world: EvidenceWorld;

  beforeAll(async () => {
    world = await createEvidenceWorld();
  });

  it('fails a cosignature dated after the verifier’s now, naming the witness', () => {
    // The fixture's witnesses cosign five seconds after the exchange (its TSA, trusted here, is not judged).
    const verdict = verifyEvidence(world.bundle, {
      ...world.options,
      now: new Date(world.at.getTime() + 1000),
      trustedTsaCa: undefined,
    });
    const cosignatures = verdict.checks.find((check) => check.piece === 'cosignatures');
    expect(verdict.checks.filter((check) => !check.ok).map((check) => check.piece)).toEqual(['cosignatures']);
    expect(cosignatures?.reason).toMatch(/^cosignature of witness\.bureaunet\.test\/dk is dated in the future/);
  });

  it('counts each cosigner with its time', () => {
    const verdict = verifyEvidence(world.bundle, world.options);
    expect(verdict.checks.find((check) => check.piece === 'cosignatures')?.reason).toBe(
      `cosigned by ${world.witnesses
        .map((w) => `${w.name} at ${new Date((Math.floor(world.at.getTime() / 1000) + 5) * 1000).toISOString()}`)
        .join(', ')}`,
    );
  });
});
