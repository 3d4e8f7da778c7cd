import type { KeyObject } from 'node:crypto';
import { envelopeContentSchema, type EnvelopeContent, type GeneralJwe, schemaIssues } from '@bureaunet/contracts';
import { CryptoError } from './crypto.errors';
import type { ParsedEnvelope } from './envelope.parser';
import { decryptJweEntry, type JweEntry } from './jwe-entry.decrypter';
import { decodeJweProtectedHeader } from './jwe-header.check';
import { assertKeyType } from './key-type.check';
import { parseJsonObject } from './utf8-json.decoder';

export interface EnvelopeDecryptionKey {
  /** The recipient bureau's code: its entry must be addressed (bn_to) to it. */
  code: string;
  kid: string;
  /** X25519 private key. */
  privateKey: KeyObject;
}

/** Kids of the JWE entries, in order; empty for a contentless kind. */
export function jweRecipientKids(parsed: ParsedEnvelope): string[] {
  return (parsed.payload.content?.recipients ?? []).map((recipient) => String(recipient.header?.['kid']));
}

/**
 * Decrypts the one entry for key.kid. Call after verifyEnvelopeSignature: the binding checks
 * below trust payload.id and payload.from.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- async keeps the contract: every refusal rejects
export async function decryptEnvelopeContent(
  parsed: ParsedEnvelope,
  key: EnvelopeDecryptionKey,
): Promise<EnvelopeContent> {
  assertKeyType(key.privateKey, { asymmetricKeyType: 'x25519', type: 'private' }, 'key.privateKey');
  const jwe = parsed.payload.content;
  if (!jwe)
    throw new CryptoError(
      'not-encrypted-for-recipient',
      `envelope ${parsed.payload.id} of kind ${parsed.payload.kind} carries no content`,
    );
  const entry = selectEntry(jwe, key);
  checkBinding(jwe, parsed);
  const plaintext = decryptEntry(entry, key);
  const content = envelopeContentSchema.safeParse(parseJsonObject(plaintext, 'content', 'bad-content'));
  if (!content.success) throw new CryptoError('bad-content', schemaIssues(content.error, 'content'));
  return content.data;
}

// generalDecrypt would try every entry in turn (127 ms for the 195th); pick ours by kid.
function selectEntry(jwe: GeneralJwe, key: EnvelopeDecryptionKey): JweEntry {
  const recipient = jwe.recipients.find((candidate) => candidate.header?.['kid'] === key.kid);
  if (!recipient) throw new CryptoError('not-encrypted-for-recipient', `no JWE entry for kid ${key.kid}`);
  const addressee = recipient.header?.['bn_to'];
  if (addressee !== key.code) {
    throw new CryptoError(
      'not-encrypted-for-recipient',
      `the JWE entry for kid ${key.kid} is addressed to ${String(addressee)}, not ${key.code}`,
    );
  }
  const { recipients: _all, ...shared } = jwe;
  return { ...shared, header: recipient.header, encrypted_key: recipient.encrypted_key };
}

// The protected header is GCM additional data, so these values are authentic once decryption succeeds.
function checkBinding(jwe: GeneralJwe, parsed: ParsedEnvelope): void {
  const header = decodeJweProtectedHeader(jwe);
  if (header['bn_id'] !== parsed.payload.id || header['bn_from'] !== parsed.payload.from) {
    throw new CryptoError(
      'bad-content',
      `content is bound to envelope ${String(header['bn_id'])} from ${String(header['bn_from'])}, not ${parsed.payload.id} from ${parsed.payload.from}`,
    );
  }
}

function decryptEntry(entry: JweEntry, key: EnvelopeDecryptionKey): Uint8Array {
  try {
    return decryptJweEntry(entry, key.privateKey);
  } catch (error) {
    // Any failure here comes from what the sender put in the entry, never from our own state.
    throw new CryptoError(
      'bad-content',
      `the JWE entry for kid ${key.kid} does not decrypt: ${(error as Error).message}`,
    );
  }
}
