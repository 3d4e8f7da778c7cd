import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { verifyEvidence, type EvidenceVerdict, type KnownWitness } from '@bureaunet/evidence';
import { trustedWitnessFromKey } from '@bureaunet/witness';
import { UsageError } from './audit.errors';

export interface EvidenceCheckOptions {
  bundleFile: string;
  caFile: string;
  /** Verifier keys (vkeys), or files holding one each. */
  witnesses: readonly string[];
  quorum: number;
  at?: Date;
}

/**
 * `evidence verify`: reads the bundle, the CA and the witnesses' keys, and checks every piece
 * offline. Files that cannot be read or options that cannot hold are usage errors; what the
 * bundle fails is in the verdict, piece by piece.
 */
export function checkEvidenceBundle(options: EvidenceCheckOptions): EvidenceVerdict {
  const bundle = readJson(options.bundleFile);
  const trustedCa = readCa(options.caFile);
  const witnesses = options.witnesses.map(readWitness);
  try {
    return verifyEvidence(bundle, { trustedCa, witnesses, quorum: options.quorum, now: options.at ?? new Date() });
  } catch (error) {
    // verifyEvidence throws only on its options (a quorum beyond the witnesses, a name twice).
    throw new UsageError((error as Error).message);
  }
}

/** One line per piece, in the verifier's order. */
export function verdictLines(verdict: EvidenceVerdict): string[] {
  return verdict.checks.map((check) => `${check.ok ? 'ok  ' : 'FAIL'}  ${check.piece}: ${check.reason}`);
}

function readWitness(value: string): KnownWitness {
  const vkey = value.includes('+') ? value : readText(value, '--witness').trim();
  try {
    return trustedWitnessFromKey(vkey);
  } catch (error) {
    throw new UsageError(`--witness ${value}: ${(error as Error).message}`);
  }
}

function readCa(path: string): X509Certificate {
  try {
    return new X509Certificate(readText(path, '--ca'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--ca ${path} is not a PEM certificate`);
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readText(path, 'the bundle')) as unknown;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`the bundle ${path} is not JSON`);
  }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as Error).message}`);
  }
}
