import { DomainError } from '@bureaunet/contracts';

export function invalidRules(message: string): DomainError {
  return new DomainError('rules-invalid', message, 'invalid');
}

export function unknownDeclaration(id: string): DomainError {
  return new DomainError('unknown-declaration', `no declaration with id ${id}`, 'not-found');
}
