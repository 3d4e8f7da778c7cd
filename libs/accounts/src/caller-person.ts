import { DomainError } from '@bureaunet/contracts';
import type { Caller } from '@bureaunet/platform/stateless';

/** The signed-in person's id; a machine client (static role token) has no profile: 403 person-required. */
export function personIdOf(caller: Caller | undefined): string {
  if (caller?.kind !== 'person')
    throw new DomainError(
      'person-required',
      'only a signed-in person has a profile (not a static role token)',
      'forbidden',
    );
  return caller.person.personId;
}
