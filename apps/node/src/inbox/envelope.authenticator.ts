import { Injectable } from '@nestjs/common';
import { verifyEnvelopeSignature, type ParsedEnvelope } from '@bureaunet/crypto';
import { DirectoryClient } from '@bureaunet/directory';
import { DeliveryRefusal } from './delivery-refusal';

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
    if (parsed.header.kid !== sender.kid) {
      throw new DeliveryRefusal('bad-signature', `envelope ${id} is signed with key ${parsed.header.kid}, not with the current certificate of ${from} (${sender.kid})`);
    }
    await verifyEnvelopeSignature(parsed, sender.key);
  }
}
