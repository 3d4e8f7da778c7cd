import { DeadLetterEntity } from '@bureaunet/persistence';
import { DiffusionEntity } from './diffusion/diffusion.entity';
import { NoticeDocumentEntity, NoticeNameTokenEntity } from './notice/notice-index.entity';
import { NoticeRequestEntity } from './notice/notice-request.entity';
import { NoticeEntity } from './notice/notice.entity';
import { ReceivedMessageEntity } from './inbox/received-message.entity';
import { RejectedDeliveryEntity } from './inbox/rejected-delivery.entity';
import { RecipientStateEntity } from './outbox/recipient-state.entity';
import { SentMessageEntity } from './outbox/sent-message.entity';

/** Every table in node.sqlite. */
export const NODE_ENTITIES = [
  SentMessageEntity,
  RecipientStateEntity,
  ReceivedMessageEntity,
  RejectedDeliveryEntity,
  DeadLetterEntity,
  // workflows (notices, diffusions)
  NoticeEntity,
  NoticeNameTokenEntity,
  NoticeDocumentEntity,
  NoticeRequestEntity,
  DiffusionEntity,
];
