import { Injectable } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import type { EntityManager } from 'typeorm';
import { NoticeDocumentEntity } from './notice-index.entity';
import { addNoticeNames, noticeName, updateNoticeName } from './notice-name.index';
import { NoticeRequestEntity } from './notice-request.entity';
import { NoticeEntity } from './notice.entity';
import { documentRows } from './notice.rows';
import { assertPending, isNewerRevision } from './notice.state';

/** Writes to the notice tables, always inside a SerialWriter transaction (the caller's manager). */
@Injectable()
export class NoticeRepository {
  /** Stores a revision unless a newer one is held; a cancelled notice stays cancelled. */
  async put(manager: EntityManager, row: NoticeEntity): Promise<boolean> {
    const held = await manager.findOneBy(NoticeEntity, { number: row.number });
    if (held && !isNewerRevision(held.revision, row.revision)) return false;
    const stored: NoticeEntity = held
      ? {
          ...row,
          state: held.state,
          cancelledAt: held.cancelledAt,
          cancelReason: held.cancelReason,
          envelopeId: held.envelopeId,
          recipients: held.recipients.length > 0 ? held.recipients : row.recipients,
        }
      : row;
    await manager.save(NoticeEntity, stored);
    if (held) await updateNoticeName(manager, noticeName(held), noticeName(stored));
    else await addNoticeNames(manager, [noticeName(stored)]);
    await manager.delete(NoticeDocumentEntity, { number: row.number });
    const documents = documentRows(stored);
    if (documents.length > 0) await manager.insert(NoticeDocumentEntity, documents);
    return true;
  }

  /**
   * Decides a received request that is still pending. The check and the change run in the
   * caller's serialised transaction, with the step's outgoing message: of two racing review
   * steps, the second finds the request decided and rolls back, message and all.
   */
  async decideRequest(
    manager: EntityManager,
    id: string,
    change: Pick<NoticeRequestEntity, 'state' | 'decidedAt'> &
      Partial<Pick<NoticeRequestEntity, 'noticeNumber' | 'reason'>>,
  ): Promise<void> {
    // Guarded by the state, not by a read before: of two decisions at once (two hub processes on
    // one PostgreSQL database), the second changes nothing and fails.
    const decided = await manager.update(NoticeRequestEntity, { id, direction: 'received', state: 'pending' }, change);
    if ((decided.affected ?? 0) > 0) return;
    const request = await manager.findOneBy(NoticeRequestEntity, { id, direction: 'received' });
    if (!request) throw new DomainError('request-not-found', `no notice request ${id} was received here`, 'not-found');
    assertPending(id, request.state);
    throw new Error(`notice request ${id} was pending but not decided`);
  }

  /** Marks a notice cancelled; false when it is unknown here or already cancelled. */
  async cancel(manager: EntityManager, number: string, reason: string, at: string): Promise<boolean> {
    const result = await manager.update(
      NoticeEntity,
      { number, state: 'active' },
      { state: 'cancelled', cancelledAt: at, cancelReason: reason, updatedAt: at },
    );
    return (result.affected ?? 0) > 0;
  }
}
