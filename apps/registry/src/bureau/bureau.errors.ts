import { DomainError, type BureauCode } from '@bureaunet/contracts';

export function unknownBureau(code: BureauCode): DomainError {
  return new DomainError('unknown-bureau', `bureau ${code} is not registered`, 'not-found');
}
