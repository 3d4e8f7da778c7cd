import type { ParsedEnvelope } from '@bureaunet/crypto';
import { ReceivedMessageEntity } from './received-message.entity';

/** The inbox row for a verified envelope: the exact bytes received, and the body once decrypted. */
export function receivedMessageRow(
  raw: Buffer,
  parsed: ParsedEnvelope,
  body: unknown,
  receivedAt: string,
): ReceivedMessageEntity {
  const { id, from, kind, meta, createdAt, expiresAt } = parsed.payload;
  return Object.assign(new ReceivedMessageEntity(), {
    id,
    from,
    kind,
    meta,
    body,
    envelope: raw,
    digest: parsed.digest,
    createdAt,
    expiresAt,
    receivedAt,
  });
}
