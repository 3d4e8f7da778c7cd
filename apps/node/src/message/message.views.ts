import type { ConsentRequestDto } from '../handling/consent-request.dto';
import type { ReceivedMessageEntity } from '../store/received-message.entity';
import type { RecipientStateEntity } from '../store/recipient-state.entity';
import type { SentMessageEntity } from '../store/sent-message.entity';
import type { ReceivedMessageDto, RecipientStatusDto, SentMessageDto } from './message.dto';

export function sentMessageView(
  message: SentMessageEntity,
  recipients: readonly RecipientStateEntity[],
  consents?: ConsentRequestDto[],
): SentMessageDto {
  return {
    id: message.id,
    direction: 'sent',
    kind: message.kind,
    to: message.to,
    meta: message.meta,
    handling: message.meta.handling ?? { code: 'H0' },
    ...(consents ? { consents } : {}),
    createdAt: message.createdAt,
    expiresAt: message.expiresAt,
    status: message.reportStatus ?? 'pending',
    ...(message.reportRefusal ? { refusal: message.reportRefusal } : {}),
    attempts: message.attempts,
    ...(message.lastError ? { lastError: message.lastError } : {}),
    ...(message.nextCheckAt ? { nextCheckAt: message.nextCheckAt } : {}),
    recipients: recipients.map(recipientView),
  };
}

function recipientView(recipient: RecipientStateEntity): RecipientStatusDto {
  return {
    code: recipient.code,
    state: recipient.state,
    ...(recipient.refusal ? { refusal: recipient.refusal } : {}),
    ...(recipient.receiptedAt ? { receiptedAt: recipient.receiptedAt } : {}),
    ...(recipient.receiptId ? { receiptId: recipient.receiptId } : {}),
  };
}

/** `read`: whether the person asking has opened it; undefined for a machine client. */
export function receivedMessageView(
  message: ReceivedMessageEntity,
  read?: boolean,
  consents?: ConsentRequestDto[],
): ReceivedMessageDto {
  return {
    id: message.id,
    direction: 'received',
    from: message.from,
    kind: message.kind,
    meta: message.meta,
    handling: message.meta.handling ?? { code: 'H0' },
    ...(consents ? { consents } : {}),
    body: message.body ?? null,
    createdAt: message.createdAt,
    receivedAt: message.receivedAt,
    ...(read === undefined ? {} : { read }),
  };
}
