import { Inject, Injectable } from '@nestjs/common';
import type { EnvelopePayload } from '@bureaunet/contracts';
import type { EntityManager } from 'typeorm';
import { DEFAULT_REQUEST_DEADLINES, NODE_CONFIG, type NodeConfig } from '../node.config';
import { isTrackedRequestKind, requestDueBound } from './request-due';
import { TrackedRequestEntity } from './tracked-request.entity';

/**
 * Starts tracking a query or request received here, in the transaction that stores it. Its deadline
 * is the sender's meta.dueAt; a sender that gave none (an older node) is held to this node's own
 * bound for the priority, counted from the envelope's createdAt.
 */
@Injectable()
export class RequestTracker {
  constructor(@Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'requests'>) {}

  async received(manager: EntityManager, payload: EnvelopePayload, at: string): Promise<boolean> {
    if (!isTrackedRequestKind(payload.kind)) return false;
    const priority = payload.meta.priority ?? 'routine';
    const dueAt =
      payload.meta.dueAt ??
      new Date(
        Date.parse(payload.createdAt) + requestDueBound(priority, this.config.requests ?? DEFAULT_REQUEST_DEADLINES),
      ).toISOString();
    await manager.insert(TrackedRequestEntity, {
      id: payload.id,
      from: payload.from,
      kind: payload.kind,
      priority,
      dueAt,
      receivedAt: at,
      answeredAt: null,
      answerId: null,
      escalatedAt: null,
    });
    return true;
  }
}
