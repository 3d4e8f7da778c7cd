import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { DirectoryEntry, SignedDirectory } from '@bureaunet/contracts';
import { issueTestCertificate, type TestCa } from '../../../crypto/src/testing/test-pki.fixture';
import { signDirectory } from '../signed-directory';
import { certificateFingerprint } from '../trusted-certificates';

/** Signs directories as the registry's XR identity would, under a test CA. */
export interface TestDirectorySigner {
  certificatePem: string;
  kid: string;
  key: KeyObject;
  sign(
    entries: DirectoryEntry[],
    options?: { version?: number; issuedAt?: Date; ttlMs?: number },
  ): Promise<SignedDirectory>;
}

export async function createTestDirectorySigner(ca: TestCa, code = 'XR'): Promise<TestDirectorySigner> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const issued = await issueTestCertificate(ca, { code, publicKey });
  const identity = { certificatePem: issued.pem, kid: certificateFingerprint(issued.certificate), key: privateKey };
  return {
    ...identity,
    sign: (entries, options = {}) => {
      const issuedAt = options.issuedAt ?? new Date();
      return signDirectory(
        {
          entries,
          version: options.version ?? Math.max(0, ...entries.map((entry) => entry.version)),
          issuedAt: issuedAt.toISOString(),
          expiresAt: new Date(issuedAt.getTime() + (options.ttlMs ?? 86_400_000)).toISOString(),
        },
        identity,
      );
    },
  };
}
