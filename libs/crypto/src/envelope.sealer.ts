import type { KeyObject } from 'node:crypto';
import {
  CONTENTLESS_KINDS,
  ENVELOPE_TYP,
  envelopePayloadSchema,
  PROTOCOL_VERSION,
  type EnvelopePayload,
  type FlattenedJws,
  type GeneralJwe,
  schemaIssues,
  scopeReferenceOf,
} from '@bureaunet/contracts';
import { CryptoError } from './crypto.errors';
import { envelopeDigest } from './envelope.digest';
import { encryptGeneralJwe } from './general-jwe.encrypter';
import { JWE_CONTENT_ENCRYPTION_ALGORITHM, JWE_KEY_MANAGEMENT_ALGORITHM } from './jose-algorithms';
import { signJsonPayload } from './jws.signer';
import { assertKeyType } from './key-type.check';

export interface EnvelopeRecipientKey {
  code: string;
  kid: string;
  /** X25519 public key from the recipient's encryption certificate. */
  key: KeyObject;
}

export interface EnvelopeSigner {
  kid: string;
  /** Ed25519 private key. */
  key: KeyObject;
}

export interface SealInput {
  payload: Omit<EnvelopePayload, 'v' | 'content'>;
  body?: unknown;
  recipients: readonly EnvelopeRecipientKey[];
  signer: EnvelopeSigner;
}

export interface SealedEnvelope {
  jws: FlattenedJws;
  serialized: string;
  digest: string;
  payload: EnvelopePayload;
}

// Satisfies the schema's "content is required" rule so the payload is validated before any crypto.
const CONTENT_STAND_IN: GeneralJwe = { protected: 'e30', recipients: [{}], iv: 'AA', ciphertext: 'AA', tag: 'AA' };

/** Encrypts the body for each recipient (one JWE entry each), then signs the whole payload. */
// eslint-disable-next-line @typescript-eslint/require-await -- async keeps the contract: every refusal rejects
export async function sealEnvelope(input: SealInput): Promise<SealedEnvelope> {
  assertKeyType(input.signer.key, { asymmetricKeyType: 'ed25519', type: 'private' }, 'signer.key');
  const contentless = CONTENTLESS_KINDS.includes(input.payload.kind);
  const header = validatePayload(input, contentless);
  const content = contentless ? undefined : encryptContent(header, input);
  const payload: EnvelopePayload = content ? { ...header, content } : header;
  const jws = signJsonPayload(payload, { kid: input.signer.kid, typ: ENVELOPE_TYP }, input.signer.key);
  return { jws, serialized: JSON.stringify(jws), digest: envelopeDigest(jws), payload };
}

function validatePayload(input: SealInput, contentless: boolean): EnvelopePayload {
  const candidate = { v: PROTOCOL_VERSION, ...input.payload, content: contentless ? undefined : CONTENT_STAND_IN };
  const checked = envelopePayloadSchema.safeParse(candidate);
  if (!checked.success) throw new CryptoError('malformed-envelope', schemaIssues(checked.error, 'payload'));
  const { content: _standIn, ...header } = checked.data;
  if (contentless && input.body !== undefined) {
    throw new CryptoError('malformed-envelope', `body: must be absent for kind ${header.kind}`);
  }
  if (!contentless && input.body === undefined) {
    throw new CryptoError('malformed-envelope', `body: is required for kind ${header.kind}`);
  }
  if (!contentless) checkRecipients(header, input.recipients);
  return header;
}

function checkRecipients(payload: EnvelopePayload, recipients: readonly EnvelopeRecipientKey[]): void {
  if (recipients.length === 0)
    throw new CryptoError('malformed-envelope', 'recipients: at least one recipient key is required');
  const kids = new Set<string>();
  recipients.forEach((recipient, index) => {
    assertKeyType(recipient.key, { asymmetricKeyType: 'x25519', type: 'public' }, `recipients[${index}].key`);
    if (kids.has(recipient.kid))
      throw new CryptoError('malformed-envelope', `recipients[${index}].kid: ${recipient.kid} appears twice`);
    kids.add(recipient.kid);
  });
  // A listed addressee without an entry could never read the message: catch it before sending.
  const codes = new Set(recipients.map((recipient) => recipient.code));
  // A group:/operation: scope stands for members the sender resolved into `recipients` itself.
  const missing =
    payload.to === 'all' ? [] : payload.to.filter((code) => scopeReferenceOf(code) === undefined && !codes.has(code));
  if (missing.length > 0)
    throw new CryptoError('malformed-envelope', `recipients: no key for ${missing.join(', ')} listed in payload.to`);
}

function encryptContent(payload: EnvelopePayload, input: SealInput): GeneralJwe {
  const plaintext = serializeContent(input.body);
  // bn_id and bn_from bind the ciphertext to this envelope: lifted into another, it fails to decrypt.
  return encryptGeneralJwe(
    plaintext,
    { enc: JWE_CONTENT_ENCRYPTION_ALGORITHM, bn_id: payload.id, bn_from: payload.from },
    input.recipients.map((recipient) => ({
      key: recipient.key,
      header: { alg: JWE_KEY_MANAGEMENT_ALGORITHM, kid: recipient.kid, bn_to: recipient.code },
    })),
  );
}

function serializeContent(body: unknown): Uint8Array {
  let json: string;
  try {
    json = JSON.stringify({ body });
  } catch (error) {
    throw new CryptoError('malformed-envelope', `body: is not JSON-serializable (${(error as Error).message})`);
  }
  return Buffer.from(json, 'utf8');
}
