import { randomUUID } from 'node:crypto';
import type { EnvelopePayload } from '@bureaunet/contracts';
import { generateBureauKeys, type BureauKeys } from '../bureau-keys';
import type { EnvelopeDecryptionKey } from '../envelope.decrypter';
import type { EnvelopeRecipientKey, EnvelopeSigner, SealInput } from '../envelope.sealer';

export interface TestBureau {
  code: string;
  keys: BureauKeys;
  signer: EnvelopeSigner;
  recipientKey: EnvelopeRecipientKey;
  decryptionKey: EnvelopeDecryptionKey;
}

/** A bureau with fresh keys; kids are arbitrary labels here (certificateKid in production). */
export async function createTestBureau(code: string): Promise<TestBureau> {
  const keys = await generateBureauKeys();
  const signingKid = `${code}-sig-${randomUUID()}`;
  const encryptionKid = `${code}-enc-${randomUUID()}`;
  return {
    code,
    keys,
    signer: { kid: signingKid, key: keys.signing.privateKey },
    recipientKey: { code, kid: encryptionKid, key: keys.encryption.publicKey },
    decryptionKey: { code, kid: encryptionKid, privateKey: keys.encryption.privateKey },
  };
}

export function createTestBureaus(codes: readonly string[]): Promise<TestBureau[]> {
  return Promise.all(codes.map(createTestBureau));
}

type PayloadHeader = SealInput['payload'];

/** A valid diffusion header from sender to recipients, created now and valid for an hour. */
export function testPayloadHeader(
  sender: TestBureau,
  recipients: readonly TestBureau[],
  overrides: Partial<PayloadHeader> = {},
): PayloadHeader {
  const createdAt = new Date();
  return {
    id: randomUUID(),
    kind: 'diffusion',
    from: sender.code,
    to: recipients.map((recipient) => recipient.code),
    createdAt: createdAt.toISOString(),
    expiresAt: new Date(createdAt.getTime() + 3_600_000).toISOString(),
    meta: { priority: 'urgent' },
    ...overrides,
  };
}

/** The header of a receipt from `sender` for an envelope it received. */
export function testReceiptHeader(
  sender: TestBureau,
  to: TestBureau,
  receiptFor: { id: string; digest: string },
): PayloadHeader {
  return testPayloadHeader(sender, [to], { kind: 'receipt', meta: { receiptFor } });
}

export function withContent(header: PayloadHeader, content: EnvelopePayload['content']): EnvelopePayload {
  return { v: 1, ...header, content };
}
