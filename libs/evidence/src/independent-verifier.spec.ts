import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EvidenceBundle } from './evidence-bundle.schema';
import { verifyEvidence } from './evidence.verifier';
import { rawEd25519PublicKey } from '@bureaunet/witness';
import { tampered, TAMPERINGS } from './testing/bundle-tampering';
import { createEvidenceWorld, type EvidenceWorld } from './testing/evidence-bundle.fixture';

const SCRIPT = join(__dirname, '../../../test/evidence/independent-verifier.mjs');
const run = promisify(execFile);

/** The second verifier (docs/evidence.md, node:crypto only) agrees with verifyEvidence, piece by piece. */
describe('independent verifier', () => {
  let world: EvidenceWorld;
  let dir: string;
  let trustPath: string;

  beforeAll(async () => {
    world = await createEvidenceWorld();
    dir = await mkdtemp(join(tmpdir(), 'evidence-'));
    trustPath = join(dir, 'trust.json');
    const trust = {
      ca: world.ca.pem,
      witnesses: world.witnesses.map((w) => ({
        name: w.name,
        publicKey: rawEd25519PublicKey(w.publicKey).toString('base64'),
      })),
      quorum: world.options.quorum,
      now: world.options.now.toISOString(),
    };
    await writeFile(trustPath, JSON.stringify(trust));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function independentFailures(bundle: EvidenceBundle, name: string): Promise<string[]> {
    const path = join(dir, `${name}.json`);
    await writeFile(path, JSON.stringify(bundle));
    const result = await run(process.execPath, [SCRIPT, path, trustPath]).catch(
      (error: { stdout: string; code: number }) => ({ stdout: error.stdout }),
    );
    if (result.stdout === 'ok\n') return [];
    return result.stdout
      .trim()
      .split('\n')
      .map((line) => /^FAIL ([^:]+(?::[^: ]+)*):/.exec(line)?.[1] ?? `unreadable: ${line}`);
  }

  // It does not check RFC 3161 tokens (docs/evidence.md): compared with ours trusting no TSA.
  const projectFailures = (bundle: EvidenceBundle): string[] =>
    verifyEvidence(bundle, { ...world.options, trustedTsaCa: undefined })
      .checks.filter((check) => !check.ok)
      .map((check) => check.piece);

  it('prints ok for the valid bundle, as the project verifier', async () => {
    expect(projectFailures(world.bundle)).toEqual([]);
    expect(await independentFailures(world.bundle, 'valid')).toEqual([]);
  });

  it.each(TAMPERINGS)('names the same failed pieces when $what is tampered with', async ({ what, piece, change }) => {
    const bundle = tampered(world.bundle, change);
    const independent = await independentFailures(bundle, what.replace(/\W+/g, '-'));
    expect(independent).toContain(piece);
    expect(independent.sort()).toEqual(projectFailures(bundle).sort());
  });

  it('agrees that a signature made after the registry revoked its certificate fails the envelope', async () => {
    const bundle = tampered(world.bundle, (b) => b.statuses.push(world.senderRevoked));
    expect(projectFailures(bundle)).toEqual(['envelope']);
    expect(await independentFailures(bundle, 'revoked')).toEqual(['envelope']);
  });
});
