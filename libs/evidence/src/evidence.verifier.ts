import { X509Certificate } from 'node:crypto';
import { decryptJweContent, type JweContent } from './content-key';
import type { KnownWitness } from './evidence-ledger.check';
import { checkCertificates } from './evidence-certificates.check';
import { evidenceBundleSchema, type EvidenceBundle } from './evidence-bundle.schema';
import { EvidenceChecks, type EvidenceCheck } from './evidence-check';
import {
  checkCheckpoint,
  checkCosignatures,
  checkEntries,
  checkLedgerLink,
  checkPolicies,
} from './evidence-ledger.check';
import { checkSignedObjects, type CheckedEnvelope } from './evidence-signatures.check';
import { checkTimestamp } from './evidence-timestamp.check';

export interface EvidenceVerifierOptions {
  /** The CA certificate (PEM) obtained out of band. */
  trustedCa: string | X509Certificate;
  witnesses: readonly KnownWitness[];
  /** How many distinct known witnesses must have cosigned the checkpoint. */
  quorum: number;
  now: Date;
  /** Subject CN of the gateway's certificate (default XG). */
  gatewayCode?: string;
  /** Subject CN of the registry's status-signing certificate (default XR). */
  registryCode?: string;
  /** The RFC 3161 TSA's CA certificate (PEM or parsed), obtained out of band; without it a token is not checked. */
  trustedTsaCa?: string | X509Certificate;
}

export interface EvidenceVerdict {
  ok: boolean;
  checks: EvidenceCheck[];
}

/** Checks every piece of a bundle offline; never throws on bad evidence, names each failed piece. */
export function verifyEvidence(input: unknown, options: EvidenceVerifierOptions): EvidenceVerdict {
  assertOptions(options);
  const checks = new EvidenceChecks();
  const bundle = checks.attempt('format', () => {
    const parsed = evidenceBundleSchema.safeParse(input);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      throw new Error(`${issue?.path.join('.') || 'bundle'}: ${issue?.message ?? 'invalid'}`);
    }
    return { value: parsed.data, reason: `${parsed.data.format} about ${parsed.data.message_id}` };
  });
  if (bundle) verifyParsed(bundle, options, checks);
  return { ok: checks.checks.every((check) => check.ok), checks: checks.checks };
}

function verifyParsed(bundle: EvidenceBundle, options: EvidenceVerifierOptions, checks: EvidenceChecks): void {
  const trustedCa = typeof options.trustedCa === 'string' ? new X509Certificate(options.trustedCa) : options.trustedCa;
  const book = checkCertificates(
    bundle,
    { trustedCa, gatewayCode: options.gatewayCode ?? 'XG', registryCode: options.registryCode ?? 'XR' },
    checks,
  );
  const envelope = checkSignedObjects(bundle, book, checks);
  const signedHead = checkCheckpoint(bundle, book, checks);
  checkCosignatures(signedHead?.note, options, checks);
  if (bundle.timestamp)
    checkTimestamp(
      bundle.timestamp,
      signedHead?.note,
      { trustedTsaCa: trustedTsaCa(options), now: options.now },
      checks,
    );
  const entries = checkEntries(bundle, signedHead?.checkpoint, checks);
  checkLedgerLink(entries, envelope, checks);
  checkPolicies(bundle, entries, checks);
  if (bundle.plaintext) checkPlaintext(bundle.plaintext, envelope, checks);
}

function checkPlaintext(
  plaintext: NonNullable<EvidenceBundle['plaintext']>,
  envelope: CheckedEnvelope | undefined,
  checks: EvidenceChecks,
): void {
  checks.attempt('plaintext', () => {
    const content = envelope?.payload.content as JweContent | undefined;
    if (!content) throw new Error('no verified envelope content to decrypt');
    const decrypted = decryptJweContent(content, Buffer.from(plaintext.cek, 'base64url'));
    if (!decrypted.equals(Buffer.from(plaintext.content, 'base64url')))
      throw new Error('the content decrypts to other bytes than the bundled plaintext');
    return { value: undefined, reason: `${decrypted.length} bytes decrypt from the signed envelope` };
  });
}

function trustedTsaCa(options: EvidenceVerifierOptions): X509Certificate | undefined {
  const { trustedTsaCa: ca } = options;
  return typeof ca === 'string' ? new X509Certificate(ca) : ca;
}

function assertOptions(options: EvidenceVerifierOptions): void {
  if (!Number.isInteger(options.quorum) || options.quorum < 1 || options.quorum > options.witnesses.length)
    throw new Error(`quorum ${options.quorum} must be between 1 and the ${options.witnesses.length} known witnesses`);
  if (new Set(options.witnesses.map((w) => w.name)).size !== options.witnesses.length)
    throw new Error('known witnesses must have distinct names');
}
