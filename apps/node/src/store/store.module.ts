import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HitRepository } from './hit.repository';
import { CheckLogRepository } from './check-log.repository';
import { NODE_ENTITIES } from './node.entities';
import { MessageReadRepository } from './message-read.repository';
import { NoticeRepository } from './notice.repository';
import { ReceivedMessageRepository } from './received-message.repository';
import { RejectedDeliveryRepository } from './rejected-delivery.repository';
import { SentMessageRepository } from './sent-message.repository';
import { SltdReplicaRepository } from './sltd-replica.repository';

const REPOSITORIES = [
  SentMessageRepository,
  ReceivedMessageRepository,
  RejectedDeliveryRepository,
  NoticeRepository,
  HitRepository,
  SltdReplicaRepository,
  CheckLogRepository,
  MessageReadRepository,
];

/** The node's tables and the repositories over them: the bottom layer, which imports no service. */
@Module({
  imports: [TypeOrmModule.forFeature(NODE_ENTITIES)],
  providers: REPOSITORIES,
  exports: [TypeOrmModule, ...REPOSITORIES],
})
export class StoreModule {}
