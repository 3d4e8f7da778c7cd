import type { EnvelopePayload, TravelDocumentChangeBody } from '@bureaunet/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Where a received travel-document-record goes: the hub's databases service (HubModule provides it),
 * inside the transaction that stores the message. A bureau keeps no index and provides none.
 */
export abstract class TravelDocumentRecordIntake {
  abstract receive(
    manager: EntityManager,
    payload: EnvelopePayload,
    body: TravelDocumentChangeBody,
    at: string,
  ): Promise<void>;
}
