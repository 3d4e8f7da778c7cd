import { DomainError } from '@bureaunet/contracts';

/** A candidate policy set that does not parse, breaks a house rule or fails Cedar's validator. */
export class PolicySetInvalidError extends DomainError {
  override readonly name = 'PolicySetInvalidError';

  constructor(readonly problems: readonly string[]) {
    super('policy-invalid', `the policy set is invalid: ${problems.join('; ')}`, 'invalid');
  }
}

/** A decision asked of a policy version this engine has not prepared. */
export class PolicyVersionUnknownError extends DomainError {
  override readonly name = 'PolicyVersionUnknownError';

  constructor(version: number) {
    super('rules-version-unknown', `access rules version ${version} is not loaded`, 'unavailable');
  }
}
