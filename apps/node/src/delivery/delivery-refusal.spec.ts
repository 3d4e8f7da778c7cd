import { DomainError } from '@bureaunet/contracts';
import { CryptoError } from '@bureaunet/crypto';
import { DeliveryRefusal, refusalOf } from './delivery-refusal';

describe('refusalOf', () => {
  it('refuses for good what the bytes themselves fail', () => {
    expect(refusalOf(new CryptoError('bad-signature', 'envelope x signature does not verify'))).toEqual({
      code: 'bad-signature',
      message: 'envelope x signature does not verify',
    });
    expect(refusalOf(new DeliveryRefusal('bad-receipt', 'wrong digest'))).toEqual({
      code: 'bad-receipt',
      message: 'wrong digest',
    });
  });

  it('leaves transient failures to a redelivery', () => {
    expect(refusalOf(new DomainError('directory-unavailable', 'registry silent', 'unavailable'))).toBeUndefined();
    expect(refusalOf(new Error('SQLITE_BUSY'))).toBeUndefined();
  });
});
