import { DomainError } from '@bureaunet/contracts';

export function unknownGroup(id: string): DomainError {
  return new DomainError('unknown-group', `no country group with id ${id}`, 'not-found');
}

export function groupExists(id: string): DomainError {
  return new DomainError('group-exists', `a country group with id ${id} already exists`, 'conflict');
}

export function groupInvalid(message: string): DomainError {
  return new DomainError('group-invalid', message, 'invalid');
}

export function groupInUse(id: string, policies: readonly string[]): DomainError {
  return new DomainError(
    'group-in-use',
    `country group ${id} is named by the policies ${policies.join(', ')}: change them first, then delete the group`,
    'conflict',
  );
}
