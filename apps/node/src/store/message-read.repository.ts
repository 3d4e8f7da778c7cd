import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { MessageReadEntity } from './message-read.entity';

/** Which received messages each person has opened. Writes take a SerialWriter transaction's manager. */
@Injectable()
export class MessageReadRepository {
  constructor(@InjectRepository(MessageReadEntity) private readonly reads: Repository<MessageReadEntity>) {}

  /** The first opening counts; opening it again changes nothing. */
  async markRead(manager: EntityManager, messageId: string, personId: string, at: string): Promise<void> {
    if (await manager.existsBy(MessageReadEntity, { messageId, personId })) return;
    await manager.insert(MessageReadEntity, { messageId, personId, readAt: at });
  }

  /** The ids among `messageIds` this person has opened. */
  async readAmong(personId: string, messageIds: readonly string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows = await this.reads.find({
      select: { messageId: true },
      where: { personId, messageId: In([...messageIds]) },
    });
    return new Set(rows.map((row) => row.messageId));
  }
}
