import type { EnvelopePayload, NoticeRequestBody } from '@bureaunet/contracts';
import type { EntityManager } from 'typeorm';

/** Where a received notice request goes: the hub's review queue (HubModule provides it); a bureau keeps none. */
export abstract class NoticeRequestIntake {
  abstract receive(
    manager: EntityManager,
    payload: EnvelopePayload,
    request: NoticeRequestBody,
    at: string,
  ): Promise<void>;
}
