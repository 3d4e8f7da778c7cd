import { generateKeyPairSync } from 'node:crypto';
import { decryptEnvelopeContent, parseEnvelope } from '@bureaunet/crypto';
import { createTestCa, issueTestCertificate } from '../../crypto/src/testing/test-pki.fixture';
import { signCertificateStatus } from './certificate-status.statement';
import type { EvidenceBundle } from './evidence-bundle.schema';
import { verifyEvidence, type EvidenceVerdict } from './evidence.verifier';
import { flipBase64, TAMPERINGS, TIMESTAMP_TAMPERINGS } from './testing/bundle-tampering';
import { createEvidenceWorld, type EvidenceWorld } from './testing/evidence-bundle.fixture';

function failed(verdict: EvidenceVerdict): string[] {
  return verdict.checks.filter((check) => !check.ok).map((check) => check.piece);
}

describe('verifyEvidence', () => {
  let world: EvidenceWorld;
  const tampered = (change: (bundle: EvidenceBundle) => void): EvidenceBundle => {
    const copy = structuredClone(world.bundle);
    change(copy);
    return copy;
  };

  beforeAll(async () => {
    world = await createEvidenceWorld();
  });

  it('verifies a real bundle piece by piece, the plaintext being what the recipient decrypts', async () => {
    const verdict = verifyEvidence(world.bundle, world.options);
    expect(failed(verdict)).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(verdict.checks.map((check) => check.piece)).toEqual(
      expect.arrayContaining([
        'envelope',
        'report[0]',
        'receipt[0]',
        'receipt[1]',
        'status[0]',
        'checkpoint',
        'cosignatures',
        'entry[0]',
        'ledger-link',
        'policy:3:MR',
        'policy:3:FR',
        'plaintext',
        'timestamp',
      ]),
    );
    expect(verdict.checks.find((c) => c.piece === 'timestamp')?.reason).toMatch(
      /^the checkpoint existed at \S+Z by CN=bureaunet test TSA \(serial [0-9a-f]+\)$/,
    );
    const opened = await decryptEnvelopeContent(parseEnvelope(world.envelope.serialized), world.recipientKey);
    const bundled = JSON.parse(Buffer.from(world.bundle.plaintext?.content ?? '', 'base64url').toString()) as unknown;
    expect(bundled).toEqual({ body: opened.body });
    expect(opened.body).toEqual(world.body);
  });

  it.each(TAMPERINGS)('names the piece when $what is tampered with', ({ piece, change }) => {
    const verdict = verifyEvidence(tampered(change), world.options);
    expect(verdict.ok).toBe(false);
    expect(failed(verdict)).toContain(piece);
  });

  it.each(TIMESTAMP_TAMPERINGS)('names the time-stamp when $what is tampered with', ({ piece, change }) => {
    const verdict = verifyEvidence(tampered(change), world.options);
    expect(verdict.ok).toBe(false);
    expect(failed(verdict)).toContain(piece);
  });

  it('reports a time-stamp it cannot check, without failing, when the caller trusts no TSA', () => {
    const verdict = verifyEvidence(world.bundle, { ...world.options, trustedTsaCa: undefined });
    expect(verdict.ok).toBe(true);
    expect(verdict.checks.find((c) => c.piece === 'timestamp')).toEqual({
      piece: 'timestamp',
      ok: true,
      reason: 'not checked: no trusted TSA',
    });
  });

  it('verifies a bundle without a time-stamp, and fails a token under another TSA than the trusted one', async () => {
    const untimed = verifyEvidence(
      tampered((b) => delete b.timestamp),
      world.options,
    );
    expect(untimed.ok).toBe(true);
    expect(untimed.checks.map((c) => c.piece)).not.toContain('timestamp');
    const otherTsa = (await createTestCa()).pem;
    const verdict = verifyEvidence(world.bundle, { ...world.options, trustedTsaCa: otherTsa });
    expect(failed(verdict)).toEqual(['timestamp']);
    expect(verdict.checks.find((c) => c.piece === 'timestamp')?.reason).toBe(
      'the bundled TSA CA is not the trusted TSA CA',
    );
  });

  it("fails a time-stamp dated after the verifier's now", () => {
    // The TSA's genTime has whole seconds and comes after the envelope: a minute before it is surely earlier.
    const verdict = verifyEvidence(world.bundle, { ...world.options, now: new Date(world.at.getTime() - 60_000) });
    expect(verdict.checks.find((c) => c.piece === 'timestamp')?.reason).toMatch(
      /^the time-stamp is dated in the future/,
    );
  });

  it('fails a cosignature changed by one bit, naming the witness', () => {
    const lines = world.bundle.checkpoint.split('\n');
    const index = lines.findIndex((line) => line.startsWith(`\u2014 ${world.witnesses[1]?.name}`));
    const [dash, name, sig] = (lines[index] ?? '').split(' ');
    lines[index] = `${dash} ${name} ${flipBase64(sig ?? '', 20)}`; // past the key ID and timestamp
    const verdict = verifyEvidence(
      tampered((b) => (b.checkpoint = lines.join('\n'))),
      world.options,
    );
    expect(failed(verdict)).toEqual(['cosignatures']);
    expect(verdict.checks.find((c) => c.piece === 'cosignatures')?.reason).toContain(world.witnesses[1]?.name);
  });

  it('ignores a cosignature whose key ID no longer matches, as signed-note requires, counting the others', () => {
    const lines = world.bundle.checkpoint.split('\n');
    const index = lines.findIndex((line) => line.startsWith(`\u2014 ${world.witnesses[1]?.name}`));
    const [dash, name, sig] = (lines[index] ?? '').split(' ');
    lines[index] = `${dash} ${name} ${flipBase64(sig ?? '', 0)}`;
    const bundle = tampered((b) => (b.checkpoint = lines.join('\n')));
    expect(verifyEvidence(bundle, world.options).ok).toBe(true);
    expect(failed(verifyEvidence(bundle, { ...world.options, quorum: 3 }))).toEqual(['cosignatures']);
  });

  it('fails when fewer known witnesses cosigned than the quorum, strangers not counting', () => {
    const verdict = verifyEvidence(world.bundle, {
      ...world.options,
      witnesses: [
        ...world.options.witnesses,
        { name: 'extra.example/w', publicKey: generateKeyPairSync('ed25519').publicKey },
      ],
      quorum: 4,
    });
    expect(failed(verdict)).toEqual(['cosignatures']);
    expect(verdict.checks.find((c) => c.piece === 'cosignatures')?.reason).toMatch(/^3 of the 4/);
  });

  it('fails a certificate from another CA under the same name, and the receipt it signed', async () => {
    const rogueCa = await createTestCa();
    const rogue = await issueTestCertificate(rogueCa, {
      code: 'MR',
      publicKey: generateKeyPairSync('ed25519').publicKey,
    });
    const verdict = verifyEvidence(
      tampered((b) => (b.certificates.bureaus[1] = rogue.pem)),
      world.options,
    );
    expect(failed(verdict)).toEqual(expect.arrayContaining(['certificate:bureaus[1]', 'receipt[0]']));
  });

  it('fails everything against a CA the verifier does not trust', async () => {
    const verdict = verifyEvidence(world.bundle, { ...world.options, trustedCa: (await createTestCa()).pem });
    expect(failed(verdict)).toContain('certificate:ca');
    expect(verdict.ok).toBe(false);
  });

  it('fails a signature made after the registry revoked its certificate', () => {
    const verdict = verifyEvidence(
      tampered((b) => b.statuses.push(world.senderRevoked)),
      world.options,
    );
    expect(failed(verdict)).toEqual(['envelope']);
    expect(verdict.checks.find((c) => c.piece === 'envelope')?.reason).toMatch(/DK: revoked as of/);
  });

  it('refuses a status statement the bureau signed about itself', async () => {
    const selfSigned = await signCertificateStatus(
      {
        code: 'DK',
        fingerprint: world.sender.kid,
        status: 'good',
        asOf: world.at.toISOString(),
        expiresAt: new Date(world.at.getTime() + 1000).toISOString(),
      },
      { kid: world.sender.kid, key: world.sender.key },
    );
    const verdict = verifyEvidence(
      tampered((b) => b.statuses.push(selfSigned)),
      world.options,
    );
    expect(failed(verdict)).toEqual([`status[${world.bundle.statuses.length}]`]);
  });

  it('fails a signer whose statement expired before it signed', () => {
    const verdict = verifyEvidence(
      tampered((b) => (b.statuses = b.statuses.filter((_, i) => i !== 1))),
      world.options,
    );
    expect(failed(verdict)).toEqual(['envelope']);
  });

  it('fails the link when no proven entry accepted this envelope, and a wrong content key', () => {
    const unlinked = verifyEvidence(
      tampered((b) => b.entries.shift()),
      world.options,
    );
    expect(failed(unlinked)).toEqual(['ledger-link']);
    const wrongKey = verifyEvidence(
      tampered((b) => (b.plaintext!.cek = Buffer.alloc(32, 7).toString('base64url'))),
      world.options,
    );
    expect(failed(wrongKey)).toEqual(['plaintext']);
  });

  it('refuses a quorum it cannot reach with the witnesses it knows', () => {
    expect(() => verifyEvidence(world.bundle, { ...world.options, quorum: 4 })).toThrow('quorum 4');
  });
});
