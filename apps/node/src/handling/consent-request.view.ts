import type { ConsentRequestEntity } from '../store/consent-request.entity';
import type { ConsentRequestDto } from './consent-request.dto';

export function consentRequestView(row: ConsentRequestEntity, now: Date): ConsentRequestDto {
  return {
    id: row.id,
    direction: row.direction,
    messageId: row.messageId,
    envelopeId: row.envelopeId,
    asker: row.asker,
    owner: row.owner,
    purpose: row.purpose,
    ...(row.bureaus ? { bureaus: row.bureaus } : {}),
    ...(row.note ? { note: row.note } : {}),
    state: row.state,
    active: row.state === 'granted' && row.expiresAt !== null && Date.parse(row.expiresAt) > now.getTime(),
    createdAt: row.createdAt,
    ...(row.decisionId ? { decisionId: row.decisionId } : {}),
    ...(row.decidedAt ? { decidedAt: row.decidedAt } : {}),
    ...(row.decidedBy ? { decidedBy: row.decidedBy } : {}),
    ...(row.expiresAt ? { expiresAt: row.expiresAt } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
  };
}
