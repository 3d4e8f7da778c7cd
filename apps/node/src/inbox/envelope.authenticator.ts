import { Injectable } from '@nestjs/common';
import { CryptoError, verifyEnvelopeSignature, type ParsedEnvelope } from '@bureaunet/crypto';
import { DirectoryClient, type VerifiedKey } from '@bureaunet/directory';
import { DeliveryRefusal } from '../delivery/delivery-refusal';

/**
 * End-to-end check of the sender, not trusting the gateway: the signature must verify with the
 * current, unrevoked certificate the directory holds for payload.from, named by the header's kid.
 */
@Injectable()
export class EnvelopeAuthenticator {
  constructor(private readonly directory: DirectoryClient) {}

  async authenticate(parsed: ParsedEnvelope): Promise<void> {
    const { id, from } = parsed.payload;
    const sender = await this.directory.signingKey(from);
    // Or one a renewal replaced that is still in its overlap: signed just before the renewal, still in flight.
    const signer = parsed.header.kid === sender.kid ? sender : await this.previousSigner(from, parsed.header.kid);
    if (!signer) {
      throw new DeliveryRefusal(
        'bad-signature',
        `envelope ${id} is signed with key ${parsed.header.kid}, not with the current certificate of ${from} (${sender.kid})`,
      );
    }
    await verifyEnvelopeSignature(parsed, signer.key);
  }

  private async previousSigner(code: string, kid: string): Promise<VerifiedKey | undefined> {
    try {
      return await this.directory.signingKeyByKid(code, kid);
    } catch (error) {
      // Unknown kid: refused below as before; anything else (unavailable, revoked) goes on as it is.
      if (error instanceof CryptoError && error.code === 'certificate-invalid') return undefined;
      throw error;
    }
  }
}
