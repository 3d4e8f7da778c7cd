import { DomainError, signedDirectorySchema, type DirectoryContent } from '@bureaunet/contracts';
import { SignedDirectoryError, verifySignedDirectory } from '@bureaunet/evidence';
import { BureauIdentity, trustedCas } from '@bureaunet/identity';
import type { BusClient } from '@bureaunet/transport';
import type { CaTrustFollower } from './ca-trust.follower';
import { directoryExpired } from './directory-validity';

/**
 * Asks the registry on `subject` and returns the content of its signed answer, verified against
 * the trusted CAs at `now`; an unsigned, tampered or expired answer throws a DomainError naming it.
 */
export async function readSignedDirectory(
  request: { bus: BusClient; subject: string; body: object },
  trust: { follower: CaTrustFollower; identity: BureauIdentity; now: Date },
): Promise<DirectoryContent> {
  const answer = signedDirectorySchema.safeParse(await request.bus.request<unknown>(request.subject, request.body));
  if (!answer.success)
    throw new DomainError(
      'directory-unsigned',
      `the registry's directory answer on ${request.subject} is not signed`,
      'unavailable',
    );
  // During a CA rotation the registry signs under the new CA first: follow its CA list as for a bureau's certificate.
  await trust.follower.issuerOf(answer.data.certificate);
  try {
    return verifySignedDirectory(answer.data, { cas: trustedCas(trust.identity), now: trust.now });
  } catch (error) {
    if (!(error instanceof SignedDirectoryError)) throw error;
    if (error.kind === 'expired') throw directoryExpired(error.expiresAt!, 'the registry answered with it');
    throw new DomainError(
      'directory-invalid',
      `the registry's directory answer is refused: ${error.message}`,
      'unavailable',
    );
  }
}
