import { DomainError } from '@bureaunet/contracts';

export type PersonMatchErrorCode =
  /** A name with no letter left once folded to Latin (empty, digits, punctuation only). */
  | 'name-empty'
  /** A date of birth that is not YYYY, YYYY-MM or a calendar date YYYY-MM-DD. */
  | 'date-of-birth-invalid'
  /** A threshold at or below the cap of a person without name evidence: the index could not honour it. */
  | 'threshold-out-of-range';

/** A refused query or person record; at an HTTP edge a 400 with its code. */
export class PersonMatchError extends DomainError {
  override readonly name: string = 'PersonMatchError';

  constructor(
    override readonly code: PersonMatchErrorCode,
    message: string,
    /** The field at fault: familyName, givenNames, dateOfBirth, threshold. */
    readonly field: string,
  ) {
    super(code, message, 'invalid');
  }
}
